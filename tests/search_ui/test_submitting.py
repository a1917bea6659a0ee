"""The submission and review screens over HTTP: sign-in and CSRF on every form, the upload answering the page's
script, the report's filters and downloads, the mapping screen, and the review decisions."""
from __future__ import annotations

import io
import json
import re

import pytest

from catalog.services.inspection import staged_sample
from tests.conftest import REAL_DATA
from tests.ingest.test_remapping import with_tray
from tests.ingest.test_submissions import csv_file, people, row  # noqa: F401  (people is a fixture)

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
JSON = {"Accept": "application/json"}


def token(client, path: str = "/login") -> str:
    return TOKEN.search(client.get(path).get_data(as_text=True)).group(1)


def sign_in(client, name: str) -> None:
    """Signed in with English pages, so flashed messages can be compared in English."""
    answer = client.post("/login", data={"username": name, "password": "password-" + name,
                                         "csrf_token": token(client, "/login?lang=en")})
    assert answer.status_code == 302


def send(client, stream, **fields):
    form = {"csrf_token": token(client, "/submit"), "center": "IHB", "sharing_mode": "open",
            "mapping_choice": "automatic", "file": (stream, "specimens.csv", "text/csv"), **fields}
    return client.post("/submit", data=form, headers=JSON, content_type="multipart/form-data")


def uploaded(client, services, stream, **fields) -> int:
    answer = send(client, stream, **fields)
    assert answer.status_code == 202, answer.get_json()
    services.jobs.wait()
    return answer.get_json()["id"]


@pytest.fixture
def curator(client, people):  # noqa: F811
    sign_in(client, "curator")
    return client


def test_screens_need_sign_in(client, people):  # noqa: F811
    for path in ("/submit", "/submissions", "/review", "/submissions/1"):
        answer = client.get(path)
        assert (answer.status_code, answer.headers["Location"]) == (302, "/login"), path
    assert client.get("/submissions/1/progress", headers=JSON).status_code == 401


def test_forms_without_the_csrf_token_are_refused(curator, services):
    answer = curator.post("/submit", data={"center": "IHB", "file": (csv_file(row(1)), "s.csv", "text/csv")},
                          headers=JSON, content_type="multipart/form-data")
    assert answer.status_code == 400 and answer.get_json()["field"] == "csrf_token"
    assert services.submissions.list(services.accounts.authenticate("curator", "password-curator")) == []


def test_upload_progress_and_report(curator, services):
    answer = send(curator, csv_file(row(1), row(2, lat="north"), row(3, date="2999-01-01")))
    assert answer.status_code == 202
    body = answer.get_json()
    assert body["progress"] == f"/submissions/{body['id']}/progress" and body["page"] == f"/submissions/{body['id']}"
    services.jobs.wait()
    progress = curator.get(body["progress"], headers=JSON).get_json()
    assert {k: progress[k] for k in ("state", "phase", "rows_done", "rows_total", "done")} == {
        "state": "validated", "phase": "done", "rows_done": 3, "rows_total": 3, "done": True}
    page = curator.get(body["page"] + "?lang=en").get_data(as_text=True)
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', page))
    assert counts == {"rows": "3", "valid": "2", "invalid": "1", "warnings": "1"}
    assert 'name="valid_rows_only"' in page and "INVALID_NUMBER" in page
    only_errors = curator.get(body["page"] + "?severity=error").get_data(as_text=True)
    assert 'data-matching="1"' in only_errors and "north" in only_errors
    row_3 = curator.get(body["page"] + "?row=3").get_data(as_text=True)
    listed = row_3[row_3.index('<table class="issues">'):]   # the issues of row 3, below the groups of them all
    assert 'data-matching="1"' in row_3 and "RECORDED_DATE_IN_FUTURE" in listed and "north" not in listed
    groups = page[page.index("data-groups"):page.index('<form method="get" action="#issues"')]
    assert 'data-groups="2"' in groups and "INVALID_NUMBER" in groups and "north" in groups  # one group a flag
    report = curator.get(body["page"] + "/report.json")
    assert report.status_code == 200 and len(json.loads(report.get_data())["issues"]) == 2
    csv_report = curator.get(body["page"] + "/report.csv")
    assert csv_report.headers["Content-Disposition"].endswith(f'submission-{body["id"]}-report.csv"')
    assert csv_report.get_data(as_text=True).lstrip("\ufeff").startswith("row,field,value,severity,code")


def test_submit_then_reject_needs_a_reason_then_approve(client, services, people):  # noqa: F811
    sign_in(client, "curator")
    number = uploaded(client, services, csv_file(row(1), row(2, lat="north")))
    page = f"/submissions/{number}"
    refused = client.post(page + "/submit", data={"csrf_token": token(client, page)}, headers={"Referer": page})
    assert refused.status_code == 302
    assert "1 rows have errors" in client.get(page + "?lang=en").get_data(as_text=True)
    client.post(page + "/submit", data={"csrf_token": token(client, page), "valid_rows_only": "on"})
    assert services.submissions.get(people["curator"], number).state == "submitted"
    client.post("/logout", data={"csrf_token": token(client, "/")})

    sign_in(client, "reviewer")
    queue = client.get("/review?lang=en").get_data(as_text=True)
    assert f'data-submission="{number}"' in queue and "IHB-1" in queue and "Acipenser sinensis Gray" in queue
    client.post(f"/review/{number}/reject", data={"csrf_token": token(client, "/review"), "reason": "  "},
                headers={"Referer": "/review"})
    assert "A rejection needs a reason" in client.get("/review?lang=en").get_data(as_text=True)
    assert services.submissions.get(people["reviewer"], number).state == "submitted"
    assert "publish 1 records (1 new, 0 changed) of IHB" in queue
    csrf = token(client, "/review")
    for unconfirmed in ({}, {"confirm": "on"}, {"confirm": "on", "records": "2"}):
        client.post(f"/review/{number}/approve", data={"csrf_token": csrf, **unconfirmed},
                    headers={"Referer": "/review"})
        assert services.submissions.get(people["reviewer"], number).state == "submitted"
    assert "Confirm that 1 records are to be published" in client.get("/review?lang=en").get_data(as_text=True)
    client.post(f"/review/{number}/approve", data={"csrf_token": csrf, "confirm": "on", "records": "1"})
    assert services.submissions.get(people["reviewer"], number).state == "approved"
    services.jobs.wait()
    assert "Nothing is waiting for review." in client.get("/review?lang=en").get_data(as_text=True)
    assert services.resources.count() == 1


def test_other_centers_and_roles_see_nothing(client, services, people):  # noqa: F811
    sign_in(client, "curator")
    number = uploaded(client, services, csv_file(row(1)))
    client.post("/logout", data={"csrf_token": token(client, "/")})
    sign_in(client, "other_curator")
    assert client.get(f"/submissions/{number}").status_code == 404
    assert client.get(f"/submissions/{number}/report.csv").status_code == 404
    assert send(client, csv_file(row(2))).status_code == 403
    client.post("/logout", data={"csrf_token": token(client, "/")})
    sign_in(client, "researcher")
    assert client.get("/submit").headers["Location"] == "/submissions"
    assert "Submit data" not in client.get("/?lang=en").get_data(as_text=True)


def test_mapping_screen_maps_an_unknown_column(curator, services, people):  # noqa: F811
    number = uploaded(curator, services, with_tray(row(1), row(2)))
    report = curator.get(f"/submissions/{number}?lang=en").get_data(as_text=True)
    assert 'data-unknown-columns="1"' in report and f"/submissions/{number}/mapping" in report
    screen = curator.get(f"/submissions/{number}/mapping?lang=en").get_data(as_text=True)
    assert 'name="column:Tray"' in screen and "<code>T-1</code> · <code>T-2</code>" in screen
    tray = screen[screen.index('name="column:Tray"'):]
    assert '<option value="preservation_place" data-search=' in tray
    assert '<option value="" >' not in tray and "no field has this name" in screen
    saved = curator.post(f"/submissions/{number}/mapping",
                         data={"csrf_token": token(curator, "/submissions"), "column:Tray": "preservation_place"})
    services.jobs.wait()
    newer = int(saved.headers["Location"].rsplit("/", 1)[1])
    assert newer != number
    assert services.submissions.get(people["curator"], number).state == "withdrawn"
    assert services.submissions.get(people["curator"], newer).summary["mapping"]["unknown"] == []
    assert "data-unknown-columns" not in curator.get(f"/submissions/{newer}").get_data(as_text=True)


@pytest.fixture
def geologist(client, people):  # noqa: F811
    sign_in(client, "other_curator")
    return client


def test_the_mapping_screen_shows_every_decision_prefilled_and_saves_them_all(geologist, services, people):  # noqa: F811
    """A mineral list without a sample type: the screen fills 矿物 in with its reason, shows every column with
    samples, offers the vocabulary in the reader's language, and one save publishes-ready the whole file."""
    rows = "".join(f"M{n},石英 {n},SiO2,湖北 大冶,-\n" for n in range(1, 8))
    data = ("编号,名称,化学式,产地,备注\n" + rows).encode()
    answer = send(geologist, io.BytesIO(data), center="CUG")
    services.jobs.wait()
    first = answer.get_json()["id"]
    actor = people["other_curator"]
    assert services.submissions.get(actor, first).summary["summary"]["valid"] == 0
    chinese = geologist.get(f"/submissions/{first}/mapping?lang=zh").get_data(as_text=True)
    assert 'data-columns="5"' in chinese and "<code>M1</code> · <code>M2</code>" in chinese
    assert "<code>-</code>" not in chinese          # placeholders are not samples
    sample_type = chinese[chinese.index('name="default:sample_type"'):]
    sample_type = sample_type[:sample_type.index("</select>")]
    assert '<option value="mineral" selected>矿物 (mineral)</option>' in sample_type
    assert "建议取值 &#39;mineral&#39;" in chinese and "查找字段" in chinese
    english = geologist.get(f"/submissions/{first}/mapping?lang=en").get_data(as_text=True)
    assert "suggested value &#39;mineral&#39;" in english and "Mineral (mineral)" in english
    form = {"csrf_token": token(geologist, "/submissions"), "column:编号": "local_id", "column:名称": "name_zh",
            "column:化学式": "", "column:产地": "locality", "column:备注": "",
            "identifier:1": "", "default:sample_type": "mineral", "default:basis_of_record": "MaterialEntity",
            "default:country_code": "CN"}
    saved = geologist.post(f"/submissions/{first}/mapping", data=form)
    services.jobs.wait()
    second = services.submissions.get(actor, int(saved.headers["Location"].rsplit("/", 1)[1]))
    assert second.summary["summary"]["valid"] == 7
    assert second.mapping["defaults"] == {"sample_type": "mineral", "basis_of_record": "MaterialEntity",
                                          "country_code": "CN"}
    assert second.mapping["columns"]["化学式"] is None and second.mapping["identifier"] == []
    # every decision is reversible: the screen shows the saved choices, and a cleared value is gone
    again = geologist.get(f"/submissions/{second.id}/mapping?lang=en").get_data(as_text=True)
    assert 'name="default:country_code" value="CN"' in again or '<option value="CN" selected>' in again
    saved = geologist.post(f"/submissions/{second.id}/mapping", data={**form, "default:country_code": ""})
    services.jobs.wait()
    third = services.submissions.get(actor, int(saved.headers["Location"].rsplit("/", 1)[1]))
    assert "country_code" not in third.mapping["defaults"]


def test_the_mapping_screen_composes_the_identifier_and_refuses_two_columns_for_one_field(geologist, services,
                                                                                         people):  # noqa: F811
    rows = "".join(f"Q{n % 2},{n},SiO2\n" for n in range(1, 5))
    answer = send(geologist, io.BytesIO(("site,no,formula\n" + rows).encode()), center="CUG")
    services.jobs.wait()
    first = answer.get_json()["id"]
    csrf = token(geologist, "/submissions")
    refused = geologist.post(f"/submissions/{first}/mapping?lang=en",
                             data={"csrf_token": csrf, "column:site": "locality", "column:no": "locality"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Columns &#39;site&#39; and &#39;no&#39; both go to" in page
    assert services.submissions.get(people["other_curator"], first).state == "validated"   # nothing changed
    saved = geologist.post(f"/submissions/{first}/mapping",
                           data={"csrf_token": csrf, "identifier:1": "site", "identifier:2": "no",
                                 "default:sample_type": "mineral"})
    services.jobs.wait()
    second = services.submissions.get(people["other_curator"], int(saved.headers["Location"].rsplit("/", 1)[1]))
    assert second.mapping["identifier"] == ["site", "no"]
    assert second.summary["summary"]["valid"] == 4
    staged = staged_sample(services.submissions, people["other_curator"], second.id, limit=10)
    assert [record["local_id"] for record in staged] == ["Q1-1", "Q0-2", "Q1-3", "Q0-4"]


def test_upload_with_a_mapping_file(curator, services, people):  # noqa: F811
    mapping = io.BytesIO(b"column,field\nTray,preservation_place\n")
    number = uploaded(curator, services, with_tray(row(1)), mapping_choice="file",
                      mapping_file=(mapping, "trays.csv", "text/csv"))
    assert services.submissions.get(people["curator"], number).mapping["columns"] == {"Tray": "preservation_place"}
    broken = send(curator, with_tray(row(5)), mapping_choice="file",
                  mapping_file=(io.BytesIO(b'{"columns": 3}'), "m.json", "application/json"))
    assert broken.status_code == 400 and broken.get_json()["field"] == "mapping_file"
    assert "columns" in broken.get_json()["message"]


def test_the_report_offers_the_suggestions_and_accepts_them_in_one_step(curator, services):
    """The catalogue numbers are placeholders and occurrenceID is unique: the report says so in both languages,
    and one button validates the file again with occurrenceID as the identifier."""
    rows = "".join(f"occ-{n},not available,PreservedSpecimen,Acipenser sinensis Gray\n" for n in range(1, 31))
    first = uploaded(curator, services, io.BytesIO(
        ("occurrenceID,catalogNumber,basisOfRecord,scientificName\n" + rows).encode()))
    actor = services.accounts.authenticate("curator", "password-curator")
    assert services.submissions.get(actor, first).summary["summary"]["valid"] == 0
    page = curator.get(f"/submissions/{first}?lang=en").get_data(as_text=True)
    assert 'data-suggestions="1"' in page and "is filled and unique in all 30 sampled rows" in page
    chinese = curator.get(f"/submissions/{first}?lang=zh").get_data(as_text=True)
    assert "接受全部建议并重新校验" in chinese and "互不重复" in chinese and "置信度 90%" in chinese
    answer = curator.post(f"/submissions/{first}/suggestions",
                          data={"csrf_token": token(curator, f"/submissions/{first}")})
    assert answer.status_code == 302
    services.jobs.wait()
    second = int(answer.headers["Location"].rsplit("/", 1)[1])
    redone = services.submissions.get(actor, second)
    assert redone.state == "validated" and redone.summary["summary"]["valid"] == 30
    assert redone.mapping["columns"] == {"catalogNumber": None, "occurrenceID": "local_id"}
    assert redone.summary["suggestions"] == []   # nothing left to suggest
    assert services.submissions.get(actor, first).state == "withdrawn"


def test_the_failing_rows_download_as_a_spreadsheet_to_fix(curator, services, people):  # noqa: F811
    """Rows 2 and 4 fail: the XLSX holds them alone, with the file's columns, the report's row numbers, the file
    lines and the reasons; a cell that looks like a formula stays text."""
    from openpyxl import load_workbook
    number = uploaded(curator, services, csv_file(row(1), row(2, lat="91.5"), row(3), row(4, id="=HYPERLINK(1)",
                                                                                        basis="Nonsense")))
    page = curator.get(f"/submissions/{number}?lang=en").get_data(as_text=True)
    assert "Download the 2 failing rows as XLSX" in page and f"/submissions/{number}/failing-rows.xlsx" in page
    answer = curator.get(f"/submissions/{number}/failing-rows.xlsx?lang=en")
    assert answer.status_code == 200 and answer.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(answer.data)).active
    rows = [[cell.value for cell in line] for line in sheet.iter_rows()]
    header = rows[0]
    assert header[:3] == ["行号 Row", "文件行 Line", "catalogNumber"] and header[-1] == "错误 Errors"
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(2, 3, "IHB-2"), (4, 5, "=HYPERLINK(1)")]
    assert sheet.cell(row=3, column=3).data_type == "s"
    assert "decimalLatitude" in rows[1][-1] and "91.5" in rows[1][-1]
    assert "basisOfRecord" in rows[2][-1]
    assert len(header) == len(rows[1]) == 2 + 16 + 1
    sign_in_other = curator.post("/logout", data={"csrf_token": token(curator, "/")})
    assert sign_in_other.status_code == 302
    sign_in(curator, "other_curator")
    assert curator.get(f"/submissions/{number}/failing-rows.xlsx").status_code == 404


def test_the_review_sample_shows_flagged_rows_and_rows_from_all_over_the_file(client, services, people):  # noqa: F811
    """Forty rows, two of them far down with a warning: the reviewer sees those two first, with their flags, then
    rows spread over the file rather than the first eight."""
    rows = [row(n, lat="" if n in (23, 37) else "30.7") for n in range(1, 41)]
    actor = people["curator"]
    with csv_file(*rows) as stream:
        submission = services.submissions.upload(actor, "IHB", "spread.csv", stream, content_type="text/csv")
    services.jobs.wait()
    services.submissions.submit(actor, submission.id)
    sign_in(client, "reviewer")
    queue = client.get("/review?lang=en").get_data(as_text=True)
    article = queue[queue.index(f'data-submission="{submission.id}"'):]
    shown = re.findall(r"<td>(\d+)</td><td>IHB-\d+</td>", article)
    assert shown[:1] == ["23"] and 'data-flagged' in article
    assert len(shown) == 8 and int(shown[-1]) > 30, shown


def test_the_mineral_report_names_the_fix_beside_the_missing_column(geologist, services, people):  # noqa: F811
    path = REAL_DATA / "geological_specimen/personal_mineral_museum_zh.csv"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    answer = send(geologist, io.BytesIO(path.read_bytes()), center="CUG")
    services.jobs.wait()
    number = answer.get_json()["id"]
    page = geologist.get(f"/submissions/{number}?lang=zh").get_data(as_text=True)
    table = page[page.index('data-groups="'):page.index("</table>", page.index('data-groups="'))]
    first = table[table.index("<tbody>"):table.index("</tr>", table.index("<tbody>"))]
    assert "data-whole-file" in first and "全部 136 行" in first and "建议取值 &#39;mineral&#39;" in first
    # one line per row of recommended fields left empty would bury the rest: the list leaves them to the table
    listed = re.search(r'data-matching="(\d+)"', page).group(1)
    report = services.submissions.get(people["other_curator"], number).summary
    assert int(listed) == sum(report["flags"].values()) - report["flags"]["RECOMMENDED_FIELD_MISSING"]
    asked = geologist.get(f"/submissions/{number}?code=RECOMMENDED_FIELD_MISSING").get_data(as_text=True)
    assert re.search(r'data-matching="(\d+)"', asked).group(1) == str(report["flags"]["RECOMMENDED_FIELD_MISSING"])


def test_the_mapping_screen_gives_codes_to_the_file_s_own_words(curator, services, people):  # noqa: F811
    rows = "".join(f"IHB-{n},PreservedSpecimen,Acipenser sinensis Gray,{word}\n"
                   for n, word in enumerate(["Russian", "Russian", "Hubei-ish", "China"], 1))
    first = uploaded(curator, services, io.BytesIO(("catalogNumber,basisOfRecord,scientificName,country\n"
                                                    + rows).encode()))
    screen = curator.get(f"/submissions/{first}/mapping?lang=en").get_data(as_text=True)
    assert 'data-values="2"' in screen and 'name="value:country:Russian" value=""' in screen
    assert "spelled like RU" in screen and '<datalist id="vocabulary-country">' in screen
    saved = curator.post(f"/submissions/{first}/mapping",
                         data={"csrf_token": token(curator, "/submissions"), "value:country:Russian": "RU",
                               "value:country:Hubei-ish": ""})
    services.jobs.wait()
    second = services.submissions.get(people["curator"], int(saved.headers["Location"].rsplit("/", 1)[1]))
    assert second.mapping["values"] == {"country": {"Russian": "RU"}}
    assert second.summary["flags"].get("COUNTRY_UNKNOWN") == 1          # only the word left without a code
    again = curator.get(f"/submissions/{second.id}/mapping?lang=en").get_data(as_text=True)
    assert 'name="value:country:Russian" value="RU"' in again      # shown again, to change
