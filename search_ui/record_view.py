"""A record laid out for reading: fields in the groups the schema declares, labelled in the page's
language, vocabulary codes shown by their labels."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import vocabularies
from schemas import describe
from schemas.declarations import GROUP_LABELS



@dataclass(frozen=True)
class FieldLine:
    name: str
    label: str
    value: str
    term_uri: str | None


def grouped_fields(record: dict[str, Any], language: str, base_url: str) -> list[tuple[str, list[FieldLine]]]:
    """(group title, lines) in declaration order, only for fields that have a value."""
    payload = record.get("payload") or {}
    groups: dict[str, list[FieldLine]] = {}
    for declaration in describe(record["domain"]).fields:
        value = record.get(declaration.core) if declaration.core else payload.get(declaration.name)
        if value in (None, "", []):
            continue
        shown = _display(value, declaration.vocabulary, language, base_url)
        groups.setdefault(declaration.group, []).append(
            FieldLine(declaration.name, declaration.labels[language], shown, declaration.term_uri))
    titles = {group: GROUP_LABELS[group][0 if language == "zh" else 1] for group in groups}
    return [(titles[group], lines) for group, lines in groups.items()]


def _display(value: Any, vocabulary_name: str | None, language: str, base_url: str) -> str:
    if isinstance(value, list):
        return "; ".join(_display(item, vocabulary_name, language, base_url) for item in value)
    if isinstance(value, bool):
        return ("是" if value else "否") if language == "zh" else ("yes" if value else "no")
    if vocabulary_name:
        concept = vocabularies.get(vocabulary_name, base_url).get(str(value))
        if concept is not None:
            return f"{concept.label(language)} ({concept.code})" if concept.label(language) != concept.code \
                else concept.code
    return str(value)
