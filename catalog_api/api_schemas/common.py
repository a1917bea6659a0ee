"""Shapes every part of the JSON API shares: the RFC 9457 problem, bilingual texts, lists and links."""
from __future__ import annotations

import json
from typing import Any, Mapping

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate
from werkzeug.datastructures import FileStorage

from catalog.enums import Domain, Scope
from catalog.services.centers import CODE

DOMAINS = [domain.value for domain in Domain]
NOT_BLANK = validate.Regexp(r"\s*\S", error="Must not be blank.")
CENTER_CODE = validate.Regexp(CODE.pattern, error="Not a center code (capitals and digits).")


class Document(Schema):
    """A response document. Members may be added to any document without notice (the conventions allow it),
    so the schemas leave additional properties open; request bodies, which refuse unknown members, do not."""

    class Meta:
        unknown = EXCLUDE
        ordered = True

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        """A mapping's members are its keys, never its methods: an empty `changes` has no `update`."""
        if isinstance(obj, Mapping):
            return obj.get(attr, default)
        return super().get_attribute(obj, attr, default)


class Bilingual(Document):
    en = fields.String(required=True)
    zh = fields.String(required=True)


class Problem(Document):
    """An RFC 9457 problem document; `code` is stable and meant for programs, `message` for people."""

    class Meta:
        unknown = EXCLUDE
        ordered = True
        description = ("RFC 9457 problem details, served as application/problem+json. Other members carry the "
                       "particulars of some problems (e.g. `state`, `action`, `limit`).")

    type = fields.String(required=True, metadata={"description": "Always `about:blank`: `code` names the problem."})
    title = fields.String(required=True)
    status = fields.Integer(required=True, metadata={"description": "The HTTP status, repeated."})
    code = fields.String(required=True, metadata={
        "description": "Stable, machine-readable: not_found, forbidden, unauthenticated, insufficient_scope, "
                       "invalid_input, invalid_state, conflict, payload_too_large, rate_limited, "
                       "storage_unavailable, method_not_allowed…"})
    message = fields.Nested(Bilingual, required=True, metadata={"description": "What went wrong, in English and "
                                                                               "Chinese."})
    field = fields.String(metadata={"description": "With invalid_input: the parameter, form field or body member "
                                                   "at fault."})
    required_scopes = fields.List(fields.String(validate=validate.OneOf([scope.value for scope in Scope])),
                                  metadata={"description": "With insufficient_scope: a token needs one of these."})
    retry_after = fields.Integer(metadata={"description": "With rate_limited: seconds to wait (as Retry-After)."})


class Links(Document):
    self = fields.String(required=True, metadata={"description": "This document."})


def items_of(nested: type[Schema], name: str) -> type[Schema]:
    """The conventions' list document, {"items": [...]}, of one kind of item."""
    return Document.from_dict({"items": fields.List(fields.Nested(nested), required=True)}, name=name)


def moment(description: str = "", **options) -> fields.String:
    """A point in time as the API writes it: ISO 8601; with an offset unless the description says otherwise."""
    return fields.String(metadata={"description": description or "ISO 8601 date and time."}, **options)


class File(fields.Raw):
    """A file of a multipart/form-data request."""

    def __init__(self, **options):
        super().__init__(**options)
        self.metadata = {"type": "string", "format": "binary", **self.metadata}

    def _deserialize(self, value, attr, data, **kwargs) -> FileStorage:
        if not isinstance(value, FileStorage) or not value.filename:
            raise ValidationError("Send a file here, as multipart/form-data.")
        return value


class JsonObject(fields.String):
    """A JSON object sent as text, as in a form field."""

    def _deserialize(self, value, attr, data, **kwargs) -> dict[str, Any]:
        try:
            loaded = json.loads(super()._deserialize(value, attr, data, **kwargs))
        except ValueError as error:
            raise ValidationError(f"Not valid JSON: {error}.") from None
        if not isinstance(loaded, dict):
            raise ValidationError("Not a JSON object.")
        return loaded


class Text(fields.String):
    """Text without the blanks around it; blank text is none."""

    def _deserialize(self, value, attr, data, **kwargs) -> str | None:
        return super()._deserialize(value, attr, data, **kwargs).strip() or None


class OneOrMany(fields.List):
    """A list, or a single item taken as a list of one."""

    def _deserialize(self, value, attr, data, **kwargs) -> list[Any]:
        return super()._deserialize(value if isinstance(value, list) else [value], attr, data, **kwargs)
