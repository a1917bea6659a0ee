"""Each shared real file as a curator sends it through the browser, with no mapping written by hand: upload
(the form applies the suggestions), submit the valid rows, and the reviewer's confirmed approval publishes
exactly what `--accept-suggestions` gives on the command line; then every published record tells the same
story in search, the Darwin Core Archive and the RDF. The pages and these representations do not depend on
the database engine, so this runs on SQLite; tests/ingest/test_real_submissions.py publishes every real file
on both engines."""
from __future__ import annotations

import io
import re

import pytest

from catalog.enums import Role
from catalog.permissions import Actor
from tests.conftest import REAL_DATA
from tests.exports.one_story import assert_one_story
from tests.ingest.test_suggestions import WITH_SUGGESTIONS
from tests.search_ui.test_submitting import JSON, sign_in, token

OPERATOR = Actor.operator()


@pytest.fixture
def centers(services):
    services.centers.create_department(OPERATOR, "DEPT", "主管部门", "Department")
    for number, domain in enumerate(sorted({relative.split("/")[0] for relative in WITH_SUGGESTIONS}), 1):
        services.centers.create_center(OPERATOR, f"C{number}", f"资源库{number}", f"Center {number}", domain=domain,
                                       department_code="DEPT")
    services.accounts.create_user(OPERATOR, "admin", "password-admin", Role.ADMIN)
    services.accounts.create_user(OPERATOR, "reviewer", "password-reviewer", Role.REVIEWER, department_code="DEPT")
    return {domain: f"C{number}" for number, domain in
            enumerate(sorted({relative.split("/")[0] for relative in WITH_SUGGESTIONS}), 1)}


@pytest.mark.slow
@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("relative", sorted(relative for relative, valid in WITH_SUGGESTIONS.items() if valid))
def test_a_real_file_is_published_from_the_browser_with_one_confirmation(client, services, centers, relative,
                                                                        tmp_path):
    """The upload form applies the suggestions (its box is ticked by default); the report's button that
    applies them in one step is tested in test_submitting.py."""
    path = REAL_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is not there")
    sign_in(client, "admin")
    form = {"csrf_token": token(client, "/submit"), "center": centers[relative.split("/")[0]], "sharing_mode": "open",
            "mapping_choice": "automatic", "accept_suggestions": "on",
            "file": (io.BytesIO(path.read_bytes()), path.name)}
    answer = client.post("/submit", data=form, headers=JSON, content_type="multipart/form-data")
    assert answer.status_code == 202, answer.get_json()
    services.jobs.wait(timeout=300)
    number = answer.get_json()["id"]
    admin = services.accounts.authenticate("admin", "password-admin")
    report = services.submissions.get(admin, number).summary
    page = client.get(f"/submissions/{number}?lang=en").get_data(as_text=True)
    assert bool(report.get("applied_suggestions")) == ("Suggestions applied" in page)
    submission = services.submissions.get(admin, number)
    expected = WITH_SUGGESTIONS[relative]
    assert submission.summary["summary"]["valid"] == expected
    client.post(f"/submissions/{number}/submit", data={"csrf_token": token(client, f"/submissions/{number}"),
                                                       "valid_rows_only": "on"})
    client.post("/logout", data={"csrf_token": token(client, "/")})
    sign_in(client, "reviewer")
    queue = client.get("/review?lang=en").get_data(as_text=True)
    assert re.search(rf"publish {expected} records \({expected} new, 0 changed\)", queue)
    client.post(f"/review/{number}/approve", data={"csrf_token": token(client, "/review"), "confirm": "on",
                                                  "records": str(expected)})
    services.jobs.wait(timeout=300)
    assert services.submissions.get(admin, number).state == "approved"
    assert services.resources.count() == expected
    assert assert_one_story(services, centers[relative.split("/")[0]], relative.split("/")[0], tmp_path) == expected
