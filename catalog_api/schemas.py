"""GET /api/schemas/<domain>.json: the JSON Schema of a submission row, derived from the declarations."""
from __future__ import annotations

from flask import Blueprint, abort, jsonify

from catalog.web import services
from schemas import DOMAINS
from schemas.json_schema import json_schema

bp = Blueprint("api_schemas", __name__, url_prefix="/api/schemas")


@bp.get("")
def index():
    base = services().settings.base_url
    return jsonify({"items": [{"domain": domain, "schema": f"{base}/api/schemas/{domain}.json"} for domain in DOMAINS]})


@bp.get("/<domain>.json")
def domain_schema(domain: str):
    if domain not in DOMAINS:
        abort(404)
    response = jsonify(json_schema(domain, services().settings.base_url))
    response.mimetype = "application/schema+json"
    return response
