"""/api/exports: ask for a Darwin Core Archive or MCPD CSV of a center, a dataset or a search result, follow its
progress, and download it. Who may see which records, and which export, is ExportService's.

A new export acts for the bearer token's user, or, without a token, for an anonymous caller: it then holds
only what the public may see and is reachable by whoever has its random id. A browser session alone does not
count for a new export, since this blueprint is exempt from CSRF; it does to read one.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, url_for

from catalog.errors import InvalidInput
from catalog.exports.selection import Selection, parse_filters
from catalog.permissions import Actor
from catalog.web import current_actor, has_bearer_token, services, streamed
from catalog_api.bodies import json_body

bp = Blueprint("api_exports", __name__, url_prefix="/api/exports")

MEMBERS = ("format", "center", "domain", "q", "filter")


@bp.post("")
def create():
    body = json_body(*MEMBERS, example='{"format": "dwca", "center": "…"}')
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
    return streamed(handle, services().exports.media_type(export), headers={
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


def _field_error(field: str, message_en: str, message_zh: str) -> InvalidInput:
    return InvalidInput(message_en, message_zh, field=field)


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
