"""Content negotiation on the platform's URIs: one table of formats (media type, suffix, writer), the
choice between the HTML page and RDF, and the RDF answer itself. Page views call negotiated_rdf() first
and render their page only when it answers None."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from flask import Response, after_this_request, jsonify, request
from rdflib import Graph

from catalog.errors import NotFound
from catalog.linked_data import ntriples
from catalog.linked_data.catalogue import center_graph, dataset_graph, resource_graph
from catalog.linked_data.graphs import build_graph, serialize
from catalog.linked_data.terms import Triple
from catalog.web import current_actor, services


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    mimetype: str
    rdflib: str
    aliases: tuple[str, ...] = ()


FORMATS = (Format("Turtle", ".ttl", "text/turtle", "turtle", ("application/x-turtle",)),
           Format("JSON-LD", ".jsonld", "application/ld+json", "json-ld"),
           Format("RDF/XML", ".rdf", "application/rdf+xml", "xml"),
           Format("N-Triples", ".nt", "application/n-triples", "nt"))
HTML = "text/html"
HTML_TYPES = (HTML, "application/xhtml+xml")
BY_MIMETYPE = {mimetype: fmt for fmt in FORMATS for mimetype in (fmt.mimetype, *fmt.aliases)}
BY_SUFFIX = {fmt.suffix: fmt for fmt in FORMATS}
GRAPHS = {"resource": resource_graph, "center": center_graph, "dataset": dataset_graph}


def negotiate(suffix: str | None = None, html: bool = True) -> Format | str | None:
    """The format to answer in: an explicit suffix wins, then the Accept header (the HTML page when it
    ties, or when there is no header); HTML is "text/html"; None when nothing offered is acceptable."""
    if suffix:
        return BY_SUFFIX.get(suffix)
    offered = [*(HTML_TYPES if html else ()), *BY_MIMETYPE]
    if not request.headers.get("Accept", "").strip():
        return HTML if html else FORMATS[0]
    best = request.accept_mimetypes.best_match(offered)
    if best is None:
        return None
    return HTML if best in HTML_TYPES else BY_MIMETYPE[best]


def rdf_response(fmt: Format, triples: Iterable[Triple] | None = None, graph: Graph | None = None) -> Response:
    """The triples (or an rdflib graph) in `fmt`; N-Triples of triples skip rdflib altogether."""
    base_url = services().settings.base_url
    if graph is None and fmt.rdflib == "nt":
        body = "".join(ntriples.lines(triples or ())).encode("utf-8")
    else:
        body = serialize(graph if graph is not None else build_graph(triples or (), base_url), fmt.rdflib, base_url)
    response = Response(body, content_type=f"{fmt.mimetype}; charset=utf-8")
    response.vary.add("Accept")
    return response


def not_acceptable(html: bool = True) -> Response:
    """406 as a problem document listing what is offered."""
    available = [*((HTML,) if html else ()), *(fmt.mimetype for fmt in FORMATS)]
    listed = ", ".join(available)
    response = jsonify({"type": "about:blank", "title": "Not Acceptable", "status": 406, "code": "not_acceptable",
                        "message": {"en": f"None of the requested media types is offered here; available: {listed}.",
                                    "zh": f"不提供所请求的媒体类型；可用类型：{listed}。"},
                        "available": available})
    response.status_code = 406
    response.mimetype = "application/problem+json"
    response.vary.add("Accept")
    return response


def negotiated_rdf(kind: str, *key: str) -> Response | None:
    """The answer of a resource, center or dataset URI when the client wants RDF (by Accept or by a
    .ttl/.jsonld/.rdf/.nt suffix on the last part of the path), a 406 problem when it wants nothing we
    offer, or None when it wants the HTML page, which the caller then renders."""
    graph_of: Callable[..., list[Triple]] = GRAPHS[kind]
    *head, last = key
    for suffix, fmt in BY_SUFFIX.items():
        if last.endswith(suffix) and len(last) > len(suffix):
            try:
                return rdf_response(fmt, graph_of(services(), current_actor(), *head, last[: -len(suffix)]))
            except NotFound:
                break   # an identifier that itself ends like a suffix, or none at all: decided below
    choice = negotiate()
    if choice is None:
        return not_acceptable()
    if choice == HTML:
        after_this_request(_vary_on_accept)
        return None
    return rdf_response(choice, graph_of(services(), current_actor(), *key))


def negotiated_graph(suffix: str | None, graph_of: Callable[[], Graph], html: bool = True) -> Response | None:
    """The same choice for an rdflib graph (vocabularies): None when the client wants the HTML page."""
    choice = negotiate(suffix, html=html)
    if choice is None:
        return not_acceptable(html)
    if choice == HTML:
        after_this_request(_vary_on_accept)
        return None
    return rdf_response(choice, graph=graph_of())


def _vary_on_accept(response: Response) -> Response:
    response.vary.add("Accept")
    return response
