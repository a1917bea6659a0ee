"""The VoID description of the catalogue: its counts, dump, vocabularies, licences and one subset per
dataset. The counts come from one pass over exactly what the dump holds, kept until a resource or a
center changes."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from catalog.linked_data.catalogue import PUBLIC, sections
from catalog.linked_data.literals import INTEGER, timestamp
from catalog.linked_data.organisations import dataset_triples
from catalog.linked_data.terms import (DCTERMS, FORMATS, RDF_TYPE, SCHEMA, SKOS, VOID, Iri, Literal, Triple,
                                       catalogue_uri, dataset_uri, dump_uri, void_document_uri, vocabularies_uri)

FOAF_HOMEPAGE = "http://xmlns.com/foaf/0.1/homepage"
TITLE = {"zh": "湖北省自然科技资源库", "en": "Hubei natural science & technology resource bank"}
FEATURES = ("Turtle", "N-Triples", "JSON-LD", "RDF_XML")


@dataclass
class DatasetFigures:
    triples: int = 0
    entities: int = 0
    licences: set[str] = field(default_factory=set)
    example: str | None = None


@dataclass
class Figures:
    """Counts of the public catalogue, the same the dump would give."""
    triples: int = 0
    entities: int = 0
    vocabulary_triples: int = 0
    schemes: list[str] = field(default_factory=list)
    datasets: dict[tuple[str, str], DatasetFigures] = field(default_factory=dict)
    namespaces: set[str] = field(default_factory=set)
    modified: str | None = None


def namespace_of(iri: str) -> str:
    return iri[: max(iri.rfind("#"), iri.rfind("/")) + 1]


def count(services) -> Figures:
    """One pass over the public catalogue in dump order."""
    figures = Figures()
    namespaces: dict[str, str] = {}
    for kind, what, triples in sections(services):
        figures.triples += len(triples)
        if kind == "vocabularies":
            figures.vocabulary_triples = len(triples)
            figures.schemes = sorted({s for s, p, o in triples if p == RDF_TYPE and o == SKOS + "ConceptScheme"})
            continue
        if kind == "dataset":
            figures.datasets.setdefault(what, DatasetFigures()).triples += len(triples)
            continue
        if kind != "resource":
            continue
        dataset = figures.datasets.setdefault((what["center"], what["domain"]), DatasetFigures())
        dataset.triples += len(triples)
        dataset.entities += 1
        dataset.example = dataset.example or triples[0][0]
        figures.entities += 1
        if what.get("updated_at") and (figures.modified is None or what["updated_at"] > figures.modified):
            figures.modified = what["updated_at"]
        for _, predicate, term in triples:
            if predicate not in namespaces:
                namespaces[predicate] = namespace_of(predicate)
            if not isinstance(term, Iri):
                continue   # classes and licences are IRIs
            if predicate == RDF_TYPE:
                figures.namespaces.add(namespace_of(term))
            elif predicate == DCTERMS + "license":
                dataset.licences.add(term)
    figures.namespaces |= set(namespaces.values())
    return figures


_lock = threading.Lock()
_kept: dict[tuple[str, str], tuple[object, Figures]] = {}


def figures(services) -> Figures:
    """The counts, recomputed only when a resource or a center has changed since the last time."""
    centers = services.centers.list_centers(PUBLIC)
    revision = (services.resources.revision(), repr(centers))
    key = (services.settings.database_url, services.settings.base_url)
    with _lock:
        kept = _kept.get(key)
        if kept and kept[0] == revision:
            return kept[1]
    counted = count(services)
    with _lock:
        _kept[key] = (revision, counted)
    return counted


def void_triples(services) -> list[Triple]:
    """The VoID description: the catalogue as a void:Dataset with one subset per dataset and one for the
    vocabularies; no SPARQL endpoint is offered, so none is named."""
    base_url = services.settings.base_url
    counted = figures(services)
    root = catalogue_uri(base_url)
    triples: list[Triple] = [
        (root, RDF_TYPE, Iri(VOID + "Dataset")), (root, RDF_TYPE, Iri(SCHEMA + "DataCatalog")),
        (root, DCTERMS + "title", Literal(TITLE["zh"], language="zh")),
        (root, DCTERMS + "title", Literal(TITLE["en"], language="en")),
        (root, FOAF_HOMEPAGE, Iri(f"{base_url}/")),
        (root, VOID + "dataDump", Iri(dump_uri(base_url))),
        (root, VOID + "uriSpace", Literal(f"{base_url}/resources/")),
        (root, VOID + "triples", Literal(str(counted.triples), INTEGER)),
        (root, VOID + "entities", Literal(str(counted.entities), INTEGER)),
        (void_document_uri(base_url), RDF_TYPE, Iri(VOID + "DatasetDescription")),
        (void_document_uri(base_url), "http://xmlns.com/foaf/0.1/primaryTopic", Iri(root))]
    triples += [(root, VOID + "feature", Iri(FORMATS + feature)) for feature in FEATURES]
    triples += [(root, VOID + "vocabulary", Iri(namespace)) for namespace in sorted(counted.namespaces)]
    modified = timestamp(counted.modified)
    if modified:
        triples.append((root, DCTERMS + "modified", modified))
    licences = set().union(*(d.licences for d in counted.datasets.values()))
    triples += [(root, DCTERMS + "license", Iri(licence)) for licence in sorted(licences)]
    vocabularies_subset = vocabularies_uri(base_url)
    triples += [(root, VOID + "subset", Iri(vocabularies_subset)),
                (vocabularies_subset, RDF_TYPE, Iri(VOID + "Dataset")),
                (vocabularies_subset, DCTERMS + "title", Literal("资源库受控词表", language="zh")),
                (vocabularies_subset, DCTERMS + "title", Literal("Controlled vocabularies", language="en")),
                (vocabularies_subset, VOID + "vocabulary", Iri(SKOS)),
                (vocabularies_subset, VOID + "triples", Literal(str(counted.vocabulary_triples), INTEGER))]
    triples += [(vocabularies_subset, VOID + "rootResource", Iri(scheme)) for scheme in counted.schemes]
    centers = {center.code: center for center in services.centers.list_centers(PUBLIC)}
    for (code, domain), dataset in sorted(counted.datasets.items()):
        if code in centers:
            subject = dataset_uri(base_url, code, domain)
            triples.append((root, VOID + "subset", Iri(subject)))
            triples += [triple for triple in dataset_triples(centers[code], domain, base_url)
                        if triple[1] != VOID + "entities"]
            triples += [(subject, VOID + "entities", Literal(str(dataset.entities), INTEGER)),
                        (subject, VOID + "triples", Literal(str(dataset.triples), INTEGER))]
            triples += [(subject, DCTERMS + "license", Iri(licence)) for licence in sorted(dataset.licences)]
            if dataset.example:
                triples.append((subject, VOID + "exampleResource", Iri(dataset.example)))
    return triples
