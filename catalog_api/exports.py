"""/api/exports: ask for a Darwin Core Archive or MCPD CSV of a center, a dataset or a search result, follow its
progress, and download it. Who may see which records, and which export, is ExportService's.

A new export acts for the bearer token's user, or, without a token, for an anonymous caller: it then holds
only what the public may see and is reachable by whoever has its random id. A browser session alone does not
count for a new export, since this blueprint is exempt from CSRF; it does to read one.
"""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterator

from flask import Blueprint, Response, jsonify, request, url_for

from catalog.errors import InvalidInput
from catalog.exports.selection import Selection, parse_filters
from catalog.permissions import Actor
from catalog.web import current_actor, has_bearer_token, services

bp = Blueprint("api_exports", __name__, url_prefix="/api/exports")

CHUNK_BYTES = 1 << 16
MEMBERS = ("format", "center", "domain", "q", "filter")


@bp.post("")
def create():
    body = _body()
    actor = current_actor() if has_bearer_token() else Actor.anonymous()
    export = services().exports.request(actor, _text(body, "format", required=True), Selection(
        center=_text(body, "center"), domain=_text(body, "domain"), text=_text(body, "q") or "",
        filters=parse_filters(_filters(body))))
    response = jsonify(_document(export))
    response.status_code = 202
    response.headers["Location"] = url_for(".show", export_id=export.id)
    return response


@bp.get("/<export_id>")
def show(export_id: str):
    return jsonify(_document(services().exports.get(current_actor(), export_id)))


@bp.get("/<export_id>/download")
def download(export_id: str):
    export, handle = services().exports.open(current_actor(), export_id)
    return Response(_chunks(handle), mimetype=services().exports.media_type(export), headers={
        "Content-Disposition": f'attachment; filename="{export.file_name}"',
        "Content-Length": str(export.size_bytes)})


def _document(export) -> dict[str, Any]:
    return {"id": export.id, "format": export.format.value, "state": export.state.value,
            "selection": export.selection,
            "progress": {"records_written": export.records_written, "records_expected": export.records_expected},
            "file": {"name": export.file_name, "size": export.size_bytes, "sha256": export.sha256},
            "error": export.failure,
            "created_at": export.created_at.isoformat() if export.created_at else None,
            "finished_at": export.finished_at.isoformat() if export.finished_at else None,
            "links": {"self": url_for(".show", export_id=export.id),
                      "download": url_for(".download", export_id=export.id)}}


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(CHUNK_BYTES):
            yield chunk


def _field_error(field: str, message_en: str, message_zh: str) -> InvalidInput:
    return InvalidInput(message_en, message_zh, field=field)


def _body() -> dict[str, Any]:
    """The JSON object of the request; unknown members are refused, so a misspelt option fails loudly."""
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw) if raw.strip() else None
    except ValueError as error:
        raise _field_error("body", f"The request body is not valid JSON: {error}.",
                           f"请求体不是有效的 JSON：{error}。") from None
    if not isinstance(body, dict):
        raise _field_error("body", 'Send a JSON object such as {"format": "dwca", "center": "…"}.',
                           '请求体须为 JSON 对象，如 {"format": "dwca", "center": "…"}。')
    unknown = sorted(set(body) - set(MEMBERS))
    if unknown:
        raise _field_error(unknown[0], f"Unknown member(s): {', '.join(unknown)}; accepted: {', '.join(MEMBERS)}.",
                           f"未知字段：{'、'.join(unknown)}；可用字段：{', '.join(MEMBERS)}。")
    return body


def _text(body: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _field_error(name, f"The member {name!r} is required.", f"缺少必填字段 {name!r}。")
        return None
    if not isinstance(value, str):
        raise _field_error(name, f"{name} must be a string.", f"{name} 须为字符串。")
    return value.strip()


def _filters(body: dict[str, Any]) -> list[str]:
    value = body.get("filter") or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _field_error("filter", 'filter must be a list of "field=value" strings.',
                           'filter 须为“字段=值”字符串的列表。')
    return value
