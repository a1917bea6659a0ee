"""Biological specimens: a clean Darwin Core row, and one row per quality flag with its exact issues."""
from __future__ import annotations

import pytest
from marshmallow import ValidationError

from schemas.biological_specimen import BiologicalSpecimenSchema
from schemas.validation import validate

CLEAN = {
    "local_id": "IHB-F-000123", "basis_of_record": "PreservedSpecimen", "institution_code": "IHB",
    "scientific_name": "Acipenser sinensis Gray, 1835", "kingdom": "Animalia", "family": "Acipenseridae",
    "genus": "Acipenser", "specific_epithet": "sinensis", "taxon_rank": "species", "name_zh": "中华鲟",
    "recorded_by": "Zhang San | Li Si", "event_date": "1998-05-01", "country_code": "中国", "state_province": "湖北省",
    "county": "宜昌市", "locality": "湖北省宜昌市葛洲坝下游江段", "decimal_latitude": "30.7",
    "decimal_longitude": "111.28", "coordinate_uncertainty_m": "1000", "sharing_mode": "依申请共享",
    "individual_count": "1", "sex": "雌",
}


def codes(outcome):
    return sorted((issue.field, issue.code) for issue in outcome.issues)


def test_clean_row_gives_the_exact_record():
    outcome = validate("biological_specimen", CLEAN, row_number=1)
    assert outcome.issues == []
    assert outcome.record == {
        "local_id": "IHB-F-000123", "name_zh": "中华鲟", "name_en": None,
        "scientific_name": "Acipenser sinensis Gray, 1835", "country_code": "CN",
        "locality": "湖北省宜昌市葛洲坝下游江段", "decimal_latitude": 30.7, "decimal_longitude": 111.28,
        "coordinate_uncertainty_m": 1000.0, "geodetic_datum": None, "event_date": "1998-05-01",
        "preservation_method": None, "preservation_place": None, "preservation_status": None,
        "availability": None, "sharing_mode": "on_request", "quantity": None, "licence": None,
        "rights_holder": None, "admin_division": "420500",
        "payload": {"state_province": "湖北省", "county": "宜昌市", "basis_of_record": "PreservedSpecimen",
                    "institution_code": "IHB", "recorded_by": ["Zhang San", "Li Si"], "kingdom": "Animalia",
                    "family": "Acipenseridae", "genus": "Acipenser", "specific_epithet": "sinensis",
                    "taxon_rank": "species", "individual_count": 1, "sex": "female"},
        "quality_flags": [],
    }


@pytest.mark.parametrize("changes, expected", [
    ({"local_id": ""}, [("local_id", "REQUIRED_FIELD_MISSING")]),
    ({"local_id": "A<1>"}, [("local_id", "IDENTIFIER_INVALID")]),
    ({"basis_of_record": "Presrved specimen"}, [("basis_of_record", "UNKNOWN_TERM_REJECTED")]),
    ({"decimal_latitude": "91.2"}, [("decimal_latitude", "COORDINATE_OUT_OF_RANGE")]),
    ({"decimal_latitude": "91.2", "country_code": "", "state_province": "", "county": ""},
     [("country_code", "RECOMMENDED_FIELD_MISSING"), ("decimal_latitude", "COORDINATE_OUT_OF_RANGE")]),
    ({"decimal_latitude": "30°42'N"}, [("decimal_latitude", "INVALID_NUMBER")]),
    ({"individual_count": "a few"}, [("individual_count", "INVALID_INTEGER")]),
    ({"decimal_latitude": "111.28", "decimal_longitude": "30.7"},
     [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    ({"decimal_longitude": "-111.28"}, [("decimal_latitude", "PRESUMED_NEGATED_COORDINATE")]),
    ({"decimal_latitude": "39.9", "decimal_longitude": "116.4"}, [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ({"decimal_latitude": "0", "decimal_longitude": "0"}, [("decimal_latitude", "ZERO_COORDINATE")]),
    ({"decimal_longitude": ""}, [("decimal_longitude", "COORDINATE_INCOMPLETE"),
                                  ("decimal_longitude", "RECOMMENDED_FIELD_MISSING")]),
    ({"coordinate_uncertainty_m": ""}, [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_MISSING")]),
    ({"coordinate_uncertainty_m": "0"}, [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_INVALID")]),
    ({"event_date": "2999-01-01"}, [("event_date", "RECORDED_DATE_IN_FUTURE")]),
    ({"event_date": "May 1998"}, [("event_date", "RECORDED_DATE_INVALID")]),
    ({"event_date": "1998-05-01/1997"}, [("event_date", "RECORDED_DATE_RANGE_INVERTED")]),
    ({"taxon_rank": "genus"}, [("taxon_rank", "TAXON_RANK_INCONSISTENT")]),
    ({"genus": "Psephurus"}, [("genus", "TAXON_NAME_MISMATCH")]),
    ({"county": "洪山区"}, [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ({"state_province": "湖南省"}, [("county", "ADMIN_DIVISION_MISMATCH"),
                                   ("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ({"country_code": "Chna"}, [("country_code", "COUNTRY_UNKNOWN")]),
    ({"sex": "both"}, [("sex", "UNKNOWN_TERM")]),
    ({"sharing_mode": "secret"}, [("sharing_mode", "UNKNOWN_TERM_REJECTED")]),
    ({"scientific_name": ""}, [("scientific_name", "RECOMMENDED_FIELD_MISSING")]),
])
def test_each_flag(changes, expected):
    outcome = validate("biological_specimen", {**CLEAN, **changes})
    assert codes(outcome) == sorted(expected)
    rejected = any(issue.severity == "error" for issue in outcome.issues)
    assert (outcome.record is None) == rejected
    if not rejected:
        assert outcome.record["quality_flags"] == sorted({code for _, code in expected})


def test_messages_name_field_value_and_reason_in_both_languages():
    outcome = validate("biological_specimen", {**CLEAN, "basis_of_record": "Presrved specimen"}, row_number=7)
    issue = outcome.issues[0].as_dict()
    assert issue["row"] == 7 and issue["field"] == "basis_of_record" and issue["severity"] == "error"
    assert issue["message"]["en"] == ("'Presrved specimen' is not an allowed value of Basis of record. "
                                      "Did you mean 'PreservedSpecimen' (Preserved Specimen)?")
    assert "记录类型" in issue["message"]["zh"] and "PreservedSpecimen" in issue["message"]["zh"]


def test_marshmallow_agrees_on_parse_errors():
    row = {**CLEAN, "decimal_latitude": "30°42'N", "individual_count": "a few", "event_date": "May 1998"}
    with pytest.raises(ValidationError) as caught:
        BiologicalSpecimenSchema().load(row)
    assert caught.value.messages == {"decimal_latitude": ["INVALID_NUMBER"], "individual_count": ["INVALID_INTEGER"],
                                     "event_date": ["RECORDED_DATE_INVALID"]}
    assert {(i.field, i.code) for i in validate("biological_specimen", row).issues} >= {
        ("decimal_latitude", "INVALID_NUMBER"), ("individual_count", "INVALID_INTEGER"),
        ("event_date", "RECORDED_DATE_INVALID")}


