"""Geological context: chronostratigraphic units in order and nested, numeric ages inside them.

Also derives the numeric age range (Ma) of the horizon from the ICS chart, for range search.
"""
from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Iterator

import vocabularies
from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription
from vocabularies.model import Concept, Vocabulary

RANKS = ("eon", "era", "period", "epoch", "age")  # broadest first


def check(values: dict[str, Any], description: DomainDescription,
          failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
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
    low, high = values.get("min_age_ma"), values.get("max_age_ma")
    stated = [age for age in (low, high) if age is not None]  # one age stated alone stands for both bounds
    if low is not None and high is not None and low > high:
        yield issue(description, "NUMERIC_AGE_RANGE_INVERTED", "min_age_ma", low, minimum=low, maximum=high)
    elif oldest and youngest and stated:
        begin, end = _begin(oldest), _end(youngest)
        low_value, high_value = stated[0], stated[-1]
        if low_value < end - 0.001 or high_value > begin + 0.001:
            unit = oldest.label("en") if oldest is youngest else f"{oldest.label('en')}–{youngest.label('en')}"
            yield issue(description, "GEOLOGIC_AGE_OUTSIDE_UNIT", "min_age_ma", f"{low_value}–{high_value}",
                        minimum=low_value, maximum=high_value, unit=unit, begin=begin, end=end)
    if oldest and youngest:
        values["age_begin_ma"], values["age_end_ma"] = _begin(oldest), _end(youngest)


def _nesting(values: Mapping[str, Any], description: DomainDescription, chart: Vocabulary,
             names: list[str]) -> Iterator[Issue]:
    """Each more specific unit must lie inside the broader unit given beside it."""
    found = [(name, _concept(chart, values, name)) for name in names]
    concepts = [(name, concept) for name, concept in found if concept is not None]
    for (_, broader), (name, narrower) in zip(concepts, concepts[1:]):
        if broader.code not in {ancestor.code for ancestor in chart.ancestors(narrower.code)}:
            yield issue(description, "GEOLOGIC_UNIT_OUTSIDE_PARENT", name, narrower.code, parent=broader.label("en"))


def _concept(chart: Vocabulary, values: Mapping[str, Any], name: str) -> Concept | None:
    return chart.get(values[name]) if values.get(name) else None


def _begin(concept: Concept) -> float:
    return float(concept.properties["begin_ma"])


def _end(concept: Concept) -> float:
    return float(concept.properties["end_ma"])
