"""Quality checks across the fields of one row; each yields issues (and may add derived values)."""
from __future__ import annotations

from schemas.checks import common, coordinates, dates, geology, places, taxonomy, verbatim

# verbatim first: it fills decimal coordinates, elevation and the collecting date the later checks read; then
# places, which resolves the country and the administrative division the coordinate check compares against.
ROW_CHECKS = (verbatim.interpret, places.resolve_country, places.resolve_admin_division, coordinates.check,
              dates.check, taxonomy.check, geology.check, common.name_present)
