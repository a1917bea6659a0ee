"""No search feature reveals a hidden record, on either engine: confidential records give no hit, count,
facet value, name or neighbour; restricted records are found only at their generalised place."""
from __future__ import annotations

import pytest

from catalog.app import build_services, create_app, initialise
from catalog.config import Settings
from catalog.permissions import Actor
from catalog.search.query import BoundingBox, Distance, Query, Range
from tests.services.conftest import tea

OPERATOR = Actor.operator()
ANYONE = Actor.anonymous()
SECRET = dict(scientific_name="Secretus confidentialis Li", name_zh="机密兰", name_en="Secret orchid",
              locality="神秘谷深处", decimal_latitude=31.4321, decimal_longitude=110.4321, event_date="2019-04-12")


@pytest.fixture(params=["embedded", "emulator"])
def services(request, tmp_path, database_values):
    values = {"CATALOG_VAR_DIR": str(tmp_path / "var"), **database_values}
    if request.param == "emulator":
        values["CATALOG_SEARCH_URL"] = request.getfixturevalue("emulator_url")
    built = build_services(Settings.from_env(values))
    if request.param == "emulator":
        built.backend.index_name = f"catalog-visibility-{tmp_path.name[-12:].lower()}"
    initialise(built)
    built.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                domain="plant_germplasm")
    built.centers.create_center(OPERATOR, "WHBG", "武汉植物园", "Wuhan Botanical Garden", domain="plant_germplasm")
    built.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [
        tea("OPEN1"), tea("OPEN2", scientific_name="Secretus confidentialis Li", event_date="2019-04-12",
                          decimal_latitude=31.4300, decimal_longitude=110.4300),
        tea("SECRET", "confidential", **SECRET),
        tea("RESTRICTED", "restricted", scientific_name="Paphiopedilum wardii Sumerh.", name_zh="彩云兜兰",
            locality="滇西北某山谷珍稀兰花点", decimal_latitude=30.4321, decimal_longitude=114.4321)])
    built.resources.publish(OPERATOR, "WHBG", "plant_germplasm", [tea("TWIN", **SECRET)])
    built.jobs.wait()
    built.indexer.drain()
    yield built
    if hasattr(built.backend, "drop"):
        built.backend.drop()
    built.close()


def ids(result) -> set[str]:
    return {item["id"] for item in result.items}


def test_confidential_records_surface_through_no_search_feature(services):
    search = services.search
    everything = search.search(ANYONE, Query(facets=("taxon", "center", "sharing_mode", "decade"), size=100))
    assert everything.total == 4 and "HBPG-plant_germplasm-SECRET" not in ids(everything)
    assert everything.facets["taxon"]["Secretus confidentialis Li"] == 2   # OPEN2 and TWIN, not SECRET
    assert "confidential" not in everything.facets["sharing_mode"]
    assert search.search(ANYONE, Query(text="神秘谷")).total == 1          # TWIN's locality only
    assert [(s["value"], s["count"]) for s in search.suggest(ANYONE, "机密")] == [("机密兰", 1)]
    assert [(s["value"], s["count"]) for s in search.suggest(ANYONE, "secretus")] == \
        [("Secretus confidentialis Li", 2)]
    near = search.search(ANYONE, Query(geo=Distance(31.4321, 110.4321, 0.1)))
    assert ids(near) == {"WHBG-plant_germplasm-TWIN"}
    related = search.same_taxon(ANYONE, "HBPG-plant_germplasm-OPEN2")
    assert ids(related) == {"WHBG-plant_germplasm-TWIN"} and related.facets == {"center": {"WHBG": 1}}
    assert [d["id"] for d in search.possible_duplicates(ANYONE, "HBPG-plant_germplasm-OPEN2")] == \
        ["WHBG-plant_germplasm-TWIN"]
    assert search.same_taxon(ANYONE, "HBPG-plant_germplasm-SECRET") is None
    assert search.possible_duplicates(ANYONE, "HBPG-plant_germplasm-SECRET") == []
    assert list(search.iter_identifiers(ANYONE, Query(filters={"center": ("HBPG",)}))) == \
        ["HBPG-plant_germplasm-OPEN1", "HBPG-plant_germplasm-OPEN2", "HBPG-plant_germplasm-RESTRICTED"]


def test_restricted_records_are_found_only_at_their_generalised_place(services):
    search = services.search
    precise = BoundingBox(30.43, 114.43, 30.434, 114.434)
    assert search.search(ANYONE, Query(geo=precise)).total == 0
    assert search.search(ANYONE, Query(geo=Distance(30.4321, 114.4321, 1))).total == 0
    cell = search.search(ANYONE, Query(geo=BoundingBox(30.4, 114.4, 30.5, 114.5)))
    (found,) = cell.items
    assert (found["latitude"], found["longitude"], found["locality"]) == (30.45, 114.45, None)
    assert search.search(ANYONE, Query(text="珍稀兰花")).total == 0      # the withheld locality is not searchable
    assert search.search(ANYONE, Query(ranges={"latitude": Range(30.432, 30.433)})).total == 0
    assert search.search(ANYONE, Query(text="兜兰")).highlights == \
        {"HBPG-plant_germplasm-RESTRICTED": {"title_zh": "彩云<mark>兜兰</mark>"}}


def test_the_api_answers_the_same_and_hides_the_same(services):
    client = create_app(services=services).test_client()
    body = client.get("/api/records?q=secretus&facet=taxon&facet=center").get_json()
    assert body["total"] == 2 and body["facets"]["center"] == {"HBPG": 1, "WHBG": 1}
    assert client.get("/api/records/suggest?q=机密").get_json() == \
        {"items": [{"value": "机密兰", "kind": "vernacular", "count": 1}]}
    assert client.get("/api/records/HBPG-plant_germplasm-SECRET/related").status_code == 404
    related = client.get("/api/records/HBPG-plant_germplasm-OPEN2/related").get_json()
    assert [d["id"] for d in related["possible_duplicates"]] == ["WHBG-plant_germplasm-TWIN"]
    page = client.get("/api/records?size=2&sort=-id").get_json()
    assert [i["id"] for i in page["items"]] == ["WHBG-plant_germplasm-TWIN", "HBPG-plant_germplasm-RESTRICTED"]
    following = client.get(page["links"]["next"]).get_json()
    assert [i["id"] for i in following["items"]] == ["HBPG-plant_germplasm-OPEN2", "HBPG-plant_germplasm-OPEN1"]
    assert following["next_cursor"] is None
    problem = client.get("/api/records?range=year:2020,2010")
    assert problem.status_code == 400 and problem.get_json()["code"] == "invalid_input"
    assert "范围" in problem.get_json()["message"]["zh"]
