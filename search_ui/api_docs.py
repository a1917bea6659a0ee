"""GET /api/docs: the JSON API's OpenAPI document (catalog_api.openapi) browsable in Swagger UI, which `make
assets` copies from npm into static/vendor/ (no CDN)."""
from __future__ import annotations

from flask import Blueprint, render_template, url_for

bp = Blueprint("api_docs", __name__, template_folder="templates")


@bp.get("/api/docs")
def page():
    return render_template("api_docs.html", document_url=url_for("api_openapi.document"))
