"""A Query as an Elasticsearch search body, the mapping it runs on (generated from the field
declarations), and the response read back as a Result — the same behaviour as the embedded engine."""
from __future__ import annotations

from typing import Any

from catalog.search.analysis import completes, fold, text_without_cjk
from catalog.search.fields import (AGE_RANGE, ATTRIBUTE_TYPES, FACET_SIZE, FIELDS, HISTOGRAMS, TEXT_FIELDS,
                                   attribute_name)
from catalog.search.query import (BoundingBox, Distance, Query, Range, Result, RELEVANCE, day_after,
                                  decode_cursor, encode_cursor)

SUGGEST_CANDIDATES = 200
ES_TYPES = {"keyword": "keyword", "integer": "integer", "float": "double", "date": "date"}

# Built-in analysis only: cjk_width + lowercase + cjk_bigram makes Chinese runs searchable by any
# two-character word, while Latin words keep the standard tokenizer.
SETTINGS = {
    "analysis": {
        "analyzer": {
            "multilingual": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["cjk_width", "lowercase", "asciifolding", "cjk_bigram"],
            }
        }
    }
}
_TEXT = {"type": "text", "analyzer": "multilingual"}
MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "version": {"type": "long"},
        **{name: {"type": ES_TYPES[f.kind]} for name, f in FIELDS.items()},
        **{name: _TEXT for name in TEXT_FIELDS if name != "vernacular"},
        # Vernacular names: exact values for autocomplete, analysed text for search.
        "vernacular": {"type": "keyword", "fields": {"text": _TEXT}},
        "location": {"type": "geo_point"},
        "attributes": {"type": "object", "properties": {
            name: {"type": kind, **({"ignore_above": 1024} if kind == "keyword" else {})}
            for name, kind in ATTRIBUTE_TYPES.items()}},
    },
}
SEARCHED_FIELDS = [f"{'vernacular.text' if name == 'vernacular' else name}^{weight:g}"
                   for name, weight in TEXT_FIELDS.items()]


def source_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The stored document: the public document plus a geo_point built from its coordinates."""
    if doc.get("latitude") is not None and doc.get("longitude") is not None:
        return {**doc, "location": {"lat": doc["latitude"], "lon": doc["longitude"]}}
    return doc


def document_of(source: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in source.items() if key != "location"}


def search_body(query: Query) -> dict[str, Any]:
    body: dict[str, Any] = {"query": _query(query), "size": query.size + 1, "track_total_hits": True,
                            "sort": _sort(query)}
    if query.offset:
        body["from"] = query.offset
    if query.cursor:
        body["search_after"] = decode_cursor(query)
    if query.facets:
        body["aggs"] = {name: _aggregation(name) for name in query.facets}
    return body


def _query(query: Query) -> dict[str, Any]:
    filters: list[dict[str, Any]] = []
    for name, values in query.filters.items():
        if values:
            field = f"attributes.{attribute_name(name)}" if attribute_name(name) else name
            filters.append({"terms": {field: list(values)}})
    for name, bounds in query.ranges.items():
        filters.extend(_range(name, bounds))
    if query.geo is not None:
        filters.append(_geo(query.geo))
    # Every word must match in some field; within a word (a CJK run becomes several bigrams) all its
    # pieces must match in the same field. User text never reaches a query-string parser.
    must = [{"multi_match": {"query": word, "fields": SEARCHED_FIELDS, "type": "best_fields", "operator": "and"}}
            for word in query.text.split()]
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}


def _range(name: str, bounds: Range) -> list[dict[str, Any]]:
    if name == AGE_RANGE:  # the record's age range overlaps the asked one
        return ([{"range": {"age_max_ma": {"gte": bounds.low}}}] if bounds.low is not None else []) + \
               ([{"range": {"age_min_ma": {"lte": bounds.high}}}] if bounds.high is not None else [])
    limits: dict[str, Any] = {}
    if bounds.low is not None:
        limits["gte"] = bounds.low
    if bounds.high is not None:
        if FIELDS[name].kind == "date":  # the whole last day, also for timestamps
            limits["lt"] = day_after(bounds.high)
        else:
            limits["lte"] = bounds.high
    return [{"range": {name: limits}}] if limits else []


def _geo(geo: BoundingBox | Distance) -> dict[str, Any]:
    if isinstance(geo, Distance):
        return {"geo_distance": {"distance": f"{geo.km}km", "location": {"lat": geo.latitude, "lon": geo.longitude}}}
    return {"geo_bounding_box": {"location": {"top_left": {"lat": geo.north, "lon": geo.west},
                                              "bottom_right": {"lat": geo.south, "lon": geo.east}}}}


def _sort(query: Query) -> list[Any]:
    if query.sort_field == RELEVANCE:
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    order = "desc" if query.descending else "asc"
    if query.sort_field == "id":
        return [{"id": {"order": order}}]
    return [{query.sort_field: {"order": order, "missing": "_last"}}, {"id": {"order": "asc"}}]


def _aggregation(name: str) -> dict[str, Any]:
    if name in HISTOGRAMS:
        field, interval = HISTOGRAMS[name]
        return {"histogram": {"field": field, "interval": interval, "min_doc_count": 1}}
    return {"terms": {"field": name, "size": FACET_SIZE, "order": [{"_count": "desc"}, {"_key": "asc"}]}}


def result_of(query: Query, response: dict[str, Any]) -> Result:
    hits = response["hits"]["hits"]
    more, hits = len(hits) > query.size, hits[:query.size]
    next_cursor = encode_cursor(query, hits[-1]["sort"]) if more and hits else None
    facets = {name: _buckets(name, aggregation) for name, aggregation in response.get("aggregations", {}).items()}
    return Result(total=response["hits"]["total"]["value"], items=[document_of(hit["_source"]) for hit in hits],
                  facets=facets, next_cursor=next_cursor)


def _buckets(name: str, aggregation: dict[str, Any]) -> dict[str, int]:
    buckets = aggregation["buckets"]
    if name in HISTOGRAMS:
        return {str(int(bucket["key"])): bucket["doc_count"] for bucket in buckets if bucket["doc_count"]}
    return {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}


def suggest_body(text: str) -> dict[str, Any] | None:
    """Documents with a name that completes `text`, and the counts of their names; completes() then
    keeps the names that match (a document's other names come along in the buckets)."""
    typed = fold(text).strip()
    if not typed:
        return None
    escaped = typed.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")
    patterns = [f"*{escaped}*"] if text_without_cjk(typed) != typed else [f"{escaped}*", f"* {escaped}*"]
    should = [{"wildcard": {field: {"value": pattern, "case_insensitive": True}}}
              for field in ("taxon", "vernacular") for pattern in patterns]
    return {"size": 0, "query": {"bool": {"should": should, "minimum_should_match": 1}},
            "aggs": {kind: {"terms": {"field": field, "size": SUGGEST_CANDIDATES}}
                     for kind, field in (("scientific", "taxon"), ("vernacular", "vernacular"))}}


def suggestions_of(text: str, response: dict[str, Any], size: int) -> list[dict[str, Any]]:
    found = [{"value": bucket["key"], "kind": kind, "count": bucket["doc_count"]}
             for kind, aggregation in response.get("aggregations", {}).items()
             for bucket in aggregation["buckets"] if completes(bucket["key"], text)]
    return sorted(found, key=lambda s: (-s["count"], s["value"], s["kind"]))[:size]
