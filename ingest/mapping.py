"""Column header → schema field, by field name, standard term (name, CURIE or URI), MCPD code, alias or
zh/en label; unknown columns are reported and a saved mapping file can map or ignore them."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Mapping

from schemas import describe

IGNORE = None


def normalise(header: str) -> str:
    """Width-, case- and punctuation-insensitive key: "Decimal Latitude", "decimal_latitude" and
    "ＤecimalLatitude" all become "decimallatitude"; Chinese characters are kept."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\W_]+", "", text)


class MappingError(ValueError):
    """A mapping file that cannot be used; the message says which entry and why."""


@dataclass(frozen=True)
class ColumnMapping:
    domain: str
    columns: dict[str, str | None]                  # header → field name, or None when ignored/unknown
    unknown: tuple[str, ...] = ()                   # headers no rule matched and no mapping file named
    conflicts: tuple[tuple[str, str, str], ...] = ()  # (header, field, the header that already took it)
    from_file: tuple[str, ...] = field(default=())  # headers decided by the mapping file

    def apply(self, cells: Mapping[str, str]) -> dict[str, str]:
        """A row's cells keyed by field name (ignored and unknown columns dropped)."""
        row = {}
        for header, value in cells.items():
            name = self.columns.get(header)
            if name is not None:
                row[name] = value
        return row

    def as_dict(self) -> dict[str, Any]:
        """What is saved with a submission: enough to reproduce the mapping and to show it ("header" keeps the
        file's column order, which a JSONB column does not keep for the keys of "columns")."""
        return {"domain": self.domain, "header": list(self.columns), "columns": self.columns, "unknown": list(self.unknown),
                "conflicts": [list(conflict) for conflict in self.conflicts], "from_file": list(self.from_file)}


@cache
def header_index(domain: str) -> dict[str, str]:
    """Every name a column may carry for each field of the domain; a name two fields claim maps to neither."""
    claims: dict[str, set[str]] = {}
    for declaration in describe(domain).fields:
        names = {declaration.name, declaration.term, declaration.term_name, declaration.labels["en"],
                 declaration.labels["zh"], *declaration.aliases}
        if declaration.mcpd:
            names.add(declaration.mcpd)
        keys = {normalise(name) for name in names if name} | ({declaration.term_uri} if declaration.term_uri else set())
        for key in keys:
            claims.setdefault(key, set()).add(declaration.name)
    return {key: next(iter(owners)) for key, owners in claims.items() if len(owners) == 1}


def match_header(domain: str, header: str) -> str | None:
    index = header_index(domain)
    stripped = header.strip()
    if stripped in index:            # a term URI
        return index[stripped]
    found = index.get(normalise(stripped))
    if found is None and "." in stripped:   # flattened JSON keys: "origin.country" → "country"
        found = index.get(normalise(stripped.rsplit(".", 1)[1]))
    return found


def map_columns(domain: str, headers: list[str], overrides: Mapping[str, str | None] | None = None) -> ColumnMapping:
    """Match every header; overrides (from a mapping file or the UI) win, and None ignores a column."""
    overrides = dict(overrides or {})
    fields = describe(domain).by_name
    for header, target in overrides.items():
        if target is not IGNORE and target not in fields:
            raise MappingError(f"the mapping names field {target!r} for column {header!r}, but the {domain} "
                               f"schema has no such field")
    columns: dict[str, str | None] = {}
    taken: dict[str, str] = {}
    unknown, conflicts, from_file = [], [], []
    for header in headers:
        if header in overrides:
            target = overrides[header]
            from_file.append(header)
        else:
            target = match_header(domain, header)
            if target is None:
                unknown.append(header)
        if target is not None and target in taken:
            conflicts.append((header, target, taken[target]))
            target = None
        if target is not None:
            taken[target] = header
        columns[header] = target
    return ColumnMapping(domain, columns, tuple(unknown), tuple(conflicts), tuple(from_file))


@dataclass(frozen=True)
class MappingSpec:
    """What a mapping file (or the mapping screen) says: columns to map or ignore, default values for
    fields the file lacks, the columns whose values joined with "-" form the local identifier, and for a
    column holding nested JSON records, the key whose values its field takes (`paths`), and for a vocabulary
    field, the file's own words for its values (`values`: {"country_code": {"Russian": "RU"}})."""
    columns: dict[str, str | None] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    identifier: tuple[str, ...] = ()
    paths: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"columns": self.columns, "defaults": self.defaults, "identifier": list(self.identifier)} \
            | ({"paths": self.paths} if self.paths else {}) | ({"values": self.values} if self.values else {})


def nested_values(cells: Mapping[str, str], column: str, key: str) -> list[str]:
    """The values of `key` in the JSON records of a column: a list of objects ('[{"name": …}, …]') or one
    object, or, where the reader flattened an object, the column "<column>.<key>"."""
    text = (cells.get(column) or "").strip()
    if not text:
        flattened = (cells.get(f"{column}.{key}") or "").strip()
        return [flattened] if flattened else []
    try:
        document = json.loads(text)
    except ValueError:
        return []
    items = document if isinstance(document, list) else [document]
    return [str(item[key]).strip() for item in items
            if isinstance(item, dict) and item.get(key) not in (None, "") and not isinstance(item[key], (dict, list))]


def load_mapping_file(path: Path) -> MappingSpec:
    """JSON {"columns": {"header": "field" or null}, "defaults": {"field": "value"}, "identifier": ["header",…],
    "paths": {"header": "key"}, "values": {"field": {"value in the file": "code"}}}
    or a two-column CSV header,field (an empty field ignores the column)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise MappingError(f"{path.name}: not valid JSON (line {error.lineno}, column {error.colno})") from None
        return mapping_spec(document, path.name)
    columns: dict[str, str | None] = {}
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or (number == 1 and [cell.strip().lower() for cell in row[:2]] == ["column", "field"]):
            continue
        if len(row) != 2:
            raise MappingError(f"{path.name}, line {number}: expected two cells (column,field), found {len(row)}")
        columns[row[0]] = row[1].strip() or None
    return MappingSpec(columns=columns)


def mapping_spec(document: Any, source: str = "mapping") -> MappingSpec:
    """Check the shape of a mapping document (from a file, the API or the mapping screen)."""
    if not isinstance(document, dict):
        raise MappingError(f'{source}: expected an object with "columns", "defaults" and/or "identifier"')
    unknown = set(document) - {"columns", "defaults", "identifier", "paths", "values"}
    if unknown:
        raise MappingError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}")
    columns = document.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str))
                                                for k, v in columns.items()):
        raise MappingError(f'{source}: expected {{"columns": {{"column header": "field name" or null}}}}')
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in defaults.items()):
        raise MappingError(f'{source}: expected {{"defaults": {{"field name": "value"}}}}')
    identifier = document.get("identifier", [])
    if not isinstance(identifier, list) or not all(isinstance(item, str) for item in identifier):
        raise MappingError(f'{source}: expected {{"identifier": ["column header", …]}}')
    paths = document.get("paths", {})
    if not isinstance(paths, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in paths.items()):
        raise MappingError(f'{source}: expected {{"paths": {{"column header": "key inside its JSON records"}}}}')
    values = document.get("values", {})
    if not isinstance(values, dict) or not all(
            isinstance(name, str) and isinstance(table, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())
            for name, table in values.items()):
        raise MappingError(f'{source}: expected {{"values": {{"field name": {{"value in the file": "code"}}}}}}')
    return MappingSpec({header: (target or None) for header, target in columns.items()}, dict(defaults),
                       tuple(identifier), dict(paths), {name: dict(table) for name, table in values.items()})
