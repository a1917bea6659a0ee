"""Values as RDF literals, typed the way the Darwin Core RDF guide asks: numbers typed, dates typed only
when they fit an XML Schema type, free text tagged with its language, identifiers left plain."""
from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Callable

from catalog.linked_data.terms import XSD, Literal
from schemas.fields import Kind

_DATE_TYPES = ((re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD + "date"),
               (re.compile(r"^\d{4}-\d{2}$"), XSD + "gYearMonth"),
               (re.compile(r"^\d{4}$"), XSD + "gYear"),
               (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$"), XSD + "dateTime"))
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
DECIMAL = XSD + "decimal"
INTEGER = XSD + "integer"
BOOLEAN = XSD + "boolean"
DATE_TIME = XSD + "dateTime"


def decimal_lexical(number: float | int | Decimal) -> str:
    """xsd:decimal's lexical form: never an exponent (repr(0.00001) is '1e-05', which is no decimal)."""
    if type(number) is float:
        text = repr(number)   # the shortest form that reads back as the same float
        if "e" not in text:
            return text
    text = format(Decimal(repr(number)) if isinstance(number, float) else Decimal(number), "f")
    return text if "." in text else text + ".0"


def language_of(text: str) -> str:
    """'zh' for text with Chinese characters, else 'en': the platform's two languages."""
    return "zh" if _CJK.search(text) else "en"


def converter(kind: Kind) -> Callable[[Any], Literal | None]:
    """The function that turns values of a declared kind into literals; None for a value that cannot be
    said in its type (NaN)."""
    return _CONVERTERS.get(kind, _plain)


def _plain(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", BOOLEAN)
    return Literal(str(value))


def _decimal(value: Any) -> Literal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return _plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Literal(decimal_lexical(value), DECIMAL)


def _integer(value: Any) -> Literal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Literal(str(value), INTEGER)
    return _plain(value)


def _date(value: Any) -> Literal:
    text = str(value)
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(text):
            return Literal(text, datatype)
    return Literal(text)


def _text(value: Any) -> Literal:
    text = str(value)
    return Literal(text, language=language_of(text))


_CONVERTERS = {Kind.DECIMAL: _decimal, Kind.INTEGER: _integer, Kind.DATE: _date, Kind.TEXT: _text}


def timestamp(value: str | datetime | None) -> Literal | None:
    """An xsd:dateTime in UTC; stored times without a zone are UTC (the database keeps them so)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return Literal(moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z"), DATE_TIME)
