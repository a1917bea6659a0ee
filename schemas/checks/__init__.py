"""Quality checks across the fields of one row; each yields issues (and may add derived values)."""
from __future__ import annotations

from schemas.checks import coordinates, dates, geology, places, taxonomy

# places first: it resolves the administrative division the coordinate check compares against.
ROW_CHECKS = (places.resolve_admin_division, coordinates.check, dates.check, taxonomy.check, geology.check)
