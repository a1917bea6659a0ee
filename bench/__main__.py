"""Run every bench_*.py module in this folder and print its figures as a table (and JSON with --json)."""
from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    results = {}
    for module_info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if not module_info.name.startswith("bench_") or (len(sys.argv) > 1 and sys.argv[1] not in
                                                         (module_info.name, "--json")):
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        print(f"== {module_info.name}: {module.__doc__.strip().splitlines()[0]}", file=sys.stderr)
        rows = module.run()
        results[module_info.name] = [{"measure": m, "value": v, "unit": u} for m, v, u in rows]
        for measure, value, unit in rows:
            print(f"{measure:<60} {value:>14,.2f} {unit}")
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
