"""The demo data generator: deterministic, complete, well-formed and clearly labelled."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

import pytest
from sqlalchemy import String

from catalog.demo.data import (DEMO_CENTERS, DEMO_DEPARTMENTS, DEMO_USERS, DUPLICATE_PAIRS, demo_resources)
from catalog.enums import Domain, Role, SharingMode
from catalog.models import Resource

RESOURCE_KEYS = {
    "center", "domain", "local_id", "name_zh", "name_en", "scientific_name", "country_code", "admin_division",
    "locality", "decimal_latitude", "decimal_longitude", "coordinate_uncertainty_m", "geodetic_datum",
    "event_date", "preservation_method", "preservation_place", "preservation_status", "availability",
    "sharing_mode", "quantity", "licence", "rights_holder", "payload",
}
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(demo_resources())


def test_same_seed_same_records_and_other_seed_differs(records):
    assert list(demo_resources()) == records
    assert list(demo_resources(seed=7, per_center=40)) == list(demo_resources(seed=7, per_center=40))
    assert list(demo_resources(seed=8, per_center=40)) != list(demo_resources(seed=7, per_center=40))


def test_default_size_and_every_domain_and_center_present(records):
    assert len(records) >= 3000
    assert {r["domain"] for r in records} == {d.value for d in Domain}
    assert {r["center"] for r in records} == {c["code"] for c in DEMO_CENTERS}
    assert {c["domain"] for c in DEMO_CENTERS} == {d.value for d in Domain}
    small = list(demo_resources(per_center=3))
    assert len(small) == 3 * len(DEMO_CENTERS)


def test_records_have_exactly_the_resource_keys_and_demo_payload(records):
    for r in records:
        assert set(r) == RESOURCE_KEYS
        assert r["payload"]["demo"] is True
        assert "演示数据" in r["payload"]["remarks"] and "Demo data" in r["payload"]["remarks"]
        assert r["name_zh"] and r["name_en"]


def test_local_ids_unique_and_url_safe(records):
    keys = [(r["center"], r["domain"], r["local_id"]) for r in records]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[A-Za-z0-9._]+", r["local_id"]) for r in records)


def test_centers_and_departments(records):
    departments = {d["code"] for d in DEMO_DEPARTMENTS}
    assert 2 <= len(departments) <= 3
    assert all(re.fullmatch(r"[A-Z]+", code) for code in departments)
    assert len(DEMO_CENTERS) >= 6
    assert len({c["code"] for c in DEMO_CENTERS}) == len(DEMO_CENTERS)
    for center in DEMO_CENTERS:
        assert set(center) == {"code", "name_zh", "name_en", "domain", "host_institution_zh",
                               "host_institution_en", "department"}
        assert re.fullmatch(r"[A-Z0-9]{3,10}", center["code"])
        assert center["name_zh"].startswith("【演示】")
        assert center["name_en"].startswith("[Demo] ")
        assert center["department"] in departments
        assert center["host_institution_zh"] and center["host_institution_en"]
    domain_of = {c["code"]: c["domain"] for c in DEMO_CENTERS}
    assert all(r["domain"] == domain_of[r["center"]] for r in records)


def test_coordinates_inside_china_and_hubei(records):
    with_coordinates = [r for r in records if r["decimal_latitude"] is not None]
    assert len(with_coordinates) > 0.8 * len(records)
    for r in records:
        lat, lon = r["decimal_latitude"], r["decimal_longitude"]
        assert (lat is None) == (lon is None)
        if lat is None:
            continue
        assert 18 <= lat <= 54 and 73 <= lon <= 135, r
        assert r["geodetic_datum"] in ("WGS84", "CGCS2000")
        assert r["coordinate_uncertainty_m"] and r["coordinate_uncertainty_m"] > 0
        if (r["admin_division"] or "").startswith("42"):
            assert 29.0 <= lat <= 33.3 and 108.3 <= lon <= 116.1, r


def test_places_are_well_formed(records):
    for r in records:
        assert r["country_code"] is None or re.fullmatch(r"[A-Z]{2}", r["country_code"])
        assert r["admin_division"] is None or re.fullmatch(r"\d{6}", r["admin_division"])
    codes = Counter(r["country_code"] for r in records)
    assert codes["CN"] > 0.9 * len(records)
    assert sum(1 for r in records if r["locality"] and re.search(r"[\u4e00-\u9fff]", r["locality"])) > 1000
    assert any((r["admin_division"] or "").startswith("42") for r in records)
    assert any(r["admin_division"] and not r["admin_division"].startswith("42") for r in records)


def test_event_dates_parse_and_are_not_in_the_future(records):
    today = date.today()
    for r in records:
        match = DATE_PATTERN.match(r["event_date"] or "")
        assert match, r["event_date"]
        year, month, day = (int(part) if part else None for part in match.groups())
        assert 1950 <= year <= today.year
        parsed = date(year, month or 1, day or 1)
        assert parsed <= today


def test_geological_ages_are_ordered(records):
    fossils = 0
    for r in records:
        if r["domain"] != Domain.GEOLOGICAL_SPECIMEN.value:
            continue
        payload = r["payload"]
        if payload.get("min_age_ma") is not None or payload.get("max_age_ma") is not None:
            assert payload["min_age_ma"] < payload["max_age_ma"]
        if payload["sample_type"] == "fossil":
            fossils += 1
            assert payload["basisOfRecord"] == "FossilSpecimen" and r["scientific_name"]
    assert fossils > 0


def test_sharing_modes_licences_and_availability(records):
    modes = Counter(r["sharing_mode"] for r in records)
    assert set(modes) <= {m.value for m in SharingMode}
    assert modes[SharingMode.CONFIDENTIAL.value] > 0
    assert 0.6 < modes[SharingMode.OPEN.value] / len(records) < 0.8
    assert {r["licence"] for r in records} == {"CC-BY-4.0", "CC0-1.0", "CC-BY-NC-4.0"}
    assert {r["availability"] for r in records} == {"available", "limited", "unavailable"}


def test_domain_payloads(records):
    by_domain = defaultdict(list)
    for r in records:
        by_domain[r["domain"]].append(r)
    for r in by_domain[Domain.PLANT_GERMPLASM.value]:
        assert r["payload"]["ACCENUMB"] == r["local_id"]
        assert r["scientific_name"].startswith(f"{r['payload']['GENUS']} {r['payload']['SPECIES']}")
    for r in by_domain[Domain.MICROBIAL_STRAIN.value]:
        assert r["payload"]["risk_group"] in (1, 2, 3, 4)
        assert r["payload"]["biosafety_level"] in ("BSL-1", "BSL-2")
    for r in by_domain[Domain.ANIMAL_GERMPLASM.value]:
        assert r["payload"]["material_type"] in ("semen", "embryo", "oocyte", "tissue", "cell", "dna",
                                                 "live_animal")
        assert r["payload"]["sex"] in ("male", "female", "unknown")
    for r in by_domain[Domain.BIOLOGICAL_SPECIMEN.value]:
        assert r["payload"]["catalogNumber"] == r["local_id"]
        assert r["payload"]["scientificName"] == r["scientific_name"]


def test_values_fit_the_resource_columns(records):
    limits = {column.name: column.type.length for column in Resource.__table__.columns
              if isinstance(column.type, String) and column.type.length and column.name in RESOURCE_KEYS}
    for r in records:
        for name, limit in limits.items():
            assert r[name] is None or len(str(r[name])) <= limit, (name, r[name])


def test_demo_users_one_per_role():
    roles = {u["role"] for u in DEMO_USERS}
    assert {Role.RESEARCHER.value, Role.CURATOR.value, Role.REVIEWER.value, Role.ADMIN.value} <= roles
    assert len({u["username"] for u in DEMO_USERS}) == len(DEMO_USERS)
    by_role = {u["role"]: u for u in DEMO_USERS}
    assert by_role[Role.CURATOR.value]["center"] == DEMO_CENTERS[0]["code"]
    assert by_role[Role.REVIEWER.value]["department"] == DEMO_DEPARTMENTS[0]["code"]
    assert all(u["password"] and u["display_name"] for u in DEMO_USERS)


def test_possible_duplicates_span_two_centers(records):
    centers_of = defaultdict(set)
    for r in records:
        centers_of[(r["scientific_name"], r["locality"], r["event_date"])].add(r["center"])
    shared = {key: centers for key, centers in centers_of.items() if len(centers) >= 2}
    expected = sum(count for _, _, count in DUPLICATE_PAIRS)
    assert expected >= 10
    for first, second, count in DUPLICATE_PAIRS:
        pairs = [key for key, centers in shared.items() if {first, second} <= centers]
        assert len(pairs) >= count, (first, second, pairs)
