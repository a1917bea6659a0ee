"""Geography for the embedded engine: great-circle distance as Elasticsearch computes it (arc distance on
a sphere of the mean Earth radius), and the latitude/longitude boxes that cover a geo filter."""
from __future__ import annotations

import math

from catalog.search.query import BoundingBox, Distance

EARTH_RADIUS_KM = 6371.0088  # the mean radius Elasticsearch uses


def distance_km(lat1: float, lon1: float, lat2: float | None, lon2: float | None) -> float | None:
    if lat2 is None or lon2 is None:
        return None
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi, half_dlambda = math.radians(lat2 - lat1) / 2, math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def covering_boxes(geo: BoundingBox | Distance) -> list[BoundingBox]:
    """Boxes with west ≤ east whose union covers the filter (a box across the antimeridian becomes two);
    for a distance, the boxes around its circle, to be refined by distance_km."""
    if isinstance(geo, Distance):
        geo = _around(geo)
    if geo.west <= geo.east:
        return [geo]
    return [BoundingBox(geo.south, geo.west, geo.north, 180.0), BoundingBox(geo.south, -180.0, geo.north, geo.east)]


def _around(circle: Distance) -> BoundingBox:
    reach = math.degrees(circle.km / EARTH_RADIUS_KM) * 1.001  # a hair wider: the distance decides
    south, north = circle.latitude - reach, circle.latitude + reach
    if south <= -90 or north >= 90:  # the circle holds a pole: every longitude
        return BoundingBox(max(south, -90.0), -180.0, min(north, 90.0), 180.0)
    spread = math.degrees(math.asin(min(1.0, math.sin(math.radians(reach)) / math.cos(math.radians(circle.latitude)))))
    spread *= 1.001
    if spread >= 180:
        return BoundingBox(south, -180.0, north, 180.0)
    west, east = circle.longitude - spread, circle.longitude + spread
    west = west + 360 if west < -180 else west
    east = east - 360 if east > 180 else east
    return BoundingBox(south, west, north, east)
