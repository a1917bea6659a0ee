"""GET /api/records/<identifier>/citation?format=text|bibtex|ris[&lang=zh|en]: the ready citation of a record."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from flask import Response
from werkzeug.utils import secure_filename

from catalog.citations import cite_record
from catalog.web import current_actor, services
from catalog_api.api_schemas import records as schemas
from catalog_api.openapi import response_headers
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_citations", __name__, url_prefix="/api/records", tag="records")

FORMATS = {"bibtex": "bib", "ris": "ris"}  # format → file suffix; "text" answers JSON


@bp.get("/<path:identifier>/citation")
@bp.access(Access.PUBLIC, problems=(400, 404))
@bp.arguments(schemas.CitationArgs, location="query")
@bp.alt_response(200, schema={"type": "string", "description": "BibTeX or RIS, as a download."},
                 content_type="text/plain", success=True)
@bp.response(200, schemas.Citation, description="The citation (regulation Art. 18).",
             headers=response_headers("ContentDisposition"))
def citation(args: dict[str, Any], identifier: str):
    """Cite a record"""
    kind = args.get("format", "text")
    cited = cite_record(services().resources, current_actor(), identifier)
    if kind == "text":
        return cited.texts()
    language = args.get("lang", "en")
    body = cited.bibtex(language) if kind == "bibtex" else cited.ris(language)
    return Response(body, mimetype="text/plain", headers={
        "Content-Disposition": attachment(f"{cited.identifier}.{FORMATS[kind]}")})


def attachment(file_name: str) -> str:
    """Content-Disposition for a download: an ASCII fallback name plus the exact one (RFC 6266 filename*)."""
    fallback = secure_filename(file_name) or "citation"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
