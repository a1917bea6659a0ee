"""Search parameters as the API, the web pages and the CLI take them, turned into one Query.

    q=TEXT  filter=FIELD=VALUE…  range=FIELD:LOW,HIGH…  bbox=SOUTH,WEST,NORTH,EAST  near=LAT,LON,KM
    facet=FIELD…  sort=[-]FIELD|relevance  offset=N  size=N  cursor=TOKEN
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from catalog.search.query import BoundingBox, Distance, InvalidQuery, Query, Range


def query_from(get: Callable[[str], str | None], get_all: Callable[[str], Sequence[str]],
               default_facets: Iterable[str] = (), size: int = 20) -> Query:
    """A Query from request-like accessors: get(name) → one value, get_all(name) → every value."""
    filters: dict[str, tuple[str, ...]] = {}
    for item in get_all("filter"):
        name, _, value = item.partition("=")
        if not name or not _:
            raise InvalidQuery(f"filter {item!r} must look like field=value", f"筛选条件 {item!r} 应写作 字段=值")
        filters[name] = filters.get(name, ()) + (value,)
    ranges = dict(parse_range(item) for item in get_all("range"))
    geo: BoundingBox | Distance | None = None
    if bbox := get("bbox"):
        geo = BoundingBox(*numbers(bbox, 4, "bbox", "south,west,north,east"))
    if near := get("near"):
        if geo is not None:
            raise InvalidQuery("give bbox or near, not both", "bbox 与 near 只能二选一")
        geo = Distance(*numbers(near, 3, "near", "latitude,longitude,km"))
    return Query(text=get("q") or "", filters=filters, ranges=ranges, geo=geo,
                 facets=tuple(get_all("facet")) or tuple(default_facets), sort=get("sort") or "",
                 offset=integer(get("offset"), "offset", 0), size=integer(get("size"), "size", size),
                 cursor=get("cursor") or None)


def parse_range(item: str) -> tuple[str, Range]:
    name, colon, bounds = item.partition(":")
    low, comma, high = bounds.partition(",")
    if not colon or not comma:
        raise InvalidQuery(f"range {item!r} must look like field:low,high (either side may be empty)",
                           f"范围条件 {item!r} 应写作 字段:下限,上限（任一侧可留空）")
    return name, Range(low.strip() or None, high.strip() or None)


def numbers(value: str, count: int, name: str, shape: str) -> list[float]:
    try:
        parts = [float(part) for part in value.split(",")]
    except ValueError:
        parts = []
    if len(parts) != count:
        raise InvalidQuery(f"{name} must be {count} numbers: {shape}", f"{name} 应为 {count} 个数：{shape}")
    return parts


def integer(value: str | None, name: str, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise InvalidQuery(f"{name} must be a whole number, not {value!r}", f"{name} 须为整数，不能是 {value!r}") from None
