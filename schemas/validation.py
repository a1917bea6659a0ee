"""validate(domain, row) → the record to store (or None) and its issues.

Cell checks are compiled once per domain from the declarations (schemas.field_checks, shared with the
marshmallow fields); row checks then look across fields. The bulk path gives the schema's verdicts at a
fraction of marshmallow's cost.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Mapping

from schemas import parsing
from schemas.checks import ROW_CHECKS
from schemas.field_checks import Flagged, Rejected, cell_parser, field_issue
from schemas.issues import Issue, Severity
from schemas.registry import describe

DERIVED_COLUMNS = ("admin_division",)  # filled by row checks, stored as Resource columns


@dataclass(frozen=True)
class Outcome:
    record: dict[str, Any] | None
    issues: list[Issue]

    @property
    def valid(self) -> bool:
        return self.record is not None


class Validator:
    """Checks rows of one domain. Rows map field names to raw text; the record maps to Resource columns."""

    def __init__(self, domain: str):
        self.description = describe(domain)
        self.steps = [(declaration, cell_parser(declaration)) for declaration in self.description.fields]
        self.row_checks = ROW_CHECKS + self.description.checks

    def validate(self, row: Mapping[str, str | None], row_number: int | None = None) -> Outcome:
        issues: list[Issue] = []
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for declaration, parse in self.steps:
            raw = row.get(declaration.name)
            if raw is None or not str(raw).strip():
                if declaration.required and declaration.name != "sharing_mode":
                    issues.append(field_issue("REQUIRED_FIELD_MISSING", declaration, None))
                elif declaration.level == "recommended":
                    issues.append(field_issue("RECOMMENDED_FIELD_MISSING", declaration, None))
                continue
            try:
                value = parse(str(raw))
            except parsing.ParseError as error:
                issues.append(field_issue(error.code, declaration, raw))
                failed.add(declaration.name)
                continue
            except Rejected as rejection:
                issues.append(rejection.issue)
                failed.add(declaration.name)
                continue
            if isinstance(value, Flagged):
                issues.append(value.issue)
                value = value.value
                if value is None:   # a placeholder such as "-" or "NA": the cell counts as empty
                    if declaration.required and declaration.name != "sharing_mode":
                        issues.append(field_issue("REQUIRED_FIELD_MISSING", declaration, None))
                    continue
            values[declaration.name] = value
        for check in self.row_checks:
            issues.extend(check(values, self.description, failed))
        if row_number is not None:
            issues = [Issue(i.code, i.field, i.value, i.params, row_number, i.column) for i in issues]
        if any(issue.severity == Severity.ERROR for issue in issues):
            return Outcome(None, issues)
        return Outcome(self._record(values, issues), issues)

    def _record(self, values: dict[str, Any], issues: list[Issue]) -> dict[str, Any]:
        columns = self.description.core_columns
        record: dict[str, Any] = {column: values.get(name) for column, name in columns.items()}
        taken = set(columns.values()) | set(DERIVED_COLUMNS)
        record["payload"] = {name: value for name, value in values.items() if name not in taken and value is not None}
        for column in DERIVED_COLUMNS:
            record[column] = values.get(column)
        record["quality_flags"] = sorted({issue.code for issue in issues})
        return record


@cache
def validator(domain: str) -> Validator:
    return Validator(domain)


def validate(domain: str, row: Mapping[str, str | None], row_number: int | None = None) -> Outcome:
    return validator(domain).validate(row, row_number)
