"""The SHACL shapes of catalog/linked_data/shapes.ttl hold for everything published, in every domain and
format, and catch graphs that break them."""
from __future__ import annotations

import io

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from catalog.demo import load_demo
from catalog.linked_data.catalogue import write_dump
from tests.linked_data.conftest import BASE, RESTRICTED_ID, SUFFIXES, conforms, parsed

DWC = Namespace("http://rs.tdwg.org/dwc/terms/")
DWCIRI = Namespace("http://rs.tdwg.org/dwc/iri/")
SCHEMA = Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RECORD = URIRef(BASE + "/resources/IHB-biological_specimen-IHB-F-000123")
CENTER = URIRef(BASE + "/centers/IHB")
DATASET = URIRef(BASE + "/datasets/IHB/biological_specimen")
CATALOGUE = URIRef(BASE + "/void#catalogue")


@pytest.mark.parametrize("path", ["/resources/IHB-biological_specimen-IHB-F-000123", f"/resources/{RESTRICTED_ID}",
                                  "/resources/IHB-biological_specimen-T0004", "/centers/IHB",
                                  "/datasets/IHB/biological_specimen", "/void"])
@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_published_graphs_conform(reader, path, suffix):
    ok, report = conforms(parsed(reader.get(path + suffix).data, SUFFIXES[suffix]))
    assert ok, report


def test_the_whole_dump_of_every_domain_conforms(services):
    load_demo(services, per_center=4)
    dump = io.StringIO()
    write_dump(services, dump)
    graph = Graph().parse(data=dump.getvalue(), format="nt")
    domains = {str(o).rsplit("/", 1)[1] for o in graph.objects(None, SCHEMA.isPartOf) if "/datasets/" in str(o)}
    assert domains == {"plant_germplasm", "animal_germplasm", "microbial_strain", "biological_specimen",
                       "geological_specimen", "experimental_material"}
    ok, report = conforms(graph)
    assert ok, report


def broken(graph: Graph, remove=(), add=()) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    for triple in remove:
        copy.remove(triple)
    for triple in add:
        copy.add(triple)
    return copy


@pytest.mark.parametrize("path, remove, add, reason", [
    ("/resources/IHB-biological_specimen-IHB-F-000123", [(RECORD, DCTERMS.accessRights, None)], [],
     "dcterms:accessRights"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [], [(RECORD, DWCIRI.sex, Literal("female"))], "dwc/iri/sex"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [], [(RECORD, DWC.sex, URIRef(BASE + "/vocabularies/sex/male"))],
     "dwc/terms/sex"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [], [(RECORD, DWC.occurrenceID, Literal("urn:x"))],
     "occurrenceID"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [(RECORD, DWC.decimalLatitude, None)],
     [(RECORD, DWC.decimalLatitude, Literal("95.0", datatype=XSD.decimal))], "decimalLatitude"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [(RECORD, DWC.decimalLongitude, None)],
     [(RECORD, DWC.decimalLongitude, Literal("111.28"))], "decimalLongitude"),
    ("/resources/IHB-biological_specimen-IHB-F-000123", [(RECORD, SCHEMA.isPartOf, None)], [], "isPartOf"),
    ("/centers/IHB", [(CENTER, SCHEMA.name, Literal("水生生物标本馆", lang="zh"))], [], "schema:name"),
    ("/datasets/IHB/biological_specimen", [(DATASET, VOID.entities, None)], [], "void:entities"),
    ("/void", [], [(CATALOGUE, VOID.sparqlEndpoint, URIRef(BASE + "/sparql"))], "sparqlEndpoint"),
])
def test_a_broken_graph_fails(reader, path, remove, add, reason):
    graph = parsed(reader.get(path + ".ttl").data, "turtle")
    for triple in remove:
        assert list(graph.triples(triple)), "the triple to break must be there"
    ok, report = conforms(broken(graph, [t for r in remove for t in graph.triples(r)], add))
    assert not ok
    assert reason in report
