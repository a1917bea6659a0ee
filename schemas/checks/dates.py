"""Date checks: no date of collection, identification or acquisition lies in the future, or before 1600
(GBIF's RECORDED_DATE_UNLIKELY bound: such a year is almost always a typo, 1003 for 2003)."""
from __future__ import annotations

from datetime import date
from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas import parsing
from schemas.checks.common import issue
from schemas.fields import Kind
from schemas.issues import Issue
from schemas.registry import DomainDescription

UNLIKELY_BEFORE = date(1600, 1, 1)


def check(values: dict[str, Any], description: DomainDescription, failed: AbstractSet[str] = frozenset(),
          today: date | None = None) -> Iterator[Issue]:
    today = today or date.today()
    for declaration in description.fields:
        if declaration.kind != Kind.DATE or values.get(declaration.name) is None:
            continue
        _, start, _ = parsing.parse_date(values[declaration.name])
        if start.earliest() > today:
            yield issue(description, "RECORDED_DATE_IN_FUTURE", declaration.name, values[declaration.name])
        elif start.earliest() < UNLIKELY_BEFORE:
            yield issue(description, "RECORDED_DATE_UNLIKELY", declaration.name, values[declaration.name])
