"""Regenerate vocabularies/data/*.ttl from the shared standards files and our hand tables.

Usage: python -m vocabularies.build --shared /work/shared [--check]
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from . import derive, derive_geo
from .loader import DATA_DIR, parse
from .schemes import HAND, scheme
from .turtle import Entry, render

RISK_NOTE = {"en": "1 = lowest hazard (WHO / EU Directive 2000/54/EC, GB 19489 危害等级 I-IV). The Chinese "
                   "pathogen classes (cn_pathogen_class) run the opposite way: never infer one from the other."}
ADMIN_COMMENTS = [
    "Basis: GB/T 2260 codes as published by the Ministry of Civil Affairs (民政部), county level and above,",
    "as of about 2023; TRANSCRIBED BY HAND, not copied from an official file. All 34 provincial-level",
    "divisions; for Hubei every prefecture-level division (incl. the four province-administered county-level",
    "units 429004/429005/429006/429021) and every county-level division. cat:centroidLat/Lon and cat:bbox",
    "(minLat,minLon,maxLat,maxLon, WGS84) are APPROXIMATE, slightly generous hand estimates for plausibility",
    "checks only: never use them as boundaries.",
]


def builders(data: Path) -> dict[str, Callable[[], list[Entry]]]:
    if not (data / "transcribed/codelists.csv").is_file():
        raise SystemExit(f"{data} does not hold the shared standards files (see --shared)")
    table: dict[str, Callable[[], list[Entry]]] = {
        "basis_of_record": lambda: derive.basis_of_record(data),
        "type_status": lambda: derive.type_status(data),
        "taxon_rank": lambda: derive.taxon_rank(data),
        "occurrence_status": lambda: derive.occurrence_status(data),
        "sampstat": lambda: derive.mcpd(data, "sampstat", "MCPD:SAMPSTAT", "BiologicalStatusType.xml",
                                        derive.zh.SAMPSTAT),
        "collsrc": lambda: derive.mcpd(data, "collsrc", "MCPD:COLLSRC", "AcquisitionSourceType.xml",
                                       derive.zh.COLLSRC),
        "storage": lambda: derive.mcpd(data, "storage", "MCPD:STORAGE", "StorageConditionType.xml",
                                       derive.zh.STORAGE),
        "mlsstat": lambda: derive.mcpd(data, "mlsstat", "MCPD:MLSSTAT", None, derive.zh.MLSSTAT),
        "cn_pathogen_class": lambda: derive.cn_biosafety(data, "cn_pathogen_class"),
        "biosafety_level": lambda: derive.cn_biosafety(data, "biosafety_level"),
        "geological_sample_type": lambda: derive_geo.geological_sample_type(data),
        "chronostratigraphy": lambda: derive_geo.chronostratigraphy(data),
        "country": lambda: derive_geo.country(data),
    }
    for name in ("risk_group", "organism_type", "nagoya_status", "restrictions_on_use", "form_of_supply"):
        table[name] = partial(derive.microbial, data, name)
    for name in HAND:
        table[name] = partial(derive_geo.hand_table, name)
    return table


def render_all(shared: Path) -> dict[str, str]:
    data = shared / "data" / "standards"
    notes = {"risk_group": RISK_NOTE, "cn_pathogen_class": {"en": derive.OPPOSITE}}
    texts = {}
    for name, make in sorted(builders(data).items()):
        entries = make()
        comments = list(ADMIN_COMMENTS) if name == "admin_division" else []
        for note, what in ((derive.PLACEHOLDER, "English placeholder zh label"), (derive.ANALOGY, "zh by analogy")):
            codes = [e.code for e in entries if e.editorial_note == note]
            if codes:
                comments += wrap(f"{what} (skos:editorialNote): {', '.join(codes)}")
        texts[name] = render(scheme(name, comments, notes.get(name)), entries)
    return texts


def wrap(text: str, width: int = 100) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def report_collisions(texts: dict[str, str]) -> int:
    """Print labels shared by several concepts of one vocabulary; returns how many there are."""
    count = 0
    for name, text in texts.items():
        for key, codes in parse(name, text, "http://build.invalid").collisions().items():
            print(f"ambiguous label in {name}: {key!r} -> {', '.join(codes)}", file=sys.stderr)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vocabularies.build", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (holds data/standards)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    texts = render_all(args.shared.resolve())
    collisions = report_collisions(texts)
    stale = [name for name, text in texts.items()
             if not (DATA_DIR / f"{name}.ttl").is_file()
             or (DATA_DIR / f"{name}.ttl").read_text(encoding="utf-8") != text]
    extra = sorted(set(p.stem for p in DATA_DIR.glob("*.ttl")) - set(texts))
    if args.check:
        for name in stale:
            print(f"out of date: vocabularies/data/{name}.ttl", file=sys.stderr)
        for name in extra:
            print(f"not produced by the build: vocabularies/data/{name}.ttl", file=sys.stderr)
        return 1 if stale or extra or collisions else 0
    DATA_DIR.mkdir(exist_ok=True)
    for name in stale:
        (DATA_DIR / f"{name}.ttl").write_text(texts[name], encoding="utf-8")
    print(f"{len(texts)} vocabularies, {len(stale)} rewritten, {collisions} ambiguous labels"
          f"{'; unexpected files: ' + ', '.join(extra) if extra else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
