"""HTTP concerns: /healthz, the JSON read endpoints and problem JSON, pages in both languages, sign-in."""
from __future__ import annotations

import re

import pytest

from catalog.app import build_services, create_app, health, initialise
from catalog.config import Settings
from catalog.enums import Role
from catalog.permissions import Actor
from tests.services.conftest import registry, tea  # noqa: F401  (fixture)

OPERATOR = Actor.operator()


@pytest.fixture
def published(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                               [tea("P1"), tea("P2", "confidential"), tea("P3", "restricted")])
    services.indexer.drain()
    return registry


def test_healthz_reports_every_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "checks": {"database": "ok", "search": "ok", "storage": "ok",
                                                              "broker": "none"}}


def test_healthz_is_degraded_before_init_and_when_storage_breaks(tmp_path, empty_database):
    (tmp_path / "blocker").write_text("not a folder")
    settings = Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "var"), **empty_database(tmp_path / "var"),
                                  "CATALOG_STORAGE_URL": str(tmp_path / "blocker" / "store")})
    services = build_services(settings)
    try:
        report = health(services)
        assert report["status"] == "degraded"
        assert "run `catalog init`" in report["checks"]["database"]
        assert report["checks"]["storage"].startswith("error: ")
        response = create_app(services=services).test_client().get("/healthz")
        assert response.status_code == 503
    finally:
        services.close()


def test_healthz_reports_an_unreachable_broker(var_dir, database_values):
    settings = Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_BROKER_URL": "redis://127.0.0.1:1/0",
                                  **database_values})
    services = build_services(settings)
    try:
        initialise(services)
        report = health(services)
        assert report["status"] == "degraded" and report["checks"]["broker"].startswith("error: ")
        assert report["checks"]["database"] == "ok"
    finally:
        services.close()


def test_records_search_shape_and_no_confidential_leak(client, published):
    body = client.get("/api/records?q=恩施&facet=sharing_mode").get_json()
    assert body["total"] == 2
    assert sorted(item["id"] for item in body["items"]) == ["HBPG-plant_germplasm-P1", "HBPG-plant_germplasm-P3"]
    assert body["facets"] == {"sharing_mode": {"open": 1, "restricted": 1}}
    everything = client.get("/api/records?size=100").get_data(as_text=True)
    assert "P2" not in everything


def test_record_endpoint_hides_confidential_as_not_found(client, published):
    assert client.get("/api/records/HBPG-plant_germplasm-P1").get_json()["uri"] == \
        "http://127.0.0.1:5000/resources/HBPG-plant_germplasm-P1"
    response = client.get("/api/records/HBPG-plant_germplasm-P2")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["code"] == "not_found" and problem["status"] == 404
    assert set(problem["message"]) == {"en", "zh"}


def test_a_curator_token_sees_its_confidential_record(client, services, published):
    token = services.accounts.issue_token(published[Role.CURATOR], "script")
    response = client.get("/api/records/HBPG-plant_germplasm-P2", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.get_json()["sharing_mode"] == "confidential"
    bad = client.get("/api/records/HBPG-plant_germplasm-P1", headers={"Authorization": "Bearer cat_nope"})
    assert bad.status_code == 401 and bad.get_json()["code"] == "unauthenticated"


def test_bad_search_parameters_are_problems_not_crashes(client, published):
    for url in ("/api/records?filter=colour=red", "/api/records?filter=domain", "/api/records?size=1000",
                "/api/records?offset=999999"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.get_json()["code"] == "invalid_input"


@pytest.mark.parametrize("url, field", [
    ("/api/records/HBPG-plant_germplasm-A%00", "path"), ("/api/records?q=wheat%00", "q"),
    ("/api/requests?resource=x%00", "resource"), ("/api/centers/HB%00", "path")])
def test_a_nul_character_is_bad_input_not_a_database_error(client, published, url, field):
    """PostgreSQL cannot hold or compare a NUL: it is refused before any service sees it."""
    response = client.get(url)
    assert response.status_code == 400, response.get_data(as_text=True)
    problem = response.get_json()
    assert (problem["code"], problem["field"]) == ("invalid_input", field)
    assert "NUL" in problem["message"]["en"] and "NUL" in problem["message"]["zh"]


def test_a_page_refuses_a_nul_character_in_its_language(client, published):
    response = client.get("/search?q=%E5%B0%8F%E9%BA%A6%00&lang=zh")
    assert response.status_code == 400
    assert "NUL 字符" in response.get_data(as_text=True)


def test_centers_endpoint(client, published):
    items = client.get("/api/centers").get_json()["items"]
    assert [(c["code"], c["holdings"]) for c in items] == [("HBMS", {}), ("HBPG", {"plant_germplasm": 2})]
    assert client.get("/api/centers/NOPE").status_code == 404


def test_pages_in_both_languages(client, published):
    chinese = client.get("/?lang=zh").get_data(as_text=True)
    assert "湖北省自然科技资源库" in chinese and "各领域资源数量" in chinese and "植物种质资源" in chinese
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "Hubei Natural Science & Technology Resource Bank" in english
    assert "Plant germplasm" in english
    assert "Holdings by domain" in client.get("/").get_data(as_text=True)  # the choice persists
    results = client.get("/search?q=恩施&lang=zh").get_data(as_text=True)
    assert "共找到 2 条记录" in results and "HBPG-plant_germplasm-P2" not in results
    page = client.get("/resources/HBPG-plant_germplasm-P3?lang=en").get_data(as_text=True)
    assert "30.25" in page and "30.2961" not in page
    assert client.get("/resources/HBPG-plant_germplasm-P2").status_code == 404


def test_sign_in_needs_the_csrf_token(app, published):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    assert client.post("/login", data={"username": "cui", "password": "cui-password"}).status_code == 400
    form = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    wrong = client.post("/login", data={"username": "cui", "password": "nope", "csrf_token": token})
    assert wrong.status_code == 401
    signed_in = client.post("/login", data={"username": "cui", "password": "cui-password", "csrf_token": token})
    assert signed_in.status_code == 302
    assert client.get("/resources/HBPG-plant_germplasm-P2").status_code == 200
