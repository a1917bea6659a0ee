"""The record page lays fields out in the schema's groups, labelled in the page language."""
from __future__ import annotations

from catalog.permissions import Actor
from schemas.validation import validate
from tests.schemas.test_biological_specimen import CLEAN as SPECIMEN

OPERATOR = Actor.operator()


def publish(services, row, sharing_mode="open"):
    services.centers.create_center(OPERATOR, "IHB", "水生生物标本馆", "Hydrobiology Specimen Center",
                                   domain="biological_specimen")
    record = validate("biological_specimen", {**row, "sharing_mode": sharing_mode}).record
    services.resources.publish(OPERATOR, "IHB", "biological_specimen", [record])


def test_groups_and_vocabulary_labels_in_both_languages(client, services):
    publish(services, SPECIMEN)
    chinese = client.get("/resources/IHB-biological_specimen-IHB-F-000123?lang=zh").get_data(as_text=True)
    for text in ("分类", "产地", "记录类型", "保存标本 (PreservedSpecimen)", "雌 (female)", "湖北省宜昌市葛洲坝下游江段"):
        assert text in chinese, text
    english = client.get("/resources/IHB-biological_specimen-IHB-F-000123?lang=en").get_data(as_text=True)
    for text in ("Taxonomy", "Origin", "Basis of record", "Preserved Specimen (PreservedSpecimen)", "Female (female)"):
        assert text in english, text


def test_restricted_record_page_hides_the_precise_place(client, services):
    publish(services, {**SPECIMEN, "verbatim_locality": "葛洲坝船闸下游 300 米"}, "restricted")
    page = client.get("/resources/IHB-biological_specimen-IHB-F-000123?lang=zh").get_data(as_text=True)
    assert "葛洲坝" not in page and "111.28" not in page and ">30.75<" in page and ">111.25<" in page
    assert "精确坐标未公开" in page
