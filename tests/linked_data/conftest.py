"""Fixtures of the linked-data tests: a department, two centers and records of every sharing mode, among
them a few hundred whose text is as awkward as real data gets (quotes, backslashes, line breaks, control
characters, Chinese, emoji)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph

from catalog.app import create_app
from catalog.permissions import Actor
from schemas.validation import validate
from tests.databases import running_services
from tests.schemas.test_biological_specimen import CLEAN as SPECIMEN

OPERATOR = Actor.operator()
BASE = "http://127.0.0.1:5000"
SHAPES = Path(__file__).resolve().parents[2] / "catalog" / "linked_data" / "shapes.ttl"
RDF_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
               "application/n-triples": "nt"}
SUFFIXES = {".ttl": "turtle", ".jsonld": "json-ld", ".rdf": "xml", ".nt": "nt"}
TRICKY = ['He said "hello" twice', "a back\\slash, and \\n that is not a newline", "line one\nline two\r\nthree",
          "tab\there", "湖北省武汉市洪山区珞珈山", "controls \x00\x01\x08\x0b\x0c\x1f\x7f end",
          "next line \x85, line \u2028 and paragraph \u2029 separators", "emoji 🦋 beyond the BMP",
          "apostrophe ' <angle> & amp", "trailing backslash \\", "   spaced   "]
SHARING = ("open", "on_request", "restricted", "confidential")
# the awkward records whose sharing mode is not confidential, the clean one and the restricted one
PUBLIC_RECORDS = sum(1 for number in range(300) if SHARING[number % 4] != "confidential") + 2
RESTRICTED_ID = "IHB-biological_specimen-SECRET-PLACE"
CONFIDENTIAL_ID = "IHB-biological_specimen-HIDDEN-001"


def tricky_record(number: int) -> dict:
    text = TRICKY[number % len(TRICKY)]
    payload = {"basis_of_record": "PreservedSpecimen", "habitat": f"{text} #{number}", "remarks": text,
               "recorded_by": [text, "Li Si"], "sex": ("female", "male", "not-a-sex-code")[number % 3],
               "individual_count": number, "year": 1990 + number % 30, "state_province": "湖北省"}
    return {"local_id": f"T{number:04d}", "name_zh": f"标本{number}：{text}", "name_en": f"Specimen {number} {text}",
            "scientific_name": "Acipenser sinensis Gray, 1835", "country_code": "CN", "locality": text,
            "decimal_latitude": 30.0 + number / 1000, "decimal_longitude": 111.0 + number / 997,
            "coordinate_uncertainty_m": 100.0, "event_date": ("1998-05-01", "1998-05", "1998", "1998/1999")[number % 4],
            "sharing_mode": SHARING[number % 4], "licence": ("CC-BY-4.0", "CC0 1.0", "all rights reserved")[number % 3],
            "rights_holder": text if number % 5 else "https://ror.org/033vjfk17", "payload": payload}


def create_centers(services) -> None:
    services.centers.create_department(OPERATOR, "HBKJT", "湖北省科学技术厅", "Hubei Department of Science and Technology")
    services.centers.create_center(OPERATOR, "IHB", "水生生物标本馆", "Hydrobiology Specimen Center",
                                   domain="biological_specimen", host_institution_zh="中国科学院水生生物研究所",
                                   host_institution_en="Institute of Hydrobiology, CAS", department_code="HBKJT")
    services.centers.create_center(OPERATOR, "CUG", "地质标本馆", "Geological Specimen Center",
                                   domain="geological_specimen", department_code="HBKJT")


def publish_catalogue(services) -> None:
    """Three hundred awkward specimens, one clean one, one restricted one with a precise place and one
    confidential one; the CUG center holds only a confidential record outside its own domain."""
    records = [tricky_record(number) for number in range(300)]
    records.append(validate("biological_specimen", {**SPECIMEN, "sharing_mode": "open"}).record)
    records.append(validate("biological_specimen", {
        **SPECIMEN, "local_id": "SECRET-PLACE", "decimal_latitude": "30.7512", "decimal_longitude": "111.2834",
        "locality": "葛洲坝船闸下游三百米", "verbatim_locality": "葛洲坝船闸下游三百米左岸",
        "sharing_mode": "restricted"}).record)
    records.append({"local_id": "HIDDEN-001", "name_zh": "绝密标本", "name_en": "Hidden specimen",
                    "sharing_mode": "confidential", "locality": "保密地点",
                    "payload": {"basis_of_record": "PreservedSpecimen", "remarks": "CONFIDENTIAL-MARKER"}})
    services.resources.publish(OPERATOR, "IHB", "biological_specimen", records)
    services.resources.publish(OPERATOR, "CUG", "plant_germplasm", [
        {"local_id": "P-1", "name_zh": "保密种质", "sharing_mode": "confidential", "payload": {}}])
    services.accounts.create_user(OPERATOR, "ihb-curator", "password-ihb-curator", "curator", center_code="IHB")


@pytest.fixture(scope="module")
def published(database, tmp_path_factory):
    """Services over the published catalogue, built once per test module (the tests only read it)."""
    with running_services(database, tmp_path_factory.mktemp("ld") / "var") as built:
        create_centers(built)
        publish_catalogue(built)
        yield built


@pytest.fixture(scope="module")
def reader(published):
    """A web client of the published catalogue."""
    application = create_app(services=published)
    application.config.update(TESTING=True)
    return application.test_client()


@pytest.fixture(scope="module")
def curator_token(published) -> str:
    """A bearer token of a curator of IHB, who may see its confidential and precise records."""
    return published.accounts.issue_token(published.accounts.authenticate("ihb-curator", "password-ihb-curator"),
                                          "linked data")


def parsed(body: bytes | str, rdflib_format: str, base: str = BASE) -> Graph:
    return Graph().parse(data=body, format=rdflib_format, publicID=base)


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _, text = shacl_validate(graph, shacl_graph=Graph().parse(SHAPES, format="turtle"), advanced=True)
    return ok, text


def problem(response) -> dict:
    assert response.mimetype == "application/problem+json"
    return json.loads(response.get_data(as_text=True))
