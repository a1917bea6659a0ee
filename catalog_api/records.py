"""GET /api/records (search), /api/records/suggest, /api/records/<identifier> and its related records."""
from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from catalog.search.params import integer, query_from
from catalog.search.query import Query
from catalog.search.service import DEFAULT_FACETS, MAX_POINTS
from catalog.web import current_actor, services
from catalog_api.caching import conditional_record

bp = Blueprint("api_records", __name__, url_prefix="/api/records")


@bp.get("")
def search():
    query = query_from(request.args.get, request.args.getlist, default_facets=DEFAULT_FACETS)
    result = services().search.search(current_actor(), query)
    return jsonify(result_document(result, query))


@bp.get("/suggest")
def suggest():
    """Autocomplete: scientific and vernacular names that complete `q`."""
    size = integer(request.args.get("size"), "size", 10)
    return jsonify({"items": services().search.suggest(current_actor(), request.args.get("q", ""), size)})


@bp.get("/points")
def points():
    """The georeferenced records of a search, for a map: [{"id", "lat", "lon", "title", "title_en"}]."""
    query = query_from(request.args.get, request.args.getlist)
    limit = min(integer(request.args.get("limit"), "limit", MAX_POINTS), MAX_POINTS)
    found, truncated = services().search.points(current_actor(), query, limit)
    return jsonify({"points": found, "truncated": truncated})


@bp.get("/<path:identifier>/related")
def related(identifier: str):
    """Other records of the same taxon across centers, and possible duplicates (same taxon, date, place)."""
    actor, search = current_actor(), services().search
    services().resources.get(actor, identifier)  # 404 for what the actor may not see
    same = search.same_taxon(actor, identifier)
    return jsonify({"same_taxon": {"total": same.total, "items": same.items, "centers": same.facets["center"]}
                    if same else {"total": 0, "items": [], "centers": {}},
                    "possible_duplicates": search.possible_duplicates(actor, identifier)})


def result_document(result, query: Query) -> dict:
    """The search answer: the conventions' {"total", "items", "facets"} plus highlights and paging links."""
    links = {"self": request.url}
    if result.next_cursor:
        args = request.args.to_dict(flat=False)
        args.pop("offset", None)
        links["next"] = url_for(request.endpoint, **{**args, "cursor": result.next_cursor}, _external=True)
    return {"total": result.total, "items": result.items, "facets": result.facets,
            "highlights": result.highlights, "next_cursor": result.next_cursor, "links": links}


@bp.get("/<path:identifier>")
def show(identifier: str):
    view = services().resources.view(current_actor(), identifier)
    return conditional_record(jsonify(view), view)
