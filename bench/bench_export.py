"""Export records/s: the Darwin Core Archive of 100k published records (BENCH_EXPORT_RECORDS), beside a floor.

The demo generator's records of all six domains (every sharing mode) are validated as uploads are and
published into SQLite, then written, as the public sees them:
  (a) the floor: the same rows read from the database and written as bare tab-delimited text into a zip
      entry, with no visibility rule, no value formatting and no extensions;
  (b) the DwC-A export of the whole catalogue (ExportService.write: core, extensions, meta.xml, eml.xml);
  (c) the MCPD CSV of its germplasm;
  (d) python-dwca-reader reading the archive of (b) back, for scale.
BENCH_EXPORT_RECORDS sets the size (default 100,000).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from itertools import groupby
from pathlib import Path

from sqlalchemy import select

from catalog.app import build_services, initialise
from catalog.demo import validated
from catalog.demo.data import DEMO_CENTERS, DEMO_DEPARTMENTS, demo_resources
from catalog.exports.selection import Selection
from catalog.models import Resource
from catalog.permissions import Actor
from catalog.config import Settings

OPERATOR = Actor.operator()
DEFAULT_RECORDS = 100_000


def publish(services, records: int) -> int:
    for department in DEMO_DEPARTMENTS:
        services.centers.create_department(OPERATOR, department["code"], department["name_zh"], department["name_en"])
    for center in DEMO_CENTERS:
        services.centers.create_center(OPERATOR, center["code"], center["name_zh"], center["name_en"],
                                       domain=center["domain"], department_code=center["department"])
    services.resources.on_change = lambda: None   # exports read the database, not the index
    generated = sorted(demo_resources(per_center=-(-records // len(DEMO_CENTERS))),
                       key=lambda record: (record["center"], record["domain"]))
    for (center, domain), group in groupby(generated, key=lambda record: (record["center"], record["domain"])):
        services.resources.publish(OPERATOR, center, domain, (validated(domain, item) for item in group))
    return services.resources.count()


def floor(services, path: Path) -> int:
    """Bare rows out of the database into a zip entry: what any export costs at the least."""
    written, after = 0, 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("occurrence.txt", "w", force_zip64=True) as entry:
        while True:
            with services.session_factory() as session:
                batch = session.scalars(select(Resource).where(Resource.id > after).order_by(Resource.id)
                                        .limit(500)).all()
            if not batch:
                return written
            after = batch[-1].id
            for resource in batch:
                entry.write(("\t".join(str(value) for value in (
                    resource.identifier, resource.local_id, resource.scientific_name, resource.decimal_latitude,
                    resource.decimal_longitude, resource.event_date, resource.locality, resource.payload))
                    + "\n").encode("utf-8"))
                written += 1


def timed(function, *arguments) -> tuple[float, object]:
    start = time.perf_counter()
    outcome = function(*arguments)
    return time.perf_counter() - start, outcome


def run() -> list[tuple[str, float, str]]:
    wanted = int(os.environ.get("BENCH_EXPORT_RECORDS", str(DEFAULT_RECORDS)))
    log = lambda message: print(f"   {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)  # noqa: E731
    anonymous = Actor.anonymous()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        folder = Path(folder)
        services = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(folder / "var")}))
        try:
            initialise(services)
            seconds, total = timed(publish, services, wanted)
            log(f"published {total:,} records in {seconds:.0f} s")
            floor_seconds, floor_rows = timed(floor, services, folder / "floor.zip")
            with (folder / "catalogue.zip").open("wb") as stream:
                dwca_seconds, dwca = timed(services.exports.write, anonymous, "dwca", Selection(), stream)
            log(f"DwC-A: {dwca.records:,} records in {dwca_seconds:.1f} s")
            with (folder / "germplasm.csv").open("wb") as stream:
                mcpd_seconds, mcpd = timed(services.exports.write, anonymous, "mcpd", Selection(), stream)
            rows = [("records published", total, "records"),
                    ("(a) floor: bare rows from the database into a zip", floor_rows / floor_seconds, "records/s"),
                    ("(b) DwC-A export, whole catalogue as the public sees it", dwca.records / dwca_seconds,
                     "records/s"),
                    ("(b) / (a)", (dwca.records / dwca_seconds) / (floor_rows / floor_seconds), "ratio"),
                    ("(b) archive size", (folder / "catalogue.zip").stat().st_size / 2**20, "MiB"),
                    ("(c) MCPD CSV export, germplasm", mcpd.records / mcpd_seconds, "records/s")]
            try:
                from dwca.read import DwCAReader
            except ImportError:
                log("python-dwca-reader is not installed: (d) skipped")
                return rows

            def read_back() -> int:
                with DwCAReader(str(folder / "catalogue.zip")) as archive:
                    return sum(1 for _ in archive)
            read_seconds, read = timed(read_back)
            return rows + [("(d) python-dwca-reader reading (b) back", read / read_seconds, "records/s")]
        finally:
            services.close()
