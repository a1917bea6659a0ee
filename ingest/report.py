"""The validation report: counts by outcome and by flag, and every issue with row, column, value and
zh/en message. Issues are spooled to a temporary file, so memory stays flat however many there are."""
from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections import Counter
from typing import Any, Iterator, TextIO

from schemas.issues import Issue, Severity, flag_name

SPOOL_BYTES = 8 * 1024 * 1024
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")
CSV_COLUMNS = ("row", "field", "value", "severity", "code", "message_en", "message_zh", "line")


def spreadsheet_safe(text: str | None) -> str | None:
    """Quote a cell a spreadsheet would run as a formula (OWASP CSV injection); numbers like -91.2 stay."""
    if text and text[0] in "=+-@\t\r" and not NUMBER.match(text):
        return "'" + text
    return text


class IssueGroup:
    """Issues of one code in one column, their rows kept as ranges (at most RANGES of them)."""
    RANGES = 20

    def __init__(self, first: dict[str, Any]):
        self.severity, self.code, self.column = first["severity"], first["code"], first["field"]
        self.message = first["message"]
        self.count, self.file_level = 0, first["row"] is None
        self.ranges: list[list[int]] = []
        self.more_rows = 0

    def add(self, row: int | None) -> None:
        self.count += 1
        if row is None:
            return
        if self.ranges and self.ranges[-1][1] in (row, row - 1):
            self.ranges[-1][1] = row
        elif len(self.ranges) < self.RANGES:
            self.ranges.append([row, row])
        else:
            self.more_rows += 1

    def whole_file(self, rows: int) -> bool:
        """Every row of the file has this issue (a column the file lacks): a problem of the file, not of rows."""
        return rows > 1 and self.ranges == [[1, rows]] and self.count == rows

    def as_dict(self, rows: int = 0) -> dict[str, Any]:
        ranges = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in self.ranges) + (" …" if self.more_rows else "")
        message = self.message
        if self.whole_file(rows):
            message = {"en": f"In all {rows} rows: {message['en']}", "zh": f"全部 {rows} 行：{message['zh']}"}
        return {"severity": self.severity, "code": self.code, "column": self.column, "count": self.count,
                "rows": ranges, "message": message, "whole_file": self.file_level or self.whole_file(rows),
                "name": flag_name(self.code)}


class Report:
    def __init__(self, file_name: str, domain: str):
        self.file_name = file_name
        self.domain = domain
        self.rows = self.valid = self.invalid = self.warnings = 0
        self.flags: Counter[str] = Counter()
        self.details: dict[str, Any] = {}
        self._groups: dict[tuple[str, str, str | None], IssueGroup] = {}
        self._issues = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")

    def add_row(self, valid: bool, issues: list[Issue]) -> None:
        self.rows += 1
        if valid:
            self.valid += 1
        else:
            self.invalid += 1
        for issue in issues:
            self.add_issue(issue)

    def add_issue(self, issue: Issue) -> None:
        self.flags[issue.code] += 1
        if issue.severity == Severity.WARNING:
            self.warnings += 1
        document = issue.as_dict()
        key = (document["severity"], issue.code, document["field"])
        if key not in self._groups:
            self._groups[key] = IssueGroup(document)
        self._groups[key].add(issue.row)
        self._issues.write(json.dumps(document, ensure_ascii=False) + "\n")

    @property
    def readable(self) -> bool:
        return "FILE_UNREADABLE" not in self.flags

    def summary(self) -> dict[str, int]:
        return {"rows": self.rows, "valid": self.valid, "invalid": self.invalid, "warnings": self.warnings}

    def head(self) -> dict[str, Any]:
        """Everything but the issues: small enough to keep with a submission."""
        return {"file": self.file_name, "domain": self.domain, "summary": self.summary(),
                "flags": dict(sorted(self.flags.items())), "groups": self.groups(), **self.details}

    def groups(self) -> list[dict[str, Any]]:
        """The issues by (severity, code, column): problems of the file itself (no row) first, then errors, then
        warnings, each beginning with those of every row (a column the file lacks), then the most frequent;
        each with its count, its rows as ranges and the first one's message."""
        order = {Severity.ERROR.value: 0, Severity.WARNING.value: 1}
        return [group.as_dict(self.rows) for group in sorted(
            self._groups.values(), key=lambda group: (-1 if group.file_level else order.get(group.severity, 2),
                                                      not group.whole_file(self.rows),
                                                      -group.count, group.code, group.column or ""))]

    def issues(self) -> Iterator[dict[str, Any]]:
        self._issues.flush()
        self._issues.seek(0)
        for line in self._issues:
            yield json.loads(line)
        self._issues.seek(0, io.SEEK_END)

    def write_json(self, out: TextIO, indent: int | None = None) -> None:
        """The report as one JSON document, issues streamed one by one."""
        head = json.dumps(self.head(), ensure_ascii=False, indent=indent)
        out.write(head[:-1].rstrip() + (", " if len(head) > 2 else "") + '"issues": [')
        for number, item in enumerate(self.issues()):
            out.write((", " if number else "") + json.dumps(item, ensure_ascii=False))
        out.write("]}\n")

    def write_csv(self, out: TextIO) -> None:
        """The issues as CSV (open `out` with encoding utf-8-sig so spreadsheets read the Chinese text)."""
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for item in self.issues():
            writer.writerow([item["row"], item["field"], spreadsheet_safe(item["value"]), item["severity"],
                             item["code"], spreadsheet_safe(item["message"]["en"]),
                             spreadsheet_safe(item["message"]["zh"]), item.get("line")])

    def as_dict(self) -> dict[str, Any]:
        return {**self.head(), "issues": list(self.issues())}

    def close(self) -> None:
        self._issues.close()
