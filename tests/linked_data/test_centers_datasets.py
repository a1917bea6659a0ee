"""Centers and datasets (one center's holdings in one domain) at their own URIs: RDF in every format, and
the HTML pages by default."""
from __future__ import annotations

import pytest
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDFS

from tests.linked_data.conftest import BASE, PUBLIC_RECORDS, RDF_FORMATS, SUFFIXES, parsed

SCHEMA = Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
CENTER = URIRef(BASE + "/centers/IHB")
DATASET = URIRef(BASE + "/datasets/IHB/biological_specimen")


@pytest.mark.parametrize("mimetype", sorted(RDF_FORMATS))
def test_a_center_in_every_format(reader, mimetype):
    response = reader.get("/centers/IHB", headers={"Accept": mimetype})
    assert response.status_code == 200 and response.mimetype == mimetype
    graph = parsed(response.data, RDF_FORMATS[mimetype])
    assert {(CENTER, RDF.type, SCHEMA.Organization),
            (CENTER, DCTERMS.identifier, Literal("IHB")),
            (CENTER, SCHEMA.name, Literal("水生生物标本馆", lang="zh")),
            (CENTER, SCHEMA.name, Literal("Hydrobiology Specimen Center", lang="en")),
            (CENTER, URIRef(BASE + "/terms/hostInstitution"), Literal("Institute of Hydrobiology, CAS", lang="en")),
            (CENTER, DCTERMS.subject, URIRef(BASE + "/vocabularies/domain/biological_specimen")),
            (CENTER, RDFS.seeAlso, DATASET)} <= set(graph)
    assert isomorphic(graph, parsed(reader.get("/centers/IHB.ttl").data, "turtle"))


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_a_dataset_in_every_format(reader, suffix):
    response = reader.get("/datasets/IHB/biological_specimen" + suffix)
    assert response.status_code == 200
    graph = parsed(response.data, SUFFIXES[suffix])
    assert {(DATASET, RDF.type, SCHEMA.Dataset), (DATASET, RDF.type, VOID.Dataset),
            (DATASET, DCTERMS.title, Literal("水生生物标本馆 · 生物标本", lang="zh")),
            (DATASET, DCTERMS.title, Literal("Hydrobiology Specimen Center · Biological specimens", lang="en")),
            (DATASET, DCTERMS.publisher, CENTER), (DATASET, SCHEMA.provider, CENTER),
            (DATASET, SCHEMA.isPartOf, URIRef(BASE + "/void#catalogue")),
            (DATASET, DCTERMS.subject, URIRef(BASE + "/vocabularies/domain/biological_specimen")),
            (DATASET, VOID.uriSpace, Literal(BASE + "/resources/IHB-biological_specimen-")),
            (DATASET, VOID.entities, Literal(str(PUBLIC_RECORDS), datatype=XSD.integer))} <= set(graph)


def test_the_dataset_page_in_both_languages_links_to_its_rdf(reader):
    chinese = reader.get("/datasets/IHB/biological_specimen?lang=zh")
    assert chinese.mimetype == "text/html" and "Accept" in chinese.headers["Vary"]
    text = chinese.get_data(as_text=True)
    assert "水生生物标本馆 · 生物标本" in text and "数据集" in text and "公开记录数" in text
    assert 'href="/datasets/IHB/biological_specimen.ttl"' in text
    english = reader.get("/datasets/IHB/biological_specimen?lang=en").get_data(as_text=True)
    assert "Hydrobiology Specimen Center · Biological specimens" in english and "Public records" in english


def test_the_center_page_links_to_its_datasets_and_rdf(reader):
    page = reader.get("/centers/IHB?lang=zh").get_data(as_text=True)
    assert 'href="/datasets/IHB/biological_specimen"' in page and 'href="/centers/IHB.jsonld"' in page


@pytest.mark.parametrize("path", ["/datasets/IHB/rocks", "/datasets/IHB/rocks.ttl", "/datasets/NOPE/biological_specimen",
                                  "/datasets/IHB/geological_specimen.ttl", "/centers/NOPE", "/centers/NOPE.ttl"])
def test_unknown_centers_and_datasets_are_404(reader, path):
    assert reader.get(path).status_code == 404
    assert reader.get(path, headers={"Accept": "text/turtle"}).status_code == 404


def test_a_center_without_records_still_has_its_own_domain_dataset(reader):
    graph = parsed(reader.get("/datasets/CUG/geological_specimen.ttl").data, "turtle")
    subject = URIRef(BASE + "/datasets/CUG/geological_specimen")
    assert graph.value(subject, VOID.entities) == Literal("0", datatype=XSD.integer)
