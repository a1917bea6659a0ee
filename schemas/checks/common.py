"""Helpers the checks share: building an issue for a declared field."""
from __future__ import annotations

from typing import Any

from schemas.issues import Issue
from schemas.registry import DomainDescription


def issue(description: DomainDescription, code: str, field: str, value: Any = None, **params: Any) -> Issue:
    declaration = description.by_name.get(field)
    labels = declaration.labels if declaration else {"en": field, "zh": field}
    return Issue(code=code, field=field, value=value,
                 params={"label_en": labels["en"], "label_zh": labels["zh"], **params})
