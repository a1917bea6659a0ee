"""Strains of risk group 2 or higher: no approval before the requester's institutional approval and laboratory
qualification are on file; lower-risk strains and other domains need neither."""
from __future__ import annotations

import io

from tests.sharing.api import act, assert_problem, auth, call, checkout, submit
from tests.sharing.conftest import P1, S1_LOW_RISK, S2_RISK_GROUP_3


def upload(client, token, request_id: int, kind: str, name: str = "证明.pdf", body: bytes = b"%PDF-1.4 signed"):
    return client.post(f"/api/requests/{request_id}/documents", headers=auth(token), content_type="multipart/form-data",
                       data={"kind": kind, "file": (io.BytesIO(body), name, "application/pdf")})


def reviewed(client, tokens, identifiers: list[str]) -> int:
    (created,) = checkout(client, tokens["ada"], identifiers, "material", "academic")
    submit(client, tokens["ada"], created["id"])
    act(client, tokens["min"], created["id"], "start_review")
    return created["id"]


def test_a_risk_group_3_strain_waits_for_both_documents(client, tokens):
    request_id = reviewed(client, tokens, [S1_LOW_RISK, S2_RISK_GROUP_3])
    shown = call(client, tokens["min"], "GET", f"/api/requests/{request_id}")
    assert shown["documents_required"] == ["institutional_approval", "lab_qualification"]
    assert shown["documents_missing"] == ["institutional_approval", "lab_qualification"]
    refused = assert_problem(client.post(f"/api/requests/{request_id}/approve", headers=auth(tokens["min"])), 409,
                             "invalid_state")
    assert refused["missing"] == ["institutional_approval", "lab_qualification"]

    assert upload(client, tokens["ada"], request_id, "institutional_approval").status_code == 201
    refused = assert_problem(client.post(f"/api/requests/{request_id}/approve", headers=auth(tokens["min"])), 409,
                             "invalid_state")
    assert refused["missing"] == ["lab_qualification"]
    assert_problem(upload(client, tokens["min"], request_id, "lab_qualification"), 403, "forbidden")
    assert_problem(upload(client, tokens["ada"], request_id, "passport"), 400, "invalid_input", field="kind")
    assert_problem(upload(client, tokens["ada"], request_id, "lab_qualification", body=b""), 400, "invalid_input",
                   field="file")
    assert upload(client, tokens["ada"], request_id, "lab_qualification", "BSL-2 实验室备案.pdf").status_code == 201

    approved = act(client, tokens["min"], request_id, "approve")
    assert approved["state"] == "approved" and approved["documents_missing"] == []
    assert sorted(d["kind"] for d in approved["documents"]) == ["institutional_approval", "lab_qualification"]
    assert_problem(upload(client, tokens["ada"], request_id, "lab_qualification"), 409, "invalid_state")


def test_lower_risk_strains_and_other_domains_need_no_documents(client, tokens):
    request_id = reviewed(client, tokens, [S1_LOW_RISK])
    assert call(client, tokens["min"], "GET", f"/api/requests/{request_id}")["documents_required"] == []
    assert act(client, tokens["min"], request_id, "approve")["state"] == "approved"
    (plant,) = checkout(client, tokens["ada"], [P1], "material", "academic")
    assert call(client, tokens["ada"], "GET", f"/api/requests/{plant['id']}")["documents_required"] == []
