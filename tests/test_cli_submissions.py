"""`catalog ingest`, `catalog submissions …` and `catalog search` with their exit codes and --json shapes."""
from __future__ import annotations

import json

import pytest

from catalog.cli import main
from tests.ingest.test_submissions import HEADER, row


@pytest.fixture
def center(runner):
    runner.invoke(main, ["init"], catch_exceptions=False)
    runner.invoke(main, ["department", "create", "--code", "CASWH", "--name-zh", "中国科学院武汉分院",
                         "--name-en", "CAS Wuhan Branch"], catch_exceptions=False)
    runner.invoke(main, ["center", "create", "--code", "IHB", "--name-zh", "水生生物标本馆", "--name-en",
                         "Hydrobiology Specimens", "--domain", "biological_specimen", "--department", "CASWH"],
                  catch_exceptions=False)
    return "IHB"


def write(tmp_path, name, *rows):
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return str(path)


def run_json(runner, *args):
    result = runner.invoke(main, [*args, "--json"], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def test_ingest_submits_clean_files_and_approve_publishes(runner, center, tmp_path):
    code, document = run_json(runner, "ingest", write(tmp_path, "clean.csv", row(1), row(2)), "--center", center)
    assert code == 0
    assert {k: document[k] for k in ("center", "domain", "state", "summary", "changes")} == {
        "center": "IHB", "domain": "biological_specimen", "state": "submitted",
        "summary": {"rows": 2, "valid": 2, "invalid": 0, "warnings": 0},
        "changes": {"insert": 2, "update": 0, "unchanged": 0, "delete": 0}}
    assert document["report"]["summary"] == document["summary"] and document["report"]["issues"] == []
    code, listed = run_json(runner, "submissions", "list", "--state", "submitted")
    assert code == 0 and [item["id"] for item in listed["items"]] == [document["id"]]
    code, approved = run_json(runner, "submissions", "approve", str(document["id"]))
    assert approved["state"] == "approved"
    code, found = run_json(runner, "search", "Acipenser", "--facet", "domain")
    assert found["total"] == 2 and found["facets"] == {"domain": {"biological_specimen": 2}}
    assert {item["id"] for item in found["items"]} == {"IHB-biological_specimen-IHB-1", "IHB-biological_specimen-IHB-2"}


def test_rows_in_error_block_submission_unless_valid_rows_only(runner, center, tmp_path):
    path = write(tmp_path, "mixed.csv", row(1), row(2, lat="north"))
    code, document = run_json(runner, "ingest", path, "--center", center)
    assert code == 1 and document["state"] == "validated"
    assert [(i["row"], i["field"], i["code"]) for i in document["report"]["issues"]] == [
        (2, "decimalLatitude", "INVALID_NUMBER")]
    code, again = run_json(runner, "ingest", path, "--center", center, "--valid-rows-only")
    assert code == 0 and again["id"] == document["id"] and again["state"] == "submitted"
    code, rejected = run_json(runner, "submissions", "reject", str(again["id"]), "--reason", "坐标缺失")
    assert rejected["state"] == "rejected" and rejected["review_reason"] == "坐标缺失"


def test_unreadable_file_exits_2(runner, center, tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 30)
    code, document = run_json(runner, "ingest", str(path), "--center", center)
    assert code == 2 and document["state"] == "failed"
    assert document["report"]["issues"][0]["code"] == "FILE_UNREADABLE"


def test_withdraw_and_show(runner, center, tmp_path):
    code, document = run_json(runner, "ingest", write(tmp_path, "w.csv", row(9)), "--center", center)
    code, shown = run_json(runner, "submissions", "show", str(document["id"]))
    assert shown["state"] == "submitted" and shown["flags"] == {}
    code, withdrawn = run_json(runner, "submissions", "withdraw", str(document["id"]))
    assert withdrawn["state"] == "withdrawn"
    result = runner.invoke(main, ["submissions", "approve", str(document["id"])])
    assert result.exit_code == 1 and "withdrawn" in result.output


def test_search_refuses_unknown_filters(runner, center):
    result = runner.invoke(main, ["search", "--filter", "colour=red"])
    assert result.exit_code == 1 and "unknown filter field 'colour'" in result.output
