"""Ingest records/s on one large Darwin Core file beside csv.reader and frictionless (BENCH_INGEST_ROWS).

One seeded CSV of biological specimen records (Chinese and English text, coordinates, partial and
Chinese-style dates, five basisOfRecord values and a sprinkling of the quirks real exports have) is
written to a temporary folder, then read by:

  (a) bare csv.reader, the floor every other figure is compared with;
  (b) our reader alone (ingest.readers.open_table rows);
  (c) read + map + validate (ingest.pipeline.check_file, no sink);
  (d) frictionless-py validate() with an explicit Table Schema of the equivalent checks (a peer);
  (e) storing: staging the valid rows and approving them into SQLite through SubmissionService,
      timed apart from the validation that process() also does;
  (f) end to end: upload → validated → submitted → approved → indexed in the embedded engine.

(c), (d) and (e)+(f) each run in a fresh subprocess, so one phase's memory cannot hide another's: the
peak RSS growth (the ru_maxrss high-water mark, reset for the phase; see _Memory) is measured from a
baseline taken after imports and warm-up, just before the phase starts. BENCH_INGEST_TRACEMALLOC=1
adds a tracemalloc peak (another, slower subprocess per phase). BENCH_INGEST_PHASES picks the
subprocess phases (validate,frictionless,store: all by default); BENCH_INGEST_SEED changes the
seed; BENCH_INGEST_REPEAT the runs of (a) and (b) (median of 3).
"""
from __future__ import annotations

import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

DOMAIN = "biological_specimen"
DEFAULT_ROWS = 200_000
DEFAULT_SEED = 20261125
CENTER = "IHBAS"
COLUMNS = ("catalogNumber", "basisOfRecord", "institutionCode", "collectionCode", "scientificName",
           "vernacularName", "kingdom", "phylum", "class", "order", "family", "genus", "specificEpithet",
           "taxonRank", "recordedBy", "identifiedBy", "eventDate", "dateIdentified", "countryCode",
           "stateProvince", "county", "locality", "decimalLatitude", "decimalLongitude",
           "coordinateUncertaintyInMeters", "geodeticDatum", "minimumElevationInMeters", "individualCount",
           "preparations", "typeStatus", "habitat", "occurrenceRemarks")
BASIS = (["PreservedSpecimen", "MaterialSample", "HumanObservation", "LivingSpecimen", "FossilSpecimen"],
         [86, 5, 4, 3, 2])
HABITATS = ("溪流石下", "常绿阔叶林下", "山坡灌丛", "湖泊浅水区 / shallow lake margin", "mixed forest, 1200 m",
            "稻田边 / edge of a rice paddy", "石灰岩山地", "长江干流 / main channel of the Yangtze", "")
REMARKS = ("采集时天气晴", "specimen partly damaged", "送检 DNA 条形码 / DNA barcoded",
           'label reads "Ichang", i.e. Yichang', "同号复份存于 WH, PE", "eggs present, preserved separately",
           "原始标签字迹模糊")


# ---------------------------------------------------------------- the file

def write_specimen_file(path: Path, rows: int, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write `rows` specimen records as UTF-8 CSV; returns how many of each planted quirk it holds.

    Records come from the demo generator (catalog.demo.data) for the two specimen centers, flattened to
    Darwin Core columns with unique catalogue numbers. About 0.3% of rows carry an error (unparseable or
    out-of-range coordinate, unknown basisOfRecord, negative count, repeated catalogue number) and a few
    percent a warning (Chinese or compact date, swapped coordinates, placeholder words, padded text);
    some remarks hold commas, quotes or a line break.
    """
    from catalog.demo.data import DEMO_CENTERS, _specimen  # the realistic record generator
    from catalog.demo.taxa import PEOPLE

    rng = random.Random(seed)
    centers = [center for center in DEMO_CENTERS if center["domain"] == DOMAIN]
    quirks = dict.fromkeys(("bad_latitude", "latitude_out_of_range", "unknown_basis", "negative_count",
                            "duplicate_id", "swapped", "chinese_date", "compact_date", "placeholder",
                            "padded", "remark_newline"), 0)
    recent: list[str] = []
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(1, rows + 1):
            record = _specimen(rng, centers[n % 2], n)
            payload = record["payload"]
            latitude, longitude = record["decimal_latitude"], record["decimal_longitude"]
            coll = payload["collectionCode"]
            local_id = f"{payload['institutionCode']}-{coll}.{n:07d}"
            if recent and rng.random() < 0.0005:  # a catalogue number repeated from the last thousand rows
                local_id = rng.choice(recent)
                quirks["duplicate_id"] += 1
            elif len(recent) < 1000:
                recent.append(local_id)
            else:
                recent[n % 1000] = local_id
            basis = rng.choices(*BASIS)[0]
            if rng.random() < 0.001:
                basis = "Specimen"
                quirks["unknown_basis"] += 1
            event = payload["eventDate"]
            roll = rng.random()
            if roll < 0.02 and len(event) == 10:
                event = f"{event[:4]}年{int(event[5:7])}月{int(event[8:10])}日"
                quirks["chinese_date"] += 1
            elif roll < 0.03 and len(event) == 10:
                event = event.replace("-", "")
                quirks["compact_date"] += 1
            lat = "" if latitude is None else f"{latitude}"
            lon = "" if longitude is None else f"{longitude}"
            roll = rng.random()
            if lat and roll < 0.003:
                lat, lon = lon, lat
                quirks["swapped"] += 1
            elif lat and roll < 0.004:
                lat = f"{int(latitude)}°{int(latitude % 1 * 60)}'N"
                quirks["bad_latitude"] += 1
            elif lat and roll < 0.0045:
                lat = f"{latitude + 90:.4f}"
                quirks["latitude_out_of_range"] += 1
            count = "1" if rng.random() < 0.9 else str(rng.randint(2, 30))
            if rng.random() < 0.0005:
                count = "-1"
                quirks["negative_count"] += 1
            recorded_by = payload["recordedBy"]
            if rng.random() < 0.2:
                recorded_by = "; ".join(zh for zh, _ in rng.sample(PEOPLE, rng.randint(1, 3)))
            identified_by = payload["identifiedBy"]
            habitat = rng.choice(HABITATS)
            if rng.random() < 0.01:
                habitat, identified_by = rng.choice(("NA", "不详", "-")), rng.choice(("NA", "不详", ""))
                quirks["placeholder"] += 1
            scientific_name = payload["scientificName"]
            if rng.random() < 0.02:
                scientific_name = f" {scientific_name.replace(' ', '  ', 1)} "
                quirks["padded"] += 1
            remarks = rng.choice(REMARKS) if rng.random() < 0.3 else ""
            if remarks and rng.random() < 0.01:
                remarks += "\n第二行备注 / second line"
                quirks["remark_newline"] += 1
            province = payload["stateProvince"] or ""
            if province == "Hubei" and rng.random() < 0.3:
                province = "湖北省"
            elevation = str(rng.randint(20, 2800)) if rng.random() < 0.6 else ""
            writer.writerow((
                local_id, basis, payload["institutionCode"], coll, scientific_name, payload["vernacularName"],
                payload["kingdom"], payload["phylum"], payload["class"], payload["order"], payload["family"],
                payload["genus"], payload["specificEpithet"], payload["taxonRank"], recorded_by, identified_by,
                event, payload["dateIdentified"], record["country_code"], province, payload["county"] or "",
                record["locality"], lat, lon,
                "" if record["coordinate_uncertainty_m"] is None else f"{record['coordinate_uncertainty_m']:g}",
                record["geodetic_datum"] or "", elevation, count, payload["preparations"] or "",
                payload["typeStatus"] or "", habitat, remarks))
    return quirks


def frictionless_descriptor() -> dict[str, Any]:
    """A Table Schema holding what a Table Schema can say of our checks: types, required, unique, ranges,
    lengths, the closed basisOfRecord and the country code vocabularies, identifier and date shapes."""
    import vocabularies
    from schemas.field_checks import LOCAL_ID
    from schemas.registry import describe

    declarations = {d.term_name: d for d in describe(DOMAIN).fields}
    # ISO 8601 dates of any precision or an interval, compact YYYYMMDD and Chinese 1998年5月1日 (what we read)
    iso = r"\d{4}(-\d{1,2}(-\d{1,2})?)?"
    date = rf"\s*({iso}(/({iso}|\d{{1,2}}(-\d{{1,2}})?))?|\d{{8}}|\d{{4}}\s*年(\s*\d{{1,2}}\s*月(\s*\d{{1,2}}\s*日)?)?)\s*"
    fields = []
    for column in COLUMNS:
        declaration = declarations[column]
        field: dict[str, Any] = {"name": column, "type": "string"}
        constraints: dict[str, Any] = {}
        kind = declaration.kind.value
        if kind == "decimal":
            field["type"] = "number"
        elif kind == "integer":
            field["type"] = "integer"
        elif kind == "date":
            constraints["pattern"] = date
        if declaration.required:
            constraints["required"] = True
        if declaration.minimum is not None:
            constraints["minimum"] = declaration.minimum
        if declaration.maximum is not None:
            constraints["maximum"] = declaration.maximum
        if declaration.max_length is not None and field["type"] == "string":
            constraints["maxLength"] = declaration.max_length
        if column == "catalogNumber":
            constraints.update(unique=True, pattern=LOCAL_ID.pattern.strip("^$"))
        elif column == "basisOfRecord":
            constraints["enum"] = sorted(concept.code for concept in vocabularies.get("basis_of_record"))
        elif column == "countryCode":
            constraints["enum"] = sorted(concept.code for concept in vocabularies.get("country"))
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


# ---------------------------------------------------------------- phases

def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _floor(path: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, rows) of bare csv.reader over the file."""
    start, cpu = time.perf_counter(), time.process_time()
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = sum(1 for _ in reader)
    return time.perf_counter() - start, time.process_time() - cpu, rows


def _reader(path: Path) -> tuple[float, float, int]:
    from ingest.readers import open_table

    start, cpu = time.perf_counter(), time.process_time()
    with open_table(path) as table:
        rows = sum(1 for _ in table.rows)
    return time.perf_counter() - start, time.process_time() - cpu, rows


def _phase_validate(path: Path) -> dict[str, Any]:
    from ingest.pipeline import check_file
    from schemas.validation import validator

    validator(DOMAIN).validate({"local_id": "warm-up", "basis_of_record": "PreservedSpecimen",
                                "state_province": "湖北省", "country_code": "CN"})  # loads the vocabularies
    measure = _Memory()
    start, cpu = time.perf_counter(), time.process_time()
    report = check_file(path, DOMAIN)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    summary = report.summary()
    flags = dict(report.flags.most_common())
    report.close()
    return {"seconds": seconds, "cpu_seconds": cpu, **summary, "flags": flags, **measure.done()}


def _phase_frictionless(path: Path) -> dict[str, Any]:
    from frictionless import Resource, Schema, validate

    schema = Schema.from_descriptor(frictionless_descriptor())
    measure = _Memory()
    start, cpu = time.perf_counter(), time.process_time()
    report = validate(Resource(path=path.name, basepath=str(path.parent), schema=schema, format="csv",
                               encoding="utf-8"), limit_errors=10_000_000)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    task = report.tasks[0]
    if "rows" not in task.stats:  # the file was not read at all
        raise RuntimeError(f"frictionless could not validate the file: {task.errors[:3]}")
    errors: dict[str, int] = {}
    invalid_rows = set()
    for error in task.errors:
        errors[error.type] = errors.get(error.type, 0) + 1
        if getattr(error, "row_number", None):
            invalid_rows.add(error.row_number)
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": task.stats["rows"], "invalid": len(invalid_rows),
            "errors": errors, "warnings_or_notes": task.warnings, **measure.done()}


def _phase_store(path: Path) -> dict[str, Any]:
    """upload → process (validate + stage) → submit → approve → drain the index, each step timed."""
    import catalog.services.submissions as submissions
    from catalog.app import build_services, initialise
    from catalog.config import Settings
    from catalog.permissions import Actor
    from catalog.search.query import Query
    from schemas.validation import validator

    operator = Actor.operator()
    spent = {"staging": 0.0, "preview": 0.0}

    def timed(function: Callable[..., Any], key: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper

    # instrumentation only (this subprocess): the staging writes and the change preview inside process()
    submissions._Stager.flush = timed(submissions._Stager.flush, "staging")
    submissions.SubmissionService._changes = timed(submissions.SubmissionService._changes, "preview")
    with tempfile.TemporaryDirectory(prefix="bench-ingest-var-") as folder:
        services = build_services(Settings.from_env({"CATALOG_VAR_DIR": folder}))
        try:
            initialise(services)
            services.centers.create_department(operator, "CASWH", "中国科学院武汉分院", "CAS Wuhan Branch")
            services.centers.create_center(operator, CENTER, "水生生物标本馆", "Aquatic Biological Specimens",
                                           domain=DOMAIN, department_code="CASWH")
            services.submissions.on_publish = lambda: None  # the drain is timed on its own below
            validator(DOMAIN).validate({"local_id": "warm-up", "basis_of_record": "PreservedSpecimen",
                                        "state_province": "湖北省", "country_code": "CN"})
            measure = _Memory()
            steps: dict[str, float] = {}
            start, cpu = time.perf_counter(), time.process_time()
            with open(path, "rb") as stream:
                submission = services.submissions.upload(operator, CENTER, path.name, stream,
                                                         content_type="text/csv", background=False)
            steps["upload"] = time.perf_counter() - start
            mark = time.perf_counter()
            submission = services.submissions.process(submission.id)
            steps["process"] = time.perf_counter() - mark
            assert submission.state.value == "validated", submission.state
            summary = submission.summary["summary"]
            mark = time.perf_counter()
            services.submissions.submit(operator, submission.id, valid_rows_only=bool(summary["invalid"]))
            steps["submit"] = time.perf_counter() - mark
            mark = time.perf_counter()
            approved = services.submissions.approve(operator, submission.id)
            steps["approve"] = time.perf_counter() - mark
            mark = time.perf_counter()
            indexed = services.indexer.drain()
            steps["index"] = time.perf_counter() - mark
            steps["total"] = time.perf_counter() - start
            steps["total_cpu"] = time.process_time() - cpu
            memory = measure.done()
            found = services.search.search(Actor.anonymous(), Query(text="中华鲟", size=1)).total
            published = services.resources.count()

            def mib(*paths: Path) -> float:
                return sum(p.stat().st_size for p in paths if p.is_file()) / 2**20

            database = Path(folder) / "catalog.sqlite3"
            sizes = {"database_mib": mib(database), "wal_mib": mib(Path(f"{database}-wal")),
                     "index_mib": mib(*(Path(folder) / "search").rglob("*"))}
        finally:
            services.close()
    return {"steps": steps, "staging": spent["staging"], "preview": spent["preview"], **summary,
            "changes": approved.changes, "indexed": indexed, "published": published, "search_hits": found,
            **sizes, **memory}


def _status_kib(*keys: str) -> dict[str, int] | None:
    """VmRSS/VmHWM of this process from /proc (Linux), in KiB; None elsewhere."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    values = {line.split(":")[0]: int(line.split()[1]) for line in lines if line.split(":")[0] in keys}
    return values if len(values) == len(keys) else None


class _Memory:
    """Peak resident memory of one phase, from a baseline taken just before it starts.

    ru_maxrss is a high-water mark that an exec'd child can inherit from its parent (here the bench
    process, which may have grown large running another bench first), so on Linux the peak is reset
    for this process (`/proc/self/clear_refs` 5) and read back as VmHWM; elsewhere ru_maxrss is used.
    With BENCH_INGEST_CHILD_TRACE=1 a tracemalloc peak of Python allocations is added.
    """

    def __init__(self) -> None:
        self.trace = os.environ.get("BENCH_INGEST_CHILD_TRACE") == "1"
        self.proc = False
        try:
            Path("/proc/self/clear_refs").write_text("5")
            self.proc = _status_kib("VmRSS", "VmHWM") is not None
        except OSError:
            pass
        self.baseline = _status_kib("VmRSS")["VmRSS"] / 1024 if self.proc else _maxrss_mib()
        if self.trace:
            import tracemalloc
            tracemalloc.start()

    def done(self) -> dict[str, Any]:
        peak = _status_kib("VmHWM")["VmHWM"] / 1024 if self.proc else _maxrss_mib()
        result = {"rss_baseline_mib": self.baseline, "rss_peak_mib": peak, "rss_growth_mib": peak - self.baseline,
                  "rss_source": "VmHWM after clear_refs" if self.proc else "ru_maxrss"}
        if self.trace:
            import tracemalloc
            result["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        return result


PHASES = {"validate": _phase_validate, "frictionless": _phase_frictionless, "store": _phase_store}


def _in_subprocess(phase: str, path: Path, trace: bool = False) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its result is the last line of its output."""
    environment = dict(os.environ, BENCH_INGEST_CHILD_TRACE="1" if trace else "0")
    done = subprocess.run([sys.executable, "-m", "bench.bench_ingest", phase, str(path)], check=True,
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
                          env=environment)
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the table

def run() -> list[tuple[str, float, str]]:
    rows_wanted = int(os.environ.get("BENCH_INGEST_ROWS", str(DEFAULT_ROWS)))
    seed = int(os.environ.get("BENCH_INGEST_SEED", str(DEFAULT_SEED)))
    repeat = max(1, int(os.environ.get("BENCH_INGEST_REPEAT", "3")))
    trace = os.environ.get("BENCH_INGEST_TRACEMALLOC") == "1"
    phases = [p.strip() for p in os.environ.get("BENCH_INGEST_PHASES", ",".join(PHASES)).split(",") if p.strip()]
    unknown = set(phases) - set(PHASES)
    if unknown:
        raise SystemExit(f"BENCH_INGEST_PHASES: unknown phase(s) {', '.join(sorted(unknown))}; "
                         f"choose from {', '.join(PHASES)}")
    log = lambda message: print(f"   {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)  # noqa: E731
    results: dict[str, dict[str, Any]] = {}
    traced: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        path = Path(folder) / "specimens.csv"
        start = time.perf_counter()
        quirks = write_specimen_file(path, rows_wanted, seed)
        size_mib = path.stat().st_size / 2**20
        log(f"wrote {rows_wanted:,} rows, {size_mib:.0f} MiB in {time.perf_counter() - start:.0f} s; quirks {quirks}")
        floor_runs = [_floor(path) for _ in range(repeat)]
        n = floor_runs[0][2]
        floor = n / statistics.median(run[0] for run in floor_runs)
        floor_cpu = n / statistics.median(run[1] for run in floor_runs)
        reader_runs = [_reader(path) for _ in range(repeat)]
        assert all(run[2] == n for run in reader_runs), (reader_runs, n)
        reader = n / statistics.median(run[0] for run in reader_runs)
        reader_cpu = n / statistics.median(run[1] for run in reader_runs)
        log(f"csv.reader {floor:,.0f}/s, open_table {reader:,.0f}/s")
        for phase in phases:
            results[phase] = _in_subprocess(phase, path)
            log(f"{phase}: {results[phase]}")
        if trace:
            for phase in (p for p in phases if p in ("validate", "store")):
                traced[phase] = _in_subprocess(phase, path, trace=True)["tracemalloc_peak_mib"]
                log(f"{phase} tracemalloc peak {traced[phase]:.1f} MiB")

    def share(rate: float) -> float:
        return 100 * rate / floor

    table: list[tuple[str, float, str]] = [
        ("rows in the file", n, "rows"),
        ("file size", size_mib, "MiB"),
        ("(a) csv.reader, the floor", floor, "records/s"),
        ("(b) our reader, open_table rows", reader, "records/s"),
        ("(b) / (a)", share(reader), "% of the floor"),
        ("(a) per CPU-second (less sensitive to a busy machine)", floor_cpu, "records/CPU-s"),
        ("(b) per CPU-second", reader_cpu, "records/CPU-s"),
    ]
    checked, peer, stored = results.get("validate"), results.get("frictionless"), results.get("store")
    if checked:
        rate = checked["rows"] / checked["seconds"]
        table += [("(c) read + map + validate, check_file (no sink)", rate, "records/s"),
                  ("(c) / (a)", share(rate), "% of the floor"),
                  ("(c) per CPU-second", checked["rows"] / checked["cpu_seconds"], "records/CPU-s"),
                  ("(c) rows with an error (ours)", checked["invalid"], "rows"),
                  ("(c)   valid rows (no issue or warnings only)", checked["valid"], "rows"),
                  ("(c) peak RSS growth (own subprocess)", checked["rss_growth_mib"], "MiB")]
        if "validate" in traced:
            table.append(("(c) tracemalloc peak (own subprocess)", traced["validate"], "MiB"))
    if peer:
        rate = peer["rows"] / peer["seconds"]
        table += [("(d) frictionless validate(), explicit Table Schema", rate, "records/s"),
                  ("(d) / (a)", share(rate), "% of the floor"),
                  ("(d) per CPU-second", peer["rows"] / peer["cpu_seconds"], "records/CPU-s"),
                  ("(d) rows with an error (frictionless)", peer["invalid"], "rows"),
                  ("(d) peak RSS growth (own subprocess)", peer["rss_growth_mib"], "MiB")]
        if checked:
            ours = checked["rows"] / checked["seconds"]
            table.append(("(c) / (d): our validation against frictionless", ours / rate, "ratio"))
    if stored:
        steps, valid = stored["steps"], stored["valid"]
        store_seconds = stored["staging"] + stored["preview"] + steps["submit"] + steps["approve"]
        e2e = stored["rows"] / steps["total"]
        table += [
            ("(e) staging writes inside process() (_Stager.flush)", valid / stored["staging"], "records/s"),
            ("(e) change preview inside process() (_changes)", valid / stored["preview"], "records/s"),
            ("(e) approve: publish with history + outbox, one transaction", valid / steps["approve"], "records/s"),
            ("(e) store = staging + preview + submit + approve", valid / store_seconds, "records/s"),
            ("(e) / (a)", share(valid / store_seconds), "% of the floor"),
            ("(f) upload (archive the raw file with its SHA-256)", steps["upload"], "s"),
            ("(f) process: validate + stage + preview", steps["process"], "s"),
            ("(f)   of which validation (process - staging - preview)",
             steps["process"] - stored["staging"] - stored["preview"], "s"),
            ("(f)   of which staging writes", stored["staging"], "s"),
            ("(f)   of which change preview", stored["preview"], "s"),
            ("(f) submit", steps["submit"], "s"),
            ("(f) approve", steps["approve"], "s"),
            ("(f) index drain into the embedded engine", steps["index"], "s"),
            ("(f) index drain", stored["indexed"] / steps["index"], "docs/s"),
            ("(f) end to end, upload -> indexed", steps["total"], "s"),
            ("(f) end to end, rows in the file / total time", e2e, "records/s"),
            ("(f) / (a)", share(e2e), "% of the floor"),
            ("(f) per CPU-second of this process (SQLite work included)", stored["rows"] / steps["total_cpu"],
             "records/CPU-s"),
            ("(f) peak RSS growth (own subprocess)", stored["rss_growth_mib"], "MiB"),
            ("(f) records published and indexed", stored["published"], "records"),
            ("(f) SQLite database file", stored["database_mib"], "MiB"),
            ("(f) SQLite WAL file left after the run", stored["wal_mib"], "MiB"),
            ("(f) embedded search index", stored["index_mib"], "MiB"),
        ]
        if "store" in traced:
            table.append(("(f) tracemalloc peak (own subprocess)", traced["store"], "MiB"))
        assert stored["published"] == valid and stored["indexed"] >= valid and stored["search_hits"] > 0, stored
    for result in (checked, stored):
        assert result is None or result["rows"] == n, (result, n)
    if checked and stored:
        assert checked["valid"] == stored["valid"], (checked, stored)
    return table


if __name__ == "__main__":
    phase, file_path = sys.argv[1], Path(sys.argv[2])
    print(json.dumps(PHASES[phase](file_path), ensure_ascii=False, default=str))
