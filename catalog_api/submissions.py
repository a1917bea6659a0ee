"""/api/submissions: upload a file, follow its validation, read its report, and move it through review.
This module parses requests and renders documents; who may see or do what, and when, is SubmissionService's."""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.errors import InvalidInput, PayloadTooLarge
from catalog.web import current_actor, services, streamed
from catalog_api.callers import require_caller
from catalog.services.submissions import as_document
from catalog_api.bodies import json_body
from ingest.suggestions import DEFAULT_MIN_CONFIDENCE

bp = Blueprint("api_submissions", __name__, url_prefix="/api/submissions")

BOOLEANS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}
UPLOAD_FIELDS = {"file", "center", "domain", "sharing_mode", "full_replace", "mapping", "accept_suggestions"}


require_caller(bp)


# ---------------------------------------------------------------------- upload and reading
@bp.post("")
def upload():
    form, files = _multipart()
    if len(files.getlist("file")) > 1:
        raise _field_error("file", "Send one file per upload.", "每次只能上传一个文件。")
    file = files.get("file")
    if file is None or not file.filename:
        raise _field_error("file", "Send the data file as multipart/form-data in the field 'file'.",
                           "请以 multipart/form-data 格式在 file 字段中上传数据文件。")
    center = (form.get("center") or "").strip()
    if not center:
        raise _field_error("center", "The field 'center' (the code of the submitting center) is required.",
                           "缺少 center 字段（汇交资源库的代码）。")
    received = services().submissions.receive(
        current_actor(), center, file.filename, file.stream, domain=form.get("domain") or None,
        content_type=file.content_type, full_replace=_boolean(form, "full_replace"),
        sharing_mode=form.get("sharing_mode") or None, mapping=_mapping(form),
        accept_suggestions=_min_confidence(form))
    response = _rendered(received.submission)
    if received.created:
        response.status_code = 202
        response.headers["Location"] = url_for(".show", submission_id=received.submission.id)
    return response


@bp.get("")
def index():
    submissions = services().submissions.list(current_actor(), state=request.args.get("state") or None,
                                              center_code=request.args.get("center") or None)
    return jsonify({"items": [as_document(s) | {"links": {"self": url_for(".show", submission_id=s.id)}}
                              for s in submissions]})


@bp.get("/<int:submission_id>")
def show(submission_id: int):
    return jsonify(_detail(services().submissions.get(current_actor(), submission_id)))


@bp.get("/<int:submission_id>/report.json")
def report_json(submission_id: int):
    handle = services().submissions.report(current_actor(), submission_id)
    return streamed(handle, "application/json")


@bp.get("/<int:submission_id>/report.csv")
def report_csv(submission_id: int):
    handle = services().submissions.report(current_actor(), submission_id, "csv")
    return streamed(handle, "text/csv", headers={
        "Content-Disposition": f'attachment; filename="submission-{submission_id}-report.csv"'})


# ---------------------------------------------------------------------- review steps
@bp.post("/<int:submission_id>/submit")
def submit(submission_id: int):
    body = json_body("valid_rows_only")
    valid_rows_only = body.get("valid_rows_only", False)
    if not isinstance(valid_rows_only, bool):
        raise _field_error("valid_rows_only", "valid_rows_only must be true or false.",
                           "valid_rows_only 须为 true 或 false。")
    return _rendered(services().submissions.submit(current_actor(), submission_id, valid_rows_only=valid_rows_only))


@bp.post("/<int:submission_id>/approve")
def approve(submission_id: int):
    json_body()
    return _rendered(services().submissions.approve(current_actor(), submission_id))


@bp.post("/<int:submission_id>/reject")
def reject(submission_id: int):
    reason = json_body("reason").get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise _field_error("reason", "A rejection needs a reason: send {\"reason\": \"…\"}.",
                           "退回须说明理由：请发送 {\"reason\": \"…\"}。")
    return _rendered(services().submissions.reject(current_actor(), submission_id, reason))


@bp.post("/<int:submission_id>/withdraw")
def withdraw(submission_id: int):
    json_body()
    return _rendered(services().submissions.withdraw(current_actor(), submission_id))


# ---------------------------------------------------------------------- rendering
def _rendered(submission) -> Response:
    # The steps return the submission detached from their session (a new one without its `center`): read it
    # again, which also shows what was committed.
    return jsonify(_detail(services().submissions.get(current_actor(), submission.id)))


def _detail(submission) -> dict[str, Any]:
    """The list document plus flags, progress, and what this caller may do next (with the links to do it)."""
    actions = services().submissions.actions(current_actor(), submission)
    links = {"self": url_for(".show", submission_id=submission.id)}
    if submission.report_key:
        links["report.json"] = url_for(".report_json", submission_id=submission.id)
        links["report.csv"] = url_for(".report_csv", submission_id=submission.id)
    links.update({action: url_for(f".{action}", submission_id=submission.id) for action in actions})
    return as_document(submission) | {
        "flags": submission.summary.get("flags", {}), "progress": _progress(submission), "actions": actions,
        "links": links}


def _progress(submission) -> dict[str, Any]:
    """phase: queued (waiting for a worker), reading or validating (running), done. rows_total is known only
    once the whole file has been read, since validation streams it."""
    state = submission.state.value
    phase = "queued" if state == "uploaded" else (submission.phase or "reading") if state == "validating" else "done"
    return {"phase": phase, "rows_done": submission.rows_done, "rows_total": submission.rows_total}


# ---------------------------------------------------------------------- request parsing
def _field_error(field: str, message_en: str, message_zh: str) -> InvalidInput:
    return InvalidInput(message_en, message_zh, field=field)


def _multipart() -> tuple[MultiDict[str, str], MultiDict[str, FileStorage]]:
    if request.mimetype != "multipart/form-data":
        raise _field_error("file", "Send the upload as multipart/form-data with the data file in the field 'file'.",
                           "请以 multipart/form-data 格式上传，数据文件放在 file 字段中。")
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
        raise PayloadTooLarge(f"The upload is larger than the {_size(limit)} limit.",
                              f"上传内容超过 {_size(limit)} 的上限。", limit=limit) from None
    unknown = sorted((set(form) | set(files)) - UPLOAD_FIELDS)
    if unknown:
        raise _field_error(unknown[0], f"Unknown field(s): {', '.join(unknown)}; the fields are "
                           f"{', '.join(sorted(UPLOAD_FIELDS))}.",
                           f"未知字段：{'、'.join(unknown)}；可用字段为 {', '.join(sorted(UPLOAD_FIELDS))}。")
    return form, files


def _size(limit: int) -> str:
    return f"{limit / (1 << 20):g} MiB" if limit >= 1 << 20 else f"{limit} bytes"


def _boolean(form: MultiDict[str, str], name: str) -> bool:
    value = (form.get(name) or "false").strip().lower()
    if value not in BOOLEANS:
        raise _field_error(name, f"{name} must be true or false, not {value!r}.",
                           f"{name} 须为 true 或 false，而不是 {value!r}。")
    return BOOLEANS[value]


def _min_confidence(form: MultiDict[str, str]) -> float | None:
    """accept_suggestions: true (at the default confidence), false, or a minimum confidence from 0 to 1."""
    raw = (form.get("accept_suggestions") or "").strip().lower()
    if not raw or BOOLEANS.get(raw) is False:
        return None
    if BOOLEANS.get(raw):
        return DEFAULT_MIN_CONFIDENCE
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise _field_error("accept_suggestions", "accept_suggestions is true, false or a confidence from 0 to 1.",
                           "accept_suggestions 须为 true、false 或 0 到 1 之间的置信度。")
    return value


def _mapping(form: MultiDict[str, str]) -> dict[str, Any] | None:
    raw = form.get("mapping") or ""
    if not raw.strip():
        return None
    try:
        mapping = json.loads(raw)
    except ValueError as error:
        raise _field_error("mapping", f"mapping is not valid JSON: {error}.",
                           f"mapping 不是有效的 JSON：{error}。") from None
    if not isinstance(mapping, dict):
        raise _field_error("mapping", 'mapping must be a JSON object with "columns", "defaults" and/or "identifier".',
                           'mapping 须为包含 "columns"、"defaults" 和/或 "identifier" 的 JSON 对象。')
    return mapping


