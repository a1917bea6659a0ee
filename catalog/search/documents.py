"""Resource → public index document. Confidential records get no document at all, and restricted
records carry only generalised coordinates, so nothing hidden can surface through any search feature."""
from __future__ import annotations

import datetime
import re
from typing import Any

import vocabularies
from catalog.enums import SharingMode
from catalog.generalise import generalised
from catalog.models import Resource
from schemas import describe
from schemas.mappings import index_fields_all

# Domain fields the index keeps as exact values (vocabulary codes, identifiers, numbers) for filters and
# facets; their types come from the schema declarations.
ATTRIBUTE_TYPES = index_fields_all()
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
GENUS = re.compile(r"^([A-Z][a-z]+)\b")


def public_document(resource: Resource) -> dict[str, Any] | None:
    """The document the public index holds for a resource, or None when it must not be there."""
    if resource.is_deleted or resource.sharing_mode == SharingMode.CONFIDENTIAL:
        return None
    # The core columns and the payload, as generalised() reads and returns them.
    values: dict[str, Any] = {"decimal_latitude": resource.decimal_latitude,
                              "decimal_longitude": resource.decimal_longitude,
                              "locality": resource.locality, "payload": resource.payload or {}}
    if resource.sharing_mode == SharingMode.RESTRICTED:
        values = generalised(values, resource.domain.value)
    payload: dict[str, Any] = values["payload"]
    date = DATE.match(resource.event_date or "")
    genus = payload.get("genus") or (GENUS.match(resource.scientific_name or "") or [None, None])[1]
    return _clean({
        "id": resource.identifier,
        "version": resource.version,
        "domain": resource.domain.value,
        "center": resource.center.code,
        "sharing_mode": resource.sharing_mode.value,
        "title_zh": resource.name_zh,
        "title_en": resource.name_en,
        "scientific_name": resource.scientific_name,
        "taxon": resource.scientific_name,
        "vernacular": _vernacular(resource, payload),
        "family": payload.get("family"),
        "genus": genus,
        "basis_of_record": describe(resource.domain.value).basis_of_record(payload),
        "availability": resource.availability,
        "country_code": resource.country_code,
        "province": _province(resource.admin_division),
        "admin_division": resource.admin_division,
        "geologic_period": _period(payload),
        "locality": values["locality"],
        "year": int(date.group(1)) if date else None,
        "event_date": _start_date(date),
        **_age_range(payload),
        "latitude": values["decimal_latitude"],
        "longitude": values["decimal_longitude"],
        "text": " ".join(_text_values(payload)),
        "attributes": {name: value for name, value in payload.items()
                       if ATTRIBUTE_TYPES.get(name, "text") != "text" and value not in (None, "", [])},
        "updated_at": resource.updated_at.isoformat() if resource.updated_at else None,
    })


def _text_values(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _text_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _text_values(item)


def _start_date(date: re.Match | None) -> str | None:
    """The first day of the event date (partial dates count from their start); None when not a real day."""
    if not date:
        return None
    try:
        return datetime.date(int(date.group(1)), int(date.group(2) or 1), int(date.group(3) or 1)).isoformat()
    except ValueError:
        return None


def _clean(value: Any) -> Any:
    """Strings as UTF-8 can carry them: a lone surrogate (possible from a JSON upload) becomes U+FFFD."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _vernacular(resource: Resource, payload: dict[str, Any]) -> list[str]:
    names = [resource.name_zh, resource.name_en, payload.get("vernacular_name"), payload.get("crop_name")]
    return list(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))


def _province(division: str | None) -> str | None:
    """GB/T 2260: the province is the code's first two digits followed by zeros."""
    return division[:2] + "0000" if division and len(division) == 6 and division.isdigit() else None


def _period(payload: dict[str, Any]) -> str | None:
    """The earliest geologic period given, or the period a more specific earliest unit belongs to."""
    if payload.get("earliest_period") or payload.get("latest_period"):
        return payload.get("earliest_period") or payload.get("latest_period")
    chart = vocabularies.get("chronostratigraphy")
    for name in ("earliest_age", "earliest_epoch", "latest_age", "latest_epoch"):
        if payload.get(name):
            for unit in chart.ancestors(payload[name]):
                if unit.properties.get("rank") == "period":
                    return unit.code
    return None


def _age_range(payload: dict[str, Any]) -> dict[str, float | None]:
    """Numeric ages when given, else the range of the chronostratigraphic units (derived at validation)."""
    low = payload.get("min_age_ma", payload.get("max_age_ma"))
    high = payload.get("max_age_ma", payload.get("min_age_ma"))
    if low is None:
        low, high = payload.get("age_end_ma"), payload.get("age_begin_ma")
    return {"age_min_ma": low, "age_max_ma": high}
