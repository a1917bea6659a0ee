"""One field's text → its value, or an issue: parsing, length, range, identifier shape and vocabulary.

Built once per declaration and used by both the marshmallow fields and the bulk validator, so the two
give the same verdict on every cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import vocabularies
from schemas import parsing
from schemas.fields import Declaration, Kind
from schemas.issues import Issue

LOCAL_ID = re.compile(r"^[\w .()/:+#-]+$")
# Out-of-range coordinates are judged by the coordinate check, which can tell a swapped pair from a typo.
COORDINATE_FIELDS = {"decimal_latitude", "decimal_longitude"}


class Rejected(Exception):
    """The cell cannot be stored; the row is rejected."""

    def __init__(self, issue: Issue):
        super().__init__(issue.code)
        self.issue = issue


@dataclass(frozen=True)
class Flagged:
    """A value kept with a warning, e.g. an unknown term of an open vocabulary kept verbatim."""
    value: Any
    issue: Issue


def field_issue(code: str, declaration: Declaration, value: Any, **params: Any) -> Issue:
    return Issue(code=code, field=declaration.name, value=value,
                 params={"label_en": declaration.labels["en"], "label_zh": declaration.labels["zh"], **params})


def cell_parser(declaration: Declaration) -> Callable[[str], Any]:
    """parse(text) → value, Flagged(value, issue), or raises Rejected / parsing.ParseError."""
    kind = declaration.kind
    if kind == Kind.LIST:
        base = lambda text: parsing.parse_list(text, declaration.separator)  # noqa: E731
    elif kind == Kind.DATE:
        base = lambda text: parsing.parse_date(text)[0]  # noqa: E731
    elif kind in (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN):
        base = {Kind.INTEGER: parsing.parse_integer, Kind.DECIMAL: parsing.parse_decimal,
                Kind.BOOLEAN: parsing.parse_boolean}[kind]
    elif kind == Kind.TEXT:
        base = str.strip
    else:
        base = parsing.clean_text
    check_range = declaration.name not in COORDINATE_FIELDS

    def parse(text: str) -> Any:
        value = base(text)
        if declaration.max_length is not None and isinstance(value, str) and len(value) > declaration.max_length:
            raise Rejected(field_issue("VALUE_TOO_LONG", declaration, value[:50] + "…", length=len(value),
                                       maximum=declaration.max_length))
        if check_range and isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = declaration.minimum, declaration.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                raise Rejected(field_issue("NUMBER_OUT_OF_RANGE", declaration, value, minimum=low, maximum=high))
        if declaration.core == "local_id" and not LOCAL_ID.match(value):
            raise Rejected(field_issue("IDENTIFIER_INVALID", declaration, value))
        if declaration.vocabulary:
            return in_vocabulary(declaration, value)
        return value
    return parse


def in_vocabulary(declaration: Declaration, value: Any) -> Any:
    vocabulary = vocabularies.get(declaration.vocabulary)
    if isinstance(value, list):
        items = [in_vocabulary(declaration, item) for item in value]
        flagged = [item for item in items if isinstance(item, Flagged)]
        plain = [item.value if isinstance(item, Flagged) else item for item in items]
        return Flagged(plain, flagged[0].issue) if flagged else plain
    concept = vocabulary.match(value)
    if concept is not None:
        return concept.code
    suggestion = vocabulary.suggest(value)
    hint = {"suggestion_en": f" Did you mean {suggestion.code!r} ({suggestion.label('en')})?" if suggestion else "",
            "suggestion_zh": f"是否应为 {suggestion.code!r}（{suggestion.label('zh')}）？" if suggestion else ""}
    if declaration.closed:
        raise Rejected(field_issue("UNKNOWN_TERM_REJECTED", declaration, value, **hint))
    code = "COUNTRY_UNKNOWN" if declaration.vocabulary == "country" else "UNKNOWN_TERM"
    return Flagged(value, field_issue(code, declaration, value, **hint))
