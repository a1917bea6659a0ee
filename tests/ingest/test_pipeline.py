"""check_file and `catalog validate`: the report's JSON shape, exit codes, and the row-level checks."""
from __future__ import annotations

import json

from catalog.cli import main
from ingest.pipeline import check_file

HEADER = "catalogNumber,basisOfRecord,scientificName,eventDate,decimalLatitude,decimalLongitude,coordinateUncertaintyInMeters,countryCode,stateProvince,locality,kingdom,family,taxonRank,recordedBy,institutionCode\n"
GOOD = "IHB-1,PreservedSpecimen,Acipenser sinensis Gray,1998-05-01,30.7,111.28,1000,CN,湖北省,宜昌,Animalia,Acipenseridae,species,Zhang San,IHB\n"


def write(tmp_path, body: str, name: str = "specimens.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_report_counts_and_exact_issues(tmp_path):
    path = write(tmp_path, GOOD + GOOD.replace("1998-05-01", "2999-01-01") + GOOD.replace("IHB-1", "IHB-2")
                 .replace("30.7", "91.2") + "\n" + GOOD.replace("IHB-1", "IHB-3"))
    report = check_file(path, "biological_specimen")
    assert report.summary() == {"rows": 4, "valid": 2, "invalid": 2, "warnings": 1}
    assert dict(report.flags) == {"DUPLICATE_IDENTIFIER": 1, "RECORDED_DATE_IN_FUTURE": 1,
                                  "COORDINATE_OUT_OF_RANGE": 1}
    triples = [(item["row"], item["field"], item["code"]) for item in report.issues()]
    assert triples == [(2, "eventDate", "RECORDED_DATE_IN_FUTURE"), (2, "catalogNumber", "DUPLICATE_IDENTIFIER"),
                       (3, "decimalLatitude", "COORDINATE_OUT_OF_RANGE")]
    assert [note["code"] for note in report.details["notes"]] == ["BLANK_LINES_SKIPPED"]


def test_valid_records_reach_the_sink_only(tmp_path):
    path = write(tmp_path, GOOD + GOOD.replace("IHB-1", "IHB-2").replace("PreservedSpecimen", "Rock"))
    received = []
    check_file(path, "biological_specimen", on_record=lambda number, record: received.append((number, record)))
    assert [(number, record["local_id"], record["admin_division"]) for number, record in received] == [
        (1, "IHB-1", "420000")]


def test_defaults_fill_empty_fields(tmp_path):
    path = write(tmp_path, GOOD)
    received = []
    check_file(path, "biological_specimen", defaults={"sharing_mode": "restricted"},
               on_record=lambda number, record: received.append(record))
    assert received[0]["sharing_mode"] == "restricted"


def test_cli_exit_codes_and_json_shape(tmp_path, runner):
    clean = write(tmp_path, GOOD, "clean.csv")
    result = runner.invoke(main, ["validate", str(clean), "--domain", "biological_specimen", "--json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert set(document) >= {"file", "domain", "summary", "flags", "issues"}
    assert document["file"] == "clean.csv" and document["summary"] == {"rows": 1, "valid": 1, "invalid": 0,
                                                                       "warnings": 0}
    broken = write(tmp_path, GOOD.replace("30.7", "north"), "broken.csv")
    result = runner.invoke(main, ["validate", str(broken), "--domain", "biological_specimen", "--json"])
    assert result.exit_code == 1
    issue = json.loads(result.stdout)["issues"][0]
    assert issue == {"row": 1, "field": "decimalLatitude", "value": "north", "severity": "error",
                     "code": "INVALID_NUMBER", "message": issue["message"], "line": 2}
    assert "Latitude" in issue["message"]["en"] and "纬度" in issue["message"]["zh"]
    unreadable = tmp_path / "truncated.zip"
    unreadable.write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    result = runner.invoke(main, ["validate", str(unreadable), "--domain", "biological_specimen", "--json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["summary"]["rows"] == 0 and document["issues"][0]["code"] == "FILE_UNREADABLE"
    missing = runner.invoke(main, ["validate", str(tmp_path / "nope.csv"), "--domain", "biological_specimen"])
    assert missing.exit_code == 2


def test_csv_report_quotes_formulas_but_not_numbers():
    from ingest.report import spreadsheet_safe
    assert [spreadsheet_safe(v) for v in ("=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)", "-91.2", "-12", "north", None)] \
        == ["'=HYPERLINK(\"x\")", "'+1+1", "'@SUM(A1)", "-91.2", "-12", "north", None]
