"""SearchService: the one entry to search for the API, the UI, the CLI and exports.

Everything here reads the public index, which never holds confidential records and holds restricted
ones only generalised; so no search feature (hits, counts, facets, names, neighbours) can reveal more.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from catalog.permissions import Actor
from catalog.search.backend import SearchBackend
from catalog.search.geo import distance_km
from catalog.search.highlight import highlights
from catalog.search.query import MAX_PAGE_SIZE, Query, Range, Result

DEFAULT_FACETS = ("domain", "center", "sharing_mode", "country_code", "year")
MAX_SUGGESTIONS = 20
MAX_POINTS = 2000
DUPLICATE_DISTANCE_KM = 15.0  # generalised coordinates sit up to ~8 km from the true point


class SearchService:
    def __init__(self, backend: SearchBackend):
        self.backend = backend

    def search(self, actor: Actor, query: Query) -> Result:
        result = self.backend.search(query)
        if query.text.strip():
            marked = {item["id"]: highlights(query.text, item) for item in result.items}
            result = replace(result, highlights={key: value for key, value in marked.items() if value})
        return result

    def suggest(self, actor: Actor, text: str, size: int = 10) -> list[dict[str, Any]]:
        """Scientific and vernacular names completing `text`, with how many records carry each."""
        return self.backend.suggest(text, max(1, min(size, MAX_SUGGESTIONS)))

    def document(self, actor: Actor, identifier: str) -> dict[str, Any] | None:
        """The public index document of a record, or None when the public index does not hold it."""
        items = self.backend.search(Query(filters={"id": (identifier,)}, size=1)).items
        return items[0] if items else None

    def same_taxon(self, actor: Actor, identifier: str, size: int = 10) -> Result | None:
        """Other records of the record's taxon, in every center, with counts per center."""
        document = self.document(actor, identifier)
        if not document or not document.get("taxon"):
            return None
        result = self.backend.search(Query(filters={"taxon": (document["taxon"],)}, facets=("center",),
                                           size=min(size + 1, MAX_PAGE_SIZE)))
        others = [item for item in result.items if item["id"] != identifier][:size]
        facets = {"center": dict(result.facets["center"])}
        facets["center"][document["center"]] -= 1
        facets["center"] = {center: count for center, count in facets["center"].items() if count}
        return Result(total=result.total - 1, items=others, facets=facets)

    def possible_duplicates(self, actor: Actor, identifier: str) -> list[dict[str, Any]]:
        """Records of other centers with the same taxon, date and place: perhaps the same material."""
        document = self.document(actor, identifier)
        if not document or not document.get("taxon") or not document.get("event_date"):
            return []
        day = document["event_date"]
        candidates = self.backend.search(Query(filters={"taxon": (document["taxon"],)},
                                               ranges={"event_date": Range(day, day)}, size=MAX_PAGE_SIZE)).items
        return [item for item in candidates
                if item["center"] != document["center"] and _same_place(document, item)]

    def points(self, actor: Actor, query: Query, limit: int = MAX_POINTS) -> tuple[list[dict[str, Any]], bool]:
        """The georeferenced records of a search for a map (public coordinates only), at most `limit`;
        the flag tells whether more were left out."""
        located = replace(query, ranges={**query.ranges, "latitude": Range(-90, 90)}, facets=(), offset=0,
                          size=MAX_PAGE_SIZE, cursor=None)
        found: list[dict[str, Any]] = []
        while len(found) < limit:
            result = self.backend.search(located)
            found += [{"id": item["id"], "lat": item["latitude"], "lon": item["longitude"],
                       "title": item.get("title_zh") or item.get("title_en") or item.get("scientific_name") or item["id"],
                       "title_en": item.get("title_en") or item.get("scientific_name")} for item in result.items]
            if not result.next_cursor:
                return found[:limit], False
            located = replace(located, cursor=result.next_cursor)
        return found[:limit], True

    def iter_identifiers(self, actor: Actor, query: Query) -> Iterator[str]:
        """Every identifier matching `query`, in result order, page by page with the cursor (for exports)."""
        page = replace(query, facets=(), offset=0, size=MAX_PAGE_SIZE, cursor=None)
        while True:
            result = self.backend.search(page)
            yield from (item["id"] for item in result.items)
            if not result.next_cursor:
                return
            page = replace(page, cursor=result.next_cursor)


def _same_place(one: dict[str, Any], other: dict[str, Any]) -> bool:
    if None not in (one.get("latitude"), one.get("longitude"), other.get("latitude"), other.get("longitude")):
        distance = distance_km(one["latitude"], one["longitude"], other["latitude"], other["longitude"])
        return distance is not None and distance <= DUPLICATE_DISTANCE_KM
    if one.get("admin_division") and one.get("admin_division") == other.get("admin_division"):
        return True
    return bool(one.get("locality")) and one.get("locality") == other.get("locality")
