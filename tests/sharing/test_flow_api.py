"""The whole life of sharing requests over the JSON API: every type for academic and commercial use, rejection,
cancellation, and one cart across three centers followed to completion, with the figures it produces."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from catalog.models import AuditEntry
from catalog.sharing.figures import CHINA_TIME
from tests.sharing.api import act, assert_problem, auth, call, checkout, fulfil, submit
from tests.sharing.conftest import CURATOR_OF, G1, P1, P3_RESTRICTED, S1_LOW_RISK

FLOWS = [("material", "academic"), ("material", "commercial"), ("data", "academic"), ("data", "commercial"),
         ("service", "academic"), ("service", "commercial")]
COMMERCIAL_STEPS = ["request.quote", "request.accept_contract", "request.confirm_payment"]


@pytest.mark.parametrize(("request_type", "purpose"), FLOWS)
def test_each_type_and_purpose_runs_from_cart_to_feedback(client, services, tokens, request_type, purpose):
    ada, cui = tokens["ada"], tokens["cui"]
    (created,) = checkout(client, ada, [P1, P3_RESTRICTED], request_type, purpose)
    assert created["state"] == "draft" and created["center"]["code"] == "HBPG"
    assert [(i["resource"], i["quantity"]) for i in created["items"]] == [(P1, 2), (P3_RESTRICTED, 2)]
    assert "decimal_latitude" not in str(created) and "locality" not in created["items"][1]
    assert call(client, ada, "GET", "/api/cart") == {"items": []}

    draft = call(client, ada, "GET", f"/api/requests/{created['id']}")
    assert draft["actions"] == ["submit", "cancel"]
    assert [(a["domain"], a["scope"], a["version"], a["accepted_at"]) for a in draft["agreements"]] == [
        ("plant_germplasm", "platform", 1, None)]
    submitted = submit(client, ada, created["id"])
    assert submitted["state"] == "submitted" and submitted["agreements"][0]["accepted_at"]
    assert call(client, cui, "GET", f"/api/requests/{created['id']}")["actions"] == ["start_review", "reject"]

    completed = fulfil(client, ada, cui, created["id"], request_type, purpose)
    assert completed["state"] == "completed"
    assert P1 in completed["citation"] and f"http://127.0.0.1:5000/resources/{P1}" in completed["citation"]
    assert "请引用本资源" in completed["citation"] and "must cite it" in completed["citation"]
    assert all(completed["times"][name] for name in ("submitted_at", "decided_at", "approved_at", "fulfilled_at",
                                                     "completed_at"))
    assert (completed["quote"] is not None) == (purpose == "commercial")
    if purpose == "commercial":
        assert completed["quote"]["payment_reference"] == f"HBZF-{created['id']:06d}"
        assert [line["amount"] for line in completed["quote"]["line_items"]] == ["120.50", "60.00"]
    delivery = completed["delivery"]
    assert (delivery["tracking_number"] is not None) == (request_type == "material")
    assert (delivery["data_link"] is not None) == (request_type != "material")

    rated = act(client, ada, created["id"], "feedback", {"rating": 5, "text": "服务及时 / prompt service"})
    assert rated["state"] == "feedback" and rated["feedback"] == {"rating": 5, "text": "服务及时 / prompt service"}
    assert rated["actions"] == []

    output = call(client, ada, "POST", f"/api/requests/{created['id']}/outputs",
                  {"kind": "paper", "title": "茶树抗寒基因挖掘", "doi": "https://doi.org/10.1234/tea.2026.01",
                   "year": 2026, "resources": [P1]}, status=201)
    assert (output["doi"], output["resources"]) == ("10.1234/tea.2026.01", [P1])
    public = client.get(f"/api/outputs?resource={P1}").get_json()["items"]
    assert [(o["title"], o["resources"]) for o in public] == [("茶树抗寒基因挖掘", [P1])]

    with services.session_factory() as session:
        trail = session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "sharing_request",
                                                                AuditEntry.object_id == str(created["id"]))
                                .order_by(AuditEntry.id)).all()
    fulfilment = "request.ship" if request_type == "material" else "request.deliver"
    assert trail == ["request.create", "request.submit", "request.start_review", "request.approve",
                     *(COMMERCIAL_STEPS if purpose == "commercial" else []), fulfilment, "request.complete",
                     "request.feedback", "request.output"]


def test_rejection_needs_a_reason_and_tells_the_requester(client, tokens):
    ada, cui = tokens["ada"], tokens["cui"]
    (created,) = checkout(client, ada, [P1], "material", "academic")
    submit(client, ada, created["id"])
    assert_problem(client.post(f"/api/requests/{created['id']}/reject", headers=auth(cui), json={}),
                   400, "invalid_input", field="reason")
    assert_problem(client.post(f"/api/requests/{created['id']}/reject", headers=auth(cui), json={"reason": " "}),
                   400, "invalid_input", field="reason")
    rejected = act(client, cui, created["id"], "reject", {"reason": "该种质本年度停止分发 / not distributed this year"})
    assert rejected["state"] == "rejected" and rejected["rejection_reason"].startswith("该种质")
    assert rejected["actions"] == []
    assert_problem(client.post(f"/api/requests/{created['id']}/approve", headers=auth(cui)), 409, "invalid_state")
    notices = call(client, ada, "GET", "/api/notifications")["items"]
    assert notices[0]["event"] == "reject" and "not distributed this year" in notices[0]["body"]["en"]


def test_the_requester_cancels_until_shipping_but_not_after(client, tokens):
    ada, cui = tokens["ada"], tokens["cui"]
    first, second = (checkout(client, ada, [P1], "material", "academic")[0] for _ in range(2))
    submit(client, ada, first["id"])
    act(client, cui, first["id"], "start_review")
    act(client, cui, first["id"], "approve")
    cancelled = act(client, ada, first["id"], "cancel", {"reason": "项目调整 / project changed"})
    assert cancelled["state"] == "cancelled" and cancelled["cancel_reason"] == "项目调整 / project changed"
    assert_problem(client.post(f"/api/requests/{first['id']}/cancel", headers=auth(cui), json={}), 409,
                   "invalid_state")
    submit(client, ada, second["id"])
    act(client, cui, second["id"], "start_review")
    act(client, cui, second["id"], "approve")
    assert_problem(client.post(f"/api/requests/{second['id']}/cancel", headers=auth(cui), json={}), 403, "forbidden")
    act(client, cui, second["id"], "ship", {"tracking_number": "SF0000000001"})
    assert_problem(client.post(f"/api/requests/{second['id']}/cancel", headers=auth(ada), json={}), 409,
                   "invalid_state")


def test_three_centers_in_one_checkout_are_three_requests_each_completed(client, services, tokens):
    ada = tokens["ada"]
    created = checkout(client, ada, [G1, P1, S1_LOW_RISK], "material", "academic")
    assert sorted((r["center"]["code"], [i["resource"] for i in r["items"]]) for r in created) == [
        ("HBGS", [G1]), ("HBMS", [S1_LOW_RISK]), ("HBPG", [P1])]
    for shared in created:
        submit(client, ada, shared["id"])
        curator = tokens[CURATOR_OF[shared["center"]["code"]]]
        assert fulfil(client, ada, curator, shared["id"], "material", "academic")["state"] == "completed"
    year = datetime.now(CHINA_TIME).year
    mine = call(client, ada, "GET", "/api/requests?scope=mine")["items"]
    assert sorted(r["state"] for r in mine) == ["completed"] * 3
    for code, curator in CURATOR_OF.items():
        queue = call(client, tokens[curator], "GET", "/api/requests?scope=center")["items"]
        assert [r["center"]["code"] for r in queue] == [code]
        assert call(client, tokens[curator], "GET", "/api/requests?scope=mine")["items"] == []
        figures = call(client, tokens[curator], "GET", f"/api/centers/{code}/service-figures?year={year}")
        assert {k: figures[k] for k in ("received", "approved", "rejected", "fulfilled", "completed", "decided")} == {
            "received": 1, "approved": 1, "rejected": 0, "fulfilled": 1, "completed": 1, "decided": 1}


def test_a_session_reads_but_changes_need_a_token(client, services, world):
    assert_problem(client.get("/api/requests"), 401, "unauthenticated")
    assert_problem(client.post("/api/cart/items", json={"resource": P1}), 401, "unauthenticated")
    with client.session_transaction() as session:
        session["user_id"] = world.actors["ada"].user_id
    assert client.get("/api/cart").get_json() == {"items": []}
    assert_problem(client.post("/api/cart/items", json={"resource": P1}), 401, "unauthenticated")
