"""term(): a marshmallow field that carries its declaration — the standard term it maps to, its
vocabulary, level, labels and description — so every consumer is derived from one place."""
from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields

from schemas import parsing
from schemas.declarations import GROUP_LABELS, NAMESPACES, PLATFORM_PREFIX, Declaration, Kind, Level
from schemas.field_checks import Flagged, Rejected, cell_parser

__all__ = ["NAMESPACES", "PLATFORM_PREFIX", "Declaration", "DeclaredField", "Kind", "Level", "declaration_of", "term"]


class DeclaredField(fields.Field):
    """Deserialises with the very cell checks the bulk validator compiles (schemas.field_checks), so
    marshmallow and validate() give one verdict per cell; errors carry the issue code as message."""

    def __init__(self, kind: Kind, spec: dict[str, Any], **options):
        self.kind = kind
        self.spec = spec
        required = spec["level"] == Level.REQUIRED
        super().__init__(required=required, allow_none=not required, metadata={"spec": spec},
                         error_messages={"required": "REQUIRED_FIELD_MISSING", "null": "REQUIRED_FIELD_MISSING"},
                         **options)
        self._parse = None

    def _deserialize(self, value, attr, data, **kwargs):
        text = "" if value is None else str(value)
        if not text.strip():
            if self.required:
                raise ValidationError("REQUIRED_FIELD_MISSING")
            return None
        if self._parse is None:
            self._parse = cell_parser(declaration_of(self.name, self))
        try:
            parsed = self._parse(text)
        except parsing.ParseError as error:
            raise ValidationError(error.code) from None
        except Rejected as rejection:
            raise ValidationError(rejection.issue.code) from None
        if isinstance(parsed, Flagged):
            if parsed.value is None and self.required:   # a placeholder ("-", "NA") for a required value
                raise ValidationError("REQUIRED_FIELD_MISSING")
            return parsed.value
        return parsed

    def _serialize(self, value, attr, obj, **kwargs):
        return value


def term(kind: Kind, term_name: str, *, zh: str, en: str, required: bool = False, recommended: bool = False,
         vocabulary: str | None = None, closed: bool = False, core: str | None = None,
         aliases: tuple[str, ...] = (), mcpd: str | None = None, group: str = "other",
         description_en: str = "", description_zh: str = "", minimum: float | None = None,
         maximum: float | None = None, max_length: int | None = None,
         separator: str = parsing.SEPARATOR) -> DeclaredField:
    """Declare a field once: what it means (term), how it is checked, and how people call it."""
    prefix = term_name.partition(":")[0]
    if prefix not in NAMESPACES and prefix != PLATFORM_PREFIX:
        raise ValueError(f"unknown namespace prefix in {term_name!r}")
    if group not in GROUP_LABELS:
        raise ValueError(f"unknown field group {group!r} for {term_name!r}; declared groups: {', '.join(GROUP_LABELS)}")
    level = Level.REQUIRED if required else Level.RECOMMENDED if recommended else Level.OPTIONAL
    spec = dict(kind=kind, level=level, term=term_name, labels={"en": en, "zh": zh},
                description={"en": description_en, "zh": description_zh}, group=group, vocabulary=vocabulary,
                closed=closed, core=core, aliases=tuple(aliases), mcpd=mcpd, minimum=minimum, maximum=maximum,
                max_length=max_length if max_length is not None else (500 if kind == Kind.STRING else None),
                separator=separator)
    return DeclaredField(kind, spec)


def declaration_of(name: str, declared: DeclaredField) -> Declaration:
    return Declaration(name=name, **declared.spec)
