"""Who may see and do what: a request exists only for its requester, its center's curators and admins (404 for
everyone else on every URL and action); confidential records are never requested nor shown."""
from __future__ import annotations

import io

import pytest

from catalog.sharing.enums import RequestAction
from tests.sharing.api import act, assert_problem, auth, call, checkout, submit
from tests.sharing.conftest import OPERATOR, P1, P2_CONFIDENTIAL, record

OUTSIDERS = ("bob", "min", "geo", "rev")
MULTIPART = "multipart"


def send(client, method: str, path: str, body, headers=None):
    if body == MULTIPART:
        return client.open(path, method=method, headers=headers, content_type="multipart/form-data",
                           data={"kind": "lab_qualification", "file": (io.BytesIO(b"%PDF-1.4"), "lab.pdf")})
    return client.open(path, method=method, headers=headers, json=body)


def request_urls(request_id: int, document_id: int) -> list[tuple[str, str, object]]:
    base = f"/api/requests/{request_id}"
    return [("GET", base, None), ("PATCH", base, {"intended_use": "x", "request_type": "data", "purpose": "academic"}),
            ("GET", f"{base}/messages", None), ("POST", f"{base}/messages", {"body": "hello"}),
            ("GET", f"{base}/documents", None), ("POST", f"{base}/documents", MULTIPART),
            ("GET", f"{base}/documents/{document_id}", None),
            ("GET", f"{base}/outputs", None),
            ("POST", f"{base}/outputs", {"kind": "paper", "title": "t", "doi": "10.1234/x"}),
            *(("POST", f"{base}/{action.value}", {}) for action in RequestAction)]


@pytest.fixture
def under_review(client, tokens):
    (created,) = checkout(client, tokens["ada"], [P1], "material", "academic")
    submit(client, tokens["ada"], created["id"])
    act(client, tokens["cui"], created["id"], "start_review")
    response = client.post(f"/api/requests/{created['id']}/documents", headers=auth(tokens["ada"]),
                           data={"kind": "lab_qualification", "file": (io.BytesIO(b"%PDF-1.4 BSL-2"), "资质.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    return created["id"], response.get_json()["id"]


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_every_request_url_and_action_is_not_found_for_outsiders(client, tokens, under_review, outsider):
    request_id, document_id = under_review
    for method, path, body in request_urls(request_id, document_id):
        assert_problem(send(client, method, path, body, auth(tokens[outsider])), 404, "not_found")
    if outsider == "bob":
        assert call(client, tokens["bob"], "GET", "/api/requests?scope=mine")["items"] == []
    assert call(client, tokens[outsider], "GET", "/api/requests?scope=center")["items"] == []
    assert call(client, tokens["ada"], "GET", f"/api/requests/{request_id}")["state"] == "under_review"


def test_anonymous_callers_learn_nothing(client, under_review):
    request_id, document_id = under_review
    for method, path, body in request_urls(request_id, document_id):
        assert_problem(send(client, method, path, body), 401, "unauthenticated")
    for path in ("/api/cart", "/api/notifications", "/api/requests", "/api/centers/HBPG/service-figures"):
        assert_problem(client.get(path), 401, "unauthenticated")


def test_the_center_and_admins_see_the_request_and_its_document(client, tokens, under_review):
    request_id, document_id = under_review
    for name in ("cui", "adm"):
        shown = call(client, tokens[name], "GET", f"/api/requests/{request_id}")
        assert [d["file"] for d in shown["documents"]] == ["资质.pdf"]
        download = client.get(f"/api/requests/{request_id}/documents/{document_id}", headers=auth(tokens[name]))
        assert download.status_code == 200 and download.data == b"%PDF-1.4 BSL-2"
        assert download.headers["X-Content-Type-Options"] == "nosniff"


def test_confidential_records_cannot_be_requested_by_anyone(client, services, tokens):
    assert_problem(client.post("/api/cart/items", headers=auth(tokens["ada"]), json={"resource": P2_CONFIDENTIAL}),
                   404, "not_found", field="resource")
    for insider in ("cui", "adm"):  # they may see it, but nobody may request it
        assert_problem(client.post("/api/cart/items", headers=auth(tokens[insider]),
                                   json={"resource": P2_CONFIDENTIAL}), 403, "forbidden", field="resource")
    assert_problem(client.post("/api/cart/items", headers=auth(tokens["ada"]), json={"resource": "HBPG-nope"}),
                   404, "not_found")
    assert_problem(client.post("/api/cart/items", headers=auth(tokens["ada"]), json={"resource": P1, "quantity": 0}),
                   400, "invalid_input", field="quantity")
    assert_problem(client.post("/api/cart/checkout", headers=auth(tokens["ada"]),
                               json={"request_type": "data", "purpose": "academic", "intended_use": "x"}),
                   409, "invalid_state")


def test_a_record_made_confidential_after_it_was_added_leaves_cart_and_draft(client, services, tokens):
    ada = tokens["ada"]
    (draft,) = checkout(client, ada, [P1], "data", "academic")
    call(client, ada, "POST", "/api/cart/items", {"resource": P1}, status=201)
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [
        record("P1", "恩施玉露茶树", "Enshi Yulu tea", "Camellia sinensis (L.) Kuntze", "confidential")])
    assert call(client, ada, "GET", "/api/cart") == {"items": []}
    assert_problem(client.post("/api/cart/checkout", headers=auth(ada),
                               json={"request_type": "data", "purpose": "academic", "intended_use": "x"}),
                   409, "invalid_state")
    detail = call(client, ada, "GET", f"/api/requests/{draft['id']}")
    response = client.post(f"/api/requests/{draft['id']}/submit", headers=auth(ada),
                           json={"accept_agreements": [a["id"] for a in detail["agreements"]]})
    assert_problem(response, 409, "invalid_state")
    assert P1 in response.get_json()["message"]["en"]


def test_notifications_are_private(client, tokens, under_review):
    mine = call(client, tokens["cui"], "GET", "/api/notifications")["items"]
    assert [n["event"] for n in mine] == ["document", "submit"]
    for outsider in ("ada", "bob"):
        assert_problem(client.post(f"/api/notifications/{mine[0]['id']}/read", headers=auth(tokens[outsider])),
                       404, "not_found")
    read = call(client, tokens["cui"], "POST", f"/api/notifications/{mine[0]['id']}/read")
    assert read["read_at"] is not None
    assert [n["id"] for n in call(client, tokens["cui"], "GET", "/api/notifications?unread=true")["items"]] == [
        mine[1]["id"]]


def test_a_curator_requesting_from_their_own_center_cannot_decide_on_it(client, tokens):
    (created,) = checkout(client, tokens["cui"], [P1], "data", "academic")
    shown = submit(client, tokens["cui"], created["id"])
    assert shown["actions"] == ["cancel"]
    assert_problem(client.post(f"/api/requests/{created['id']}/start_review", headers=auth(tokens["cui"])), 403,
                   "forbidden")
    assert act(client, tokens["adm"], created["id"], "start_review")["state"] == "under_review"
