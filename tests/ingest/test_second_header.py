"""A second header row under the header (units, the headers in another language, template directives) is not
a row and never a record: the rows after it are numbered from 1, and the report says what was recognised."""
from __future__ import annotations

import pytest

from ingest.pipeline import check_file

MINERALS = "编号,中文名称,英文名称,化学式,重量(g)\n{second}1,石英,Quartz,SiO₂,12\n2,方解石,Calcite,CaCO₃,30\n"


def checked(tmp_path, text: str, domain: str = "geological_specimen", **options):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    return check_file(path, domain, **options)


@pytest.mark.parametrize("second, kind", [
    ("ID,Chinese name,English name,Formula,Weight\n", "naming the columns again"),
    (",,,,g\n", None),   # one filled cell is too little to tell: the row stays (and is invalid)
    ("(个),,,,(g)\n", "units"),
    ("ID,A rdfs:label,A IAO:0000115,A chemical formula SPLIT=|,\n", "template directives"),
])
def test_a_second_header_row_is_recognised_and_not_counted(tmp_path, second, kind):
    report = checked(tmp_path, MINERALS.format(second=second))
    notes = [note for note in report.details["notes"] if note["code"] == "SECOND_HEADER_ROW"]
    if kind is None:
        assert notes == [] and report.summary()["rows"] == 3
        return
    assert report.summary()["rows"] == 2 and len(notes) == 1
    assert kind in notes[0]["message"]["en"] and notes[0]["lines"] == [2] and notes[0]["message"]["zh"]
    assert {issue["row"] for issue in report.issues()} <= {1, 2}


def test_records_after_it_are_numbered_from_one(tmp_path):
    staged = []
    text = ("catalogNumber,basisOfRecord,scientificName,weight,length\n,,,g,cm\n"
            "A1,PreservedSpecimen,Acipenser sinensis,12,30\nA2,PreservedSpecimen,Acipenser dabryanus,11,28\n")
    report = checked(tmp_path, text, "biological_specimen", on_record=lambda number, record: staged.append(
        (number, record["local_id"])))
    assert report.summary()["valid"] == 2 and staged == [(1, "A1"), (2, "A2")]


def test_an_ordinary_first_row_is_a_row(tmp_path):
    report = checked(tmp_path, MINERALS.format(second=""))
    assert report.summary()["rows"] == 2
    assert not [note for note in report.details["notes"] if note["code"] == "SECOND_HEADER_ROW"]
