"""Embedded engines side by side: SQLite FTS5 + R*Tree and tantivy-py on one seeded corpus (--records N).

`python -m bench bench_engines [--records 1000000] [--seed S] [--out FILE]` (100,000 records by default).
The corpus is written once as JSON Lines from the demo generator; each engine (bench/search_engines.py)
then builds it and runs the same workload in its own subprocess, so build time, size on disk and peak
memory are its own. Both index the same analysed text (folded words and CJK bigrams) and answer the same
parameters, and the table says whether their answers (totals, facet counts, pages, suggestions) agree.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import itertools
import json
import math
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from bench.bench_ingest import REMARKS, _Memory
from bench.search_engines import ENGINES, SORT_BASE, analysed
from catalog.demo.data import _BUILDERS, DEMO_CENTERS
from catalog.generalise import generalised
from catalog.search.analysis import analyse
from catalog.search.documents import _text_values

DEFAULT_RECORDS, DEFAULT_SEED = 100_000, 20261125
REPEAT, WARM_UP, UPSERT_BATCH, SAMPLE = 60, 5, 1_000, 5_000
CODES_PER_CENTER = 4  # the demo has 8 centers and the platform expects ~30: each one's records use 4 codes
LARGE_FILTERS = (("country_code", ["CN"]), ("sharing_mode", ["open"]),
                 ("domain", ["plant_germplasm", "biological_specimen"]), ("sharing_mode", ["open", "restricted"]))
QUERIES = {
    "latin_term": "one Latin term: top 20 by BM25 + total",
    "chinese_word": "two-character Chinese word: top 20 + total",
    "text_two_filters": "text + domain and center filters: top 20 + total",
    "facets_large": "filter matching >= 30% + total + 5 facet counts",
    "box": "lat/lon box: count + 20",
    "distance": "within r km of a point: count + nearest 20",
    "keyset_page": "page of 20 at depth 100k (N/2 if smaller) by cursor (keyset)",
    "offset_page": "the same page by offset",
    "autocomplete": "name prefix: top 10 distinct names by count",
    "age_overlap": "age overlap (min_age <= hi AND max_age >= lo): count + 20",
}
NOTES = (  # what an engine lacks natively, so the table does not pass an emulation off as a feature
    "tantivy-py has no geo field: a box is two fast-field range queries; a distance is that box, then the "
    "distance and the order computed in Python over fast-field values (SQLite: R*Tree + distance_km in SQL).",
    "tantivy-py has no search_after: the cursor is a range query on one integer key (year * 10^7 + seq) "
    "ordered by it (SQLite: WHERE (year, docid) > (?, ?) on the year index).",
    "tantivy-py has no conditional write: the upsert reads each committed version, then deletes and adds "
    "(SQLite: INSERT ... ON CONFLICT DO UPDATE ... WHERE excluded.version > documents.version).",
    "Autocomplete: tantivy's term dictionary with document counts (terms_with_prefix); SQLite a names table "
    "kept by triggers.",
)


# ---------------------------------------------------------------- the corpus and the workload

def corpus(records: int, seed: int) -> Iterator[dict[str, Any]]:
    """`records` public index documents, seeded: demo records, confidential ones left out as the index does."""
    rng, n, seq = random.Random(seed), 0, 0
    while seq < records:
        n += 1
        center = DEMO_CENTERS[n % len(DEMO_CENTERS)]
        record = _BUILDERS[center["domain"]](rng, center, n)
        if record["sharing_mode"] != "confidential":
            seq += 1
            yield document(record, seq, rng.choice(REMARKS))


def document(record: dict[str, Any], seq: int, remark: str) -> dict[str, Any]:
    values = {"decimal_latitude": record["decimal_latitude"], "decimal_longitude": record["decimal_longitude"],
              "locality": record["locality"], "payload": {**record["payload"], "remarks": remark}}
    if record["sharing_mode"] == "restricted":
        values = generalised(values, record["domain"])
    payload, name, date = values["payload"], record["scientific_name"] or "", record["event_date"] or ""
    code = f"{record['center']}{seq % CODES_PER_CENTER + 1}"
    year = int(date[:4]) if date else None
    return {"seq": seq, "id": f"{code}-{record['domain']}-{record['local_id']}", "version": 1,
            "domain": record["domain"], "center": code, "sharing_mode": record["sharing_mode"],
            "title_zh": record["name_zh"], "title_en": record["name_en"], "scientific_name": name or None,
            "country_code": record["country_code"], "admin_division": record["admin_division"],
            "locality": values["locality"], "event_date": date or None, "year": year,
            "latitude": values["decimal_latitude"], "longitude": values["decimal_longitude"],
            "basis_of_record": payload.get("basisOfRecord"), "family": payload.get("family"),
            "genus": payload.get("genus") or payload.get("GENUS") or (name.split()[0] if name else None),
            "min_age": payload.get("min_age_ma"), "max_age": payload.get("max_age_ma"),
            "sort_key": year * SORT_BASE + seq if year else None, "text": " ".join(_text_values(payload))}


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        yield from map(json.loads, handle)


def make_plan(sample: list[dict], sort_keys: list[int], seed: int) -> dict[str, list[list]]:
    """REPEAT parameter sets per query kind, drawn from the corpus with a fixed seed."""
    rng = random.Random(seed)
    placed, dated = [d for d in sample if d["latitude"] is not None], [d for d in sample if d["min_age"] is not None]
    genera = sorted({analyse(d["genus"])[0] for d in sample if d["genus"] and analyse(d["genus"])})
    chinese = sorted({d["title_zh"][:2] for d in sample if len(analyse(d["title_zh"][:2])) == 2})
    centers = sorted({d["center"] for d in sample})
    base, stride = min(100_000, len(sort_keys) // 2), max(1, min(97, len(sort_keys) // (4 * REPEAT)))
    plan: dict[str, list[list]] = {kind: [] for kind in QUERIES}
    for i in range(REPEAT):
        d, p = rng.choice([d for d in sample if d["genus"]]), rng.choice(placed)
        half, depth = rng.choice((0.05, 0.1, 0.2, 0.5)), base + stride * i
        plan["latin_term"].append([rng.choice(genera)])
        plan["chinese_word"].append([rng.choice(chinese)])
        word = analyse(d["genus"])[0] if i % 2 else d["title_zh"][:2]
        plan["text_two_filters"].append([word, d["domain"], [d["center"], rng.choice(centers)]])
        plan["facets_large"].append(list(LARGE_FILTERS[i % len(LARGE_FILTERS)]))
        plan["box"].append([round(p["latitude"] - half, 2), round(p["latitude"] + half, 2),
                            round(p["longitude"] - half, 2), round(p["longitude"] + half, 2)])
        plan["distance"].append([p["latitude"], p["longitude"], rng.choice((2, 5, 10, 25))])
        plan["keyset_page"].append([sort_keys[depth - 1]])
        plan["offset_page"].append([depth])
        plan["autocomplete"].append([d["scientific_name"].casefold()[:rng.randint(2, 4)]])
        low = rng.choice(dated)["min_age"] - rng.uniform(0, 30)  # a window near a fossil's age, or not
        plan["age_overlap"].append([round(low, 1), round(low + rng.uniform(1, 60), 1)])
    return plan


# ---------------------------------------------------------------- measuring (one subprocess per engine)

def latency(method: Callable, parameter_sets: list[list]) -> dict[str, Any]:
    """Wall and CPU p50/p95 over all parameter sets after WARM_UP untimed calls, and a digest of the answers."""
    for parameters in parameter_sets[-WARM_UP:]:
        method(*parameters)
    wall, cpu, answers = [], [], []
    for parameters in parameter_sets:
        start, start_cpu = time.perf_counter(), time.process_time()
        answers.append(method(*parameters))
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    totals = sorted(a if isinstance(a, int) else a[0] for a in answers if isinstance(a, int) or isinstance(a[0], int))
    p95 = math.ceil(0.95 * len(wall)) - 1
    return {"p50_ms": statistics.median(wall), "p95_ms": sorted(wall)[p95], "cpu_p50_ms": statistics.median(cpu),
            "cpu_p95_ms": sorted(cpu)[p95], "repetitions": len(wall),
            "totals_min_median_max": totals and [totals[0], statistics.median(totals), totals[-1]],
            "answers_sha1": hashlib.sha1(json.dumps(answers, ensure_ascii=False).encode()).hexdigest()}


def measure(engine_name: str, corpus_path: Path, plan_path: Path) -> dict[str, Any]:
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix=f"bench-engines-{engine_name}-") as folder:
        memory, load = _Memory(), os.getloadavg()[0]
        start, start_cpu = time.perf_counter(), time.process_time()
        engine = ENGINES[engine_name](Path(folder))
        engine.build(read_corpus(corpus_path))
        build = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - start_cpu,
                 "size_mib": sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file()) / 2**20,
                 **memory.done()}
        queries = {kind: latency(getattr(engine, kind), plan[kind]) for kind in QUERIES}
        upserts = []
        for version in range(2, 7):  # each round: a newer version of 1,000 records, then a stale one (refused)
            batch = [{**d, "version": version, "title_en": f"{d['title_en']} v{version}"} for d in plan["upsert"]]
            start = time.perf_counter()
            engine.upsert(batch)
            upserts.append((time.perf_counter() - start) * 1000)
            engine.upsert([{**d, "version": version - 1} for d in batch])
            assert set(engine.versions([d["id"] for d in batch])) == {version}, f"{engine_name}: a stale write won"
    return {"build": build, "queries": queries, "upsert_ms_median": statistics.median(upserts),
            "load_average": [load, os.getloadavg()[0]]}


def _child(engine_name: str, corpus_path: Path, plan_path: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.bench_engines", "--child", engine_name, str(corpus_path),
                           str(plan_path)], check=True, stdout=subprocess.PIPE, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict[str, Any]:
    meminfo = Path("/proc/meminfo")
    kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0]) if meminfo.exists() else 0
    return {"cpus": os.cpu_count(), "ram_gib": round(kib / 2**20, 1), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "tantivy": importlib.metadata.version("tantivy")}


# ---------------------------------------------------------------- the run

def run(argv: list[str] | None = None) -> list[tuple[str, float, str]]:
    if argv is None:  # `python -m bench bench_engines --records N` leaves its options after the module name
        argv = sys.argv[2:] if sys.argv[1:2] == [__name__.rpartition(".")[2]] else []
    parser = argparse.ArgumentParser(prog="python -m bench bench_engines")
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="where the JSON results go (default: the temporary folder)")
    options, _ = parser.parse_known_args(argv)
    out = options.out or Path(tempfile.gettempdir()) / f"bench-engines-{options.records}.json"
    log = lambda message: print(f"   {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as folder:
        corpus_path, plan_path = Path(folder) / "corpus.jsonl", Path(folder) / "plan.json"
        start, sample, sort_keys = time.perf_counter(), [], []
        with open(corpus_path, "w", encoding="utf-8") as handle:
            for doc in corpus(options.records, options.seed):
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
                sample += [doc] if len(sample) < SAMPLE else []
                sort_keys += [doc["sort_key"]] if doc["sort_key"] else []
        generated = time.perf_counter() - start
        plan = {**make_plan(sample, sorted(sort_keys), options.seed), "upsert": sample[:UPSERT_BATCH]}
        plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        start, counted = time.perf_counter(), 0
        for counted, doc in enumerate(itertools.islice(read_corpus(corpus_path), SAMPLE * 20), 1):
            analysed(doc)  # the Python share of every build: read and analyse (timed on the first 100k)
        floor = counted / (time.perf_counter() - start)
        log(f"{options.records:,} documents generated in {generated:.0f} s; read + analyse {floor:,.0f}/s")
        results = {}
        for name in ENGINES:
            results[name] = _child(name, corpus_path, plan_path)
            log(f"{name}: built in {results[name]['build']['seconds']:.1f} s")
        corpus_mib = corpus_path.stat().st_size / 2**20
    report = {"records": options.records, "seed": options.seed, "machine": machine(), "corpus_mib": corpus_mib,
              "read_and_analyse_per_second": floor, "queries": QUERIES, "engines": results}
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(report))
    log(f"results written to {out}")
    return [(f"{name}: {label}", value, unit) for name, result in results.items() for label, value, unit in (
        ("build", options.records / result["build"]["seconds"], "records/s"),
        ("index on disk", result["build"]["size_mib"], "MiB"),
        ("build peak RSS", result["build"]["rss_peak_mib"], "MiB"),
        ("upsert 1,000 with a version check", result["upsert_ms_median"], "ms"),
        *((f"{kind} {p}", result["queries"][kind][f"{p}_ms"], "ms") for kind in QUERIES for p in ("p50", "p95")))]


def table(report: dict[str, Any]) -> str:
    """One Markdown table: build figures, then p50 / p95 wall (and p50 CPU) per query, and whether answers agree."""
    engines, host = [report["engines"][name] for name in ENGINES], report["machine"]
    loads = ", ".join(f"{e['load_average'][0]:.1f}-{e['load_average'][1]:.1f}" for e in engines)
    lines = [f"{report['records']:,} records (seed {report['seed']}); {host['cpus']} CPUs, {host['ram_gib']} GiB; "
             f"Python {host['python']}, SQLite {host['sqlite']}, tantivy-py {host['tantivy']}; "
             f"load average during each engine's run: {loads}; reading and analysing alone (the Python share "
             f"of both builds): {report['read_and_analyse_per_second']:,.0f} documents/s", "",
             "| measure | SQLite FTS5 + R*Tree | tantivy-py | same answers |", "|---|---|---|---|"]
    builds = [e["build"] for e in engines]
    for label, cell in (("build, s (CPU s)", lambda b: f"{b['seconds']:.1f} ({b['cpu_seconds']:.1f})"),
                        ("build, records/s", lambda b: f"{report['records'] / b['seconds']:,.0f}"),
                        ("index on disk, MiB", lambda b: f"{b['size_mib']:,.0f}"),
                        ("peak RSS of the build (growth), MiB", lambda b: f"{b['rss_peak_mib']:,.0f} "
                                                                           f"({b['rss_growth_mib']:,.0f})")):
        lines.append(f"| {label} | {cell(builds[0])} | {cell(builds[1])} | |")
    lines.append("| upsert 1,000 records with a version check, one commit, ms | "
                 + " | ".join(f"{e['upsert_ms_median']:,.0f}" for e in engines) + " | stale writes refused |")
    for kind, label in QUERIES.items():
        answers = [e["queries"][kind] for e in engines]
        cells = [f"{a['p50_ms']:.2f} / {a['p95_ms']:.2f} ({a['cpu_p50_ms']:.2f})" for a in answers]
        same = "yes" if len({a["answers_sha1"] for a in answers}) == 1 else "NO"
        lines.append(f"| {label}, ms p50 / p95 (CPU p50) | {cells[0]} | {cells[1]} | {same} |")
    return "\n".join(lines + ["", *(f"- {note}" for note in NOTES)])


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))
    else:
        run(sys.argv[1:])
