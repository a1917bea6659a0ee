"""The platform's embedded search engine: build rate, size and memory, and a mixed query workload through
SearchService beside the same SQL run bare on SQLite, as ratios in one run.

`python -m bench bench_search [--records 1000000]` (100,000 records by default, BENCH_SEARCH_RECORDS too).
Documents are made by the platform's own public_document() from seeded demo records (confidential ones
are left out, restricted ones generalised, as in the public index). "Bare" replays the exact SQL
statements the service issued for the query (captured with SQLite's trace callback), without building the
Query, decoding JSON documents or highlighting.
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from bench.bench_ingest import _Memory
from catalog.demo.data import _BUILDERS, DEMO_CENTERS
from catalog.enums import Domain, SharingMode
from catalog.models import Center, Resource
from catalog.permissions import Actor
from catalog.search.documents import public_document
from catalog.search.embedded import EmbeddedBackend
from catalog.search.geo import distance_km
from catalog.search.query import BoundingBox, Distance, Query, Range, encode_cursor
from catalog.search.service import SearchService

DEFAULT_RECORDS, SEED, REPEAT, WARM_UP = 100_000, 20261125, 40, 3
ANYONE = Actor.anonymous()
CORE = ("name_zh", "name_en", "scientific_name", "country_code", "admin_division", "locality", "decimal_latitude",
        "decimal_longitude", "coordinate_uncertainty_m", "event_date", "availability")


def documents(count: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """`count` public documents from seeded demo records, through the platform's own public_document()."""
    rng, n, made, now = random.Random(seed), 0, 0, datetime(2026, 11, 25, tzinfo=timezone.utc)
    centers = {c["code"]: Center(code=c["code"]) for c in DEMO_CENTERS}
    while made < count:
        n += 1
        spec = DEMO_CENTERS[n % len(DEMO_CENTERS)]
        record = _BUILDERS[spec["domain"]](rng, spec, n)
        resource = Resource(identifier=f"{spec['code']}-{spec['domain']}-{record['local_id']}-{n}",
                            domain=Domain(spec["domain"]), center=centers[spec["code"]],
                            sharing_mode=SharingMode(record["sharing_mode"]), payload=record["payload"],
                            version=1, is_deleted=False, updated_at=now, **{k: record.get(k) for k in CORE})
        document = public_document(resource)
        if document:
            made += 1
            yield document


def workload(sample: list[dict[str, Any]], depth_cursor: str) -> dict[str, Callable[[random.Random], Query]]:
    names = [d["taxon"].split()[0] for d in sample if d.get("taxon")]
    words_zh = [d["title_zh"][:2] for d in sample if d.get("title_zh")]
    located = [d for d in sample if d.get("latitude") is not None]
    return {
        "text only (Latin), top 20": lambda r: Query(text=r.choice(names)),
        "text only (Chinese word), top 20": lambda r: Query(text=r.choice(words_zh)),
        "text + 2 filters": lambda r: Query(text=r.choice(names), filters={"country_code": ("CN",),
                                                                            "sharing_mode": ("open", "on_request")}),
        "filters + 5 facets, large set": lambda r: Query(filters={"country_code": ("CN",)}, facets=(
            "domain", "center", "sharing_mode", "genus", "decade")),
        "geo box": lambda r: _box(r.choice(located)),
        "distance 25 km": lambda r: Query(geo=Distance(r.choice(located)["latitude"],
                                                       r.choice(located)["longitude"], 25)),
        "year range + sort by year": lambda r: Query(ranges={"year": Range(r.randint(1950, 2000), 2010)},
                                                     sort="-year"),
        "cursor page at depth 100k": lambda r: Query(sort="year", cursor=depth_cursor),
    }


def _box(point: dict[str, Any]) -> Query:
    lat, lon = point["latitude"], point["longitude"]
    return Query(geo=BoundingBox(lat - 0.5, lon - 0.5, lat + 0.5, lon + 0.5))


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def measure(records: int) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = [("records in the public index", records, "records")]
    with tempfile.TemporaryDirectory() as folder:
        backend = EmbeddedBackend(Path(folder))
        backend.ensure_index()
        corpus = documents(records)
        sample: list[dict[str, Any]] = []
        memory = _Memory()
        start = time.perf_counter()

        def keep_sample(stream):
            for document in stream:
                if len(sample) < 5000:
                    sample.append(document)
                yield document
        written = backend.replace_all(keep_sample(corpus))
        seconds = time.perf_counter() - start
        peak = memory.done()
        backend._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
        rows += [("index build (analysis + FTS5 + R*Tree + names)", written / seconds, "docs/s"),
                 ("index size on disk", size, "MiB"), ("index build peak RSS growth", peak["rss_growth_mib"], "MiB")]
        service = SearchService(backend)
        depth = min(100_000, records // 2)
        value, identifier = backend._conn().execute(
            "SELECT year, id FROM documents ORDER BY year IS NULL, year, id LIMIT 1 OFFSET ?", (depth,)).fetchone()
        queries = workload(sample, encode_cursor(Query(sort="year"), [value, identifier]))
        queries_rng = random.Random(SEED)
        for name, make in queries.items():
            rows += compare(name, backend, lambda: service.search(ANYONE, make(queries_rng)))
        rows += compare("the same facets again, counts kept", backend,
                        lambda: service.search(ANYONE, queries["filters + 5 facets, large set"](queries_rng)),
                        keep_counts=True)
        typed = [d["taxon"][:3] for d in sample if d.get("taxon")] + [d["title_zh"][:1] for d in sample if d.get("title_zh")]
        rows += compare("autocomplete", backend, lambda: service.suggest(ANYONE, queries_rng.choice(typed), 10))
        backend.close()
    return rows


def compare(name: str, backend: EmbeddedBackend, call: Callable[[], Any],
            keep_counts: bool = False) -> list[tuple[str, float, str]]:
    """p50/p95 through the service, then the same statements replayed bare, and the ratio of the p50s. The
    engine's kept counts are cleared before each call unless `keep_counts`: the workload measures counting."""
    conn = backend._conn()
    bare = sqlite3.connect(backend.path)  # a second connection with the engine's settings, kept warm
    for pragma in ("mmap_size = 1073741824", "cache_size = -65536"):
        bare.execute(f"PRAGMA {pragma}")
    bare.create_function("distance_km", 4, distance_km, deterministic=True)
    service_ms, bare_ms = [], []
    for round_number in range(WARM_UP + REPEAT):
        statements: list[str] = []
        if not keep_counts:
            backend.counts.clear()
        conn.set_trace_callback(statements.append)
        elapsed = timed(call)
        conn.set_trace_callback(None)
        sql = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        bare_elapsed = timed(lambda: [bare.execute(statement).fetchall() for statement in sql])
        if round_number >= WARM_UP:
            service_ms.append(elapsed)
            bare_ms.append(bare_elapsed)
    bare.close()
    (s50, s95), (b50, b95) = percentiles(service_ms), percentiles(bare_ms)
    return [(f"{name}: p50 via service", s50, "ms"), (f"{name}: p95 via service", s95, "ms"),
            (f"{name}: p50 bare SQL", b50, "ms"), (f"{name}: p95 bare SQL", b95, "ms"),
            (f"{name}: service ÷ bare (p50)", s50 / b50 if b50 else float("nan"), "×")]


def run(argv: list[str] | None = None) -> list[tuple[str, float, str]]:
    parser = argparse.ArgumentParser(prog="bench_search")
    parser.add_argument("--records", type=int, default=int(os.environ.get("BENCH_SEARCH_RECORDS", DEFAULT_RECORDS)))
    arguments, _unknown = parser.parse_known_args(sys.argv[2:] if argv is None else argv)
    return measure(arguments.records)


if __name__ == "__main__":
    for measure_name, value, unit in run(sys.argv[1:]):
        print(f"{measure_name:<60} {value:>12,.2f} {unit}")
