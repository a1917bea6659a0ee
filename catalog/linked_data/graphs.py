"""Triples as an rdflib Graph, and a Graph in each published format: rdflib writes Turtle, JSON-LD and
RDF/XML for single records, centers, datasets and the VoID description (small graphs)."""
from __future__ import annotations

import re
from typing import Iterable

from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral

from catalog.linked_data.terms import PREFIXES, Iri, Triple, platform_terms, scalar_text

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_rdflib(term) -> URIRef | RdfLiteral:
    if type(term) is Iri:
        return URIRef(term)
    value, datatype, language = term
    return RdfLiteral(scalar_text(value), lang=language, datatype=URIRef(datatype) if datatype else None)


def build_graph(triples: Iterable[Triple], base_url: str) -> Graph:
    """An rdflib Graph of the triples with the platform's prefixes bound."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in {**PREFIXES, "cat": platform_terms(base_url)}.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    add_triples(graph, triples)
    return graph


def add_triples(graph: Graph, triples: Iterable[Triple]) -> None:
    for subject, predicate, term in triples:
        graph.add((URIRef(subject), URIRef(predicate), to_rdflib(term)))


def serialize(graph: Graph, rdflib_format: str, base_url: str) -> bytes:
    """The graph in one rdflib format; JSON-LD is compacted with the platform's prefixes as its context.
    XML 1.0 cannot carry most control characters at all, so RDF/XML shows each of them as U+FFFD."""
    if rdflib_format == "xml":
        graph = _xml_safe(graph)
    if rdflib_format == "json-ld":
        context = {**PREFIXES, "cat": platform_terms(base_url)}
        return graph.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=rdflib_format, encoding="utf-8")


def _xml_safe(graph: Graph) -> Graph:
    if not any(isinstance(o, RdfLiteral) and _NOT_IN_XML.search(o) for o in graph.objects()):
        return graph
    safe = Graph(namespace_manager=graph.namespace_manager)
    for subject, predicate, term in graph:
        if isinstance(term, RdfLiteral) and _NOT_IN_XML.search(term):
            term = RdfLiteral(_NOT_IN_XML.sub("\ufffd", str(term)), lang=term.language, datatype=term.datatype)
        safe.add((subject, predicate, term))
    return safe
