"""Turning raw cell text into typed values: one function per kind, shared by marshmallow and bulk validation."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

SEPARATOR = " | "   # Darwin Core's list separator
TRUE_WORDS = {"true", "t", "yes", "y", "1", "是", "有", "对"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "否", "无", "不是"}
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class ParseError(ValueError):
    """The text is not a value of the kind; `code` names the issue to report."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def clean_text(text: str) -> str:
    """NFC, outer whitespace removed, inner runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_integer(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if value.endswith(".0"):
        value = value[:-2]
    if not re.fullmatch(r"[+-]?\d{1,18}", value):
        raise ParseError("INVALID_INTEGER")
    return int(value)


def parse_decimal(text: str) -> float:
    value = unicodedata.normalize("NFKC", text).strip()
    if not NUMBER.match(value):
        raise ParseError("INVALID_NUMBER")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ParseError("INVALID_NUMBER")
    return number


def parse_boolean(text: str) -> bool:
    value = unicodedata.normalize("NFKC", text).strip().casefold()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ParseError("INVALID_BOOLEAN")


def parse_list(text: str, separator: str = SEPARATOR) -> list[str]:
    """Split a multi-value cell; Darwin Core uses " | ", MCPD ";" — both are accepted."""
    parts = re.split(r"\s*\|\s*" if separator == SEPARATOR else re.escape(separator), text)
    if len(parts) == 1 and separator == SEPARATOR and ";" in text:
        parts = text.split(";")
    return [clean_text(part) for part in parts if part.strip()]


@dataclass(frozen=True)
class PartialDate:
    """An ISO 8601 date of reduced precision: year, year-month or a full date."""
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            next_month = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(next_month.toordinal() - 1)
        return date(self.year, self.month, self.day)


ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
COMPACT = re.compile(r"^(\d{4})(\d{2}|--|00)(\d{2}|--|00)$")          # MCPD YYYYMMDD with --/00 unknowns
CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$")


def parse_partial_date(text: str) -> PartialDate:
    value = unicodedata.normalize("NFKC", text).strip()
    for pattern in (ISO, COMPACT, CHINESE, SLASHED):
        match = pattern.match(value)
        if match:
            year_text, *parts = match.groups()
            year = int(year_text)     # every pattern requires its four digits of the year
            month, day = (None if part in (None, "--", "00") else int(part) for part in parts)
            if month is None and day is not None:
                raise ParseError("RECORDED_DATE_INVALID")
            try:
                candidate = PartialDate(year, month, day)
                candidate.earliest()
                candidate.latest()
            except ValueError:
                raise ParseError("RECORDED_DATE_INVALID") from None
            if not 1000 <= year <= 2999:
                raise ParseError("RECORDED_DATE_INVALID")
            return candidate
    raise ParseError("RECORDED_DATE_INVALID")


def parse_date(text: str) -> tuple[str, PartialDate, PartialDate]:
    """An ISO 8601 date or interval ("2007-11-13/15", "1900/1909") → (normalised text, start, end)."""
    value = unicodedata.normalize("NFKC", text).strip()
    if "/" in value and not SLASHED.match(value):
        first, _, second = value.partition("/")
        start = parse_partial_date(first)
        end = _interval_end(start, second.strip())
        if end.latest() < start.earliest():
            raise ParseError("RECORDED_DATE_RANGE_INVERTED")
        return f"{start.iso()}/{end.iso()}", start, end
    single = parse_partial_date(value)
    return single.iso(), single, single


def _interval_end(start: PartialDate, text: str) -> PartialDate:
    """ISO 8601 allows the end of an interval to omit what it shares with the start ("2007-11-13/15")."""
    if re.fullmatch(r"\d{1,2}", text) and start.day is not None:
        return parse_partial_date(f"{start.year:04d}-{start.month:02d}-{text}")
    if re.fullmatch(r"\d{1,2}", text) and start.month is not None:
        return parse_partial_date(f"{start.year:04d}-{text}")
    if re.fullmatch(r"\d{1,2}-\d{1,2}", text) and start.month is not None:
        return parse_partial_date(f"{start.year:04d}-{text}")
    return parse_partial_date(text)
