"""Helpers the checks share: building an issue for a declared field; the check that a record has a name."""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas.issues import Issue
from schemas.registry import DomainDescription


def issue(description: DomainDescription, code: str, field: str, value: Any = None, **params: Any) -> Issue:
    declaration = description.by_name.get(field)
    labels = declaration.labels if declaration else {"en": field, "zh": field}
    return Issue(code=code, field=field, value=value,
                 params={"label_en": labels["en"], "label_zh": labels["zh"], **params})


# Any of these names a resource; a record with none of them (only an identifier, say) is a placeholder row.
NAME_FIELDS = ("name_zh", "name_en", "scientific_name", "vernacular_name", "crop_name", "breed", "strain_designation",
               "mineral_name", "lithology", "verbatim_identification", "genus", "family")


def name_present(values: dict[str, Any], description: DomainDescription,
                 failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    fields = [description.by_name[name] for name in NAME_FIELDS if name in description.by_name]
    if not fields or any(values.get(d.name) for d in fields) or any(d.name in failed for d in fields):
        return
    yield Issue(code="NAME_MISSING", field=fields[0].name, value=None,
                params={"fields_en": ", ".join(d.labels["en"] for d in fields),
                        "fields_zh": "、".join(f"“{d.labels['zh']}”" for d in fields)})
