"""GET /api/records (search), /api/records/suggest, /api/records/<identifier> and its related records."""
from __future__ import annotations

from typing import Any

from flask import request, url_for

from catalog.search.params import query_from
from catalog.search.query import Query
from catalog.search.service import DEFAULT_FACETS, MAX_POINTS
from catalog.web import current_actor, services
from catalog_api.api_schemas import records as schemas
from catalog_api.caching import conditional
from catalog_api.openapi import response_headers
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_records", __name__, url_prefix="/api/records", tag="records")

SEARCH_LINKS = {
    "nextPage": {"operationId": "records.search", "parameters": {"cursor": "$response.body#/next_cursor"},
                 "description": "The next page: repeat the search's parameters (not offset) with this cursor, or "
                                "simply follow `links.next`."},
    "firstRecord": {"operationId": "records.show", "parameters": {"identifier": "$response.body#/items/0/id"},
                    "description": "A hit's full record."},
}
RECORD_HEADERS = response_headers("ETag", "LastModified", "CacheControl")


@bp.get("")
@bp.access(Access.PUBLIC, problems=(400,))
@bp.arguments(schemas.SearchArgs, location="query")
@bp.response(200, schemas.SearchResult, description="A page of hits with facet counts; `links.next` (and "
             "`next_cursor`) lead to the next page while there is one.")
@bp.doc(responses={200: {"links": SEARCH_LINKS}})
def search(args: dict[str, Any]):
    """Search records

    Searches the public index: confidential records are never found, restricted ones only with generalised
    coordinates, whoever asks. Page with `offset` and `size` (up to offset 10 000) or, to any depth, with the
    cursor: `links.next` is the same search with `cursor` set.
    """
    query = _query(args, default_facets=DEFAULT_FACETS)
    return result_document(services().search.search(current_actor(), query), query)


@bp.get("/suggest")
@bp.access(Access.PUBLIC, problems=(400,))
@bp.arguments(schemas.SuggestArgs, location="query")
@bp.response(200, schemas.SuggestionList, description="Scientific and vernacular names completing `q`.")
def suggest(args: dict[str, Any]):
    """Suggest names"""
    return {"items": services().search.suggest(current_actor(), args.get("q", ""), args.get("size", 10))}


@bp.get("/points")
@bp.access(Access.PUBLIC, problems=(400,))
@bp.arguments(schemas.PointsArgs, location="query")
@bp.response(200, schemas.Points, description="The georeferenced hits of the search (public coordinates).")
def points(args: dict[str, Any]):
    """Map points of a search"""
    limit = min(args.get("limit", MAX_POINTS), MAX_POINTS)
    found, truncated = services().search.points(current_actor(), _query(args), limit)
    return {"points": found, "truncated": truncated}


@bp.get("/<path:identifier>/related")
@bp.access(Access.PUBLIC, problems=(404,))
@bp.response(200, schemas.Related, description="Records of the same taxon elsewhere, and possible duplicates.")
def related(identifier: str):
    """Related records"""
    actor, search = current_actor(), services().search
    services().resources.get(actor, identifier)  # 404 for what the actor may not see
    same = search.same_taxon(actor, identifier)
    return {"same_taxon": {"total": same.total, "items": same.items, "centers": same.facets["center"]}
            if same else {"total": 0, "items": [], "centers": {}},
            "possible_duplicates": search.possible_duplicates(actor, identifier)}


def _query(args: dict[str, Any], **options) -> Query:
    return query_from(args.get, lambda name: args.get(name, []), **options)


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
@bp.access(Access.PUBLIC, problems=(404,))
@conditional
@bp.doc(parameters=["IfNoneMatch", "IfModifiedSince"])
@bp.response(200, schemas.Record, description="The record as the caller may see it.", headers=RECORD_HEADERS)
@bp.alt_response(304, description="The caller's copy (If-None-Match or If-Modified-Since) is current.",
                 headers=RECORD_HEADERS, success=True)
def show(identifier: str):
    """A record

    A record the caller may not see (confidential, for anyone outside its center and department) is 404, as if it
    did not exist. The `payload` holds the domain's other fields, described by the `<Domain>Fields` schemas.
    """
    return services().resources.view(current_actor(), identifier)
