"""Germplasm as an MCPD V.2.1 CSV (FAO/Bioversity Multi-crop Passport Descriptors): the descriptors in the
standard's order as the header, one accession a row, in MCPD's own value formats (standards.md §4).

A column is filled by the field that declares its MCPD code, or, in a domain whose fields declare none
(animal germplasm), by the field carrying the same standard term as the field that does. PUID falls back
to the platform's persistent URI; GENUS and SPECIES to the first words of the scientific name.
"""
from __future__ import annotations

import csv
import io
import re
from functools import cache
from typing import Any, Callable, Iterable

import vocabularies
from catalog.exports.cells import cell, field_values
from schemas import describe
from schemas.fields import Kind
from schemas.parsing import ParseError, parse_date
from schemas.registry import DOMAINS

GERMPLASM_DOMAINS = ("plant_germplasm", "animal_germplasm")
COLUMNS = ("PUID", "INSTCODE", "ACCENUMB", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLINSTADDRESS", "COLLMISSID",
           "GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR", "CROPNAME", "ACCENAME", "ACQDATE", "ORIGCTY",
           "COLLSITE", "DECLATITUDE", "LATITUDE", "DECLONGITUDE", "LONGITUDE", "COORDUNCERT", "COORDDATUM",
           "GEOREFMETH", "ELEVATION", "COLLDATE", "BREDCODE", "BREDNAME", "SAMPSTAT", "ANCEST", "COLLSRC",
           "DONORCODE", "DONORNAME", "DONORNUMB", "OTHERNUMB", "DUPLSITE", "DUPLINSTNAME", "STORAGE", "MLSSTAT",
           "REMARKS")
LIST_SEPARATOR = ";"   # MCPD: several values separated by a semicolon without space
EPITHET = re.compile(r"^[a-z][a-z-]+\.?$")


@cache
def mcpd_fields(domain: str) -> dict[str, str]:
    """MCPD code → the field of `domain` that fills it."""
    by_term = {d.term: d.mcpd for other in DOMAINS for d in describe(other).fields if d.mcpd}
    fields: dict[str, str] = {}
    for declaration in describe(domain).fields:
        code = declaration.mcpd or by_term.get(declaration.term)
        if code in COLUMNS:
            fields.setdefault(code, declaration.name)
    return fields


def mcpd_date(iso: str) -> str:
    """An ISO date or interval as MCPD's YYYYMMDD, "--" for an unknown month or day; an interval by its start."""
    try:
        _, start, _ = parse_date(iso)
    except ParseError:
        return ""
    return f"{start.year:04d}" + (f"{start.month:02d}" if start.month else "--") + \
        (f"{start.day:02d}" if start.day else "--")


def alpha3(code: str) -> str:
    """ORIGCTY is ISO 3166-1 alpha-3, where Darwin Core (and the platform) keep alpha-2."""
    concept = vocabularies.get("country").get(code)
    return (concept.properties.get("alpha3") if concept else None) or code


def mcpd_row(shown: dict[str, Any]) -> list[str]:
    values = field_values(shown)
    kinds = describe(shown["domain"]).by_name
    row = {}
    for code, name in mcpd_fields(shown["domain"]).items():
        value = values.get(name)
        if value is None:
            continue
        if kinds[name].kind == Kind.DATE:
            row[code] = mcpd_date(value)
        elif code == "ORIGCTY":
            row[code] = alpha3(value)
        else:
            row[code] = cell(value, LIST_SEPARATOR)
    row["PUID"] = row.get("PUID") or shown["uri"]
    words = (shown.get("scientific_name") or "").split()
    if not row.get("GENUS") and words and words[0][:1].isupper():
        row["GENUS"] = words[0]
        if not row.get("SPECIES") and len(words) > 1 and EPITHET.match(words[1]):
            row["SPECIES"] = words[1]
    return [row.get(code, "") for code in COLUMNS]


def write_mcpd(records: Iterable[dict[str, Any]], out: Any,
               on_record: Callable[[dict[str, Any]], None] = lambda shown: None) -> int:
    """Write the germplasm records to the binary stream `out` as MCPD CSV (UTF-8); returns the rows written."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    written = 0
    for shown in records:
        if shown["domain"] in GERMPLASM_DOMAINS:
            writer.writerow(mcpd_row(shown))
            written += 1
            on_record(shown)
    text.flush()
    text.detach()
    return written
