"""Geological context: chronostratigraphic units in order and nested, numeric ages inside them.

Also derives the numeric age range (Ma) of the horizon from the ICS chart, for range search.
"""
from __future__ import annotations

from typing import Any, Iterator

import vocabularies
from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription

RANKS = ("eon", "era", "period", "epoch", "age")  # broadest first


def check(values: dict[str, Any], description: DomainDescription,
          failed: set[str] = frozenset()) -> Iterator[Issue]:
    earliest = [f"earliest_{rank}" for rank in RANKS if values.get(f"earliest_{rank}")]
    latest = [f"latest_{rank}" for rank in RANKS if values.get(f"latest_{rank}")]
    if not earliest and not latest and values.get("min_age_ma") is None:
        return
    chart = vocabularies.get("chronostratigraphy")
    yield from _nesting(values, description, chart, earliest)
    yield from _nesting(values, description, chart, latest)
    oldest = _concept(chart, values, earliest[-1]) if earliest else None      # most specific earliest unit
    youngest = _concept(chart, values, latest[-1]) if latest else oldest
    oldest = oldest or youngest
    if oldest and youngest and _begin(oldest) < _begin(youngest):
        yield issue(description, "GEOLOGIC_AGE_RANGE_INVERTED", earliest[-1] if earliest else latest[-1],
                    oldest.code, earliest=oldest.label("en"), latest=youngest.label("en"))
    begin = _begin(oldest) if oldest else None
    end = _end(youngest) if youngest else None
    low, high = values.get("min_age_ma"), values.get("max_age_ma")
    if low is not None and high is not None and low > high:
        yield issue(description, "NUMERIC_AGE_RANGE_INVERTED", "min_age_ma", low, minimum=low, maximum=high)
    elif begin is not None and end is not None and (low is not None or high is not None):
        low_value, high_value = low if low is not None else high, high if high is not None else low
        if low_value < end - 0.001 or high_value > begin + 0.001:
            unit = oldest.label("en") if oldest is youngest else f"{oldest.label('en')}–{youngest.label('en')}"
            yield issue(description, "GEOLOGIC_AGE_OUTSIDE_UNIT", "min_age_ma", f"{low_value}–{high_value}",
                        minimum=low_value, maximum=high_value, unit=unit, begin=begin, end=end)
    if begin is not None and end is not None:
        values["age_begin_ma"], values["age_end_ma"] = begin, end


def _nesting(values, description, chart, names: list[str]) -> Iterator[Issue]:
    """Each more specific unit must lie inside the broader unit given beside it."""
    concepts = [(name, _concept(chart, values, name)) for name in names]
    concepts = [(name, concept) for name, concept in concepts if concept is not None]
    for (_, broader), (name, narrower) in zip(concepts, concepts[1:]):
        if broader.code not in {ancestor.code for ancestor in chart.ancestors(narrower.code)}:
            yield issue(description, "GEOLOGIC_UNIT_OUTSIDE_PARENT", name, narrower.code, parent=broader.label("en"))


def _concept(chart, values, name):
    return chart.get(values[name]) if values.get(name) else None


def _begin(concept) -> float:
    return float(concept.properties["begin_ma"])


def _end(concept) -> float:
    return float(concept.properties["end_ma"])
