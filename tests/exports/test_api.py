"""/api/exports over HTTP on the embedded job runner: 202 → progress → download, who may see which export, and
the problem documents of a wrong request."""
from __future__ import annotations

import io
import zipfile

import pytest

from catalog.app import create_app
from catalog.enums import ExportState
from catalog.exports import service as export_service
from catalog.exports.selection import Selection
from catalog.permissions import Actor
from tests.exports.helpers import read_mcpd


@pytest.fixture(scope="module")
def client(demo):
    app = create_app(services=demo)
    app.config.update(TESTING=True)
    return app.test_client()


@pytest.fixture(scope="module")
def tokens(demo, people):
    return {name: demo.accounts.issue_token(people[name], "exports") for name in ("curator", "other_curator", "admin")}


def count(demo, actor, center: str) -> int:
    return sum(1 for view in demo.resources.views(actor) if view["center"] == center)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["code"] == code and problem["message"]["en"] and problem["message"]["zh"]
    if field is not None:
        assert problem["field"] == field
    return problem


def test_an_anonymous_export_is_accepted_built_and_downloaded(client, demo):
    response = client.post("/api/exports", json={"format": "dwca", "center": "HBAASPG", "domain": "plant_germplasm"})
    assert response.status_code == 202
    accepted = response.get_json()
    assert accepted["state"] in ("queued", "running", "done") and len(accepted["id"]) >= 22
    assert response.headers["Location"] == accepted["links"]["self"] == f"/api/exports/{accepted['id']}"
    assert accepted["links"]["download"] == f"/api/exports/{accepted['id']}/download"
    public = count(demo, Actor.anonymous(), center="HBAASPG")   # the bank's records less its confidential ones
    assert accepted["progress"]["records_expected"] == public < 40
    demo.jobs.wait()
    done = client.get(accepted["links"]["self"]).get_json()
    assert done["state"] == "done" and done["error"] is None
    assert done["progress"] == {"records_written": public, "records_expected": public}
    download = client.get(done["links"]["download"])
    assert download.status_code == 200 and download.mimetype == "application/zip"
    assert download.headers["Content-Disposition"].startswith('attachment; filename="HBAASPG-plant_germplasm-dwca-')
    assert len(download.data) == done["file"]["size"]
    with zipfile.ZipFile(io.BytesIO(download.data)) as archive:
        assert archive.read("occurrence.txt").decode().count("\n") == public + 1


def test_progress_is_reported_while_the_file_is_built(demo, people, monkeypatch):
    monkeypatch.setattr(export_service, "PROGRESS_EVERY", 10)
    seen = []
    real = demo.exports._progress

    def watched(export_id, written):
        real(export_id, written)
        seen.append(demo.exports.get(people["admin"], export_id).records_written)
    monkeypatch.setattr(demo.exports, "_progress", watched)
    monkeypatch.setattr(demo.exports, "schedule", lambda export_id: None)
    export = demo.exports.request(people["admin"], "dwca", Selection(domain="plant_germplasm"))
    assert (export.state, export.records_written, export.records_expected) == (ExportState.QUEUED, 0, 80)
    built = demo.exports.build(export.id)
    assert sorted(set(seen) - {0}) == [10, 20, 30, 40, 50, 60, 70, 80]   # read back while building
    assert (built.state, built.records_written) == (ExportState.DONE, 80)


def test_an_export_is_seen_by_its_requester_and_admins_only(client, demo, tokens):
    response = client.post("/api/exports", json={"format": "mcpd", "center": "HBAASPG"},
                           headers=auth(tokens["curator"]))
    assert response.status_code == 202
    location = response.headers["Location"]
    demo.jobs.wait()
    for headers in ({}, auth(tokens["other_curator"])):
        assert_problem(client.get(location, headers=headers), 404, "not_found")
        assert_problem(client.get(location + "/download", headers=headers), 404, "not_found")
    for token in ("curator", "admin"):
        assert client.get(location, headers=auth(tokens[token])).get_json()["state"] == "done"
    download = client.get(location + "/download", headers=auth(tokens["curator"]))
    # The curator's own bank: the confidential accessions too.
    assert len(read_mcpd_bytes(download.data)) == 40


def read_mcpd_bytes(data: bytes) -> list[dict[str, str]]:
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        return read_mcpd(path)


def test_a_session_alone_does_not_make_an_export_privileged(client, demo):
    """The blueprint is exempt from CSRF: without a bearer token the export is an anonymous one."""
    with client.session_transaction() as session:
        session["user_id"] = demo.accounts.authenticate("curator", "demo-curator").user_id
    try:
        response = client.post("/api/exports", json={"format": "mcpd", "center": "HBAASPG"})
        assert response.status_code == 202
        assert response.get_json()["progress"]["records_expected"] == count(demo, Actor.anonymous(), center="HBAASPG")
    finally:
        with client.session_transaction() as session:
            session.clear()


def test_a_download_before_the_file_is_built_is_a_conflict(client, demo, monkeypatch):
    monkeypatch.setattr(demo.exports, "schedule", lambda export_id: None)
    location = client.post("/api/exports", json={"format": "dwca"}).headers["Location"]
    assert client.get(location).get_json()["state"] == "queued"
    assert_problem(client.get(location + "/download"), 409, "invalid_state")


@pytest.mark.parametrize("body, status, code, field", [
    ({"format": "pdf"}, 400, "invalid_input", "format"),
    ({}, 400, "invalid_input", "format"),
    ({"format": "dwca", "centre": "HBAASPG"}, 400, "invalid_input", "centre"),
    ({"format": "dwca", "domain": "fungi"}, 400, "invalid_input", "domain"),
    ({"format": "mcpd", "domain": "geological_specimen"}, 400, "invalid_input", "domain"),
    ({"format": "dwca", "center": "NOSUCH"}, 404, "not_found", "center"),
    ({"format": "dwca", "filter": ["domain"]}, 400, "invalid_input", "filter"),
    ({"format": "dwca", "filter": "domain=plant_germplasm", "domain": "animal_germplasm"}, 400, "invalid_input",
     "filter"),
    ({"format": "dwca", "filter": [7]}, 400, "invalid_input", "filter"),
    ({"format": "dwca", "q": 7}, 400, "invalid_input", "q"),
    ([], 400, "invalid_input", "body"),
])
def test_a_wrong_request_is_a_problem_naming_the_member(client, body, status, code, field):
    assert_problem(client.post("/api/exports", json=body), status, code, field)


def test_an_unknown_filter_field_is_refused(client):
    problem = client.post("/api/exports", json={"format": "dwca", "filter": ["colour=red"]})
    assert problem.status_code == 400 and problem.mimetype == "application/problem+json"


def test_an_unknown_export_is_not_found(client):
    assert_problem(client.get("/api/exports/no-such-export"), 404, "not_found")
