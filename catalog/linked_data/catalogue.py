"""What the catalogue publishes as linked data, read only through the services: the graph of one resource,
center or dataset as an actor may see it, and the whole public catalogue in dump order."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import IO, Any, Iterator, NamedTuple

from rdflib import Graph, URIRef

import vocabularies
from catalog.linked_data import ntriples
from catalog.linked_data.graphs import add_triples, build_graph
from catalog.linked_data.literals import DECIMAL, decimal_lexical
from catalog.linked_data.organisations import center_triples, dataset_domains, dataset_triples, require_dataset
from catalog.linked_data.resources import resource_triples
from catalog.linked_data.terms import Iri, Literal, Triple
from catalog.permissions import Actor

PUBLIC = Actor.anonymous()


def resource_graph(services, actor: Actor, identifier: str) -> list[Triple]:
    """Raises NotFound for a record the actor may not see, exactly as its page does."""
    return resource_triples(services.resources.view(actor, identifier), services.settings.base_url)


def center_graph(services, actor: Actor, code: str) -> list[Triple]:
    return center_triples(services.centers.get_center(actor, code), services.settings.base_url)


def dataset_graph(services, actor: Actor, center_code: str, domain: str) -> list[Triple]:
    center = services.centers.get_center(actor, center_code)
    require_dataset(center, domain)
    return dataset_triples(center, domain, services.settings.base_url)


@lru_cache(maxsize=8)
def vocabulary_triples(base_url: str) -> tuple[Triple, ...]:
    """Every SKOS vocabulary's triples, in a stable order (parsed once per base URL)."""
    triples: list[Triple] = []
    for name in vocabularies.names():
        graph = Graph().parse(data=vocabularies.get(name, base_url).turtle(), format="turtle")
        triples += sorted((str(s), str(p), Iri(o) if isinstance(o, URIRef) else _literal(o)) for s, p, o in graph)
    return tuple(triples)


def _literal(term) -> Literal:
    """Our literal of an rdflib one; decimals in the canonical form every RDF writer keeps as it is."""
    if term.datatype is not None and str(term.datatype) == DECIMAL:
        return Literal(decimal_lexical(Decimal(str(term))), DECIMAL)
    return Literal(str(term), str(term.datatype) if term.datatype else None, term.language)


def sections(services) -> Iterator[tuple[str, Any, list[Triple]]]:
    """The public catalogue as (kind, what, triples): the vocabularies, then each center and its datasets,
    then every resource the public may see (confidential ones are never read; restricted ones generalised)."""
    base_url = services.settings.base_url
    yield "vocabularies", None, list(vocabulary_triples(base_url))
    for center in services.centers.list_centers(PUBLIC):
        yield "center", center, center_triples(center, base_url)
        for domain in dataset_domains(center):
            yield "dataset", (center.code, domain), dataset_triples(center, domain, base_url)
    for view in services.resources.views(PUBLIC):
        yield "resource", view, resource_triples(view, base_url)


class Written(NamedTuple):
    triples: int
    resources: int


def dump_chunks(services) -> Iterator[str]:
    """The N-Triples dump as text chunks, one per section (a record, a center…)."""
    for _, _, triples in sections(services):
        yield "".join(ntriples.lines(triples))


def write_dump(services, out: IO[str]) -> Written:
    """Write the public catalogue as N-Triples, line by line, without building a graph."""
    triples_written = resources = 0
    for kind, _, triples in sections(services):
        out.write("".join(ntriples.lines(triples)))
        triples_written += len(triples)
        resources += kind == "resource"
    return Written(triples_written, resources)


def catalogue_graph(services) -> tuple[Graph, Written]:
    """The public catalogue as one rdflib Graph (for Turtle and JSON-LD files: memory grows with the catalogue)."""
    graph = build_graph((), services.settings.base_url)
    resources = 0
    for kind, _, triples in sections(services):
        add_triples(graph, triples)
        resources += kind == "resource"
    return graph, Written(len(graph), resources)
