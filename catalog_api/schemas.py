"""GET /api/schemas/<domain>.json: the JSON Schema of a submission row, derived from the declarations."""
from __future__ import annotations

from flask import abort, jsonify

from catalog.web import services
from catalog_api.api_schemas import records as schemas
from catalog_api.routes import Access, ApiBlueprint
from schemas import DOMAINS
from schemas.json_schema import json_schema

bp = ApiBlueprint("api_schemas", __name__, url_prefix="/api/schemas", tag="schemas")


@bp.get("")
@bp.access(Access.PUBLIC)
@bp.response(200, schemas.DomainSchemaList, description="Where each domain's JSON Schema is.")
def index():
    """Domain schemas"""
    base = services().settings.base_url
    return {"items": [{"domain": domain, "schema": f"{base}/api/schemas/{domain}.json"} for domain in DOMAINS]}


@bp.get("/<domain>.json")
@bp.access(Access.PUBLIC, problems=(404,))
@bp.response(200, {"type": "object"}, content_type="application/schema+json",
             description="JSON Schema (2020-12) of a submitted row, with term IRIs and zh/en titles.")
def domain_schema(domain: str):
    """A domain's JSON Schema"""
    if domain not in DOMAINS:
        abort(404)
    response = jsonify(json_schema(domain, services().settings.base_url))
    response.mimetype = "application/schema+json"
    return response
