"""read → map → validate → report, one row at a time; valid records go to a callback (staging, or nothing).

Imports only ingest's readers and mapping, schemas and vocabularies: `catalog validate` needs no database.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable, Mapping

from ingest.mapping import ColumnMapping, MappingError, MappingSpec, map_columns, nested_values
from ingest.second_header import data_rows
from ingest.readers import Limits, ReadError, open_table
from ingest.report import Report
from schemas.field_checks import field_issue
from schemas.issues import Issue, Severity
from schemas.fields import Kind
from schemas.registry import describe
from schemas.validation import validator

RecordSink = Callable[[int, dict[str, Any]], None]


class DuplicateIdentifiers:
    """The one check that needs the whole file: a local identifier may appear once. Keeps 8-byte digests,
    not the identifiers, so a file of millions of rows costs tens of megabytes at most."""

    def __init__(self, domain: str):
        self.declaration = describe(domain).by_name["local_id"]
        self.seen: set[bytes] = set()

    def check(self, local_id: str) -> Issue | None:
        digest = hashlib.blake2b(local_id.encode("utf-8"), digest_size=8).digest()
        if digest in self.seen:
            return field_issue("DUPLICATE_IDENTIFIER", self.declaration, local_id)
        self.seen.add(digest)
        return None


def check_file(path: Path, domain: str, *, file_name: str | None = None, spec: MappingSpec | None = None,
               header: list[str] | None = None, defaults: Mapping[str, str] | None = None,
               on_record: RecordSink | None = None, limits: Limits = Limits()) -> Report:
    """Validate every row of a file. The mapping spec maps columns, fills defaults and may compose the local
    identifier; `defaults` (e.g. the submission's sharing mode) apply where the spec gives none."""
    spec = spec or MappingSpec()
    defaults = {**(defaults or {}), **spec.defaults}
    file_name = file_name or Path(path).name
    report = Report(file_name, domain)
    rules = validator(domain)
    duplicates = DuplicateIdentifiers(domain)
    try:
        with open_table(Path(path), file_name=file_name, limits=limits, header=header) as table:
            missing = [column for column in spec.identifier if column not in table.header]
            if missing:
                raise MappingError(f"the identifier columns {', '.join(missing)} are not in {file_name}")
            mapping = map_columns(domain, table.header, spec.columns)
            columns = {name: column for column, name in mapping.columns.items() if name}
            notes: list = []
            for number, raw in data_rows(domain, table.rows, mapping, notes):
                row = mapping.apply(raw.cells)
                for column, key in spec.paths.items():
                    if target := mapping.columns.get(column):
                        row[target] = _nested(raw.cells, column, key, target, domain)
                for name, words in spec.values.items():
                    if (row.get(name) or "").strip() in words:
                        row[name] = words[row[name].strip()]
                if spec.identifier:
                    row["local_id"] = "-".join(raw.cells.get(column, "").strip() for column in spec.identifier)
                for name, value in defaults.items():
                    if not (row.get(name) or "").strip():
                        row[name] = value
                outcome = rules.validate(row, number)
                issues = [_located(issue, number, columns, raw.line) for issue in outcome.issues]
                issues += [_problem(problem, number, raw.line) for problem in raw.problems]
                record = outcome.record   # None when the row has an error
                if record is not None:
                    duplicate = duplicates.check(record["local_id"])
                    if duplicate:
                        issues.append(_located(duplicate, number, columns, raw.line))
                valid = not any(issue.severity == Severity.ERROR for issue in issues)
                report.add_row(valid, issues)
                if valid and record is not None and on_record is not None:
                    on_record(number, record)
            report.details.update(_table_details(table, mapping))  # notes grow while rows are read
            report.details["notes"] += [_note_document(note) for note in notes]
    except ReadError as error:
        report.add_issue(Issue("FILE_UNREADABLE", None, params={"message_en": error.message["en"],
                                                                 "message_zh": error.message["zh"]},
                               row=error.line))
        report.details["unreadable"] = {"code": error.code, "message": error.message}
    return report


def _nested(cells: Mapping[str, str], column: str, key: str, field: str, domain: str) -> str:
    """The cell a path gives: every value of the key for a list field, else the first one."""
    values = nested_values(cells, column, key)
    declaration = describe(domain).by_name[field]
    if declaration.kind == Kind.LIST:
        return declaration.separator.join(values)
    return values[0] if values else ""


def _table_details(table, mapping: ColumnMapping) -> dict[str, Any]:
    return {"format": table.format, "encoding": table.encoding,
            "notes": [_note_document(note) for note in table.notes],
            "mapping": mapping.as_dict(), "dataset": table.dataset or {}}



def _note_document(note) -> dict[str, Any]:
    return {"code": note.code, "message": note.message, "lines": list(note.lines), "count": note.count}


def _located(issue: Issue, row: int, columns: Mapping[str, str], line: int) -> Issue:
    return Issue(issue.code, issue.field, issue.value, issue.params, row, columns.get(issue.field or ""), line)


def _problem(problem, row: int, line: int) -> Issue:
    return Issue(problem.code, None, None, {"message_en": problem.message["en"], "message_zh": problem.message["zh"]},
                 row, problem.column, line)
