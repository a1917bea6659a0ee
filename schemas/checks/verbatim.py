"""Verbatim and atomised values read into the interpreted fields, the way GBIF interprets them.

- year/month/day (Darwin Core) against eventDate: a contradiction, or an eventDate more precise than the
  atomised parts (a day-unknown date written as the 1st of the month), is flagged RECORDED_DATE_MISMATCH;
  an empty or unreadable eventDate is filled from the parts.
- MCPD LATITUDE/LONGITUDE (verbatim_latitude/longitude, DDMMSSH text): read into decimal degrees when the
  decimal fields are empty; decimal degrees found there are flagged and used; anything else is flagged.
- verbatimCoordinates that look like an MGRS/UTM grid reference (29TNG3556) must have the MGRS shape.
- verbatimElevation (120, 120 m, 100-150) fills the minimum/maximum elevation when those are empty.

Each part runs only for the fields the domain declares. Runs before the place, coordinate and date checks,
so what it fills is checked like any given value.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas import parsing
from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription

MCPD_DMS = {"verbatim_latitude": re.compile(r"^(\d{2})(\d{2}|--)(\d{2}|--)([NS])$", re.I),
            "verbatim_longitude": re.compile(r"^(\d{3})(\d{2}|--)(\d{2}|--)([EW])$", re.I)}
SYMBOL_DMS = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*°\s*"                               # degrees
                        r"(?:(\d{1,2}(?:\.\d+)?)\s*['′]\s*"                            # minutes
                        r"(?:(\d{1,2}(?:\.\d+)?)\s*(?:[\"″]|'')\s*)?)?([NSEW])$", re.I)   # seconds, hemisphere
HEMISPHERES = {"verbatim_latitude": "NS", "verbatim_longitude": "EW"}
LIMITS = {"verbatim_latitude": 90, "verbatim_longitude": 180}
TARGETS = {"verbatim_latitude": "decimal_latitude", "verbatim_longitude": "decimal_longitude"}
DMS_EXPECTED = {"en": "degrees-minutes-seconds such as 303524N or 1142122E, or 30°35'24\"N",
                "zh": "应为度分秒，如 303524N、1142122E 或 30°35'24\"N"}

# MGRS: zone 1-60, latitude band C-X without I and O, 100 km square (column A-Z, row A-V, without I and O),
# then easting and northing with the same number of digits (0-5 each), written together or apart.
LOOKS_LIKE_GRID = re.compile(r"^\d{1,2}\s*[A-Za-z]")
MGRS = re.compile(r"^(\d{1,2})\s*([C-HJ-NP-X])\s*([A-HJ-NP-Z][A-HJ-NP-V])\s*((?:\d+\s*){0,2})$")
MGRS_EXPECTED = {"en": "an MGRS grid reference such as 29TNG3556, 29TNG 35 56 or 29TNG3550056000",
                 "zh": "应为 MGRS 方里网坐标，如 29TNG3556、29TNG 35 56 或 29TNG3550056000"}

METRES = r"\s*(?:m|米|metres|meters)?\.?"
ELEVATION = re.compile(rf"^(-?\d+(?:\.\d+)?){METRES}$", re.I)
ELEVATION_RANGE = re.compile(rf"^(-?\d+(?:\.\d+)?){METRES}\s*(?:-|–|—|~|～|至|到)\s*(-?\d+(?:\.\d+)?){METRES}$", re.I)


def interpret(values: dict[str, Any], description: DomainDescription,
              failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    names = description.by_name
    if "year" in names:
        yield from _date_parts(values, description, failed)
    if "verbatim_latitude" in names:
        yield from _verbatim_degrees(values, description, failed)
    if "verbatim_coordinates" in names and values.get("verbatim_coordinates"):
        yield from _grid_reference(values, description)
    if "verbatim_elevation" in names and values.get("verbatim_elevation"):
        yield from _elevation(values, description, failed)


# ---------------------------------------------------------------- year / month / day

def _date_parts(values, description, failed) -> Iterator[Issue]:
    year, month, day = values.get("year"), values.get("month"), values.get("day")
    if year is None:
        return
    parts = "/".join("–" if part is None else str(part) for part in (year, month, day))
    event = values.get("event_date")
    if event is None:
        filled = _from_parts(year, month, day)
        if filled:
            values["event_date"] = filled
        return
    _, start, end = parsing.parse_date(event)
    if start != end:          # an interval: only the year must fall inside it
        if not start.year <= year <= end.year:
            yield _mismatch(description, event, parts)
        return
    contradicts = (start.year != year or (month is not None and start.month not in (None, month))
                   or (day is not None and start.day not in (None, day)))
    more_precise = (month is None and start.month is not None) or (day is None and start.day is not None)
    if contradicts or more_precise:
        yield _mismatch(description, event, parts)


def _from_parts(year: int, month: int | None, day: int | None) -> str | None:
    text = f"{year:04d}" + (f"-{month:02d}" + (f"-{day:02d}" if day is not None else "") if month else "")
    try:
        return parsing.parse_date(text)[0]
    except parsing.ParseError:
        return None


def _mismatch(description, event, parts) -> Issue:
    return issue(description, "RECORDED_DATE_MISMATCH", "event_date", event, parts=parts)


# ---------------------------------------------------------------- MCPD degrees-minutes-seconds

def _verbatim_degrees(values, description, failed) -> Iterator[Issue]:
    decimals: dict[str, float] = {}
    for name in ("verbatim_latitude", "verbatim_longitude"):
        text = values.get(name)
        if not text:
            continue
        degrees = _dms(name, text)
        if degrees is None and parsing.NUMBER.match(text.strip()):
            degrees = float(text)
            yield issue(description, "DECIMAL_COORDINATE_IN_DMS_FIELD", name, text)
        elif degrees is None:
            yield issue(description, "COORDINATE_INVALID", name, text, expected_en=DMS_EXPECTED["en"],
                        expected_zh=DMS_EXPECTED["zh"])
            continue
        decimals[TARGETS[name]] = degrees
    targets = set(TARGETS.values())
    if len(decimals) == 2 and not any(values.get(target) is not None for target in targets) \
            and not failed & targets:
        values.update(decimals)


def _dms(name: str, text: str) -> float | None:
    value = text.strip()
    match = MCPD_DMS[name].match(value) or SYMBOL_DMS.match(value)
    if not match:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    if hemisphere.upper() not in HEMISPHERES[name]:
        return None
    minutes = 0.0 if minutes in (None, "--") else float(minutes)
    seconds = 0.0 if seconds in (None, "--") else float(seconds)
    if minutes >= 60 or seconds >= 60:
        return None
    result = float(degrees) + minutes / 60 + seconds / 3600
    if result > LIMITS[name]:
        return None
    return round(-result if hemisphere.upper() in "SW" else result, 6)


# ---------------------------------------------------------------- MGRS grid references

def _grid_reference(values, description) -> Iterator[Issue]:
    text = values["verbatim_coordinates"]
    if not LOOKS_LIKE_GRID.match(text):
        return          # another verbatim form (degrees, a sentence): kept as given
    match = MGRS.match(text)
    valid = False
    if match and 1 <= int(match.group(1)) <= 60:
        groups = match.group(4).split()
        if len(groups) == 1:
            valid = len(groups[0]) % 2 == 0 and len(groups[0]) <= 10
        elif len(groups) == 2:
            valid = len(groups[0]) == len(groups[1]) <= 5
        else:
            valid = True   # the 100 km square alone
    if not valid:
        yield issue(description, "COORDINATE_INVALID", "verbatim_coordinates", text,
                    expected_en=MGRS_EXPECTED["en"], expected_zh=MGRS_EXPECTED["zh"])


# ---------------------------------------------------------------- elevation

def _elevation(values, description, failed) -> Iterator[Issue]:
    targets = ("minimum_elevation_m", "maximum_elevation_m")
    text = values["verbatim_elevation"]
    single, span = ELEVATION.match(text), ELEVATION_RANGE.match(text)
    if single:
        low = high = float(single.group(1))
    elif span:
        low, high = sorted((float(span.group(1)), float(span.group(2))))
    else:
        yield issue(description, "ELEVATION_NON_NUMERIC", "verbatim_elevation", text)
        return
    bounds = [description.by_name[target] for target in targets if target in description.by_name]
    if any((b.minimum is not None and low < b.minimum) or (b.maximum is not None and high > b.maximum)
           for b in bounds):
        yield issue(description, "ELEVATION_NON_NUMERIC", "verbatim_elevation", text)
        return
    if not any(values.get(target) is not None or target in failed for target in targets):
        values["minimum_elevation_m"], values["maximum_elevation_m"] = low, high
