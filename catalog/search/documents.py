"""Resource → public index document. Confidential records get no document at all, and restricted
records carry only generalised coordinates, so nothing hidden can surface through any search feature."""
from __future__ import annotations

import re
from typing import Any

from catalog.enums import SharingMode
from catalog.generalise import generalised
from catalog.models import Resource
from schemas.mappings import index_fields_all

# Domain fields the index keeps as exact values (vocabulary codes, identifiers, numbers) for filters and
# facets; their types come from the schema declarations.
ATTRIBUTE_TYPES = index_fields_all()
YEAR = re.compile(r"^(\d{4})")


def public_document(resource: Resource) -> dict[str, Any] | None:
    """The document the public index holds for a resource, or None when it must not be there."""
    if resource.is_deleted or resource.sharing_mode == SharingMode.CONFIDENTIAL:
        return None
    values = {"decimal_latitude": resource.decimal_latitude, "decimal_longitude": resource.decimal_longitude,
              "locality": resource.locality, "payload": resource.payload or {}}
    if resource.sharing_mode == SharingMode.RESTRICTED:
        values = generalised(values, resource.domain.value)
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
        "locality": values["locality"],
        "year": int(year.group(1)) if year else None,
        "latitude": values["decimal_latitude"],
        "longitude": values["decimal_longitude"],
        "text": " ".join(_text_values(values["payload"])),
        "attributes": {name: value for name, value in values["payload"].items()
                       if ATTRIBUTE_TYPES.get(name, "text") != "text" and value not in (None, "", [])},
        "updated_at": resource.updated_at.isoformat() if resource.updated_at else None,
    }


def _text_values(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _text_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _text_values(item)
