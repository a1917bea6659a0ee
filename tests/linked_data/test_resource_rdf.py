"""A resource's URI answers in every RDF format with the Darwin Core RDF guide's terms, chosen by Accept or
by suffix; the HTML page stays the default and links to the formats."""
from __future__ import annotations

import re

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, Namespace

from tests.linked_data.conftest import BASE, OPERATOR, RDF_FORMATS, SUFFIXES, create_centers, parsed, problem

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DWC = Namespace("http://rs.tdwg.org/dwc/terms/")
DWCIRI = Namespace("http://rs.tdwg.org/dwc/iri/")
SCHEMA = Namespace("https://schema.org/")
XMP = Namespace("http://ns.adobe.com/xap/1.0/rights/")
CLEAN = "/resources/IHB-biological_specimen-IHB-F-000123"
SUBJECT = URIRef(BASE + CLEAN)


@pytest.mark.parametrize("mimetype", sorted(RDF_FORMATS))
def test_every_format_by_accept_gives_the_same_graph_of_the_record(reader, mimetype):
    response = reader.get(CLEAN, headers={"Accept": mimetype})
    assert response.status_code == 200 and response.mimetype == mimetype
    assert "Accept" in response.headers["Vary"]
    graph = parsed(response.data, RDF_FORMATS[mimetype])
    expected = {
        (SUBJECT, RDF.type, DWC.PreservedSpecimen),
        (SUBJECT, RDF.type, URIRef("http://purl.org/dc/dcmitype/PhysicalObject")),
        (SUBJECT, DWC.basisOfRecord, Literal("PreservedSpecimen")),
        (SUBJECT, DCTERMS.identifier, Literal("IHB-biological_specimen-IHB-F-000123")),
        (SUBJECT, DWC.catalogNumber, Literal("IHB-F-000123")),
        (SUBJECT, DWC.scientificName, Literal("Acipenser sinensis Gray, 1835")),
        (SUBJECT, DWC.decimalLatitude, Literal("30.7", datatype=XSD.decimal)),
        (SUBJECT, DWC.decimalLongitude, Literal("111.28", datatype=XSD.decimal)),
        (SUBJECT, DWC.coordinateUncertaintyInMeters, Literal("1000.0", datatype=XSD.decimal)),
        (SUBJECT, DWC.eventDate, Literal("1998-05-01", datatype=XSD.date)),
        (SUBJECT, DWC.individualCount, Literal("1", datatype=XSD.integer)),
        (SUBJECT, DWC.locality, Literal("湖北省宜昌市葛洲坝下游江段", lang="zh")),
        (SUBJECT, DWC.recordedBy, Literal("Zhang San")),
        (SUBJECT, DWC.recordedBy, Literal("Li Si")),
        (SUBJECT, DWC.countryCode, Literal("CN")),
        (SUBJECT, DWCIRI.sex, URIRef(BASE + "/vocabularies/sex/female")),
        (SUBJECT, DCTERMS.accessRights, URIRef(BASE + "/vocabularies/sharing_mode/open")),
        (SUBJECT, SCHEMA.isPartOf, URIRef(BASE + "/datasets/IHB/biological_specimen")),
        (SUBJECT, SCHEMA.provider, URIRef(BASE + "/centers/IHB")),
        (SUBJECT, SCHEMA.name, Literal("中华鲟", lang="zh")),
    }
    assert expected - set(graph) == set()
    assert graph.value(SUBJECT, DCTERMS.modified).datatype == XSD.dateTime
    # basisOfRecord is a class, never a dwciri: value; dwc: terms never take an IRI
    assert list(graph.objects(SUBJECT, DWCIRI.basisOfRecord)) == []
    assert [o for p, o in graph.predicate_objects(SUBJECT) if str(p).startswith(str(DWC))
            and isinstance(o, URIRef)] == []
    assert isomorphic(graph, parsed(reader.get(CLEAN + ".ttl").data, "turtle"))


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_a_suffix_wins_over_accept(reader, suffix):
    response = reader.get(CLEAN + suffix, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert (SUBJECT, DWC.catalogNumber, Literal("IHB-F-000123")) in parsed(response.data, SUFFIXES[suffix])


@pytest.mark.parametrize("accept, expected", [
    (None, "text/html"),
    ("*/*", "text/html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("application/rdf+xml;q=0.5, text/turtle;q=0.9", "text/turtle"),
    ("application/x-turtle", "text/turtle"),
    ("text/html;q=0.1, application/ld+json", "application/ld+json"),
    ("application/n-triples, text/html;q=0.5", "application/n-triples"),
])
def test_negotiation_picks_the_preferred_format(reader, accept, expected):
    response = reader.get(CLEAN, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == expected
    assert "Accept" in response.headers.get("Vary", "")


@pytest.mark.parametrize("accept", ["image/png", "application/json", "text/csv;q=1, text/html;q=0"])
def test_unsupported_types_are_406_problems_that_list_the_formats(reader, accept):
    response = reader.get(CLEAN, headers={"Accept": accept})
    assert response.status_code == 406
    body = problem(response)
    assert body["code"] == "not_acceptable" and body["status"] == 406
    assert body["available"] == ["text/html", "text/turtle", "application/ld+json", "application/rdf+xml",
                                 "application/n-triples"]
    assert body["message"]["zh"] and body["message"]["en"]


def test_unknown_resources_are_404_in_every_format(reader):
    for path in ("/resources/IHB-biological_specimen-NOPE.ttl", "/resources/IHB-biological_specimen-NOPE"):
        assert reader.get(path, headers={"Accept": "text/turtle"}).status_code == 404


def test_identifiers_with_awkward_characters_get_safe_uris_that_resolve(client, services):
    create_centers(services)
    services.resources.publish(OPERATOR, "IHB", "biological_specimen", [
        {"local_id": 'A 1#2?3%4"<5>', "payload": {"basis_of_record": "PreservedSpecimen"}},
        {"local_id": "X.ttl", "payload": {"basis_of_record": "PreservedSpecimen"}}])
    turtle = client.get("/resources/IHB-biological_specimen-A%201%232%3F3%254%22%3C5%3E.ttl")
    assert turtle.status_code == 200
    graph = parsed(turtle.data, "turtle")
    subject = URIRef(BASE + "/resources/IHB-biological_specimen-A%201%232%3F3%254%22%3C5%3E")
    assert (subject, DCTERMS.identifier, Literal('IHB-biological_specimen-A 1#2?3%4"<5>')) in graph
    page = client.get("/resources/IHB-biological_specimen-A%201%232%3F3%254%22%3C5%3E").get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" type="text/turtle">', page).group(1)
    assert link == "/resources/IHB-biological_specimen-A%201%232%3F3%254%22%3C5%3E.ttl"
    # an identifier that itself ends like a suffix still has its page, and its own .ttl
    page = client.get("/resources/IHB-biological_specimen-X.ttl", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    turtle = client.get("/resources/IHB-biological_specimen-X.ttl.ttl")
    assert (URIRef(BASE + "/resources/IHB-biological_specimen-X.ttl"), DWC.catalogNumber, Literal("X.ttl")) \
        in parsed(turtle.data, "turtle")


def test_licences_and_rights_follow_the_rdf_guide(reader):
    graph = parsed(reader.get("/resources/IHB-biological_specimen-T0000.ttl").data, "turtle")
    subject = URIRef(BASE + "/resources/IHB-biological_specimen-T0000")
    assert graph.value(subject, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(subject, DCTERMS.rightsHolder) == URIRef("https://ror.org/033vjfk17")
    graph = parsed(reader.get("/resources/IHB-biological_specimen-T0002.ttl").data, "turtle")
    subject = URIRef(BASE + "/resources/IHB-biological_specimen-T0002")
    assert graph.value(subject, DCTERMS.license) is None
    assert graph.value(subject, XMP.UsageTerms) == Literal("all rights reserved")
    assert graph.value(subject, XMP.Owner) == Literal("line one\nline two\r\nthree")
    # a value outside the vocabulary stays a dwc: literal instead of becoming an invented IRI
    assert graph.value(subject, DWC.sex) == Literal("not-a-sex-code")
    assert graph.value(subject, DWCIRI.sex) is None


def test_the_record_page_links_to_every_format(reader):
    page = reader.get(CLEAN + "?lang=zh").get_data(as_text=True)
    assert "关联数据" in page
    for suffix in SUFFIXES:
        assert f'href="{CLEAN}{suffix}"' in page


def test_rdf_xml_stays_well_formed_when_text_has_control_characters(reader):
    """XML 1.0 cannot carry most control characters: RDF/XML shows them as U+FFFD, the other formats keep them
    (all but NUL, which no record keeps)."""
    path = "/resources/IHB-biological_specimen-T0005"
    subject = URIRef(BASE + path)
    xml = parsed(reader.get(path + ".rdf").data, "xml")
    assert xml.value(subject, DWC.habitat) == Literal("controls \ufffd\ufffd\ufffd\ufffd\ufffd\x7f end #5",
                                                       lang="en")
    for suffix in (".ttl", ".jsonld", ".nt"):
        graph = parsed(reader.get(path + suffix).data, SUFFIXES[suffix])
        assert graph.value(subject, DWC.habitat) == Literal("controls \x01\x08\x0b\x0c\x1f\x7f end #5", lang="en")
