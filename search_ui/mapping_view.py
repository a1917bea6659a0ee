"""What the mapping screen shows: every column with its sample values and the field it goes to, the columns
composing the local identifier, and a value for the whole file for any field, each pre-filled with the
report's suggestions (with their reasons) over the submission's own mapping. Saving posts the whole form
back; `posted_mapping` reads what it changes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import vocabularies
from catalog.errors import InvalidInput
from ingest.mapping import MappingSpec, map_columns, mapping_spec
from ingest.suggestions import DEFAULT_MIN_CONFIDENCE, Suggestion, accepted
from schemas import describe
from schemas.fields import Declaration

IDENTIFIER_PARTS = 3
SELECT_LIMIT = 80   # a vocabulary this small is a drop-down; a larger one is typed, with the choices listed


@dataclass(frozen=True)
class ColumnRow:
    header: str
    samples: list[str]
    field: str | None
    path: str | None            # the key of the column's JSON records that the field takes
    reason: str | None          # why the field was suggested, in the reader's language
    state: str                  # "matched" (by its name) | "suggested" | "chosen" (the saved mapping) | "unknown"


@dataclass(frozen=True)
class DefaultRow:
    declaration: Declaration
    value: str
    reason: str | None
    filled_by: str | None       # the column that fills the field, if one does
    choices: list[tuple[str, str]] | None   # (code, label) of the field's vocabulary
    listed: bool                # many choices: typed, with a list to pick from


@dataclass(frozen=True)
class ValueRow:
    field: Declaration
    column: str
    value: str                  # as the file writes it
    count: int
    code: str                   # the vocabulary code chosen for it ("" for none)
    guess: str | None           # a code spelled like it, for a person to confirm


@dataclass(frozen=True)
class MappingScreen:
    columns: list[ColumnRow]
    identifier: list[str]
    identifier_reason: str | None
    required: list[DefaultRow]      # required fields no column fills, then the ones a column fills
    optional: list[DefaultRow]
    fields: list[Declaration]
    suggestions: list[Suggestion]
    low: list[Suggestion]           # suggestions below the confidence pre-filled: shown, not applied
    values: list[ValueRow]          # values of vocabulary columns no term matched, to give their code


def build(domain: str, header: list[str], saved: Mapping[str, Any], suggestions: list[Suggestion],
          samples: Mapping[str, list[str]], language: str,
          unknown: Mapping[str, list[tuple[str, int]]] | None = None) -> MappingScreen:
    """The screen for a file: its saved mapping with the confident suggestions applied."""
    sure = [s for s in suggestions if s.confidence >= DEFAULT_MIN_CONFIDENCE]
    saved_spec = mapping_spec(saved)
    spec = accepted(saved_spec, sure)
    automatic = map_columns(domain, header).columns
    columns = {**automatic, **{h: f for h, f in spec.columns.items() if h in automatic}}
    reasons = {s.column: s for s in sure if s.column and s.kind in ("column", "identifier", "path")}
    rows = []
    for column in header:
        suggestion = reasons.get(column)
        state = ("suggested" if suggestion and columns[column] == suggestion.field else
                 "chosen" if column in saved_spec.columns else "matched" if automatic[column] else "unknown")
        rows.append(ColumnRow(column, list(samples.get(column, [])), columns[column], spec.paths.get(column),
                              _reason(suggestion, language) if state == "suggested" else None, state))
    composed = next((s for s in sure if s.kind == "identifier" and s.parts), None)
    filled = {field: column for column, field in columns.items() if field}
    default_reasons = {s.field: s for s in sure if s.kind == "default"}
    defaults = [_default_row(declaration, spec.defaults.get(declaration.name, ""),
                             _reason(default_reasons.get(declaration.name), language),
                             filled.get(declaration.name), language)
                for declaration in describe(domain).fields if declaration.name != "local_id"]
    required = sorted((row for row in defaults if row.declaration.required), key=lambda row: row.filled_by is not None)
    return MappingScreen(rows, list(spec.identifier), _reason(composed, language) if composed else None, required,
                         [row for row in defaults if not row.declaration.required], list(describe(domain).fields),
                         sure, [s for s in suggestions if s.confidence < DEFAULT_MIN_CONFIDENCE and s.kind != "value_map"],
                         _value_rows(domain, columns, spec, suggestions, unknown or {}))


def _value_rows(domain: str, columns: Mapping[str, str | None], spec: MappingSpec, suggestions: list[Suggestion],
                unknown: Mapping[str, list[tuple[str, int]]]) -> list[ValueRow]:
    """The unknown values of each vocabulary column (from the report), with the code chosen or guessed."""
    fields = describe(domain).by_name
    guesses = {s.field: s.values or {} for s in suggestions if s.kind == "value_map"}
    rows = []
    for column, counts in unknown.items():
        name = columns.get(column) or (column if column in fields else None)
        if name is None or not fields[name].vocabulary:
            continue
        chosen = spec.values.get(name, {})
        rows += [ValueRow(fields[name], column, value, count, chosen.get(value, ""), guesses.get(name, {}).get(value))
                 for value, count in counts]
    for name, table in spec.values.items():   # values mapped earlier: no longer unknown, still shown to change
        column = next((c for c, f in columns.items() if f == name), name)
        shown = {(row.field.name, row.value) for row in rows}
        rows += [ValueRow(fields[name], column, value, 0, code, None) for value, code in table.items()
                 if (name, value) not in shown and name in fields]
    return rows


@dataclass(frozen=True)
class PostedMapping:
    """What the form changes: the columns it names, and the identifier and whole-file values when it has
    them (None: left as they were), as `catalog.services.remapping.revalidate` takes them."""
    columns: dict[str, str | None]
    defaults: dict[str, str] | None
    identifier: list[str] | None
    paths: dict[str, str] | None = None
    values: dict[str, dict[str, str]] | None = None


def posted_mapping(domain: str, header: list[str], form: Mapping[str, str]) -> PostedMapping:
    """The mapping the form says: each column's field (empty: ignored), the identifier's columns in order, and
    the non-empty values for whole-file fields. Two columns for one field are refused, naming both."""
    fields = describe(domain).by_name
    columns: dict[str, str | None] = {}
    taken: dict[str, str] = {}
    for column in header:
        if f"column:{column}" not in form:
            continue
        target = form.get(f"column:{column}") or None
        if target is not None and target not in fields:
            raise InvalidInput(f"Column {column!r}: the {domain} schema has no field {target!r}.",
                               f"列“{column}”：{domain} 的数据规范中没有字段 {target!r}。", field=f"column:{column}")
        if target is not None and target in taken:
            label = fields[target].labels
            raise InvalidInput(f"Columns {taken[target]!r} and {column!r} both go to {label['en']} ({target}): "
                               "choose one of them, or ignore the other.",
                               f"列“{taken[target]}”和“{column}”都映射到“{label['zh']}”（{target}）："
                               "请只保留其中一列，另一列选择忽略。", field=f"column:{column}")
        if target is not None:
            taken[target] = column
        columns[column] = target
    identifier = None
    if any(key.startswith("identifier:") for key in form):
        identifier = list(dict.fromkeys(part for number in range(1, IDENTIFIER_PARTS + 1)
                                        if (part := form.get(f"identifier:{number}") or "")))
        unknown = [part for part in identifier if part not in header]
        if unknown:
            raise InvalidInput(f"The identifier column {unknown[0]!r} is not in the file.",
                               f"编号列“{unknown[0]}”不在文件中。", field="identifier:1")
    defaults = None
    if any(key.startswith("default:") for key in form):
        defaults = {name: value.strip() for name in fields
                    if (value := form.get(f"default:{name}") or "").strip() and name != "local_id"}
    paths = None
    if any(key.startswith("path:") for key in form):
        paths = {column: key.strip() for column in header
                 if (key := form.get(f"path:{column}") or "").strip() and columns.get(column)}
    values = None
    if any(key.startswith("value:") for key in form):
        values = {}
        for key in form:
            if key.startswith("value:") and (code := (form.get(key) or "").strip()):
                name, _, value = key[len("value:"):].partition(":")
                if name not in fields or not fields[name].vocabulary:
                    raise InvalidInput(f"{name!r} is not a vocabulary field of the {domain} schema.",
                                       f"{name!r} 不是 {domain} 数据规范中的受控词表字段。", field=key)
                values.setdefault(name, {})[value] = code
    return PostedMapping(columns, defaults, identifier, paths, values)


def _reason(suggestion: Suggestion | None, language: str) -> str | None:
    if suggestion is None:
        return None
    return suggestion.reason_zh if language == "zh" else suggestion.reason_en


def vocabulary_choices(name: str, language: str) -> list[tuple[str, str]]:
    """(code, label in the reader's language) of every term of a vocabulary."""
    return [(concept.code, concept.label(language)) for concept in vocabularies.get(name)]


def datalists(screen: MappingScreen, language: str) -> dict[str, list[tuple[str, str]]]:
    """The vocabularies the screen types values of (a long vocabulary of a field, any of the value maps)."""
    lists = {row.declaration.vocabulary: row.choices for row in screen.required + screen.optional if row.listed}
    for row in screen.values:
        if row.field.vocabulary not in lists:
            lists[row.field.vocabulary] = vocabulary_choices(row.field.vocabulary, language)
    return lists


def _default_row(declaration: Declaration, value: str, reason: str | None, filled_by: str | None,
                 language: str) -> DefaultRow:
    choices = vocabulary_choices(declaration.vocabulary, language) if declaration.vocabulary else None
    return DefaultRow(declaration, value, reason, filled_by, choices, bool(choices) and len(choices) > SELECT_LIMIT)
