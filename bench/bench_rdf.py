"""RDF export records/s: the streamed N-Triples dump beside rdflib Graph.add + serialize("nt") (BENCH_RDF_RECORDS).

Demo records of all six domains (BENCH_RDF_RECORDS, default 100,000, spread over the demo centers) are
published into a temporary embedded platform. Their public views (what the dump holds: confidential
records left out, restricted ones generalised) are read once, then in one run:

  (a) our path: the triples of each record (catalog.linked_data.resources) written as N-Triples lines
      to a file, as the dump does; and the same into gzip, as /dump.nt.gz and `catalog export rdf` do;
  (b) rdflib on the same records and triples: Graph.add for every triple, then serialize("nt") to a file;
  (c) the dump end to end from the database (catalog.linked_data.catalogue.write_dump: vocabularies,
      centers, datasets and every public resource, read a batch at a time).

Both wall-clock and CPU rates are reported; the machine is shared, so compare the ratios.
"""
from __future__ import annotations

import gzip
import os
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path

DEFAULT_RECORDS = 100_000


def _timed(function) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def run() -> list[tuple[str, float, str]]:
    from rdflib import Graph

    from catalog.app import build_services, initialise
    from catalog.config import Settings
    from catalog.demo.data import DEMO_CENTERS, DEMO_DEPARTMENTS, demo_resources
    from catalog.linked_data import ntriples
    from catalog.linked_data.catalogue import PUBLIC, write_dump
    from catalog.linked_data.graphs import add_triples
    from catalog.linked_data.resources import resource_triples
    from catalog.permissions import Actor

    wanted = int(os.environ.get("BENCH_RDF_RECORDS", str(DEFAULT_RECORDS)))
    log = lambda message: print(f"   {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)  # noqa: E731
    operator = Actor.operator()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-rdf-") as folder:
        services = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(Path(folder) / "var")}))
        try:
            initialise(services)
            services.resources.on_change = lambda: None   # the search index plays no part in the dump
            for department in DEMO_DEPARTMENTS:
                services.centers.create_department(operator, department["code"], department["name_zh"],
                                                   department["name_en"])
            for center in DEMO_CENTERS:
                services.centers.create_center(operator, center["code"], center["name_zh"], center["name_en"],
                                               domain=center["domain"], department_code=center["department"])
            per_center = -(-wanted // len(DEMO_CENTERS))
            records = sorted(demo_resources(per_center=per_center), key=lambda r: (r["center"], r["domain"]))
            for (center_code, domain), group in groupby(records, key=lambda r: (r["center"], r["domain"])):
                services.resources.publish(operator, center_code, domain, list(group))
            log(f"published {len(records):,} records")
            base_url = services.settings.base_url
            views: list = []
            read_wall, _ = _timed(lambda: views.extend(services.resources.views(PUBLIC)))
            for view in views[:200]:   # warm the rule and concept caches, as a running dump has them
                resource_triples(view, base_url)
            triples = sum(len(resource_triples(view, base_url)) for view in views)
            log(f"{len(views):,} public views read, {triples:,} triples")

            def ours(out) -> None:
                for view in views:
                    out.write("".join(ntriples.lines(resource_triples(view, base_url))))

            def plain() -> None:
                with open(Path(folder) / "ours.nt", "w", encoding="utf-8", newline="\n") as out:
                    ours(out)

            def gzipped() -> None:
                with gzip.open(Path(folder) / "ours.nt.gz", "wt", encoding="utf-8", compresslevel=6) as out:
                    ours(out)

            in_graph: list[int] = []

            def with_rdflib() -> None:
                graph = Graph()
                for view in views:
                    add_triples(graph, resource_triples(view, base_url))
                graph.serialize(destination=str(Path(folder) / "rdflib.nt"), format="nt", encoding="utf-8")
                in_graph.append(len(graph))

            def dump() -> None:
                with open(Path(folder) / "dump.nt", "w", encoding="utf-8", newline="\n") as out:
                    write_dump(services, out)

            ours_wall, ours_cpu = _timed(plain)
            log(f"N-Triples lines: {len(views) / ours_wall:,.0f} records/s")
            gzip_wall, gzip_cpu = _timed(gzipped)
            log(f"N-Triples lines, gzip: {len(views) / gzip_wall:,.0f} records/s")
            rdflib_wall, rdflib_cpu = _timed(with_rdflib)
            log(f"rdflib: {len(views) / rdflib_wall:,.0f} records/s")
            # the same triples both ways (tests/linked_data proves the graphs isomorphic)
            assert in_graph == [triples], (in_graph, triples)
            dump_wall, dump_cpu = _timed(dump)
            n = len(views)
            rows += [("records published", len(records), "records"),
                     ("public records in the dump", n, "records"),
                     ("triples per public record", triples / n, "triples"),
                     ("read public views from the database", n / read_wall, "records/s"),
                     ("(a) N-Triples lines to a file", n / ours_wall, "records/s"),
                     ("(a) N-Triples lines to a file, CPU", n / ours_cpu, "records/s"),
                     ("(a) N-Triples lines, gzip", n / gzip_wall, "records/s"),
                     ("(a) N-Triples lines, gzip, CPU", n / gzip_cpu, "records/s"),
                     ("(b) rdflib Graph.add + serialize nt", n / rdflib_wall, "records/s"),
                     ("(b) rdflib Graph.add + serialize nt, CPU", n / rdflib_cpu, "records/s"),
                     ("(a) / (b), wall", rdflib_wall / ours_wall, "ratio"),
                     ("(a) / (b), CPU", rdflib_cpu / ours_cpu, "ratio"),
                     ("(c) dump end to end from the database", n / dump_wall, "records/s"),
                     ("(c) dump end to end from the database, CPU", n / dump_cpu, "records/s")]
        finally:
            services.close()
    return rows
