"""The field reference and the vocabularies, rendered from the declarations in both languages."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS


def test_field_reference_in_both_languages(client):
    chinese = client.get("/reference/fields/biological_specimen?lang=zh").get_data(as_text=True)
    assert "馆藏号" in chinese and "记录类型" in chinese and "必填" in chinese
    assert 'href="http://rs.tdwg.org/dwc/terms/basisOfRecord"' in chinese
    english = client.get("/reference/fields/biological_specimen?lang=en").get_data(as_text=True)
    assert "Catalogue number" in english and "Basis of record" in english and "required" in english
    assert client.get("/reference/fields/rocks").status_code == 404


def test_vocabulary_pages_and_turtle(client):
    page = client.get("/vocabularies/sharing_mode?lang=zh").get_data(as_text=True)
    assert "依申请共享" in page and "On request" in page
    turtle = client.get("/vocabularies/sharing_mode", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    concept = URIRef("http://127.0.0.1:5000/vocabularies/sharing_mode/on_request")
    assert (concept, SKOS.notation, Literal("on_request")) in graph
    assert (concept, SKOS.prefLabel, Literal("依申请共享", lang="zh")) in graph
    assert client.get("/vocabularies/sharing_mode.ttl").mimetype == "text/turtle"


def test_concept_uris_resolve(client):
    html = client.get("/vocabularies/admin_division/420111?lang=zh").get_data(as_text=True)
    assert "洪山区" in html and "武汉市" in html and "湖北省" in html
    turtle = client.get("/vocabularies/chronostratigraphy/Jurassic.ttl")
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    jurassic = URIRef("http://127.0.0.1:5000/vocabularies/chronostratigraphy/Jurassic")
    assert (jurassic, SKOS.exactMatch, URIRef("http://resource.geosciml.org/classifier/ics/ischart/Jurassic")) in graph
    assert client.get("/vocabularies/chronostratigraphy/Nonesuch").status_code == 404
    assert client.get("/vocabularies/nonesuch").status_code == 404
