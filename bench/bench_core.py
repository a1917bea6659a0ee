"""Publish, index and search demo records on the embedded defaults (BENCH_PER_CENTER sets the size)."""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from itertools import groupby

from catalog.app import build_services, initialise
from catalog.config import Settings
from catalog.demo.data import DEMO_CENTERS, DEMO_DEPARTMENTS, demo_resources
from catalog.permissions import Actor
from catalog.search.query import Query

OPERATOR = Actor.operator()
QUERIES = {
    "latin word": Query(text="camellia", size=20),
    "two Chinese characters": Query(text="武汉", size=20),
    "text + domain filter": Query(text="hubei", filters={"domain": ("biological_specimen",)}, size=20),
    "match-all + 5 facets": Query(facets=("domain", "center", "sharing_mode", "country_code", "year"), size=20),
}
REPEAT = 30


def latency_ms(function, repeat: int = REPEAT) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def run() -> list[tuple[str, float, str]]:
    per_center = int(os.environ.get("BENCH_PER_CENTER", "2500"))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings.from_env({"CATALOG_VAR_DIR": folder}))
        try:
            initialise(services)
            for department in DEMO_DEPARTMENTS:
                services.centers.create_department(OPERATOR, department["code"], department["name_zh"],
                                                   department["name_en"])
            for center in DEMO_CENTERS:
                services.centers.create_center(OPERATOR, center["code"], center["name_zh"], center["name_en"],
                                               domain=center["domain"], department_code=center["department"])
            records = sorted(demo_resources(per_center=per_center), key=lambda r: (r["center"], r["domain"]))
            services.resources.on_change = lambda: None  # measure publishing and indexing apart
            start = time.perf_counter()
            for (center_code, domain), group in groupby(records, key=lambda r: (r["center"], r["domain"])):
                services.resources.publish(OPERATOR, center_code, domain, list(group))
            publish_seconds = time.perf_counter() - start
            start = time.perf_counter()
            indexed = services.indexer.drain()
            drain_seconds = time.perf_counter() - start
            rows += [("records", len(records), "records"),
                     ("publish (history + outbox + audit, one transaction per batch)",
                      len(records) / publish_seconds, "records/s"),
                     ("index drain into the embedded engine", indexed / drain_seconds, "docs/s")]
            for name, query in QUERIES.items():
                service_p50, service_p95 = latency_ms(lambda: services.search.search(OPERATOR, query))
                bare_p50, _ = latency_ms(lambda: services.backend.search(query))
                rows += [(f"search {name}: p50 via service", service_p50, "ms"),
                         (f"search {name}: p95 via service", service_p95, "ms"),
                         (f"search {name}: service / bare engine p50", service_p50 / bare_p50, "ratio")]
        finally:
            services.close()
    return rows
