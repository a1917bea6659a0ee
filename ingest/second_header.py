"""A second header row directly under the header is not a row: units ("cm", "(g)"), the headers again in
another language (English under Chinese headers), or the directives of an ontology-building template (ROBOT:
"ID", "A rdfs:label", "SPLIT=|"). It is recognised by what all of its filled cells are, never by one cell."""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Mapping

from ingest.mapping import ColumnMapping, match_header, normalise
from ingest.readers import Note, RawRow
from ingest.readers._model import note

UNITS = re.compile(r"^[(\[（【]?\s*(?:unit[s]?\s*[:：]?\s*)?(?:mm|cm|dm|m|km|µm|um|nm|mg|g|kg|t|µg|ug|ml|mL|l|L|"
                   r"m2|m²|m3|m³|ha|%|‰|wt%|ppm|ppb|°|°c|℃|deg|degrees?|ma|ka|ga|yr|yrs|years?|days?|d|h|s|"
                   r"mol|mmol|mg/l|mg/kg|g/kg|cfu|pcs|个|株|粒|克|千克|毫克|厘米|毫米|米|千米|年|月|日|天|份|"
                   r"度|百分比)\s*[)\]）】]?$", re.IGNORECASE)
TEMPLATE = re.compile(r"^(?:ID|LABEL|TYPE|CLASS[_ ]TYPE|PROPERTY[_ ]TYPE|INDIVIDUAL[_ ]TYPE|DOMAIN|RANGE|"
                      r"CHARACTERISTIC|>?\s*(?:A|AI|AT|AL|SC|EC|C|DC|DI|EQ|SP|I|II|SI|DT|LABEL)\s+\S.*|.*\bSPLIT=.*)$")
SHARE = 0.8   # of the filled cells that must be of one kind
MINIMUM = 2   # filled cells, at least


def second_header(domain: str, cells: Mapping[str, str], mapping: ColumnMapping) -> str | None:
    """"units", "translation" or "template" when the row is a second header row of that kind, else None."""
    filled = {column: value.strip() for column, value in cells.items() if value and value.strip()}
    if len(filled) < MINIMUM:
        return None
    for kind, test in (("template", lambda column, value: bool(TEMPLATE.match(value))),
                       ("units", lambda column, value: bool(UNITS.match(value))),
                       ("translation", lambda column, value: _names_the_column(domain, column, value, mapping))):
        if sum(1 for column, value in filled.items() if test(column, value)) >= SHARE * len(filled):
            return kind
    return None


def _names_the_column(domain: str, column: str, value: str, mapping: ColumnMapping) -> bool:
    """The cell is another name of its column: the same words, or a name of the field the column is mapped to
    (or, for a column no rule matched, of any field)."""
    if normalise(value) == normalise(column):
        return True
    named = match_header(domain, value)
    field = mapping.columns.get(column)
    return named is not None and (field is None or named == field)


def _note(code: str, en: str, zh: str) -> Callable[[int], Note]:
    return lambda line: note(code, en, zh, lines=[line])


SECOND_HEADER_NOTES: dict[str, Callable[[int], Note]] = {
    "units": _note("SECOND_HEADER_ROW", "a second header row of units under the header is not a row",
                   "表头下方的单位行不计为数据行"),
    "translation": _note("SECOND_HEADER_ROW", "a second header row naming the columns again (another language) "
                                              "is not a row", "表头下方再次给出列名（另一种语言）的行不计为数据行"),
    "template": _note("SECOND_HEADER_ROW", "a second header row of template directives (ROBOT) is not a row",
                      "表头下方的模板指令行（ROBOT）不计为数据行"),
}


def data_rows(domain: str, rows: Iterable[RawRow], mapping: ColumnMapping,
              notes: list[Note]) -> Iterator[tuple[int, RawRow]]:
    """The rows with the numbers reports give them: a second header row is left out (and noted), and the
    rows after it are numbered from 1."""
    skipped = 0
    for raw in rows:
        kind = second_header(domain, raw.cells, mapping) if raw.number == 1 else None
        if kind is not None:
            skipped = 1
            notes.append(SECOND_HEADER_NOTES[kind](raw.line))
            continue
        yield raw.number - skipped, raw
