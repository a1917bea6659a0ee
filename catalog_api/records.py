"""GET /api/records (search) and GET /api/records/<identifier>."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from catalog.search.query import Query
from catalog.search.service import DEFAULT_FACETS
from catalog.web import current_actor, services

bp = Blueprint("api_records", __name__, url_prefix="/api/records")


@bp.get("")
def search():
    filters: dict[str, tuple[str, ...]] = {}
    for item in request.args.getlist("filter"):
        name, _, value = item.partition("=")
        if not value:
            raise ValueError(f"filter {item!r} must look like field=value")
        filters[name] = filters.get(name, ()) + (value,)
    facets = tuple(request.args.getlist("facet")) or DEFAULT_FACETS
    query = Query(text=request.args.get("q", ""), filters=filters, facets=facets,
                  offset=request.args.get("offset", 0, type=int), size=request.args.get("size", 20, type=int))
    result = services().search.search(current_actor(), query)
    return jsonify({"total": result.total, "items": result.items, "facets": result.facets})


@bp.get("/<path:identifier>")
def show(identifier: str):
    return jsonify(services().resources.view(current_actor(), identifier))
