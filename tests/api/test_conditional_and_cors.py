"""HTTP niceties of the read API: ETag and Last-Modified with 304s on records, CORS on read-only endpoints only."""
from __future__ import annotations

import pytest

from catalog.permissions import Actor
from tests.api.test_submissions_api import auth
from tests.services.conftest import registry, tea  # noqa: F401  (fixture)

OPERATOR = Actor.operator()
OPEN, RESTRICTED = "HBPG-plant_germplasm-P1", "HBPG-plant_germplasm-P3"


@pytest.fixture
def published(services, registry):  # noqa: F811
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("P1"), tea("P3", "restricted")])
    services.indexer.drain()
    return registry


def test_etag_and_last_modified_give_304s(client, services, published):
    first = client.get(f"/api/records/{OPEN}")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.status_code == 200 and etag.startswith('"') and first.headers["Cache-Control"] == "no-cache"
    assert "Authorization" in first.headers["Vary"] and "Cookie" in first.headers["Vary"]

    unchanged = client.get(f"/api/records/{OPEN}", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.data == b"" and unchanged.headers["ETag"] == etag
    assert client.get(f"/api/records/{OPEN}", headers={"If-Modified-Since": modified}).status_code == 304
    older = client.get(f"/api/records/{OPEN}", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert older.status_code == 200 and older.get_json()["id"] == OPEN

    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("P1", event_date="2020-05-01")])
    changed = client.get(f"/api/records/{OPEN}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["version"] == 2
    assert changed.headers["ETag"] != etag


def test_the_generalised_view_has_its_own_etag(client, services, published):
    public = client.get(f"/api/records/{RESTRICTED}")
    curator = services.accounts.issue_token(published["curator"], "reader", ["read"])
    precise = client.get(f"/api/records/{RESTRICTED}", headers=auth(curator))
    assert public.get_json()["decimal_latitude"] != precise.get_json()["decimal_latitude"]
    assert public.headers["ETag"] != precise.headers["ETag"]
    assert precise.headers["Cache-Control"] == "private, no-cache"
    # the public copy does not satisfy the curator's revalidation, nor the other way round
    again = client.get(f"/api/records/{RESTRICTED}", headers={**auth(curator), "If-None-Match": public.headers["ETag"]})
    assert again.status_code == 200 and again.get_json()["decimal_latitude"] == 30.2961
    assert client.get(f"/api/records/{RESTRICTED}",
                      headers={"If-None-Match": precise.headers["ETag"]}).status_code == 200


@pytest.mark.parametrize("path", ["/api/records", f"/api/records/{OPEN}", "/api/centers", "/api/centers/HBPG",
                                  "/api/schemas", "/api/schemas/plant_germplasm.json", "/vocabularies/"])
def test_read_only_endpoints_allow_any_origin_without_credentials(client, published, path):
    response = client.get(path, headers={"Origin": "https://data.example.org"})
    assert response.status_code == 200, path
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]


def test_preflight_for_a_bearer_read(client, published):
    response = client.options(f"/api/records/{OPEN}", headers={
        "Origin": "https://data.example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization, if-none-match"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert set(response.headers["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert set(response.headers["Access-Control-Allow-Headers"].split(", ")) == {"authorization", "if-none-match"}


@pytest.mark.parametrize("method, path", [("get", "/api/submissions"), ("options", "/api/submissions"),
                                          ("get", "/api/tokens"), ("options", "/api/tokens"),
                                          ("options", "/api/tokens/1")])
def test_endpoints_a_session_can_write_get_no_cors(client, published, method, path):
    response = getattr(client, method)(path, headers={"Origin": "https://evil.example.org",
                                                      "Access-Control-Request-Method": "POST"})
    assert not any(name.startswith("Access-Control-") for name in response.headers.keys()), path
