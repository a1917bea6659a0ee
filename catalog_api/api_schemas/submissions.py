"""Submissions and their validation reports (catalog_api.submissions; the shapes fixed in the conventions)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from catalog.enums import SharingMode, SubmissionState
from catalog_api.api_schemas.common import (CENTER_CODE, DOMAINS, NOT_BLANK, Bilingual, Document, File, JsonObject,
                                            Links, items_of)
from ingest.suggestions import DEFAULT_MIN_CONFIDENCE

STATES = [state.value for state in SubmissionState]
ACTIONS = ["submit", "withdraw", "approve", "reject"]


class Summary(Document):
    rows = fields.Integer(metadata={"description": "Data rows of the file."})
    valid = fields.Integer()
    invalid = fields.Integer(metadata={"description": "valid + invalid = rows."})
    warnings = fields.Integer(metadata={"description": "Warning issues."})


class Changes(Document):
    """What approving does (or did): records inserted, updated, left unchanged, and with full_replace deleted."""
    insert = fields.Integer()
    update = fields.Integer()
    unchanged = fields.Integer()
    delete = fields.Integer()


class SubmissionLinks(Links):
    report_json = fields.String(attribute="report.json", data_key="report.json",
                                metadata={"description": "Once validated."})
    report_csv = fields.String(attribute="report.csv", data_key="report.csv",
                               metadata={"description": "Once validated."})
    submit = fields.String()
    withdraw = fields.String()
    approve = fields.String()
    reject = fields.String()


class Submission(Document):
    id = fields.Integer(required=True)
    center = fields.String(required=True)
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    state = fields.String(required=True, validate=validate.OneOf(STATES))
    file = fields.String(required=True, metadata={"description": "The uploaded file's name."})
    sha256 = fields.String(required=True)
    summary = fields.Nested(Summary, required=True, metadata={"description": "Empty until validated."})
    changes = fields.Nested(Changes, required=True, metadata={"description": "Empty until validated."})
    review_reason = fields.String(allow_none=True, metadata={"description": "Why a reviewer rejected it."})
    links = fields.Nested(Links, required=True)


class Progress(Document):
    phase = fields.String(required=True, validate=validate.OneOf(["queued", "reading", "validating", "done"]))
    rows_done = fields.Integer(allow_none=True)
    rows_total = fields.Integer(allow_none=True, metadata={"description": "Known once the whole file is read."})


class SubmissionDetail(Submission):
    flags = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True, metadata={
        "description": "Issue code → how many times it was raised."})
    progress = fields.Nested(Progress, required=True)
    actions = fields.List(fields.String(validate=validate.OneOf(ACTIONS)), required=True, metadata={
        "description": "What this caller may do now; each has its link."})
    links = fields.Nested(SubmissionLinks, required=True)


SubmissionList = items_of(Submission, "SubmissionList")


class Issue(Document):
    row = fields.Integer(allow_none=True, metadata={"description": "1-based data row; null for the whole file."})
    field = fields.String(allow_none=True, metadata={"description": "The column or field."})
    value = fields.String(allow_none=True)
    severity = fields.String(required=True, validate=validate.OneOf(["error", "warning"]))
    code = fields.String(required=True, metadata={"description": "GBIF-style flag, e.g. COORDINATE_OUT_OF_RANGE."})
    message = fields.Nested(Bilingual, required=True)


class Report(Document):
    file = fields.String(required=True)
    domain = fields.String(required=True)
    summary = fields.Nested(Summary, required=True)
    flags = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    issues = fields.List(fields.Nested(Issue), required=True)


class Confidence(fields.String):
    """true (the default confidence), false, or a minimum confidence from 0 to 1; loaded as the confidence, or
    None for false."""

    def _deserialize(self, value, attr, data, **kwargs) -> float | None:
        text = super()._deserialize(value, attr, data, **kwargs).strip().lower()
        if text in fields.Boolean.falsy:
            return None
        if text in fields.Boolean.truthy:
            return DEFAULT_MIN_CONFIDENCE
        try:
            confidence = float(text)
        except ValueError:
            confidence = -1.0
        if not 0 <= confidence <= 1:
            raise ValidationError("Must be true, false or a confidence from 0 to 1.")
        return confidence


class UploadForm(Schema):
    """multipart/form-data of POST /api/submissions."""
    file = File(required=True, metadata={"description": "CSV, TSV, XLSX, JSON, JSON Lines or a Darwin Core Archive."})
    center = fields.String(required=True, metadata={"description": "Code of the submitting center."})
    domain = fields.String(validate=validate.OneOf(DOMAINS), metadata={
        "description": "Default: the center's domain."})
    sharing_mode = fields.String(validate=validate.OneOf([mode.value for mode in SharingMode]), metadata={
        "description": "For rows without a sharing_mode column."})
    full_replace = fields.Boolean(metadata={
        "description": "Approving deletes the center's records of the domain that the file lacks (default false; "
                       "1/0, yes/no and on/off are taken too)."})
    mapping = JsonObject(metadata={"description": 'JSON: {"columns": {"header": "field" or null}, '
                                                  '"defaults": {"field": "value"}, "identifier": ["header", …]}'})
    accept_suggestions = Confidence(metadata={
        "description": "Apply the validation report's suggestions: true (at the default confidence), false "
                       "(default), or the minimum confidence from 0 to 1."})


class SubmissionFilter(Schema):
    state = fields.String(validate=validate.OneOf(STATES), metadata={"description": "Only submissions in this "
                                                                                    "state."})
    center = fields.String(validate=CENTER_CODE, metadata={"description": "Only this center's."})


class SubmitBody(Schema):
    valid_rows_only = fields.Boolean(truthy={True}, falsy={False}, metadata={
        "description": "Send the valid rows when some rows have errors."})


class RejectBody(Schema):
    reason = fields.String(required=True, validate=[validate.Length(min=1), NOT_BLANK])


class EmptyBody(Schema):
    """No members: an empty body or {}."""
