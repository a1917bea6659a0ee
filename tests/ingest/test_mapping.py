"""Header mapping: by field name, term name, CURIE, URI, alias, zh/en label; unknown columns; mapping files."""
from __future__ import annotations

import json

import pytest

from ingest.mapping import MappingError, load_mapping_file, map_columns, match_header, normalise


@pytest.mark.parametrize("header, field", [
    ("catalogNumber", "local_id"), ("dwc:catalogNumber", "local_id"), ("catalog_number", "local_id"),
    ("http://rs.tdwg.org/dwc/terms/catalogNumber", "local_id"), ("馆藏号", "local_id"), ("Catalogue number", "local_id"),
    ("decimalLatitude", "decimal_latitude"), ("Decimal Latitude", "decimal_latitude"), ("纬度", "decimal_latitude"),
    ("ＢａｓｉｓＯｆＲｅｃｏｒｄ", "basis_of_record"), ("class", "taxon_class"), ("采集人", "recorded_by"),
    ("location.decimalLongitude", "decimal_longitude"), ("sharing_mode", "sharing_mode"), ("共享方式", "sharing_mode"),
])
def test_headers_match_their_field(header, field):
    assert match_header("biological_specimen", header) == field


def test_normalise_ignores_case_width_and_punctuation():
    assert normalise(" Decimal_Latitude ") == normalise("ｄｅｃｉｍａｌ-latitude") == "decimallatitude"
    assert normalise("采集 日期") == "采集日期"


def test_unknown_and_conflicting_columns_are_reported():
    mapping = map_columns("biological_specimen", ["catalogNumber", "Wetness", "馆藏号", "scientificName"])
    assert mapping.columns == {"catalogNumber": "local_id", "Wetness": None, "馆藏号": None,
                               "scientificName": "scientific_name"}
    assert mapping.unknown == ("Wetness",)
    assert mapping.conflicts == (("馆藏号", "local_id", "catalogNumber"),)
    assert mapping.apply({"catalogNumber": "A1", "Wetness": "damp", "scientificName": "Davidia involucrata"}) == {
        "local_id": "A1", "scientific_name": "Davidia involucrata"}


def test_mapping_files_map_and_ignore_columns(tmp_path):
    as_json = tmp_path / "mapping.json"
    as_json.write_text(json.dumps({"columns": {"Wetness": "habitat", "catalogNumber": None, "No.": "local_id"}}))
    mapping = map_columns("biological_specimen", ["No.", "catalogNumber", "Wetness"], load_mapping_file(as_json).columns)
    assert mapping.columns == {"No.": "local_id", "catalogNumber": None, "Wetness": "habitat"}
    assert mapping.unknown == () and mapping.from_file == ("No.", "catalogNumber", "Wetness")
    as_csv = tmp_path / "mapping.csv"
    as_csv.write_text("column,field\nWetness,habitat\nJunk,\n", encoding="utf-8")
    assert load_mapping_file(as_csv).columns == {"Wetness": "habitat", "Junk": None}
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"defaults": {"basis_of_record": "PreservedSpecimen"}, "identifier": ["Country", "Year"]}))
    assert load_mapping_file(spec).as_dict() == {"columns": {}, "defaults": {"basis_of_record": "PreservedSpecimen"},
                                                 "identifier": ["Country", "Year"]}


@pytest.mark.parametrize("content, message", [
    ('{"columns": {"A": "no_such_field"}}', "has no such field"),
    ('{"columns": ["A"]}', 'expected {"columns"'),
    ('{"columns": ', "not valid JSON"),
    ('{"colums": {}}', "unknown key"),
    ('{"defaults": {"basis_of_record": 3}}', 'expected {"defaults"'),
    ('{"identifier": "Country"}', 'expected {"identifier"'),
    ("A,b,c\n", "line 1: expected two cells"),
])
def test_bad_mapping_files_say_why(tmp_path, content, message):
    path = tmp_path / ("m.json" if content.startswith("{") else "m.csv")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        map_columns("biological_specimen", ["A"], load_mapping_file(path).columns)
