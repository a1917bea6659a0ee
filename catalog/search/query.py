"""An engine-neutral description of a search and its result, as plain values.

Only the backends turn a Query into engine syntax; services and front ends never do. A Query checks
itself on creation, so every backend receives only fields it knows and values of the right type.
"""
from __future__ import annotations

import base64
import binascii
import datetime
import json
import math
from dataclasses import dataclass, field
from typing import Any

from catalog.errors import InvalidInput
from catalog.search.fields import (AGE_RANGE, FACET_FIELDS, FIELDS, RANGE_FIELDS, SORT_FIELDS, attribute_name,
                                   filter_value)

MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000
MAX_DISTANCE_KM = 20_000
RELEVANCE = "relevance"


class InvalidQuery(InvalidInput, ValueError):
    """A search the engines cannot run: an unknown field, a value of the wrong type, a bad cursor."""


@dataclass(frozen=True)
class Range:
    """Inclusive bounds; None leaves that side open. Dates are ISO strings (YYYY, YYYY-MM or YYYY-MM-DD)."""
    low: Any = None
    high: Any = None


@dataclass(frozen=True)
class BoundingBox:
    """south ≤ latitude ≤ north; west → east eastwards, so west > east crosses the antimeridian."""
    south: float
    west: float
    north: float
    east: float


@dataclass(frozen=True)
class Distance:
    latitude: float
    longitude: float
    km: float


@dataclass(frozen=True)
class Query:
    text: str = ""
    filters: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    ranges: dict[str, Range] = field(default_factory=dict)
    geo: BoundingBox | Distance | None = None
    facets: tuple[str, ...] = ()
    sort: str = ""  # "relevance", "field" or "-field"; default: relevance with text, else id
    offset: int = 0
    size: int = 20
    cursor: str | None = None

    def __post_init__(self):
        if not 0 <= self.size <= MAX_PAGE_SIZE:
            raise InvalidQuery(f"page size must be between 0 and {MAX_PAGE_SIZE}",
                               f"每页条数须在 0 到 {MAX_PAGE_SIZE} 之间")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise InvalidQuery(f"offset must be between 0 and {MAX_OFFSET}; page further with the cursor",
                               f"偏移量须在 0 到 {MAX_OFFSET} 之间；更深的翻页请使用游标（cursor）")
        if self.cursor and self.offset:
            raise InvalidQuery("give either a cursor or an offset, not both", "游标与偏移量只能二选一")
        object.__setattr__(self, "filters", {name: tuple(_typed(name, v) for v in values)
                                             for name, values in self.filters.items()})
        object.__setattr__(self, "ranges", {name: _checked_range(name, r) for name, r in self.ranges.items()})
        for name in self.facets:
            if name not in FACET_FIELDS:
                raise InvalidQuery(f"cannot count values of {name!r}; facets: {', '.join(FACET_FIELDS)}",
                                   f"不能按 {name!r} 分面统计；可用：{', '.join(FACET_FIELDS)}")
        _check_geo(self.geo)
        name = self.sort_field
        if name != RELEVANCE and name not in SORT_FIELDS:
            raise InvalidQuery(f"cannot sort on {name!r}; sortable: relevance, {', '.join(SORT_FIELDS)}",
                               f"不能按 {name!r} 排序；可排序字段：relevance、{', '.join(SORT_FIELDS)}")
        if self.cursor:
            decode_cursor(self)

    @property
    def sort_field(self) -> str:
        if not self.sort:
            return RELEVANCE if self.text.strip() else "id"
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    @property
    def sort_key(self) -> str:
        return ("-" if self.descending else "") + self.sort_field


@dataclass(frozen=True)
class Result:
    total: int
    items: list[dict[str, Any]]
    facets: dict[str, dict[str, int]]
    next_cursor: str | None = None
    highlights: dict[str, dict[str, str]] = field(default_factory=dict)


def encode_cursor(query: Query, after: list[Any]) -> str:
    """An opaque token holding the sort and the last hit's sort values; only that sort accepts it."""
    raw = json.dumps({"sort": query.sort_key, "after": after}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(query: Query) -> list[Any]:
    try:
        token = query.cursor or ""
        raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if raw["sort"] == query.sort_key and isinstance(raw["after"], list):
            return raw["after"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        pass
    raise InvalidQuery("the cursor is not valid for this search (it belongs to another sort or was altered)",
                       "游标对本次检索无效（属于其他排序方式或已被修改）")


def _typed(name: str, value: Any) -> Any:
    if name not in FIELDS and attribute_name(name) is None:
        raise InvalidQuery(f"unknown filter field {name!r}; fields: {', '.join(FIELDS)} or attributes.<field>",
                           f"不能按 {name!r} 筛选；可用字段：{', '.join(FIELDS)} 或 attributes.<字段>")
    try:
        return filter_value(name, value)
    except ValueError:
        raise InvalidQuery(f"{name} cannot take {value!r}: not a value of its type",
                           f"{name} 不能取值 {value!r}：类型不符") from None


def _checked_range(name: str, bounds: Range) -> Range:
    if name not in RANGE_FIELDS:
        raise InvalidQuery(f"cannot take a range of {name!r}; ranges: {', '.join(RANGE_FIELDS)}",
                           f"不能按 {name!r} 做范围筛选；可用：{', '.join(RANGE_FIELDS)}")
    kind = "float" if name == AGE_RANGE else FIELDS[name].kind
    low, high = (_bound(name, kind, value, upper) for value, upper in ((bounds.low, False), (bounds.high, True)))
    if low is not None and high is not None and low > high:
        raise InvalidQuery(f"the range of {name} runs backwards ({bounds.low} > {bounds.high})",
                           f"{name} 的范围上下限颠倒（{bounds.low} > {bounds.high}）")
    return Range(low, high)


def _bound(name: str, kind: str, value: Any, upper: bool) -> Any:
    if value is None or value == "":
        return None
    try:
        if kind == "integer":
            return int(value)
        if kind == "float":
            number = float(value)
            if not math.isfinite(number):
                raise ValueError
            return number
        return _date_bound(str(value), upper)
    except ValueError:
        raise InvalidQuery(f"{name} cannot start or end at {value!r}", f"{name} 的范围边界 {value!r} 无效") from None


def _date_bound(value: str, upper: bool) -> str:
    """A partial ISO date as the first (lower bound) or last (upper bound) day it covers."""
    parts = value.strip().split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(value)
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if upper else 1)
    if len(parts) == 3:
        day = int(parts[2])
    elif upper:
        day = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    else:
        day = 1
    return datetime.date(year, month, day).isoformat()


def _check_geo(geo: BoundingBox | Distance | None) -> None:
    if isinstance(geo, BoundingBox):
        ok = (-90 <= geo.south <= geo.north <= 90) and all(-180 <= v <= 180 for v in (geo.west, geo.east))
        if not ok:
            raise InvalidQuery("a bounding box needs -90 ≤ south ≤ north ≤ 90 and longitudes within ±180",
                               "矩形范围须满足 -90 ≤ 南 ≤ 北 ≤ 90，经度在 ±180 之内")
    elif isinstance(geo, Distance):
        if not (-90 <= geo.latitude <= 90 and -180 <= geo.longitude <= 180 and 0 < geo.km <= MAX_DISTANCE_KM):
            raise InvalidQuery(f"a distance needs a point on Earth and 0 < km ≤ {MAX_DISTANCE_KM}",
                               f"距离检索须给出有效的中心点，且 0 < 公里数 ≤ {MAX_DISTANCE_KM}")
    elif geo is not None:
        raise InvalidQuery("geo must be a bounding box or a distance", "地理筛选须为矩形范围或距离")


def day_after(iso_day: str) -> str:
    """The exclusive end of a date range's last day, so timestamps within that day still match."""
    return (datetime.date.fromisoformat(iso_day) + datetime.timedelta(days=1)).isoformat()
