"""Resource → public index document. Confidential records get no document at all, and restricted
records carry only generalised coordinates, so nothing hidden can surface through any search feature."""
from __future__ import annotations

import math
import re
from typing import Any

from catalog.enums import SharingMode
from catalog.models import Resource

# A 0.1° cell (about 11 km) as GBIF's sensitive-data guidance suggests for generalising points.
GENERALISED_CELL_DEGREES = 0.1
GENERALISED_UNCERTAINTY_M = 7850.0  # half the diagonal of a 0.1° cell at the equator
YEAR = re.compile(r"^(\d{4})")


def public_document(resource: Resource) -> dict[str, Any] | None:
    """The document the public index holds for a resource, or None when it must not be there."""
    if resource.is_deleted or resource.sharing_mode == SharingMode.CONFIDENTIAL:
        return None
    latitude, longitude = resource.decimal_latitude, resource.decimal_longitude
    if resource.sharing_mode == SharingMode.RESTRICTED and latitude is not None and longitude is not None:
        latitude, longitude = generalise(latitude), generalise(longitude)
    year = YEAR.match(resource.event_date or "")
    return {
        "id": resource.identifier,
        "version": resource.version,
        "domain": resource.domain.value,
        "center": resource.center.code,
        "sharing_mode": resource.sharing_mode.value,
        "title_zh": resource.name_zh,
        "title_en": resource.name_en,
        "scientific_name": resource.scientific_name,
        "country_code": resource.country_code,
        "admin_division": resource.admin_division,
        "locality": resource.locality,
        "year": int(year.group(1)) if year else None,
        "latitude": latitude,
        "longitude": longitude,
        "text": " ".join(_text_values(resource.payload)),
        "updated_at": resource.updated_at.isoformat() if resource.updated_at else None,
    }


def generalise(degrees: float) -> float:
    """The centre of the grid cell the coordinate falls in."""
    cell = math.floor(degrees / GENERALISED_CELL_DEGREES)
    return round((cell + 0.5) * GENERALISED_CELL_DEGREES, 4)


def _text_values(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _text_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _text_values(item)
