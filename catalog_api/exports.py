"""/api/exports: ask for a Darwin Core Archive or MCPD CSV of a center, a dataset or a search result, follow its
progress, and download it. Who may see which records, and which export, is ExportService's.

A new export acts for the bearer token's user, or, without a token, for an anonymous caller: it then holds
only what the public may see and is reachable by whoever has its random id. A browser session alone does not
count for a new export, since this blueprint is exempt from CSRF; it does to read one.
"""
from __future__ import annotations

from typing import Any

from flask import Response, url_for

from catalog.enums import Scope
from catalog.exports.selection import Selection, parse_filters
from catalog.permissions import Actor
from catalog.web import current_actor, has_bearer_token, services, streamed
from catalog_api.api_schemas import accounts as schemas
from catalog_api.openapi import response_headers
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_exports", __name__, url_prefix="/api/exports", tag="exports")

LINKS = {"download": {"operationId": "exports.download", "parameters": {"export_id": "$response.body#/id"},
                      "description": "The file, once `state` is done."}}


# Asking for an export only reads: the file holds what the token's user may see.
@bp.post("")
@bp.access(Access.ANONYMOUS_OR_TOKEN, scopes={Scope.READ}, problems=(400, 404))
@bp.arguments(schemas.ExportRequest, example={"format": "dwca", "center": "HBAASPG"})
@bp.response(202, schemas.Export, description="Queued; follow `Location`.", headers=response_headers("Location"))
@bp.doc(responses={202: {"links": LINKS}})
def create(body: dict[str, Any]):
    """Ask for an export

    A Darwin Core Archive or MCPD CSV of a center, a dataset (center + domain) or a search result, built in the
    background, holding what the token's user (or the public) may see.
    """
    actor = current_actor() if has_bearer_token() else Actor.anonymous()
    export = services().exports.request(actor, body["format"], Selection(
        center=body.get("center"), domain=body.get("domain"), text=body.get("q") or "",
        filters=parse_filters(body.get("filter") or [])))
    return _document(export), {"Location": url_for(".show", export_id=export.id)}


@bp.get("/<export_id>")
@bp.access(Access.PUBLIC, problems=(404,))
@bp.response(200, schemas.Export, description="The export and its progress.")
@bp.doc(responses={200: {"links": LINKS}})
def show(export_id: str):
    """An export

    Seen by the user who asked for it and administrators; an anonymous export by whoever has its id.
    """
    return _document(services().exports.get(current_actor(), export_id))


@bp.get("/<export_id>/download")
@bp.access(Access.PUBLIC, problems=(404, 409))
@bp.alt_response(200, schema={"type": "string"}, content_type="text/csv", success=True)
@bp.response(200, {"type": "string", "format": "binary"}, content_type="application/zip",
             description="The file, streamed.", headers=response_headers("ContentDisposition"))
def download(export_id: str) -> Response:
    """Download an export"""
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
