"""A record's values as the text of export cells: one value per declared field, lists joined, numbers
without float noise, and the characters that would break a delimited row replaced by spaces."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from schemas import describe
from schemas.fields import Declaration, Kind
from schemas.parsing import SEPARATOR

# Line and field breaks, including the ones str.splitlines() honours: unenclosed tab-delimited files
# (the Darwin Core Archive convention) cannot carry them inside a value.
ROW_BREAKING = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
UNIT = re.compile(r"\(([^()]+)\)\s*$")


def field_values(shown: dict[str, Any]) -> dict[str, Any]:
    """Field name → value of a record as ResourceService shows it: core columns and payload alike."""
    payload = shown.get("payload") or {}
    return {d.name: shown.get(d.core) if d.core else payload.get(d.name) for d in describe(shown["domain"]).fields}


def cell(value: Any, separator: str = SEPARATOR) -> str:
    """The text of one cell; empty for a missing value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (list, tuple)):
        return separator.join(text for text in (cell(item, separator) for item in value) if text)
    return ROW_BREAKING.sub(" ", str(value))


def number_text(value: float) -> str:
    """Shortest round-tripping digits, never in exponent form: 30.0 → "30", 1e-05 → "0.00001"."""
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


def unit_of(declaration: Declaration) -> str | None:
    """The unit of a numeric field, as its English label ends: "Storage temperature (°C)" → "°C"."""
    if declaration.kind not in (Kind.INTEGER, Kind.DECIMAL):
        return None
    match = UNIT.search(declaration.labels.get("en", ""))
    return match.group(1) if match else None
