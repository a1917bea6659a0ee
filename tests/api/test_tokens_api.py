"""/api/tokens and token scopes: issue with a session, list without secrets, revoke, and what each scope allows."""
from __future__ import annotations

from datetime import timedelta

import pytest

from catalog.enums import Role
from catalog.models import utcnow
from catalog.permissions import Actor
from tests.api.test_submissions_api import assert_problem, auth, csv_bytes, post_file, post_json, row, uploaded

OPERATOR = Actor.operator()
CONFIDENTIAL = "IHB-biological_specimen-IHB-2"


def signed_in(client, actor) -> None:
    with client.session_transaction() as session:
        session["user_id"] = actor.user_id


def issue(client, **body):
    return client.post("/api/tokens", json=body)


@pytest.fixture
def admin(services):
    services.accounts.create_user(OPERATOR, "admin", "password-admin", Role.ADMIN)
    return services.accounts.authenticate("admin", "password-admin")


@pytest.fixture
def published(client, services, tokens):
    """One open and one confidential specimen of IHB, through upload and review."""
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1), row(2, sharing="confidential")))["id"]
    assert post_json(client, tokens["curator"], f"/{number}/submit").status_code == 200
    assert post_json(client, tokens["reviewer"], f"/{number}/approve").status_code == 200
    services.jobs.wait()


def test_issue_list_and_revoke_with_a_session(client, people):
    signed_in(client, people["curator"])
    created = issue(client, name="nightly upload", scopes=["submit", "read"], expires_at="2099-01-31T00:00:00Z")
    assert created.status_code == 201 and created.headers["Cache-Control"] == "no-store"
    token = created.get_json()
    secret = token.pop("token")
    assert secret.startswith("cat_") and secret.startswith(token["prefix"])
    assert {k: token[k] for k in ("name", "scopes", "state", "expires_at", "last_used_at", "revoked_at")} == {
        "name": "nightly upload", "scopes": ["read", "submit"], "state": "active",
        "expires_at": "2099-01-31T00:00:00+00:00", "last_used_at": None, "revoked_at": None}

    assert client.get("/api/centers", headers=auth(secret)).status_code == 200
    listed = client.get("/api/tokens").get_json()["items"]
    assert [(t["id"], t["name"], t["state"]) for t in listed] == [(token["id"], "nightly upload", "active")]
    assert listed[0]["last_used_at"] is not None
    assert secret not in str(listed) and "hash" not in str(listed) and "token" not in listed[0]

    assert client.delete(f"/api/tokens/{token['id']}").status_code == 204
    assert client.get("/api/tokens").get_json()["items"][0]["state"] == "revoked"
    refused = assert_problem(client.get("/api/centers", headers=auth(secret)), 401, "unauthenticated")
    assert refused["message"]["zh"] == "API 令牌无效。"


def test_anonymous_callers_get_401(client):
    assert_problem(issue(client, name="x", scopes=["read"]), 401, "unauthenticated")
    assert_problem(client.get("/api/tokens"), 401, "unauthenticated")
    response = client.delete("/api/tokens/1")
    assert_problem(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="catalog"'


@pytest.mark.parametrize("body, field", [
    ({"name": "x"}, "scopes"),
    ({"name": "x", "scopes": "read"}, "scopes"),
    ({"name": "x", "scopes": []}, "scopes"),
    ({"name": "x", "scopes": ["write"]}, "scopes"),
    ({"name": "x", "scopes": ["review"]}, "scopes"),  # a curator's roles give no use for review
    ({"name": " ", "scopes": ["read"]}, "name"),
    ({"scopes": ["read"]}, "name"),
    ({"name": "x", "scopes": ["read"], "expires_at": "next week"}, "expires_at"),
    ({"name": "x", "scopes": ["read"], "expires_at": "2001-01-01"}, "expires_at"),
    ({"name": "x", "scopes": ["read"], "owner": "someone"}, "owner"),
])
def test_bad_token_requests_name_the_field(client, people, body, field):
    signed_in(client, people["curator"])
    problem = assert_problem(issue(client, **body), 400, "invalid_input", field)
    assert problem["message"]["zh"]


def test_a_form_post_cannot_issue_a_token(client, people):
    """A cross-site form can send a session cookie but not a JSON body."""
    signed_in(client, people["curator"])
    response = client.post("/api/tokens", data={"name": "x", "scopes": "read"})
    assert_problem(response, 400, "invalid_input", "body")
    assert client.get("/api/tokens").get_json()["items"] == []


def test_expired_tokens_answer_401_problems(client, services, people):
    expired = services.accounts.issue_token(people["curator"], "old", ["read"],
                                            expires_at=utcnow() - timedelta(seconds=1))
    for path in ("/api/records", "/api/tokens", "/api/submissions"):
        assert_problem(client.get(path, headers=auth(expired)), 401, "unauthenticated")
    challenge = client.get("/api/records", headers=auth(expired)).headers["WWW-Authenticate"]
    assert challenge == 'Bearer realm="catalog", error="invalid_token"'


def test_a_token_issues_tokens_only_within_its_scopes(client, services, people):
    reader = services.accounts.issue_token(people["curator"], "reader", ["read"])
    widened = client.post("/api/tokens", json={"name": "more", "scopes": ["read", "submit"]}, headers=auth(reader))
    assert_problem(widened, 403, "insufficient_scope", "scopes")
    same = client.post("/api/tokens", json={"name": "copy", "scopes": ["read"]}, headers=auth(reader))
    assert same.status_code == 201 and same.get_json()["scopes"] == ["read"]


def test_only_the_owner_or_an_admin_token_with_the_admin_scope_revokes(client, services, people, admin):
    signed_in(client, people["curator"])
    token_id = issue(client, name="mine", scopes=["read"]).get_json()["id"]
    other = services.accounts.issue_token(people["researcher"], "theirs", ["read"])
    assert_problem(client.delete(f"/api/tokens/{token_id}", headers=auth(other)), 404, "not_found")
    admin_reader = services.accounts.issue_token(admin, "reader", ["read"])
    assert_problem(client.delete(f"/api/tokens/{token_id}", headers=auth(admin_reader)), 404, "not_found")
    admin_token = services.accounts.issue_token(admin, "admin", ["read", "admin"])
    assert client.delete(f"/api/tokens/{token_id}", headers=auth(admin_token)).status_code == 204
    assert [t["state"] for t in client.get("/api/tokens").get_json()["items"]] == ["revoked"]


def test_submit_scope_is_needed_to_upload_and_follow_submissions(client, services, people):
    reader = services.accounts.issue_token(people["curator"], "reader", ["read"])
    response = post_file(client, reader, csv_bytes(row(1)))
    problem = assert_problem(response, 403, "insufficient_scope")
    assert problem["required_scopes"] == ["submit"]
    assert response.headers["WWW-Authenticate"] == \
        'Bearer realm="catalog", error="insufficient_scope", scope="submit"'
    assert_problem(client.get("/api/submissions", headers=auth(reader)), 403, "insufficient_scope")
    submitter = services.accounts.issue_token(people["curator"], "submitter", ["submit"])
    assert post_file(client, submitter, csv_bytes(row(1))).status_code == 202
    # without read, the same token may not search or read records
    assert_problem(client.get("/api/records", headers=auth(submitter)), 403, "insufficient_scope")


def test_review_scope_is_needed_to_approve(client, services, people, tokens):
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1)))["id"]
    assert post_json(client, tokens["curator"], f"/{number}/submit").status_code == 200
    reading_reviewer = services.accounts.issue_token(people["reviewer"], "reader", ["read"])
    assert_problem(post_json(client, reading_reviewer, f"/{number}/approve"), 403, "insufficient_scope")
    assert_problem(post_json(client, reading_reviewer, f"/{number}/reject", {"reason": "no"}), 403,
                   "insufficient_scope")
    reviewing = services.accounts.issue_token(people["reviewer"], "review", ["review"])
    assert client.get(f"/api/submissions/{number}", headers=auth(reviewing)).get_json()["actions"] == [
        "approve", "reject"]
    assert post_json(client, reviewing, f"/{number}/approve").get_json()["state"] == "approved"


def test_read_scope_reads_records_as_the_user_sees_them(client, services, people, admin, published):
    curator_reader = services.accounts.issue_token(people["curator"], "reader", ["read"])
    response = client.get(f"/api/records/{CONFIDENTIAL}", headers=auth(curator_reader))
    assert response.status_code == 200 and response.get_json()["sharing_mode"] == "confidential"
    assert_problem(client.get(f"/api/records/{CONFIDENTIAL}",
                              headers=auth(services.accounts.issue_token(people["researcher"], "r", ["read"]))),
                   404, "not_found")
    # an administrator's powers need the admin scope too
    admin_reader = services.accounts.issue_token(admin, "reader", ["read"])
    assert_problem(client.get(f"/api/records/{CONFIDENTIAL}", headers=auth(admin_reader)), 404, "not_found")
    admin_token = services.accounts.issue_token(admin, "admin", ["read", "admin"])
    assert client.get(f"/api/records/{CONFIDENTIAL}", headers=auth(admin_token)).status_code == 200


def test_share_scope_is_needed_for_sharing_requests(client, services, people):
    reader = services.accounts.issue_token(people["researcher"], "reader", ["read"])
    response = client.post("/api/cart/items", json={"resource": "IHB-biological_specimen-IHB-1"}, headers=auth(reader))
    assert assert_problem(response, 403, "insufficient_scope")["required_scopes"] == ["share"]


def test_a_write_endpoint_without_a_declared_scope_needs_admin(client, services, people):
    token = services.accounts.issue_token(people["curator"], "all", None)
    problem = assert_problem(client.post("/logout", headers=auth(token)), 403, "insufficient_scope")
    assert problem["required_scopes"] == ["admin"]


def test_tokens_issued_without_scopes_get_what_the_roles_can_use(services, people, admin):
    services.accounts.issue_token(people["curator"], "all")
    services.accounts.issue_token(people["reviewer"], "all")
    services.accounts.issue_token(admin, "all")
    assert [t.scopes for t in services.accounts.list_tokens(people["curator"])] == [("read", "submit", "share")]
    assert [t.scopes for t in services.accounts.list_tokens(people["reviewer"])] == [("read", "review", "share")]
    assert [t.scopes for t in services.accounts.list_tokens(admin)] == [
        ("read", "submit", "review", "share", "admin")]
