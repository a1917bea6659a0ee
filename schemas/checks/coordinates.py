"""Coordinate checks: incomplete, zero, uncertainty, and outside the stated area (swapped or negated?)."""
from __future__ import annotations

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


def check(values: dict[str, Any], description: DomainDescription) -> Iterator[Issue]:
    latitude, longitude = values.get("decimal_latitude"), values.get("decimal_longitude")
    uncertainty = values.get("coordinate_uncertainty_m")
    if uncertainty is not None and uncertainty <= 0:
        yield issue(description, "COORDINATE_UNCERTAINTY_INVALID", "coordinate_uncertainty_m", uncertainty)
        values.pop("coordinate_uncertainty_m")
    if (latitude is None) != (longitude is None):
        yield issue(description, "COORDINATE_INCOMPLETE", "decimal_latitude" if latitude is None
                    else "decimal_longitude")
        return
    if latitude is None:
        return
    if latitude == 0 and longitude == 0:
        yield issue(description, "ZERO_COORDINATE", "decimal_latitude", "0, 0")
        return
    if uncertainty is None:
        yield issue(description, "COORDINATE_UNCERTAINTY_MISSING", "coordinate_uncertainty_m")
    area = stated_area(values)
    if area is None:
        return
    box, names = area
    if inside(box, latitude, longitude):
        return
    if -90 <= longitude <= 90 and inside(box, longitude, latitude):
        yield issue(description, "PRESUMED_SWAPPED_COORDINATE", "decimal_latitude", f"{latitude}, {longitude}",
                    place_en=names["en"], place_zh=names["zh"])
    elif any(inside(box, lat, lon) for lat, lon in ((-latitude, longitude), (latitude, -longitude),
                                                     (-latitude, -longitude))):
        yield issue(description, "PRESUMED_NEGATED_COORDINATE", "decimal_latitude", f"{latitude}, {longitude}",
                    place_en=names["en"], place_zh=names["zh"])
    else:
        yield issue(description, "COORDINATE_OUTSIDE_STATED_AREA", "decimal_latitude", f"{latitude}, {longitude}",
                    latitude=latitude, longitude=longitude, place_en=names["en"], place_zh=names["zh"])


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
