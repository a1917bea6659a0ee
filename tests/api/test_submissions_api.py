"""/api/submissions over HTTP: status codes, problem documents, permissions per route, and the whole flow."""
from __future__ import annotations

import csv
import io
import json

import pytest

from ingest.report import CSV_COLUMNS
from tests.ingest.test_submissions import HEADER, csv_file, row

ANONYMOUS_ROUTES = [("post", ""), ("get", ""), ("get", "/{id}"), ("get", "/{id}/report.json"),
                    ("get", "/{id}/report.csv"), ("post", "/{id}/submit"), ("post", "/{id}/approve"),
                    ("post", "/{id}/reject"), ("post", "/{id}/withdraw")]


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def post_file(client, token, body: bytes, name: str = "specimens.csv", content_type: str = "text/csv", **fields):
    data = {"file": (io.BytesIO(body), name, content_type), "center": "IHB", **fields}
    return client.post("/api/submissions", data=data, headers=auth(token), content_type="multipart/form-data")


def csv_bytes(*rows: str) -> bytes:
    return csv_file(*rows).getvalue()


def uploaded(client, services, token, body: bytes, **fields) -> dict:
    """Upload, let the background validation finish, and return the submission as GET shows it."""
    response = post_file(client, token, body, **fields)
    assert response.status_code == 202, response.get_json()
    services.jobs.wait()
    shown = client.get(response.headers["Location"], headers=auth(token))
    assert shown.status_code == 200
    return shown.get_json()


def post_json(client, token, path: str, body=None):
    return client.post(f"/api/submissions{path}", headers=auth(token), json=body)


def assert_problem(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == status and problem["code"] == code
    assert problem["message"]["en"] and problem["message"]["zh"]
    if field is not None:
        assert problem["field"] == field
    return problem


def test_upload_validate_report_submit_approve_publish(client, services, tokens):
    curator, reviewer = tokens["curator"], tokens["reviewer"]
    response = post_file(client, curator, csv_bytes(row(1), row(2), row(3, lat="north"), row(4, sharing="confidential")))
    assert response.status_code == 202
    accepted = response.get_json()
    number = accepted["id"]
    assert response.headers["Location"] == f"/api/submissions/{number}"
    assert {k: accepted[k] for k in ("center", "domain", "file")} == {
        "center": "IHB", "domain": "biological_specimen", "file": "specimens.csv"}
    assert accepted["state"] in ("uploaded", "validating", "validated")

    services.jobs.wait()
    shown = client.get(f"/api/submissions/{number}", headers=auth(curator)).get_json()
    assert {k: shown[k] for k in ("id", "center", "domain", "state", "summary", "changes", "flags")} == {
        "id": number, "center": "IHB", "domain": "biological_specimen", "state": "validated",
        "summary": {"rows": 4, "valid": 3, "invalid": 1, "warnings": 0},
        "changes": {"insert": 3, "update": 0, "unchanged": 0, "delete": 0}, "flags": {"INVALID_NUMBER": 1}}
    assert shown["progress"] == {"phase": "done", "rows_done": 4, "rows_total": 4}
    assert shown["actions"] == ["submit", "withdraw"]
    base = f"/api/submissions/{number}"
    assert shown["links"] == {"self": base, "report.json": f"{base}/report.json", "report.csv": f"{base}/report.csv",
                              "submit": f"{base}/submit", "withdraw": f"{base}/withdraw"}
    assert client.get(base, headers=auth(reviewer)).get_json()["actions"] == []

    report = client.get(f"{base}/report.json", headers=auth(curator))
    assert report.status_code == 200 and report.mimetype == "application/json"
    document = report.get_json()
    assert document["summary"] == shown["summary"] and document["file"] == "specimens.csv"
    assert [(i["row"], i["field"], i["value"], i["severity"], i["code"]) for i in document["issues"]] == [
        (3, "decimalLatitude", "north", "error", "INVALID_NUMBER")]
    message = document["issues"][0]["message"]

    exported = client.get(f"{base}/report.csv", headers=auth(reviewer))
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    assert exported.data.startswith("\ufeff".encode("utf-8"))  # spreadsheets then read the Chinese text
    assert list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig")))) == [
        list(CSV_COLUMNS), ["3", "decimalLatitude", "north", "error", "INVALID_NUMBER", message["en"], message["zh"], "4"]]

    blocked = assert_problem(post_json(client, curator, f"/{number}/submit"), 409, "invalid_state")
    assert blocked["invalid"] == 1
    submitted = post_json(client, curator, f"/{number}/submit", {"valid_rows_only": True})
    assert submitted.status_code == 200
    assert submitted.get_json()["state"] == "submitted" and submitted.get_json()["actions"] == ["withdraw"]
    assert client.get(base, headers=auth(reviewer)).get_json()["actions"] == ["approve", "reject"]

    assert_problem(post_json(client, curator, f"/{number}/approve"), 403, "forbidden")
    assert_problem(post_json(client, tokens["other_reviewer"], f"/{number}/approve"), 404, "not_found")
    approved = post_json(client, reviewer, f"/{number}/approve")
    assert approved.status_code == 200
    assert {k: approved.get_json()[k] for k in ("state", "changes", "actions")} == {
        "state": "approved", "changes": {"insert": 3, "update": 0, "unchanged": 0, "delete": 0}, "actions": []}
    assert_problem(post_json(client, reviewer, f"/{number}/approve"), 409, "invalid_state")

    services.jobs.wait()
    found = client.get("/api/records?q=葛洲坝").get_json()
    assert sorted(item["id"] for item in found["items"]) == ["IHB-biological_specimen-IHB-1",
                                                             "IHB-biological_specimen-IHB-2"]
    listed = client.get("/api/submissions?state=approved", headers=auth(curator)).get_json()
    assert [(item["id"], item["state"]) for item in listed["items"]] == [(number, "approved")]
    assert client.get("/api/submissions?state=submitted", headers=auth(curator)).get_json() == {"items": []}
    (published,) = services.submissions.published("IHB")   # what the center page lists for anyone
    assert (published["domain"], published["records"]) == ("biological_specimen", 2)  # the public ones only
    page = client.get("/centers/IHB?lang=en").get_data(as_text=True)
    assert "Recent publications" in page and "<td>2</td>" in page


def test_reject_needs_a_reason_and_only_the_reviewer_gives_it(client, services, tokens):
    curator, reviewer = tokens["curator"], tokens["reviewer"]
    number = uploaded(client, services, curator, csv_bytes(row(1)))["id"]
    assert post_json(client, curator, f"/{number}/submit", {}).status_code == 200
    for body in (None, {}, {"reason": "  "}, {"reason": 5}):
        assert_problem(post_json(client, reviewer, f"/{number}/reject", body), 400, "invalid_input", "reason")
    assert_problem(post_json(client, curator, f"/{number}/reject", {"reason": "no"}), 403, "forbidden")
    assert_problem(post_json(client, tokens["other_reviewer"], f"/{number}/reject", {"reason": "no"}), 404, "not_found")
    rejected = post_json(client, reviewer, f"/{number}/reject", {"reason": " 坐标精度不足 / coordinates too coarse "})
    assert rejected.status_code == 200
    assert {k: rejected.get_json()[k] for k in ("state", "review_reason", "actions")} == {
        "state": "rejected", "review_reason": "坐标精度不足 / coordinates too coarse", "actions": []}
    assert_problem(post_json(client, reviewer, f"/{number}/approve"), 409, "invalid_state")
    assert services.resources.count() == 0


def test_withdraw_is_the_curators_before_the_decision(client, services, tokens):
    curator = tokens["curator"]
    number = uploaded(client, services, curator, csv_bytes(row(5)))["id"]
    assert_problem(post_json(client, tokens["reviewer"], f"/{number}/withdraw"), 403, "forbidden")
    assert_problem(post_json(client, tokens["other_curator"], f"/{number}/withdraw"), 404, "not_found")
    withdrawn = post_json(client, curator, f"/{number}/withdraw")
    assert withdrawn.status_code == 200
    assert withdrawn.get_json()["state"] == "withdrawn" and withdrawn.get_json()["actions"] == []
    assert_problem(post_json(client, curator, f"/{number}/withdraw"), 409, "invalid_state")
    assert_problem(post_json(client, curator, f"/{number}/submit"), 409, "invalid_state")


def test_a_queued_upload_shows_its_progress_and_has_no_report_yet(client, services, tokens):
    services.submissions.schedule = lambda submission_id: None
    curator = tokens["curator"]
    number = post_file(client, curator, csv_bytes(row(1), row(2))).get_json()["id"]
    shown = client.get(f"/api/submissions/{number}", headers=auth(curator)).get_json()
    assert shown["state"] == "uploaded"
    assert shown["progress"] == {"phase": "queued", "rows_done": 0, "rows_total": None}
    assert shown["actions"] == ["withdraw"] and set(shown["links"]) == {"self", "withdraw"}
    assert_problem(client.get(f"/api/submissions/{number}/report.json", headers=auth(curator)), 409, "invalid_state")
    assert_problem(client.get(f"/api/submissions/{number}/report.csv", headers=auth(curator)), 409, "invalid_state")


@pytest.mark.parametrize("method, path", ANONYMOUS_ROUTES)
def test_anonymous_callers_get_401_whether_or_not_the_submission_exists(client, services, tokens, method, path):
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1)))["id"]
    answers = []
    for identifier in (number, 999999):
        for headers in ({}, auth("cat_not-a-real-token")):
            response = getattr(client, method)("/api/submissions" + path.format(id=identifier), headers=headers)
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
            answers.append(assert_problem(response, 401, "unauthenticated")["message"])
    assert answers[0] == answers[2] and answers[1] == answers[3]


def test_a_signed_in_browser_session_may_read_but_not_change(client, services, tokens, people):
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1)))["id"]
    with client.session_transaction() as session:
        session["user_id"] = people["curator"].user_id
    assert client.get(f"/api/submissions/{number}").get_json()["state"] == "validated"
    assert_problem(client.post(f"/api/submissions/{number}/withdraw"), 401, "unauthenticated")


def test_other_centers_and_departments_see_nothing(client, services, tokens):
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1)))["id"]
    for outsider in ("other_curator", "other_reviewer", "researcher"):
        token = tokens[outsider]
        for path in ("", "/report.json", "/report.csv"):
            assert_problem(client.get(f"/api/submissions/{number}{path}", headers=auth(token)), 404, "not_found")
        assert client.get("/api/submissions", headers=auth(token)).get_json() == {"items": []}
    # Centers are public (GET /api/centers), so refusing an upload to one reveals nothing: 403, not 404.
    assert_problem(post_file(client, tokens["other_curator"], csv_bytes(row(2))), 403, "forbidden")
    assert_problem(post_file(client, tokens["researcher"], csv_bytes(row(2))), 403, "forbidden")
    assert_problem(post_file(client, tokens["curator"], csv_bytes(row(2)), center="NOPE"), 404, "not_found")
    assert client.get("/api/submissions?center=CUG", headers=auth(tokens["curator"])).get_json() == {"items": []}
    assert [item["id"] for item in client.get("/api/submissions", headers=auth(tokens["reviewer"])).get_json()[
        "items"]] == [number]


def test_the_same_file_twice_is_the_same_submission(client, services, tokens):
    first = post_file(client, tokens["curator"], csv_bytes(row(1)))
    services.jobs.wait()
    second = post_file(client, tokens["curator"], csv_bytes(row(1)), name="renamed.csv")
    assert (first.status_code, second.status_code) == (202, 200)
    assert second.get_json()["id"] == first.get_json()["id"] and "Location" not in second.headers
    assert second.get_json()["state"] == "validated"


@pytest.mark.parametrize("body, content_type, en, zh", [
    (b"%PDF-1.4\n%\xe2\xe3", "application/pdf", "files of type application/pdf are not accepted", "不接受"),
    (b"%PDF-1.4\n%\xe2\xe3", "text/csv", "is a PDF, not a data file", "不是数据文件"),
])
def test_a_pdf_is_refused_in_both_languages(client, services, tokens, body, content_type, en, zh):
    response = post_file(client, tokens["curator"], body, name="report.pdf", content_type=content_type)
    problem = assert_problem(response, 400, "invalid_input")
    assert en in problem["message"]["en"] and zh in problem["message"]["zh"]
    assert list(services.store.keys("submissions/")) == []


@pytest.mark.parametrize("mapping", ["{not json", '["local_id"]', '{"colums": {}}', '{"columns": {"a": 1}}'])
def test_a_malformed_mapping_is_refused_naming_mapping(client, tokens, mapping):
    problem = assert_problem(post_file(client, tokens["curator"], csv_bytes(row(1)), mapping=mapping),
                             400, "invalid_input")
    assert "mapping" in problem["message"]["en"] and "mapping" in problem["message"]["zh"]


def test_a_mapping_and_options_are_applied(client, services, tokens):
    body = (HEADER.replace("catalogNumber", "specimen_no", 1) + row(1) + row(2)).encode("utf-8")
    mapping = json.dumps({"columns": {"specimen_no": "local_id"}})
    shown = uploaded(client, services, tokens["curator"], body, mapping=mapping, full_replace="true",
                     sharing_mode="on_request", domain="biological_specimen")
    assert shown["state"] == "validated" and shown["summary"] == {"rows": 2, "valid": 2, "invalid": 0, "warnings": 0}


def test_an_upload_may_accept_the_suggestions(client, services, tokens):
    rows = "".join(f"occ-{n},not available,PreservedSpecimen,Acipenser sinensis Gray\n" for n in range(1, 11))
    body = ("occurrenceID,catalogNumber,basisOfRecord,scientificName\n" + rows).encode()
    shown = uploaded(client, services, tokens["curator"], body, accept_suggestions="true")
    assert shown["summary"]["valid"] == 10
    report = client.get(f"/api/submissions/{shown['id']}/report.json", headers=auth(tokens["curator"])).get_json()
    assert [s["field"] for s in report["applied_suggestions"]] == ["local_id"] and report["suggestions"] == []
    strict = uploaded(client, services, tokens["curator"], body, accept_suggestions="0.99")
    assert strict["id"] != shown["id"] and strict["summary"]["valid"] == 0


@pytest.mark.parametrize("change, field", [
    ({"file": None}, "file"), ({"center": None}, "center"), ({"center": " "}, "center"),
    ({"full_replace": "maybe"}, "full_replace"), ({"valid_rows_only": "true"}, "valid_rows_only"),
    ({"accept_suggestions": "1.5"}, "accept_suggestions"), ({"accept_suggestions": "most"}, "accept_suggestions"),
])
def test_missing_or_wrong_upload_fields_are_named(client, tokens, change, field):
    data = {"file": (io.BytesIO(csv_bytes(row(1))), "specimens.csv", "text/csv"), "center": "IHB", **change}
    data = {name: value for name, value in data.items() if value is not None}
    response = client.post("/api/submissions", data=data, headers=auth(tokens["curator"]),
                           content_type="multipart/form-data")
    assert_problem(response, 400, "invalid_input", field)


def test_an_upload_that_is_not_multipart_is_refused(client, tokens):
    response = client.post("/api/submissions", json={"center": "IHB"}, headers=auth(tokens["curator"]))
    assert_problem(response, 400, "invalid_input", "file")


@pytest.mark.parametrize("where", ["app", "service"])
def test_too_large_uploads_get_413_and_nothing_is_kept(app, client, services, tokens, where):
    if where == "app":
        app.config["MAX_CONTENT_LENGTH"] = 2048
    else:
        services.submissions.max_upload_bytes = 1024
    response = post_file(client, tokens["curator"], csv_bytes(*(row(n) for n in range(50))))
    assert_problem(response, 413, "payload_too_large")
    assert list(services.store.keys("submissions/")) == []


@pytest.mark.parametrize("body, field", [
    ({"valid_rows_only": "yes"}, "valid_rows_only"), ({"valid_row_only": True}, "valid_row_only"),
    ([True], "body"), ("{broken", "body"),
])
def test_review_bodies_are_checked(client, services, tokens, body, field):
    number = uploaded(client, services, tokens["curator"], csv_bytes(row(1), row(2, lat="north")))["id"]
    if isinstance(body, str):
        response = client.post(f"/api/submissions/{number}/submit", data=body, content_type="application/json",
                               headers=auth(tokens["curator"]))
    else:
        response = post_json(client, tokens["curator"], f"/{number}/submit", body)
    assert_problem(response, 400, "invalid_input", field)


def test_an_unknown_state_filter_is_a_400(client, tokens):
    assert_problem(client.get("/api/submissions?state=done", headers=auth(tokens["curator"])), 400, "invalid_input")
