"""API tokens and exports (catalog_api.tokens, catalog_api.exports): what a user asks the platform to issue."""
from __future__ import annotations

from datetime import datetime, timezone

from marshmallow import Schema, ValidationError, fields, validate

from catalog.enums import ExportFormat, ExportState, Scope
from catalog_api.api_schemas.common import DOMAINS, Document, Links, OneOrMany, Text, items_of, moment

SCOPES = [scope.value for scope in Scope]


class Token(Document):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    prefix = fields.String(required=True, metadata={"description": "The secret's first characters, to tell "
                                                                   "tokens apart."})
    scopes = fields.List(fields.String(validate=validate.OneOf(SCOPES)), required=True)
    state = fields.String(required=True, validate=validate.OneOf(["active", "expired", "revoked"]))
    created_at = moment(allow_none=True)
    expires_at = moment(allow_none=True)
    last_used_at = moment(allow_none=True)
    revoked_at = moment(allow_none=True)


class IssuedToken(Token):
    token = fields.String(required=True, metadata={"description": "The secret (`cat_…`), shown this once."})


TokenList = items_of(Token, "TokenList")


class FutureMoment(fields.String):
    """An ISO 8601 date or date-time in the future, loaded as an aware date-time: without an offset it is UTC, a
    bare date its start."""

    def _deserialize(self, value, attr, data, **kwargs) -> datetime:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{text!r} is not an ISO 8601 date or date-time (e.g. 2027-01-31T00:00:00Z).") \
                from None
        moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
        if moment <= datetime.now(timezone.utc):
            raise ValidationError(f"{text!r} is not in the future.")
        return moment


class TokenRequest(Schema):
    name = fields.String(required=True)
    scopes = fields.List(fields.String(validate=validate.OneOf(SCOPES)), required=True, metadata={
        "description": "Empty: every scope the user's roles can use. A token may issue only within its own."})
    expires_at = FutureMoment(allow_none=True, metadata={
        "description": "ISO 8601 date or date-time in the future; without an offset, UTC."})


class ExportRequest(Schema):
    format = fields.String(required=True, validate=validate.OneOf([f.value for f in ExportFormat]), metadata={
        "description": "`dwca`: Darwin Core Archive; `mcpd`: MCPD 2.1 CSV (germplasm only)."})
    center = Text(allow_none=True, metadata={"description": "A center's code."})
    domain = Text(allow_none=True, validate=validate.OneOf(DOMAINS))
    q = Text(allow_none=True, metadata={"description": "Search text, as `q` of /api/records."})
    filter = OneOrMany(fields.String(), allow_none=True, metadata={
        "description": "`field=value` strings, as `filter` of /api/records (a single string is taken as a list)."})


class ExportProgress(Document):
    records_written = fields.Integer(allow_none=True)
    records_expected = fields.Integer(allow_none=True)


class ExportFile(Document):
    name = fields.String(allow_none=True)
    size = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True)


class ExportLinks(Links):
    download = fields.String(required=True, metadata={"description": "The file, once `state` is done."})


class Export(Document):
    id = fields.String(required=True, metadata={"description": "Random, 128 bits."})
    format = fields.String(required=True, validate=validate.OneOf([f.value for f in ExportFormat]))
    state = fields.String(required=True, validate=validate.OneOf([s.value for s in ExportState]))
    selection = fields.Dict(required=True, metadata={"description": "The center, domain, text and filters asked "
                                                                    "for."})
    progress = fields.Nested(ExportProgress, required=True)
    file = fields.Nested(ExportFile, required=True)
    error = fields.String(allow_none=True, metadata={"description": "Why a failed export failed."})
    created_at = moment("ISO 8601 date and time.", allow_none=True)
    finished_at = moment("ISO 8601 date and time.", allow_none=True)
    links = fields.Nested(ExportLinks, required=True)
