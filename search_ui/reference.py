"""Reference pages derived from the declarations: the field reference per domain, and the SKOS
vocabularies at their own URIs (HTML for people; Turtle, JSON-LD, RDF/XML or N-Triples for machines,
negotiated as for every other linked-data URI)."""
from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, abort, render_template
from rdflib import Graph, URIRef

import vocabularies
from catalog.enums import DOMAIN_LABELS
from search_ui.negotiation import BY_SUFFIX, negotiated_graph
from catalog.web import services
from schemas import DOMAINS, describe

bp = Blueprint("reference", __name__, template_folder="templates")
SUFFIXES = (*BY_SUFFIX, ".html")


@bp.get("/reference/fields")
def fields_index():
    return render_template("fields_index.html", domains=DOMAINS, domain_labels=DOMAIN_LABELS)


@bp.get("/reference/fields/<domain>")
def fields(domain: str):
    if domain not in DOMAINS:
        abort(404)
    return render_template("fields.html", domain=domain, description=describe(domain),
                           domain_labels=DOMAIN_LABELS)


@lru_cache(maxsize=64)
def _graph(name: str, base_url: str) -> Graph:
    return Graph().parse(data=vocabularies.get(name, base_url).turtle(), format="turtle")


def concept_graph(vocabulary, uri: str) -> Graph:
    """The concept's own triples."""
    graph = _graph(vocabulary.name, _base_url())
    subject = URIRef(uri)
    own = Graph(namespace_manager=graph.namespace_manager)
    for triple in graph.triples((subject, None, None)):
        own.add(triple)
    return own


def _base_url() -> str:
    return services().settings.base_url


def _vocabulary(name: str):
    if name not in vocabularies.names():
        abort(404)
    return vocabularies.get(name, _base_url())


@bp.get("/vocabularies/")
def vocabulary_index():
    return render_template("vocabularies.html",
                           items=[vocabularies.get(name, _base_url()) for name in vocabularies.names()])


@bp.get("/vocabularies/<name>")
@bp.get("/vocabularies/<name><any('.ttl', '.jsonld', '.rdf', '.nt', '.html'):suffix>")
def vocabulary(name: str, suffix: str | None = None):
    vocabulary = _vocabulary(name)
    rdf = None if suffix == ".html" else negotiated_graph(suffix, lambda: _graph(name, _base_url()))
    if rdf is not None:
        return rdf
    return render_template("vocabulary.html", vocabulary=vocabulary, concepts=list(vocabulary))


@bp.get("/vocabularies/<name>/<path:code>")
def concept(name: str, code: str):
    vocabulary = _vocabulary(name)
    suffix = None
    for candidate in SUFFIXES:
        if code.endswith(candidate) and vocabulary.get(code) is None:
            code, suffix = code[: -len(candidate)], candidate
            break
    found = vocabulary.get(code)
    if found is None:
        abort(404)
    rdf = None if suffix == ".html" else negotiated_graph(suffix, lambda: concept_graph(vocabulary, found.uri))
    if rdf is not None:
        return rdf
    return render_template("concept.html", vocabulary=vocabulary, concept=found,
                           ancestors=vocabulary.ancestors(code))
