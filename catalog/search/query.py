"""An engine-neutral description of a search and its result, as plain values.

Only the backends turn a Query into engine syntax; services and front ends never do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000


@dataclass(frozen=True)
class Query:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: tuple[str, ...] = ()
    offset: int = 0
    size: int = 20

    def __post_init__(self):
        if not 0 <= self.size <= MAX_PAGE_SIZE:
            raise ValueError(f"page size must be between 0 and {MAX_PAGE_SIZE}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise ValueError(f"offset must be between 0 and {MAX_OFFSET}; use a narrower search")


@dataclass(frozen=True)
class Result:
    total: int
    items: list[dict[str, Any]]
    facets: dict[str, dict[str, int]]
