"""One field's text → its value, or an issue: parsing, length, range, identifier shape and vocabulary.

Built once per declaration and used by both the marshmallow fields and the bulk validator, so the two
give the same verdict on every cell.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

import vocabularies
from schemas import parsing
from schemas.declarations import Declaration, Kind
from schemas.issues import Issue

LOCAL_ID = re.compile(r"^[\w .()/:+#-]+$")
# Out-of-range coordinates are judged by the coordinate check, which can tell a swapped pair from a typo.
COORDINATE_FIELDS = {"decimal_latitude", "decimal_longitude"}
# Whole-cell words that stand for "no value": spreadsheet and R/pandas exports ("-", "NA", "#N/A", "NaN") and
# Chinese curators' words for "unknown" (不详, 不知道 …). Case matters ("NA", not "Na", which is a province
# abbreviation or sodium). A vocabulary that knows the word wins: "NA" is Namibia as a country, 未知 an
# unknown sex, 不详 an unknown country.
PLACEHOLDERS = frozenset({"-", "--", "---", "\u2013", "\u2014", "/", "NA", "N/A", "n/a", "N.A.", "n.a.", "#N/A",
                          "NULL", "null", "Null", "NaN", "nan", "?", "??", "???", "(blank)", "不详", "未详", "不知道",
                          "不清楚", "未知", "忘了", "无", "暂无", "无记录", "无数据"})
# Text that becomes valid UTF-8 when encoded back in one of these is UTF-8 that was decoded with it.
MOJIBAKE_ENCODINGS = (("cp1252", "Windows-1252"), ("latin-1", "Latin-1"), ("mac_roman", "Mac Roman"))
TEXT_KINDS = {Kind.STRING, Kind.TEXT, Kind.LIST}
# Formatting tags pasted from web pages (<i>Bacillus</i>, 10<sup>6</sup>); not angle brackets of a mouse
# allele (Trp53<tm1Tyj>), which name no HTML element.
MARKUP = re.compile(r"</?(?:i|b|u|em|strong|sup|sub|br|p|span|div|font|a)(?:\s[^<>]*)?/?>", re.I)


# Phrases for the same, in any case, in English ("Not specified"), Spanish, Portuguese, French, German and the
# Latin of herbaria ("s.n.": sine numero); not "unknown", which several vocabularies and free-text fields use
# as a value of its own.
PLACEHOLDER_PHRASES = frozenset({"not reported", "not specified", "not available", "not recorded", "not applicable",
                                 "no data", "sin dato", "sin datos", "no disponible", "sin información", "sem dados",
                                 "não disponível", "non disponible", "non renseigné", "k.a.", "k. a.", "keine angabe",
                                 "s.n.", "s. n.", "s/n", "n.d."})


def placeholder(text: str) -> str | None:
    """The placeholder word the cell consists of, if it is one."""
    value = unicodedata.normalize("NFKC", text).strip()
    return value if value in PLACEHOLDERS or " ".join(value.casefold().split()) in PLACEHOLDER_PHRASES else None


def mojibake(text: str) -> tuple[str, str] | None:
    """(repaired text, encoding name) when `text` reads as UTF-8 bytes decoded with a one-byte encoding."""
    if text.isascii():
        return None
    for encoding, name in MOJIBAKE_ENCODINGS:
        try:
            repaired = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text:
            return repaired, name
    return None


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
    """parse(text) → value, Flagged(value, issue), or raises Rejected / parsing.ParseError. A placeholder
    for a missing value gives Flagged(None, issue): the cell counts as empty."""
    kind = declaration.kind
    base: Callable[[str], Any]
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
    check_encoding = kind in TEXT_KINDS and not declaration.vocabulary

    def parse(text: str) -> Any:
        word = placeholder(text)
        if word is not None and not (declaration.vocabulary and vocabularies.get(declaration.vocabulary).match(word)):
            return Flagged(None, field_issue("MISSING_VALUE_PLACEHOLDER", declaration, word))
        value = base(text)
        if declaration.max_length is not None and isinstance(value, str) and len(value) > declaration.max_length:
            raise Rejected(field_issue("VALUE_TOO_LONG", declaration, value[:50] + "…", length=len(value),
                                       maximum=declaration.max_length))
        if check_range and isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = declaration.minimum, declaration.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                raise Rejected(field_issue("NUMBER_OUT_OF_RANGE", declaration, value, minimum=low, maximum=high))
        if declaration.core == "local_id" and isinstance(value, str) and not LOCAL_ID.match(value):
            raise Rejected(field_issue("IDENTIFIER_INVALID", declaration, value))
        if declaration.vocabulary:
            return in_vocabulary(declaration, value)
        garbled = mojibake(text.strip()) if check_encoding else None
        if garbled:
            return Flagged(value, field_issue("TEXT_MOJIBAKE", declaration, text.strip(), repaired=garbled[0],
                                              encoding=garbled[1]))
        tag = MARKUP.search(text) if check_encoding else None
        if tag:
            return Flagged(value, field_issue("TEXT_MARKUP", declaration, text.strip(), tag=tag.group(0)))
        return value
    return parse


def in_vocabulary(declaration: Declaration, value: Any) -> Any:
    if declaration.vocabulary is None:
        raise ValueError(f"{declaration.name} names no vocabulary to check its values against")
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
    if declaration.vocabulary == "country":
        # The country code column holds ISO 3166-1 alpha-2 codes alone: an unknown country is reported, not stored.
        unknown = field_issue("COUNTRY_UNKNOWN", declaration, value, **hint)
        return Flagged(None if declaration.core == "country_code" else value, unknown)
    return Flagged(value, field_issue("UNKNOWN_TERM", declaration, value, **hint))
