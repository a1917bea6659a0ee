"""The VoID description: its counts agree with the dump, its subsets are the datasets, and it follows
changes to the catalogue."""
from __future__ import annotations

import io

import pytest
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from catalog.linked_data.catalogue import write_dump
from tests.linked_data.conftest import BASE, OPERATOR, PUBLIC_RECORDS, RDF_FORMATS, SUFFIXES, parsed, problem

VOID = Namespace("http://rdfs.org/ns/void#")
SCHEMA = Namespace("https://schema.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
CATALOGUE = URIRef(BASE + "/void#catalogue")
DATASET = URIRef(BASE + "/datasets/IHB/biological_specimen")


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def test_counts_agree_with_the_dump(reader, published):
    graph = parsed(reader.get("/void").data, "turtle")
    dump = io.StringIO()
    written = write_dump(published, dump)
    assert graph.value(CATALOGUE, VOID.triples) == integer(written.triples) == integer(dump.getvalue().count("\n"))
    assert graph.value(CATALOGUE, VOID.entities) == integer(PUBLIC_RECORDS)
    assert graph.value(DATASET, VOID.entities) == integer(PUBLIC_RECORDS)
    subset_triples = sum(int(graph.value(subset, VOID.triples)) for subset in graph.objects(CATALOGUE, VOID.subset))
    centers = len(set(parsed(dump.getvalue(), "nt").subjects(RDF.type, SCHEMA.Organization)))
    assert 0 < written.triples - subset_triples < 20 * centers   # the rest describes the centers


def test_the_description_names_dump_formats_vocabularies_licences_and_subsets(reader):
    graph = parsed(reader.get("/void").data, "turtle")
    assert {(CATALOGUE, RDF.type, VOID.Dataset), (CATALOGUE, RDF.type, SCHEMA.DataCatalog),
            (CATALOGUE, VOID.dataDump, URIRef(BASE + "/dump.nt.gz")),
            (CATALOGUE, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")),
            (CATALOGUE, VOID.vocabulary, URIRef("http://rs.tdwg.org/dwc/terms/")),
            (CATALOGUE, VOID.vocabulary, URIRef("http://rs.tdwg.org/dwc/iri/")),
            (CATALOGUE, VOID.vocabulary, URIRef("http://purl.org/dc/terms/")),
            (CATALOGUE, VOID.vocabulary, URIRef("https://schema.org/")),
            (CATALOGUE, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")),
            (CATALOGUE, DCTERMS.license, URIRef("https://creativecommons.org/publicdomain/zero/1.0/")),
            (CATALOGUE, VOID.subset, DATASET),
            (CATALOGUE, VOID.subset, URIRef(BASE + "/datasets/CUG/geological_specimen")),
            (CATALOGUE, VOID.subset, URIRef(BASE + "/vocabularies/")),
            (URIRef(BASE + "/vocabularies/"), VOID.rootResource, URIRef(BASE + "/vocabularies/sex/")),
            (DATASET, DCTERMS.publisher, URIRef(BASE + "/centers/IHB"))} <= set(graph)
    assert list(graph.objects(CATALOGUE, VOID.sparqlEndpoint)) == []
    example = graph.value(DATASET, VOID.exampleResource)
    assert str(example).startswith(BASE + "/resources/IHB-biological_specimen-")


@pytest.mark.parametrize("path, accept, rdflib_format", [
    *((f"/void{suffix}", None, name) for suffix, name in SUFFIXES.items()),
    *(("/void", mimetype, name) for mimetype, name in RDF_FORMATS.items()),
    ("/.well-known/void", None, "turtle"),
    ("/void", "text/html,application/xhtml+xml,*/*;q=0.8", "turtle"),
])
def test_every_format_and_address_gives_the_same_description(reader, path, accept, rdflib_format):
    response = reader.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert isomorphic(parsed(response.data, rdflib_format), parsed(reader.get("/void.ttl").data, "turtle"))


def test_there_is_no_html_description(reader):
    response = reader.get("/void", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert "text/html" not in problem(response)["available"]


def test_counts_follow_changes(client, services):
    from tests.linked_data.conftest import create_centers
    create_centers(services)
    before = parsed(client.get("/void").data, "turtle").value(CATALOGUE, VOID.entities)
    services.resources.publish(OPERATOR, "IHB", "biological_specimen", [
        {"local_id": "NEW-1", "payload": {"basis_of_record": "PreservedSpecimen"}},
        {"local_id": "NEW-2", "sharing_mode": "confidential", "payload": {}}])
    after = parsed(client.get("/void").data, "turtle")
    assert (int(before), int(after.value(CATALOGUE, VOID.entities))) == (0, 1)
    assert after.value(DATASET, VOID.entities) == integer(1)
