"""What a curator would decide about a file, proposed as data: which column (or pair of columns) identifies a
record, which unmatched column fills a required field, and file-level values for required fields the file
lacks, each with a confidence and a reason in zh/en citing the evidence.

Pure: reads a sample of the file, no database. `suggest()` proposes; `accepted()` turns the suggestions above
a confidence into an ordinary mapping (the mapping-file format), so what was applied can be saved and edited.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vocabularies
from ingest.mapping import MappingSpec, map_columns, normalise
from ingest.readers import Limits, ReadError, open_table
from ingest.second_header import second_header
from schemas.checks.verbatim import TARGETS as DMS_TO_DECIMAL
from schemas.evidence import Evidence
from schemas.field_checks import Rejected, cell_parser, placeholder
from schemas.fields import Kind
from schemas.issues import CATALOGUE, Severity
from schemas.parsing import ParseError
from schemas.parsing import NUMBER
from schemas.registry import describe

SAMPLE_ROWS = 2000
FIT_SAMPLE = 200     # values of a column checked against its field
FIT_SHARE = 0.9      # of them that must fit another field or key
MISFIT_SHARE = 0.8   # of them that must not fit the field their column's name matched
DEFAULT_MIN_CONFIDENCE = 0.8
# Headers that name an identifier, normalised (ingest.mapping.normalise): whole names, then name endings.
IDENTIFIER_NAMES = ("id", "identifier", "accession", "accessionnumber", "accessionno", "catalognumber",
                    "catalogno", "catalogueno", "occurrenceid", "sampleid", "specimenid", "strainnumber",
                    "uniqueid", "编号", "资源编号", "标本编号", "标本号", "样品编号", "种质编号", "菌株编号", "库编号")
IDENTIFIER_ENDINGS = ("id", "accession", "编号", "number")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "identifier" | "column" (field None: leave the column out) | "default" | "path" | "mapping"
    field: str | None
    value: str | None
    column: str | None
    confidence: float
    reason_en: str
    reason_zh: str
    replaces: str | None = None   # the column the field was taken from until now (an identifier that is not one)
    parts: tuple[str, ...] = ()   # an identifier composed of these columns' values, joined with "-"
    mapping: dict[str, Any] | None = None   # kind "mapping": a whole mapping confirmed earlier, to use again
    values: dict[str, str] | None = None    # kind "value_map": the file's words → the vocabulary's codes

    def as_dict(self) -> dict[str, Any]:
        document = {"kind": self.kind, "column": self.column, "field": self.field, "value": self.value,
                    "confidence": round(self.confidence, 2), "reason": {"en": self.reason_en, "zh": self.reason_zh}}
        return (document | ({"replaces": self.replaces} if self.replaces else {})
                | ({"columns": list(self.parts)} if self.parts else {})
                | ({"mapping": self.mapping} if self.mapping is not None else {})
                | ({"values": self.values} if self.values is not None else {}))

    @classmethod
    def from_dict(cls, document: dict[str, Any]) -> "Suggestion":
        """A suggestion as a report keeps it (as_dict())."""
        return cls(document["kind"], document["field"], document.get("value"), document.get("column"),
                   float(document["confidence"]), document["reason"]["en"], document["reason"]["zh"],
                   document.get("replaces"), tuple(document.get("columns", ())), document.get("mapping"),
                   document.get("values"))


class Sample:
    """The header and the first rows of a file, column by column (a second header row left out, as validation
    leaves it out)."""

    def __init__(self, path: Path, domain: str, file_name: str | None = None, rows: int = SAMPLE_ROWS):
        self._filled: dict[str, list[str]] = {}
        with open_table(path, file_name=file_name, limits=Limits()) as table:
            self.header = list(table.header)
            self.values: dict[str, list[str]] = {column: [] for column in self.header}
            self.rows = 0
            mapping = map_columns(domain, self.header)
            for raw in table.rows:
                if raw.number == 1 and second_header(domain, raw.cells, mapping):
                    continue
                for column in self.header:
                    self.values[column].append((raw.cells.get(column) or "").strip())
                self.rows += 1
                if self.rows >= rows:
                    break

    def filled(self, column: str) -> list[str]:
        """The column's values that say something: not empty, not a placeholder such as "-" or 不详."""
        if column not in self._filled:
            self._filled[column] = [value for value in self.values[column] if value and placeholder(value) is None]
        return self._filled[column]


def suggest(path: Path, domain: str, *, file_name: str | None = None, spec: MappingSpec | None = None,
            rows: int = SAMPLE_ROWS) -> list[Suggestion]:
    """The suggestions for a file, most confident first; a spec's own choices are not suggested again."""
    spec = spec or MappingSpec()
    sample = Sample(path, domain, file_name, rows)
    if not sample.rows:
        return []
    mapping = map_columns(domain, sample.header, spec.columns)
    mapped = {field: column for column, field in mapping.columns.items() if field}
    unmapped = [column for column, field in mapping.columns.items() if field is None and column not in spec.columns]
    columns = [*_required_columns(domain, sample, unmapped, mapped, spec),
               *_decimal_coordinates(domain, sample, mapped, spec)]
    columns += _misfits(domain, sample, mapped, {s.column for s in columns}, spec)
    moved = {suggestion.column for suggestion in columns if suggestion.kind == "column"}
    mapped = {field: column for field, column in mapped.items() if column not in moved}
    mapped.update({suggestion.field: suggestion.column for suggestion in columns
                   if suggestion.column and suggestion.field})
    found = [*_identifier(sample, mapped, spec), *columns, *_defaults(domain, sample, mapped, spec),
             *_value_maps(domain, sample, mapped, spec)]
    return sorted(found, key=lambda suggestion: -suggestion.confidence)


def suggest_quietly(path: Path, domain: str, *, file_name: str | None = None,
                    spec: MappingSpec | None = None) -> list[Suggestion]:
    """suggest(), or nothing for a file that cannot be read: validating it reports why."""
    try:
        return suggest(path, domain, file_name=file_name, spec=spec)
    except ReadError:
        return []


def file_header(path: Path, file_name: str | None = None) -> list[str]:
    """The file's columns, or none for a file that cannot be read."""
    try:
        with open_table(path, file_name=file_name, limits=Limits()) as table:
            return list(table.header)
    except ReadError:
        return []


def proposed_mapping(path: Path, domain: str, suggestions: list[Suggestion], *, file_name: str | None = None,
                     spec: MappingSpec | None = None, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> MappingSpec:
    """A whole mapping file to review and edit: every column with the field it goes to (null: ignored), the
    accepted suggestions applied."""
    spec = accepted(spec, suggestions, min_confidence)
    with open_table(path, file_name=file_name, limits=Limits()) as table:
        header = list(table.header)
    columns = {**map_columns(domain, header, spec.columns).columns, **spec.columns}
    return MappingSpec(columns=columns, defaults=spec.defaults, identifier=spec.identifier, paths=spec.paths)


def accepted(spec: MappingSpec | None, suggestions: list[Suggestion],
             min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> MappingSpec:
    """The spec with every suggestion at or above the confidence applied: an ordinary mapping."""
    spec = spec or MappingSpec()
    columns, defaults, identifier, paths = dict(spec.columns), dict(spec.defaults), spec.identifier, dict(spec.paths)
    values = {name: dict(table) for name, table in spec.values.items()}
    for suggestion in sorted(suggestions, key=lambda suggestion: suggestion.kind != "mapping"):
        if suggestion.confidence < min_confidence:
            continue
        if suggestion.kind == "mapping" and suggestion.mapping is not None:
            earlier = suggestion.mapping
            columns = {**earlier.get("columns", {}), **columns}
            defaults = {**earlier.get("defaults", {}), **defaults}
            identifier = identifier or tuple(earlier.get("identifier", ()))
            paths = {**earlier.get("paths", {}), **paths}
            values = {**earlier.get("values", {}), **values}
        elif suggestion.kind == "identifier" and suggestion.parts:
            identifier = suggestion.parts
        elif suggestion.kind == "identifier" and suggestion.column is not None:
            columns = {header: (None if target == "local_id" else target) for header, target in columns.items()}
            if suggestion.replaces:
                columns[suggestion.replaces] = None
            columns[suggestion.column] = "local_id"
            identifier = ()
        elif suggestion.kind in ("column", "path") and suggestion.column is not None:
            columns[suggestion.column] = suggestion.field
            if suggestion.kind == "path" and suggestion.value:
                paths[suggestion.column] = suggestion.value
        elif suggestion.kind == "default" and suggestion.field is not None and suggestion.field not in defaults:
            defaults[suggestion.field] = suggestion.value or ""
        elif suggestion.kind == "value_map" and suggestion.field and suggestion.values:
            values[suggestion.field] = {**suggestion.values, **values.get(suggestion.field, {})}
    return MappingSpec(columns=columns, defaults=defaults, identifier=identifier, paths=paths, values=values)


def confirmed_mapping(earlier_id: int, file_name: str, mapping: dict[str, Any], columns: int) -> Suggestion:
    """The mapping of a center's earlier submission of a file with the same columns (its monthly export), offered
    again: the curator confirmed it by submitting that file."""
    return Suggestion("mapping", "", str(earlier_id), None, 0.95,
                      f"this file has the same {columns} columns as {file_name!r} (submission {earlier_id}) of this "
                      "center, submitted with a mapping of its own: use that mapping again.",
                      f"本文件与本资源库先前汇交的 {file_name!r}（汇交 {earlier_id}）的 {columns} 个列完全相同，"
                      "该文件是按其自定义映射汇交的：可再次使用该映射。", mapping=mapping)


# ------------------------------------------------------------------ the identifier column
def _identifier(sample: Sample, mapped: dict[str, str], spec: MappingSpec) -> list[Suggestion]:
    """A column that identifies records: filled and unique in every sampled row, named like an identifier.
    Proposed when no column is mapped to the identifier, or when the mapped one is not an identifier
    (placeholders or repeats in its rows) while another column is."""
    if spec.identifier or "local_id" in spec.columns.values():
        return []
    current = mapped.get("local_id")
    if current is not None and _is_identifier(sample, current):
        return _prefixed_identifier(sample, current)
    candidates = [column for column in sample.header if column != current and _is_identifier(sample, column)]
    if not candidates:
        return _composed_identifier(sample, current)
    best = max(candidates, key=lambda column: (_named_like_identifier(column), -sample.header.index(column)))
    named = _named_like_identifier(best)
    if current is None:
        confidence = 0.95 if named == 2 else 0.9 if named == 1 else 0.6
        why_en, why_zh = "no column is mapped to the local identifier", "没有列映射为资源编号"
    else:
        repeated = sample.rows - len(set(sample.filled(current)))
        confidence = 0.9 if named else 0.6
        why_en = (f"column {current!r}, mapped to the local identifier, is empty, a placeholder or repeated in "
                  f"{repeated} of {sample.rows} rows")
        why_zh = f"映射为资源编号的列 {current!r} 在 {sample.rows} 行中有 {repeated} 行为空、占位词或重复"
    return [Suggestion("identifier", "local_id", None, best, confidence,
                       f"{why_en}; {best!r} is filled and unique in all {sample.rows} sampled rows"
                       + (" and is named as an identifier." if named else "."),
                       f"{why_zh}；{best!r} 在抽样的 {sample.rows} 行中均有值且互不重复"
                       + ("，列名也表明它是编号。" if named else "。"), replaces=current)]


def _prefixed_identifier(sample: Sample, column: str) -> list[Suggestion]:
    """An identifier of bare numbers whose column is preceded by a column of a few short letter codes ("PI",
    "CGN"): the accession number is the two together, "PI-152146", as genebanks write it."""
    position = sample.header.index(column)
    if position == 0 or not all(value.isdigit() for value in sample.filled(column)):
        return []
    before = sample.header[position - 1]
    prefixes = set(sample.filled(before))
    if len(sample.filled(before)) != sample.rows or not prefixes or len(prefixes) > 3 \
            or not all(re.fullmatch(r"[A-Za-z]{1,6}", prefix) for prefix in prefixes):
        return []
    shown = ", ".join(sorted(prefixes))
    return [Suggestion("identifier", "local_id", None, None, 0.85,
                       f"column {column!r} holds bare numbers and the column before it, {before!r}, holds the "
                       f"code {shown} in every row: the accession number is both together ('{min(prefixes)}-"
                       f"{sample.filled(column)[0]}').",
                       f"列 {column!r} 只有数字，其前一列 {before!r} 每行都是代码 {shown}：保存单位编号应由二者组成"
                       f"（'{min(prefixes)}-{sample.filled(column)[0]}'）。", parts=(before, column))]


def _composed_identifier(sample: Sample, current: str | None) -> list[Suggestion]:
    """No column is unique on its own: two filled columns whose values together are, preferring columns named
    like identifiers (a taxon id and a strain name, a country and a breed)."""
    full = [column for column in sample.header
            if len(sample.filled(column)) == sample.rows and all(len(v) <= 60 for v in sample.values[column])][:40]
    pairs = [(first, second) for number, first in enumerate(full) for second in full[number + 1:]
             if len(set(zip(sample.values[first], sample.values[second]))) == sample.rows]
    if not pairs:
        return []
    first, second = max(pairs, key=lambda pair: (_named_like_identifier(pair[0]) + _named_like_identifier(pair[1]),
                                                 -sample.header.index(pair[0]) - sample.header.index(pair[1])))
    named = _named_like_identifier(first) + _named_like_identifier(second)
    confidence = 0.85 if named else 0.5
    why_en = "no column is unique on its own" if current is None else f"column {current!r} is not unique"
    why_zh = "没有一列单独即可唯一标识记录" if current is None else f"列 {current!r} 不唯一"
    return [Suggestion("identifier", "local_id", None, None, confidence,
                       f"{why_en}; {first!r} and {second!r} together are filled and unique in all {sample.rows} "
                       f"sampled rows: the identifier joins their values with '-'.",
                       f"{why_zh}；{first!r} 与 {second!r} 组合后在抽样的 {sample.rows} 行中均有值且互不重复："
                       "资源编号由二者的值以“-”连接而成。", replaces=current, parts=(first, second))]


def _is_identifier(sample: Sample, column: str) -> bool:
    values = sample.filled(column)
    return len(values) == sample.rows and len(set(values)) == len(values) and all(len(v) <= 128 for v in values)


def _named_like_identifier(column: str) -> int:
    """2: named like an identifier (catalogNumber, BacDive-ID, a term URI ending in occurrenceID); 1: ending
    like one (sample_id, 资源编号); 0: neither."""
    words = [normalise(word) for word in re.split(r"[\s_.\-/()#:]+", column) if word]
    if normalise(column) in IDENTIFIER_NAMES or (words and words[-1] in IDENTIFIER_NAMES):
        return 2
    return 1 if words and words[-1].endswith(IDENTIFIER_ENDINGS) else 0


# ------------------------------------------------------------------ columns of required fields
def _required_columns(domain: str, sample: Sample, unmapped: list[str], mapped: dict[str, str],
                      spec: MappingSpec) -> list[Suggestion]:
    """An unmatched column whose values are known values of a required field's vocabulary fills that field
    (BacDive's "domain" column holds "Bacteria": the organism type), or a key of a column's JSON records
    does (IMAGE's "specimens" records say their "organism_part": "Hair", the material type)."""
    suggestions = []
    candidates: list[tuple[str, str | None, list[str]]] = [(column, None, sample.filled(column)) for column in unmapped]
    candidates += [(column, key, values) for column in unmapped
                   for key, values in _record_values(sample, column).items()]
    for declaration in describe(domain).fields:
        if not (declaration.required and declaration.vocabulary) or declaration.name in mapped \
                or declaration.name in spec.defaults:
            continue
        vocabulary = vocabularies.get(declaration.vocabulary)
        best: tuple[float, str, str | None, dict[str, str]] | None = None   # its examples: value → code
        for column, key, values in candidates:
            if len(values) < sample.rows * 0.9:
                continue
            known = {value: concept.code for value in set(values) if (concept := vocabulary.match(value)) is not None}
            share = sum(1 for value in values if value in known) / len(values) if values else 0
            if share >= 0.9 and (best is None or share > best[0]):
                best = (share, column, key, {value: known[value] for value in sorted(known)[:3]})
        if best is None:
            continue
        share, column, key, examples = best
        shown = ", ".join(f"{value!r} → {code!r}" for value, code in examples.items())
        where_en = f"column {column!r}" if key is None else f"key {key!r} of the JSON records of column {column!r}"
        where_zh = f"列 {column!r}" if key is None else f"列 {column!r} 的 JSON 记录中键 {key!r}"
        suggestions.append(Suggestion(
            "column" if key is None else "path", declaration.name, key, column, 0.9 if share == 1 else 0.8,
            f"{declaration.labels['en']} is required and no column is matched to it; {share:.0%} of the values "
            f"of {where_en} are known values of it ({shown}).",
            f"“{declaration.labels['zh']}”为必填字段，但没有列与之匹配；{where_zh}中 {share:.0%} 的取值是它的"
            f"已知取值（{shown}）。"))
    return suggestions


def _decimal_coordinates(domain: str, sample: Sample, mapped: dict[str, str], spec: MappingSpec) -> list[Suggestion]:
    """A column matched by its name to a degrees-minutes-seconds field ("Latitude" is MCPD's LATITUDE) that
    holds decimal degrees goes to the decimal field instead, when no column fills that one."""
    suggestions = []
    fields = describe(domain).by_name
    for verbatim, decimal in DMS_TO_DECIMAL.items():
        column = mapped.get(verbatim)
        if column is None or column in spec.columns or decimal in mapped or decimal not in fields:
            continue
        values = sample.filled(column)
        numbers = [value for value in values if NUMBER.match(value)]
        if not values or len(numbers) < 0.9 * len(values):
            continue
        label_en, label_zh = fields[decimal].labels["en"], fields[decimal].labels["zh"]
        suggestions.append(Suggestion(
            "column", decimal, None, column, 0.9,
            f"column {column!r} was matched by its name to {fields[verbatim].labels['en']}, but {len(numbers)} of "
            f"its {len(values)} values are decimal degrees (e.g. {numbers[0]!r}): it is {label_en}.",
            f"列 {column!r} 按列名匹配为“{fields[verbatim].labels['zh']}”，但其 {len(values)} 个取值中有 "
            f"{len(numbers)} 个是十进制度数（如 {numbers[0]!r}）：应为“{label_zh}”。"))
    return suggestions


# ------------------------------------------------------------------ columns whose values do not fit their field
def _misfits(domain: str, sample: Sample, mapped: dict[str, str], suggested: set[str | None],
             spec: MappingSpec) -> list[Suggestion]:
    """A column matched by its name whose values do not fit the field (JSON records under a text field, "1"
    under a closed vocabulary of other codes): a key inside its JSON records whose values fit, else another
    field of the same group whose vocabulary knows the values, else, for a field that is not required, leaving
    the column out, so its values are not published as errors."""
    fields = describe(domain).by_name
    taken = set(mapped)
    suggestions = []
    for name, column in mapped.items():
        if name == "local_id" or column in spec.columns or column in spec.paths or column in suggested:
            continue
        values = sample.filled(column)[:FIT_SAMPLE]
        if len(values) < 2:
            continue
        declaration = fields[name]
        misfits = [value for value in values if _json_records(value) or not fits(declaration, value)]
        if len(misfits) < MISFIT_SHARE * len(values):
            continue
        why_en = (f"column {column!r} was matched by its name to {declaration.labels['en']}, but {len(misfits)} of its "
                  f"{len(values)} sampled values do not fit it (e.g. {misfits[0][:60]!r})")
        why_zh = (f"列 {column!r} 按列名匹配为“{declaration.labels['zh']}”，但抽样的 {len(values)} 个取值中有 "
                  f"{len(misfits)} 个不符合该字段（如 {misfits[0][:60]!r}）")
        found = _nested_key(sample, column, declaration) or _other_field(domain, sample, column, declaration, taken)
        if isinstance(found, str):
            suggestions.append(Suggestion(
                "path", name, found, column, 0.85,
                f"{why_en}; they are JSON records whose key {found!r} holds it.",
                f"{why_zh}；这些取值是 JSON 记录，其中键 {found!r} 存放该字段的值。"))
        elif found is not None:
            taken.add(found.name)
            suggestions.append(Suggestion(
                "column", found.name, None, column, 0.85,
                f"{why_en}; they are known values of {found.labels['en']}.",
                f"{why_zh}；这些取值是“{found.labels['zh']}”的已知取值。"))
        elif not declaration.required:
            suggestions.append(Suggestion(
                "column", None, None, column, 0.8,
                f"{why_en}: leave the column out.", f"{why_zh}：建议忽略该列。"))
    return suggestions


def fits(declaration, text: str) -> bool:
    """The field takes the value without an error (a warning, such as an unknown term of an open vocabulary or
    a date kept verbatim, still fits)."""
    try:
        cell_parser(declaration)(text)
    except Rejected:
        return False
    except ParseError as error:
        return CATALOGUE[error.code].severity != Severity.ERROR if error.code in CATALOGUE else False
    except ValueError:
        return False
    return True


def _nested_key(sample: Sample, column: str, declaration) -> str | None:
    """The key of the column's JSON records whose values fit the field best (at least FIT_SHARE of them)."""
    keys = _record_values(sample, column, every=declaration.kind == Kind.LIST)
    best = max(((_key_score(key, values, declaration), key) for key, values in keys.items()
                if not key.startswith("@") and sum(fits(declaration, v) for v in values) >= FIT_SHARE * len(values)),
               default=None)
    return best[1] if best else None


def _record_values(sample: Sample, column: str, every: bool = False) -> dict[str, list[str]]:
    """Key → its values in the column's JSON records (every record's, or the first record's of each row, as
    a path gives a list field or another one); nothing when the column does not hold JSON records."""
    keys: dict[str, list[str]] = {}
    for value in sample.filled(column)[:FIT_SAMPLE]:
        if not _json_records(value):
            return {}
        document = json.loads(value)
        seen: set[str] = set()
        for item in document if isinstance(document, list) else [document]:
            if isinstance(item, dict):
                for key, inner in item.items():
                    if inner not in (None, "") and not isinstance(inner, (dict, list)) and (every or key not in seen):
                        keys.setdefault(key, []).append(str(inner))
                        seen.add(key)
    return keys


def _key_score(key: str, values: list[str], declaration) -> tuple[bool, bool, bool, float]:
    """Which key holds the field: one named like it and with varied values ("temperature": "37", "28"), then an
    identifier ("Pubmed-ID"), then a name ("name", "title"), then the most varied values (not "yes"/"no")."""
    varied = len(set(values)) / len(values)
    words = set(re.split(r"[\W_]+", f"{declaration.name} {declaration.labels['en']}".casefold())) - {""}
    key_words = set(re.split(r"[\W_]+", key.casefold())) - {""}
    return (bool(words & key_words) and varied >= 0.5, "id" in key_words,
            bool(key_words & {"name", "title", "label", "value"}), varied)


def _json_records(value: str) -> bool:
    """The value is JSON records ('[{…}]' or '{…}'), as nested JSON files hold in their flattened columns."""
    if value[:1] not in "[{":
        return False
    try:
        document = json.loads(value)
    except ValueError:
        return False
    return isinstance(document, dict) or (isinstance(document, list) and any(isinstance(i, dict) for i in document))


def _other_field(domain: str, sample: Sample, column: str, declaration, taken: set[str]):
    """Another vocabulary field of the same group, not yet filled, whose vocabulary knows FIT_SHARE of the values."""
    values = sample.filled(column)[:FIT_SAMPLE]
    for other in describe(domain).fields:
        if other.vocabulary and other.group == declaration.group and other.name not in taken | {declaration.name}:
            vocabulary = vocabularies.get(other.vocabulary)
            if sum(vocabulary.match(value) is not None for value in values) >= FIT_SHARE * len(values):
                return other
    return None


# ------------------------------------------------------------------ the file's own words for vocabulary values
def _value_maps(domain: str, sample: Sample, mapped: dict[str, str], spec: MappingSpec) -> list[Suggestion]:
    """For a vocabulary column, its values the vocabulary does not know but comes close to ("Russian" → RU,
    "CzechRepoublic" → CZ): a guess by spelling, for a person to confirm (short codes are not guessed)."""
    fields = describe(domain).by_name
    suggestions = []
    for name, column in mapped.items():
        declaration = fields.get(name)
        if declaration is None or not declaration.vocabulary or declaration.kind == Kind.LIST:
            continue
        vocabulary = vocabularies.get(declaration.vocabulary)
        known = spec.values.get(name, {})
        guesses = {}
        for value in dict.fromkeys(sample.filled(column)):
            if value in known or len(value) < 4 or vocabulary.match(value) is not None:
                continue
            concept = vocabulary.suggest(value)
            if concept is not None:
                guesses[value] = concept.code
        if not guesses:
            continue
        shown = ", ".join(f"{value!r} → {code!r}" for value, code in list(guesses.items())[:5])
        suggestions.append(Suggestion(
            "value_map", name, None, column, 0.6,
            f"{len(guesses)} values of column {column!r} are not values of {declaration.labels['en']} but are spelled "
            f"like some ({shown}); check them before using them.",
            f"列 {column!r} 有 {len(guesses)} 个取值不是“{declaration.labels['zh']}”的取值，但拼写与其中一些相近"
            f"（{shown}）；请核实后再使用。", values=guesses))
    return suggestions


# ------------------------------------------------------------------ file-level defaults
def _defaults(domain: str, sample: Sample, mapped: dict[str, str], spec: MappingSpec) -> list[Suggestion]:
    """A value for each required field that no column fills, when the file's columns show which one."""
    description = describe(domain)
    evidence: dict[str, tuple[Evidence, ...]] = description.file_evidence
    suggestions = []
    for declaration in description.fields:
        name = declaration.name
        if not declaration.required or name in mapped or name in spec.defaults or name not in evidence:
            continue
        shown = [(item, columns) for item in evidence[name]
                 if (columns := [column for column in _columns_of(item, sample.header) if sample.filled(column)])]
        if not shown:
            continue
        values = {item.value for item, _ in shown}
        item, columns = shown[0]
        # One value shown by the columns: the file is of that kind. Several: a mixed file, for a person to decide.
        confidence = 0.9 if len(values) == 1 else 0.4
        label_en, label_zh = declaration.labels["en"], declaration.labels["zh"]
        quoted = ", ".join(repr(column) for column in columns[:3])
        others = "" if len(values) == 1 else f" (but other columns suggest {', '.join(sorted(values - {item.value}))})"
        others_zh = "" if len(values) == 1 else f"（但其他列表明可能是 {'、'.join(sorted(values - {item.value}))}）"
        suggestions.append(Suggestion(
            "default", name, item.value, None, confidence,
            f"{label_en} is missing in all {sample.rows} rows; suggested value {item.value!r}, because the file has "
            f"{item.what_en} ({quoted}){others}.",
            f"“{label_zh}”列在全部 {sample.rows} 行中缺失；建议取值 {item.value!r}，因为文件含有{item.what_zh}"
            f"（{quoted}）{others_zh}。"))
    return suggestions


def _columns_of(evidence: Evidence, headers: list[str]) -> list[str]:
    keys = [normalise(name) for name in evidence.headers]
    return [header for header in headers if any(key and key in normalise(header) for key in keys)]
