"""Coordinate checks: range, incomplete, zero, uncertainty, and outside the stated area.

A pair that lies outside its stated area (or outside the globe) but fits it once swapped or negated is
stored corrected and flagged, as GBIF interprets such records; the verbatim values stay in the report.
"""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Iterator

import vocabularies
from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription

Box = tuple[float, float, float, float]  # min latitude, min longitude, max latitude, max longitude
# Country outlines are not among the shipped standards; China's box (with a margin) is the one the
# platform needs most. Other countries get the range checks only.
COUNTRY_BOXES: dict[str, tuple[Box, dict[str, str]]] = {
    "CN": ((3.5, 73.0, 53.7, 135.2), {"en": "China", "zh": "中国"}),
}
FIELDS = ("decimal_latitude", "decimal_longitude")


def check(values: dict[str, Any], description: DomainDescription,
          failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    uncertainty = values.get("coordinate_uncertainty_m")
    uncertainty_invalid = uncertainty is not None and uncertainty <= 0
    if uncertainty_invalid:
        yield issue(description, "COORDINATE_UNCERTAINTY_INVALID", "coordinate_uncertainty_m", uncertainty)
        values["coordinate_uncertainty_m"] = None
    latitude, longitude = values.get("decimal_latitude"), values.get("decimal_longitude")
    if latitude is None or longitude is None:
        if (latitude is None) != (longitude is None) and not failed & set(FIELDS):
            yield issue(description, "COORDINATE_INCOMPLETE",
                        "decimal_latitude" if latitude is None else "decimal_longitude")
        return
    shown = f"{latitude}, {longitude}"
    if latitude == 0 and longitude == 0:
        yield issue(description, "ZERO_COORDINATE", "decimal_latitude", "0, 0")
        return
    on_globe = -90 <= latitude <= 90 and -180 <= longitude <= 180
    area = stated_area(values)
    if area and not (on_globe and inside(area[0], latitude, longitude)):
        corrected = _correction(area[0], latitude, longitude)
        if corrected:
            code, (latitude, longitude) = corrected
            values["decimal_latitude"], values["decimal_longitude"] = latitude, longitude
            yield issue(description, code, "decimal_latitude", shown, place_en=area[1]["en"], place_zh=area[1]["zh"])
            on_globe = True
        elif on_globe:
            yield issue(description, "COORDINATE_OUTSIDE_STATED_AREA", "decimal_latitude", shown,
                        latitude=latitude, longitude=longitude, place_en=area[1]["en"], place_zh=area[1]["zh"])
    if not on_globe:
        for name, value, limit in (("decimal_latitude", latitude, 90), ("decimal_longitude", longitude, 180)):
            if not -limit <= value <= limit:
                yield issue(description, "COORDINATE_OUT_OF_RANGE", name, value, minimum=-limit, maximum=limit)
        return
    if values.get("coordinate_uncertainty_m") is None and not uncertainty_invalid \
            and "coordinate_uncertainty_m" not in failed:
        yield issue(description, "COORDINATE_UNCERTAINTY_MISSING", "coordinate_uncertainty_m")


def _correction(box: Box, latitude: float, longitude: float) -> tuple[str, tuple[float, float]] | None:
    if inside(box, longitude, latitude):
        return "PRESUMED_SWAPPED_COORDINATE", (longitude, latitude)
    for candidate in ((-latitude, longitude), (latitude, -longitude), (-latitude, -longitude)):
        if inside(box, *candidate):
            return "PRESUMED_NEGATED_COORDINATE", candidate
    return None


def stated_area(values: dict[str, Any]) -> tuple[Box, dict[str, str]] | None:
    """The box of the most specific stated place that has one: division, its parents, then the country."""
    code = values.get("admin_division")
    if code:
        divisions = vocabularies.get("admin_division")
        concept = divisions.get(code)
        for place in [concept, *divisions.ancestors(code)] if concept else []:
            box = place.properties.get("bbox")
            if box:
                return tuple(box), {"en": place.label("en"), "zh": place.label("zh")}
    return COUNTRY_BOXES.get(values.get("country_code") or "")


def inside(box: Box, latitude: float, longitude: float) -> bool:
    return box[0] <= latitude <= box[2] and box[1] <= longitude <= box[3]
