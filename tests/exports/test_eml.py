"""eml.xml: well-formed, valid against the GBIF profile of EML 2.2.0, and carrying what GBIF requires: titles,
creator and contact, abstract, licence, publication date, language, and the citation with the persistent
identifier and the request to cite it."""
from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest

from catalog.exports.eml import DatasetFacts, gbif_licence
from catalog.exports.selection import Selection
from catalog.permissions import Actor
from tests.exports.helpers import EML_XSD, export_file, member, schema

EML = "{https://eml.ecoinformatics.org/eml-2.2.0}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def eml_of(demo, tmp_path, selection: Selection) -> ElementTree.Element:
    return ElementTree.fromstring(member(export_file(demo, Actor.anonymous(), "dwca", tmp_path, selection), "eml.xml"))


def test_a_dataset_export_carries_what_gbif_requires(demo, tmp_path):
    root = eml_of(demo, tmp_path, Selection(center="HBAASPG", domain="plant_germplasm"))
    assert root.tag == EML + "eml" and root.get("scope") == "system" and root.get("packageId").startswith("urn:uuid:")
    dataset = root.find("dataset")
    uri = "http://127.0.0.1:5000/datasets/HBAASPG/plant_germplasm"
    assert dataset.findtext("alternateIdentifier") == uri
    assert {title.get(LANG): title.text for title in dataset.findall("title")} == {
        "en": "Plant germplasm of [Demo] Hubei Crop Germplasm Bank", "zh": "【演示】湖北省农作物种质资源库植物种质资源数据集"}
    for agent in ("creator", "contact"):
        assert [name.text for name in dataset.find(agent).findall("organizationName")] == [
            "[Demo] Hubei Crop Germplasm Bank", "【演示】湖北省农作物种质资源库"]
        assert dataset.find(agent).findtext("onlineUrl") == "http://127.0.0.1:5000/centers/HBAASPG"
    assert date.fromisoformat(dataset.findtext("pubDate"))
    assert dataset.findtext("language") == "zho"
    assert len(dataset.find("abstract").findall("para")) == 2
    assert dataset.find("licensed").findtext("identifier") in ("CC0-1.0", "CC-BY-4.0", "CC-BY-NC-4.0")
    assert dataset.find("intellectualRights/para/ulink").get("url") == dataset.find("licensed").findtext("url")
    citation = root.find("additionalMetadata/metadata/gbif/citation")
    assert citation.get("identifier") == uri
    assert "Identifier HBAASPG-plant_germplasm." in citation.text and uri in citation.text
    request = dataset.findtext("additionalInfo/para")
    assert "Article 18" in request and "第十八条" in request and "HBAASPG-plant_germplasm-ACC" in request
    box = dataset.find("coverage/geographicCoverage/boundingCoordinates")
    assert float(box.findtext("westBoundingCoordinate")) <= float(box.findtext("eastBoundingCoordinate"))


@pytest.mark.parametrize("selection", [Selection(center="HBAASPG", domain="plant_germplasm"), Selection(),
                                       Selection(center="CUGGEO"),
                                       Selection(text="水稻", filters=(("domain", "plant_germplasm"),))])
def test_eml_is_valid_against_the_gbif_profile(demo, tmp_path, selection):
    etree = pytest.importorskip("lxml.etree")
    document = etree.fromstring(member(export_file(demo, Actor.anonymous(), "dwca", tmp_path, selection), "eml.xml"))
    profile = schema(EML_XSD)
    assert profile.validate(document), profile.error_log


def test_a_search_export_is_cited_by_its_search(demo, tmp_path):
    root = eml_of(demo, tmp_path, Selection(text="水稻", filters=(("domain", "plant_germplasm"),)))
    dataset = root.find("dataset")
    assert dataset.findtext("alternateIdentifier") == \
        "http://127.0.0.1:5000/api/records?q=%E6%B0%B4%E7%A8%BB&filter=domain%3Dplant_germplasm"
    assert {title.get(LANG): title.text for title in dataset.findall("title")} == {
        "en": "Resources of the Public Platform of the Hubei Natural Science & Technology Resource Bank: "
              "search “水稻”, domain=plant_germplasm",
        "zh": "湖北省自然科技资源库公共平台资源数据集：检索 “水稻”，domain=plant_germplasm"}


@pytest.mark.parametrize("text, spdx", [
    ("CC-BY-4.0", "CC-BY-4.0"), ("CC BY 4.0", "CC-BY-4.0"), ("http://creativecommons.org/licenses/by/4.0/legalcode",
                                                          "CC-BY-4.0"),
    ("CC0-1.0", "CC0-1.0"), ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
    ("CC BY-NC 4.0", "CC-BY-NC-4.0"), ("CC-BY-SA-4.0", "CC-BY-NC-4.0"), ("保留所有权利", "CC-BY-NC-4.0"),
    (None, "CC-BY-4.0"), ("", "CC-BY-4.0")])
def test_a_record_licence_maps_to_a_gbif_licence(text, spdx):
    assert gbif_licence(text) == spdx


def test_the_dataset_takes_the_most_restrictive_licence():
    facts = DatasetFacts()
    assert facts.licence == "CC-BY-4.0"
    for licence, expected in (("CC0-1.0", "CC0-1.0"), ("CC-BY-4.0", "CC-BY-4.0"), ("CC-BY-NC-4.0", "CC-BY-NC-4.0"),
                              ("CC0-1.0", "CC-BY-NC-4.0")):
        facts.add({"center": "C", "domain": "plant_germplasm", "id": "C-plant_germplasm-1", "licence": licence})
        assert facts.licence == expected
