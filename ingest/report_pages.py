"""One page of an archived validation report, filtered by issue code, severity and row. The report is read
as a stream, so a report of millions of issues costs the memory of one page to show."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, BinaryIO

import ijson

PAGE_SIZE = 50


SUMMARISED = ("RECOMMENDED_FIELD_MISSING",)   # listed row by row only when asked for by their code


@dataclass(frozen=True)
class IssueFilter:
    code: str | None = None
    severity: str | None = None
    row: int | None = None
    summarised: tuple[str, ...] = ()   # codes left out: the report's groups count them per column

    def admits(self, issue: dict[str, Any]) -> bool:
        return (issue.get("code") not in self.summarised
                and (self.code is None or issue.get("code") == self.code)
                and (self.severity is None or issue.get("severity") == self.severity)
                and (self.row is None or issue.get("row") == self.row))


@dataclass(frozen=True)
class IssuePage:
    items: list[dict[str, Any]] = field(default_factory=list)
    matching: int = 0  # issues that pass the filter, on every page
    offset: int = 0
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.matching // self.size))


def issue_page(report: BinaryIO, chosen: IssueFilter = IssueFilter(), offset: int = 0,
               size: int = PAGE_SIZE) -> IssuePage:
    """The issues at [offset, offset + size) among those the filter admits, and how many it admits in all."""
    items: list[dict[str, Any]] = []
    matching = 0
    with report:
        for issue in ijson.items(report, "issues.item", use_float=True):
            if not chosen.admits(issue):
                continue
            if offset <= matching < offset + size:
                items.append(issue)
            matching += 1
    return IssuePage(items, matching, offset, size)
