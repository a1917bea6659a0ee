"""Agreements accepted by version, draft edits, messages between requester and center, and outputs reported
back, over the JSON API."""
from __future__ import annotations

from tests.sharing.api import act, assert_problem, auth, call, checkout, fulfil, submit
from tests.sharing.conftest import P1, S1_LOW_RISK

AGREEMENT = {"center": "HBPG", "domain": "plant_germplasm", "title_zh": "植物种质材料转让协议",
             "title_en": "Plant germplasm MTA", "text_zh": "仅限科研使用。", "text_en": "Research use only."}


def test_the_requester_accepts_the_version_in_force_when_submitting(client, tokens):
    ada = tokens["ada"]
    (draft,) = checkout(client, ada, [P1], "material", "academic")
    platform = call(client, ada, "GET", f"/api/requests/{draft['id']}")["agreements"][0]
    assert (platform["scope"], platform["version"]) == ("platform", 1)

    assert_problem(client.post("/api/agreements", headers=auth(tokens["min"]), json=AGREEMENT), 403, "forbidden")
    assert_problem(client.post("/api/agreements", headers=auth(tokens["cui"]), json={**AGREEMENT, "center": None}),
                   403, "forbidden")
    assert_problem(client.post("/api/agreements", headers=auth(tokens["cui"]), json={**AGREEMENT, "text_en": ""}),
                   400, "invalid_input", field="text_en")
    first = call(client, tokens["cui"], "POST", "/api/agreements", AGREEMENT, status=201)
    second = call(client, tokens["cui"], "POST", "/api/agreements", {**AGREEMENT, "text_en": "Research only, v2."},
                  status=201)
    assert (first["scope"], first["version"], second["version"]) == ("center", 1, 2)
    public = client.get("/api/agreements/current?center=HBPG&domain=plant_germplasm").get_json()
    assert (public["id"], public["text_en"]) == (second["id"], "Research only, v2.")
    assert client.get("/api/agreements/current?center=HBMS&domain=microbial_strain").get_json()["id"] == platform["id"]

    stale = client.post(f"/api/requests/{draft['id']}/submit", headers=auth(ada),
                        json={"accept_agreements": [platform["id"]]})
    assert assert_problem(stale, 409, "invalid_state", field="accept_agreements")["required"] == [second["id"]]
    submitted = act(client, ada, draft["id"], "submit", {"accept_agreements": [second["id"]]})
    assert [(a["id"], a["domain"]) for a in submitted["agreements"]] == [(second["id"], "plant_germplasm")]
    call(client, tokens["cui"], "POST", "/api/agreements", {**AGREEMENT, "text_en": "v3"}, status=201)
    assert call(client, ada, "GET", f"/api/requests/{draft['id']}")["agreements"][0]["id"] == second["id"]


def test_a_draft_can_be_edited_until_submitted(client, tokens):
    ada = tokens["ada"]
    (draft,) = checkout(client, ada, [P1], "material", "academic")
    edited = call(client, ada, "PATCH", f"/api/requests/{draft['id']}",
                  {"request_type": "data", "purpose": "commercial", "intended_use": "品种权登记 / variety registration"})
    assert (edited["request_type"], edited["purpose"], edited["shipping_address"]) == ("data", "commercial", None)
    assert_problem(client.patch(f"/api/requests/{draft['id']}", headers=auth(ada),
                                json={"request_type": "material", "purpose": "academic", "intended_use": "x"}),
                   400, "invalid_input", field="shipping_address")
    assert_problem(client.patch(f"/api/requests/{draft['id']}", headers=auth(ada),
                                json={"request_type": "loan", "purpose": "academic", "intended_use": "x"}),
                   400, "invalid_input", field="request_type")
    submit(client, ada, draft["id"])
    assert_problem(client.patch(f"/api/requests/{draft['id']}", headers=auth(ada),
                                json={"request_type": "data", "purpose": "academic", "intended_use": "x"}),
                   409, "invalid_state")


def test_requester_and_curators_exchange_messages(client, tokens):
    ada, min_ = tokens["ada"], tokens["min"]
    (draft,) = checkout(client, ada, [S1_LOW_RISK], "material", "academic")
    assert_problem(client.post(f"/api/requests/{draft['id']}/messages", headers=auth(ada), json={"body": "在吗"}),
                   409, "invalid_state")
    submit(client, ada, draft["id"])
    call(client, ada, "POST", f"/api/requests/{draft['id']}/messages", {"body": "能否提供冻干管？"}, status=201)
    call(client, min_, "POST", f"/api/requests/{draft['id']}/messages", {"body": "可以 / yes"}, status=201)
    assert_problem(client.post(f"/api/requests/{draft['id']}/messages", headers=auth(ada), json={"body": " "}),
                   400, "invalid_input", field="body")
    thread = call(client, ada, "GET", f"/api/requests/{draft['id']}/messages")["items"]
    assert [(m["author"], m["body"]) for m in thread] == [("ada", "能否提供冻干管？"), ("min", "可以 / yes")]
    assert call(client, min_, "GET", "/api/notifications")["items"][0]["body"]["zh"] == "ada：能否提供冻干管？"
    assert call(client, ada, "GET", "/api/notifications")["items"][0]["body"]["en"] == "min: 可以 / yes"


def test_outputs_are_reported_after_completion_against_the_request_resources(client, tokens):
    ada, cui = tokens["ada"], tokens["cui"]
    (shared,) = checkout(client, ada, [P1], "data", "academic")
    submit(client, ada, shared["id"])
    paper = {"kind": "paper", "title": "恩施玉露茶树遗传多样性", "doi": "10.1234/tea.7"}
    assert_problem(client.post(f"/api/requests/{shared['id']}/outputs", headers=auth(ada), json=paper), 409,
                   "invalid_state")
    fulfil(client, ada, cui, shared["id"], "data", "academic")
    for wrong, field in (({"doi": None}, "doi"), ({"doi": "tea-7"}, "doi"), ({"kind": "poster"}, "kind"),
                         ({"resources": [S1_LOW_RISK]}, "resources"), ({"year": 1800}, "year")):
        assert_problem(client.post(f"/api/requests/{shared['id']}/outputs", headers=auth(ada),
                                   json={**paper, **wrong}), 400, "invalid_input", field=field)
    assert_problem(client.post(f"/api/requests/{shared['id']}/outputs", headers=auth(cui), json=paper), 403,
                   "forbidden")
    call(client, ada, "POST", f"/api/requests/{shared['id']}/outputs", paper, status=201)
    call(client, ada, "POST", f"/api/requests/{shared['id']}/outputs",
         {"kind": "product", "title": "富硒茶新品"}, status=201)
    listed = call(client, cui, "GET", f"/api/requests/{shared['id']}/outputs")["items"]
    assert [(o["kind"], o["doi"], o["resources"]) for o in listed] == [("paper", "10.1234/tea.7", [P1]),
                                                                        ("product", None, [P1])]
