"""Read-only looks into submissions for the submission and review screens: the centers an actor may submit
for, sample values of each column of an archived file, and a sample of the staged records. Who may see a
submission is decided by SubmissionService.get, which each function calls first."""
from __future__ import annotations

import shutil
from collections import Counter
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import ijson
from sqlalchemy import select

from catalog.models import Center, StagedRecord
from catalog.permissions import Actor
from ingest.readers import ReadError, Table, open_table
from catalog.services.submissions import SubmissionService, archived_key
from schemas.field_checks import placeholder

SAMPLE_ROWS = 200  # rows read for column samples: enough to meet a value in sparse columns, still instant


@dataclass(frozen=True)
class UploadTarget:
    """A center the actor may submit data for; domain None means the center holds several."""
    code: str
    name_zh: str
    name_en: str
    domain: str | None


def upload_targets(service: SubmissionService, actor: Actor) -> list[UploadTarget]:
    """The centers whose data the actor may submit (every center for an administrator), by code."""
    with service.session_factory() as session:
        centers = session.scalars(select(Center).order_by(Center.code)).all()
    return [UploadTarget(c.code, c.name_zh, c.name_en, c.domain.value if c.domain else None)
            for c in centers if actor.curates(c.id)]


@contextmanager
def archived_table(service: SubmissionService, actor: Actor, submission_id: int) -> Iterator[Table]:
    """The submission's archived file, open as a table (a local copy: the store may be remote)."""
    submission = service.get(actor, submission_id)
    with tempfile.TemporaryDirectory(prefix="catalog-archived-") as folder:
        local = Path(folder) / submission.file_name
        with service.store.open(archived_key(submission)) as source, local.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        with open_table(local, file_name=submission.file_name) as table:
            yield table


def column_samples(service: SubmissionService, actor: Actor, submission_id: int,
                   per_column: int = 5) -> dict[str, list[str]]:
    """Up to `per_column` distinct values that say something (not empty, not a placeholder such as "-" or 不详)
    of every column, from the first rows of the archived file; an unreadable file has no samples (its report
    already says why)."""
    samples: dict[str, list[str]] = {}
    try:
        with archived_table(service, actor, submission_id) as table:
            samples = {header: [] for header in table.header}
            for number, raw in enumerate(table.rows, start=1):
                for header, value in raw.cells.items():
                    value = (value or "").strip()
                    found = samples.setdefault(header, [])
                    if value and value not in found and len(found) < per_column and placeholder(value) is None:
                        found.append(value)
                if number >= SAMPLE_ROWS:
                    break
    except ReadError:
        return samples
    return samples


def staged_sample(service: SubmissionService, actor: Actor, submission_id: int,
                  limit: int = 5) -> list[dict[str, Any]]:
    """The first valid records of a submission waiting for review, as they would be published (with their
    row number); empty once it is approved, rejected or withdrawn."""
    service.get(actor, submission_id)
    with service.session_factory() as session:
        rows = session.scalars(select(StagedRecord).where(StagedRecord.submission_id == submission_id)
                               .order_by(StagedRecord.row_number).limit(limit)).all()
        return [{"row": row.row_number, "local_id": row.local_id, **row.record} for row in rows]


def review_sample(service: SubmissionService, actor: Actor, submission_id: int,
                  limit: int = 8) -> list[dict[str, Any]]:
    """The records a reviewer should look at before publishing: the first row of each kind of warning (with
    the row's flags), then rows spread evenly over the file, not only its first ones."""
    submission = service.get(actor, submission_id)
    flagged = _first_flagged_rows(service, actor, submission_id, limit // 2) if submission.report_key else {}
    rows_total = submission.summary.get("summary", {}).get("rows", 0)
    step = max(1, rows_total // max(1, limit - len(flagged)))
    with service.session_factory() as session:
        staged = select(StagedRecord).where(StagedRecord.submission_id == submission_id)
        chosen = session.scalars(staged.where(StagedRecord.row_number.in_(list(flagged)))).all()
        spread = session.scalars(staged.where(StagedRecord.row_number % step == 1 % step)
                                 .order_by(StagedRecord.row_number).limit(limit)).all()
        records = {row.row_number: row for row in [*chosen, *spread]}
        ordered = sorted(records.values(), key=lambda row: (row.row_number not in flagged, row.row_number))
        return [{"row": row.row_number, "local_id": row.local_id, "flags": flagged.get(row.row_number, []),
                 **row.record} for row in ordered[:limit]]


def _first_flagged_rows(service: SubmissionService, actor: Actor, submission_id: int,
                        kinds: int) -> dict[int, list[str]]:
    """Row → its warning codes, for the first row of each of the first `kinds` (code, column) warnings."""
    seen: set[tuple[str, str | None]] = set()
    rows: dict[int, list[str]] = {}
    with service.report(actor, submission_id) as report:
        for issue in ijson.items(report, "issues.item", use_float=True):
            row = issue.get("row")
            if issue.get("severity") != "warning" or row is None:
                continue
            key = (issue["code"], issue.get("field"))
            if row in rows:
                rows[row].append(issue["code"])
            elif key not in seen and len(seen) < kinds:
                rows[row] = [issue["code"]]
            seen.add(key)
    return rows


UNKNOWN_TERMS = ("UNKNOWN_TERM", "UNKNOWN_TERM_REJECTED", "COUNTRY_UNKNOWN")


def unknown_terms(service: SubmissionService, actor: Actor, submission_id: int,
                  per_column: int = 30) -> dict[str, list[tuple[str, int]]]:
    """Column → its values that no vocabulary term matched, the most frequent first, with their counts."""
    submission = service.get(actor, submission_id)
    if not submission.report_key:
        return {}
    found: dict[str, Counter[str]] = {}
    with service.report(actor, submission_id) as report:
        for issue in ijson.items(report, "issues.item", use_float=True):
            if issue.get("code") in UNKNOWN_TERMS and issue.get("field") and issue.get("value"):
                found.setdefault(issue["field"], Counter())[issue["value"]] += 1
    return {column: counts.most_common(per_column) for column, counts in found.items()}
