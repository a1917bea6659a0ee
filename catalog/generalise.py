"""How a restricted record is shown to people outside its center: coordinates generalised to a 0.1°
cell, the uncertainty widened to cover it, and every field that would reveal the precise place removed.
Applied the same way to record pages, the API and the public search index (GBIF sensitive-data practice)."""
from __future__ import annotations

import math
from functools import cache
from typing import Any

from schemas import describe

CELL_DEGREES = 0.1
UNCERTAINTY_M = 7850.0  # half the diagonal of a 0.1° cell at the equator, so the circle covers the cell
# Terms whose values pin a place down more finely than the generalised cell.
PRECISE_TERMS = frozenset({"locality", "verbatimLocality", "verbatimLatitude", "verbatimLongitude",
                           "verbatimCoordinates", "footprintWKT", "decimalLatitude", "decimalLongitude",
                           "municipality", "georeferenceRemarks"})
GENERALISATION_NOTE = "coordinates generalised to a 0.1 degree cell; precise locality withheld"


def cell_centre(degrees: float) -> float:
    """The centre of the 0.1° grid cell the coordinate falls in."""
    cell = math.floor(degrees / CELL_DEGREES)
    return round((cell + 0.5) * CELL_DEGREES, 4)


@cache
def precise_fields(domain: str) -> frozenset[str]:
    return frozenset(d.name for d in describe(domain).fields if d.term_name in PRECISE_TERMS and not d.core)


def generalised(values: dict[str, Any], domain: str) -> dict[str, Any]:
    """A copy of a record's values (core columns + payload) as outsiders may see them."""
    shown = dict(values)
    if shown.get("decimal_latitude") is not None and shown.get("decimal_longitude") is not None:
        shown["decimal_latitude"] = cell_centre(shown["decimal_latitude"])
        shown["decimal_longitude"] = cell_centre(shown["decimal_longitude"])
        shown["coordinate_uncertainty_m"] = max(shown.get("coordinate_uncertainty_m") or 0, UNCERTAINTY_M)
    shown["locality"] = None
    hidden = precise_fields(domain)
    payload = {key: value for key, value in (shown.get("payload") or {}).items() if key not in hidden}
    payload["data_generalizations"] = GENERALISATION_NOTE
    shown["payload"] = payload
    return shown
