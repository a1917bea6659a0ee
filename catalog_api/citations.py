"""GET /api/records/<identifier>/citation?format=text|bibtex|ris[&lang=zh|en]: the ready citation of a record."""
from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, jsonify, request
from werkzeug.utils import secure_filename

from catalog.citations import cite_record
from catalog.errors import InvalidInput
from catalog.web import current_actor, services

bp = Blueprint("api_citations", __name__, url_prefix="/api/records")

FORMATS = {"bibtex": "bib", "ris": "ris"}  # format → file suffix; "text" answers JSON
LANGUAGES = ("en", "zh")


@bp.get("/<path:identifier>/citation")
def citation(identifier: str):
    """{"zh", "en"} texts, or a BibTeX/RIS file to download (in English unless lang=zh)."""
    kind = request.args.get("format", "text")
    if kind != "text" and kind not in FORMATS:
        raise InvalidInput(f"format {kind!r} is not one of text, bibtex, ris.",
                           f"format {kind!r} 须为 text、bibtex 或 ris。", field="format")
    language = request.args.get("lang", "en")
    if language not in LANGUAGES:
        raise InvalidInput(f"lang {language!r} is not one of zh, en.", f"lang {language!r} 须为 zh 或 en。",
                           field="lang")
    cited = cite_record(services().resources, current_actor(), identifier)
    if kind == "text":
        return jsonify(cited.texts())
    body = cited.bibtex(language) if kind == "bibtex" else cited.ris(language)
    return Response(body, mimetype="text/plain", headers={
        "Content-Disposition": attachment(f"{cited.identifier}.{FORMATS[kind]}")})


def attachment(file_name: str) -> str:
    """Content-Disposition for a download: an ASCII fallback name plus the exact one (RFC 6266 filename*)."""
    fallback = secure_filename(file_name) or "citation"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
