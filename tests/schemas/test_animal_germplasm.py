"""Animal germplasm schema: breed, donor animal and cryopreserved material; headers of real files; verdicts."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from schemas.issues import CATALOGUE, Severity
from schemas.registry import describe
from schemas.validation import validate
from ingest.mapping import normalise
from tests.schemas.helpers import found, header_map, invalid_by_marshmallow, invalid_by_validate

DOMAIN = "animal_germplasm"
SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "data" / "real" / "animal_germplasm"
PARSE_CODES = {"INVALID_INTEGER", "INVALID_NUMBER", "INVALID_BOOLEAN", "RECORDED_DATE_INVALID",
               "RECORDED_DATE_RANGE_INVERTED"}
FIELDS = (
    "local_id", "name_zh", "name_en", "scientific_name", "country_code", "state_province", "county", "locality",
    "decimal_latitude", "decimal_longitude", "coordinate_uncertainty_m", "geodetic_datum", "event_date",
    "preservation_method", "preservation_place", "preservation_status", "availability", "sharing_mode", "quantity",
    "licence", "rights_holder", "remarks",
    "other_identifiers", "material_type", "vernacular_name", "breed", "breed_category", "geographical_classification",
    "risk_status", "protection_level", "conservation_programme", "donor_animal_id", "donor_name", "sex", "birth_date",
    "life_stage", "sire_id", "dam_id", "pedigree", "herd_book_number", "number_of_donors", "health_status",
    "collected_by", "collection_protocol", "storage_temperature_c", "cryopreservation_date")

# Frozen semen of an Enshi Black boar, collected at the conservation farm and kept in the provincial gene bank.
CLEAN = {
    "local_id": "AG-ESHP-0107", "other_identifiers": "SAMEA5159523", "material_type": "冷冻精液",
    "name_zh": "恩施黑猪冷冻精液", "name_en": "Enshi Black pig frozen semen", "scientific_name": "Sus scrofa",
    "vernacular_name": "猪", "breed": "恩施黑猪", "breed_category": "地方品种", "geographical_classification": "local",
    "risk_status": "维持", "protection_level": "省级", "conservation_programme": "恩施黑猪保种计划（2021—2025）",
    "donor_animal_id": "ESHP-B-0231", "donor_name": "黑豹", "sex": "公", "birth_date": "2019-04-18",
    "life_stage": "成年", "sire_id": "ESHP-B-0112", "dam_id": "ESHP-S-0457", "pedigree": "祖父 ESHP-B-0031",
    "herd_book_number": "HB-ESHP-2019-031", "number_of_donors": "1", "health_status": "猪瘟、非洲猪瘟、伪狂犬病检测阴性",
    "country_code": "中国", "state_province": "湖北省", "county": "恩施市", "locality": "恩施市芭蕉侗族乡恩施黑猪保种场",
    "decimal_latitude": "30.1804", "decimal_longitude": "109.4227", "coordinate_uncertainty_m": "100",
    "geodetic_datum": "WGS84",
    "event_date": "2021-11-05", "collected_by": "恩施州畜牧兽医研究所 | 湖北省农业科学院畜牧兽医研究所",
    "collection_protocol": "手握法采精，0.25 mL 细管，程序降温冷冻",
    "preservation_method": "液氮冷冻保存（-196℃）", "storage_temperature_c": "-196", "cryopreservation_date": "2021-11-06",
    "preservation_place": "湖北省畜禽遗传资源基因库", "preservation_status": "在库", "quantity": "600 支细管",
    "availability": "available", "sharing_mode": "依申请共享", "licence": "CC BY 4.0",
    "rights_holder": "湖北省农业科学院畜牧兽医研究所", "remarks": "解冻后精子活力 0.42",
}
EXPECTED_RECORD = {
    "local_id": "AG-ESHP-0107", "name_zh": "恩施黑猪冷冻精液", "name_en": "Enshi Black pig frozen semen",
    "scientific_name": "Sus scrofa", "country_code": "CN", "locality": "恩施市芭蕉侗族乡恩施黑猪保种场",
    "decimal_latitude": 30.1804, "decimal_longitude": 109.4227, "coordinate_uncertainty_m": 100.0,
    "geodetic_datum": "WGS84", "event_date": "2021-11-05", "preservation_method": "液氮冷冻保存（-196℃）",
    "preservation_place": "湖北省畜禽遗传资源基因库", "preservation_status": "在库", "availability": "available",
    "sharing_mode": "on_request", "quantity": "600 支细管", "licence": "CC BY 4.0",
    "rights_holder": "湖北省农业科学院畜牧兽医研究所",
    "payload": {
        "state_province": "湖北省", "county": "恩施市", "remarks": "解冻后精子活力 0.42",
        "other_identifiers": ["SAMEA5159523"], "material_type": "semen", "vernacular_name": "猪", "breed": "恩施黑猪",
        "breed_category": "地方品种", "geographical_classification": "local", "risk_status": "维持",
        "protection_level": "省级", "conservation_programme": "恩施黑猪保种计划（2021—2025）",
        "donor_animal_id": "ESHP-B-0231", "donor_name": "黑豹", "sex": "male", "birth_date": "2019-04-18",
        "life_stage": "成年", "sire_id": "ESHP-B-0112", "dam_id": "ESHP-S-0457", "pedigree": "祖父 ESHP-B-0031",
        "herd_book_number": "HB-ESHP-2019-031", "number_of_donors": 1, "health_status": "猪瘟、非洲猪瘟、伪狂犬病检测阴性",
        "collected_by": ["恩施州畜牧兽医研究所", "湖北省农业科学院畜牧兽医研究所"],
        "collection_protocol": "手握法采精，0.25 mL 细管，程序降温冷冻", "storage_temperature_c": -196.0,
        "cryopreservation_date": "2021-11-06",
    },
    "admin_division": "422801",
    "quality_flags": [],
}


def row(**changes):
    """The clean row with some cells changed; None removes the cell."""
    result = dict(CLEAN)
    for name, value in changes.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    return result


# ---------------------------------------------------------------- declarations

def test_describe_lists_the_fields():
    description = describe(DOMAIN)
    assert tuple(d.name for d in description.fields) == FIELDS
    assert description.schema.__module__ == "schemas.animal_germplasm"


def test_vocabularies_and_levels():
    by_name = describe(DOMAIN).by_name
    assert (by_name["material_type"].vocabulary, by_name["material_type"].required) == ("animal_material_type", True)
    assert by_name["material_type"].term == "dwc:materialEntityType"
    assert (by_name["sex"].vocabulary, by_name["sex"].term) == ("sex", "dwc:sex")
    assert by_name["breed"].term == "cat:breed" and by_name["breed"].level == "recommended"
    assert [d.name for d in describe(DOMAIN).fields if d.required] == ["local_id", "material_type"]
    # coordinates of a breed's origin are seldom known: optional here, unlike the core
    assert by_name["decimal_latitude"].level == by_name["decimal_longitude"].level == "optional"


@pytest.mark.skipif(not (SHARED / "data" / "standards").is_dir(), reason="shared standards not present")
def test_standard_terms_exist_in_their_standards():
    with open(SHARED / "data/standards/dwc/term_versions.csv", encoding="utf-8") as handle:
        dwc = {r["term_localName"] for r in csv.DictReader(handle) if r["status"] == "recommended"
               and r["iri"].startswith("http://rs.tdwg.org/dwc/terms/")}
    extension = (SHARED / "data/standards/gbif-extensions/GermplasmAccession.xml").read_text(encoding="utf-8")
    germplasm = set(re.findall(r'name="(\w+)"', extension))
    for declaration in describe(DOMAIN).fields:
        prefix, _, local = declaration.term.partition(":")
        assert local in {"dwc": dwc, "germplasm": germplasm}.get(prefix, {local}), declaration.term


@pytest.mark.skipif(not REAL.is_dir(), reason="real files not present")
def test_real_dadis_and_cryoweb_headers_map_to_fields():
    mapper = pytest.importorskip("ingest.mapping")
    with open(REAL / "fao_dadis_cattle_cryoconservation_by_breed.csv", encoding="utf-8", newline="") as handle:
        dadis = mapper.map_columns(DOMAIN, next(csv.reader(handle)))
    assert {column: field for column, field in dadis.columns.items() if field} == {
        "Country": "country_code", "Specie": "vernacular_name", "Breed/Most common name": "breed",
        "collected by": "collected_by", "Geographical classification": "geographical_classification"}
    assert dadis.conflicts == (("ISO3", "country_code", "Country"),)   # name and alpha-3 code of one country
    specimen = json.loads((REAL / "image_italian_cryoweb_specimens.json").read_text(encoding="utf-8"))[0]
    specimens = mapper.map_columns(DOMAIN, [key for key in specimen if key != "specimens"]
                                   + list(specimen["specimens"][0]))
    assert {column: field for column, field in specimens.columns.items() if field} == {
        "data_source_id": "other_identifiers", "alternative_id": "local_id", "gene_bank_name": "preservation_place",
        "species": "scientific_name", "derived_from": "donor_animal_id", "collection_date": "event_date",
        "collection_place": "locality", "organism_part": "material_type",
        "specimen_collection_protocol": "collection_protocol", "collection_place_latitude": "decimal_latitude",
        "collection_place_longitude": "decimal_longitude", "developmental_stage": "life_stage",
        "availability": "availability", "sample_storage": "preservation_method"}
    assert specimens.conflicts == ()
    organism = json.loads((REAL / "image_italian_cryoweb_organisms.json").read_text(encoding="utf-8"))[0]
    organisms = mapper.map_columns(DOMAIN, list(organism["organisms"][0]))
    assert {column: field for column, field in organisms.columns.items() if field} == {
        "supplied_breed": "breed", "efabis_breed_country": "country_code", "sex": "sex", "birth_location": "locality",
        "child_of": "pedigree"}


def test_chinese_headers_map_to_fields():
    mapping = header_map(DOMAIN)
    assert {column: mapping[normalise(column)] for column in (
        "资源编号", "品种名称", "品种", "品种类别", "畜种", "材料类型", "性别", "供体编号", "耳号", "出生日期", "父号", "母号",
        "系谱", "良种登记号", "采集日期", "冻存日期", "保存温度", "保存方式", "保存单位", "保种场", "保存数量", "原产地",
        "中心产区", "原产省", "濒危等级", "保护级别")} == {
        "资源编号": "local_id", "品种名称": "breed", "品种": "breed", "品种类别": "breed_category",
        "畜种": "vernacular_name", "材料类型": "material_type", "性别": "sex", "供体编号": "donor_animal_id",
        "耳号": "donor_animal_id", "出生日期": "birth_date", "父号": "sire_id", "母号": "dam_id", "系谱": "pedigree",
        "良种登记号": "herd_book_number", "采集日期": "event_date", "冻存日期": "cryopreservation_date",
        "保存温度": "storage_temperature_c", "保存方式": "preservation_method", "保存单位": "preservation_place",
        "保种场": "preservation_place", "保存数量": "quantity", "原产地": "locality", "中心产区": "locality",
        "原产省": "state_province", "濒危等级": "risk_status", "保护级别": "protection_level"}


# ---------------------------------------------------------------- validation

def test_clean_row_validates_without_issues_into_the_expected_record():
    outcome = validate(DOMAIN, CLEAN)
    assert outcome.issues == []
    assert outcome.record == EXPECTED_RECORD


@pytest.mark.parametrize("changes, field, expected", [
    ({"material_type": "semen"}, "material_type", "semen"),
    ({"material_type": "胚胎", "sex": "unknown"}, "material_type", "embryo"),
    ({"material_type": "活体"}, "material_type", "live_animal"),
    ({"material_type": "DNA"}, "material_type", "dna"),
    ({"sex": "母", "material_type": "卵母细胞"}, "sex", "female"),
    ({"sex": "Male"}, "sex", "male"),
    ({"country_code": "ITA", "state_province": None, "county": None, "locality": "Toscana",
      "decimal_latitude": "43.32", "decimal_longitude": "11.33"}, "country_code", "IT"),
    ({"birth_date": "2019年4月"}, "birth_date", "2019-04"),
    ({"cryopreservation_date": "20211106"}, "cryopreservation_date", "2021-11-06"),
    ({"storage_temperature_c": "－196"}, "storage_temperature_c", -196.0),
    ({"sex": "男"}, "sex", "male"),
    ({"sex": "女", "material_type": "血液"}, "sex", "female"),
    ({"material_type": "Blood"}, "material_type", "blood"),
    ({"material_type": "Hair"}, "material_type", "hair"),
    ({"material_type": "毛发"}, "material_type", "hair"),
])
def test_values_are_normalised(changes, field, expected):
    outcome = validate(DOMAIN, row(**changes))
    assert outcome.issues == []
    record = outcome.record
    assert (record[field] if field in record else record["payload"][field]) == expected


ISSUE_CASES = [
    # (case id, changes to the clean row, the exact (field, code) list)
    ("local-id-missing", {"local_id": None}, [("local_id", "REQUIRED_FIELD_MISSING")]),
    ("local-id-invalid", {"local_id": "AG-ESHP-0107*"}, [("local_id", "IDENTIFIER_INVALID")]),
    ("material-type-missing", {"material_type": None}, [("material_type", "REQUIRED_FIELD_MISSING")]),
    ("material-type-blank", {"material_type": " "}, [("material_type", "REQUIRED_FIELD_MISSING")]),
    # an open vocabulary: feathers (not a listed material) are kept and flagged
    ("material-type-unknown", {"material_type": "羽毛"}, [("material_type", "UNKNOWN_TERM")]),
    ("breed-missing", {"breed": None}, [("breed", "RECOMMENDED_FIELD_MISSING")]),
    ("breed-too-long", {"breed": "猪" * 201}, [("breed", "VALUE_TOO_LONG")]),
    ("sex-unknown", {"sex": "阉"}, [("sex", "UNKNOWN_TERM")]),
    ("donors-not-a-number", {"number_of_donors": "two"}, [("number_of_donors", "INVALID_INTEGER")]),
    ("donors-negative", {"number_of_donors": "-1"}, [("number_of_donors", "NUMBER_OUT_OF_RANGE")]),
    ("temperature-with-unit", {"storage_temperature_c": "-196℃"}, [("storage_temperature_c", "INVALID_NUMBER")]),
    ("temperature-below-absolute-zero", {"storage_temperature_c": "-300"},
     [("storage_temperature_c", "NUMBER_OUT_OF_RANGE")]),
    ("birth-date-day-without-month", {"birth_date": "2019--15"}, [("birth_date", "RECORDED_DATE_INVALID")]),
    ("cryopreservation-in-future", {"cryopreservation_date": "2999-01-01"},
     [("cryopreservation_date", "RECORDED_DATE_IN_FUTURE")]),
    ("collection-inverted", {"event_date": "2021-11-05/2021-10-01"}, [("event_date", "RECORDED_DATE_RANGE_INVERTED")]),
    ("sharing-mode-unknown", {"sharing_mode": "公开??"}, [("sharing_mode", "UNKNOWN_TERM_REJECTED")]),
    ("country-unknown", {"country_code": "Xanadu"}, [("country_code", "COUNTRY_UNKNOWN")]),
    ("province-unknown", {"state_province": "火星省"}, [("state_province", "UNKNOWN_TERM")]),
    ("county-outside-province", {"state_province": "黑龙江省"}, [("county", "ADMIN_DIVISION_MISMATCH"),
                                                            ("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ("latitude-95", {"decimal_latitude": "95"}, [("decimal_latitude", "COORDINATE_OUT_OF_RANGE")]),
    ("swapped-in-hubei", {"decimal_latitude": "109.4227", "decimal_longitude": "30.1804"},
     [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    ("negated-longitude", {"decimal_longitude": "-109.4227"}, [("decimal_latitude", "PRESUMED_NEGATED_COORDINATE")]),
    ("outside-hubei", {"decimal_latitude": "39.9042", "decimal_longitude": "116.4074"},
     [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    # CryoWeb writes "0.00" for unknown coordinates
    ("zero-coordinates", {"decimal_latitude": "0.00", "decimal_longitude": "0.00"},
     [("decimal_latitude", "ZERO_COORDINATE")]),
    ("longitude-missing", {"decimal_longitude": None}, [("decimal_longitude", "COORDINATE_INCOMPLETE")]),
    ("uncertainty-missing", {"coordinate_uncertainty_m": None},
     [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_MISSING")]),
    ("uncertainty-zero", {"coordinate_uncertainty_m": "0"},
     [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_INVALID")]),
    ("life-stage-placeholder", {"life_stage": "-"}, [("life_stage", "MISSING_VALUE_PLACEHOLDER")]),
    ("remarks-garbled", {"remarks": "GÃ¶ttingen"}, [("remarks", "TEXT_MOJIBAKE")]),
    ("health-with-html", {"health_status": "<b>阴性</b>"}, [("health_status", "TEXT_MARKUP")]),
    ("birth-before-1600", {"birth_date": "1019-04-18"}, [("birth_date", "RECORDED_DATE_UNLIKELY")]),
    ("nameless", {"name_zh": None, "name_en": None, "scientific_name": None, "vernacular_name": None, "breed": None},
     [("name_zh", "RECOMMENDED_FIELD_MISSING"), ("scientific_name", "RECOMMENDED_FIELD_MISSING"),
      ("breed", "RECOMMENDED_FIELD_MISSING"), ("name_zh", "NAME_MISSING")]),
]
# The row-level codes validate() can raise for an animal row. Not here: INVALID_BOOLEAN (no boolean field),
# TAXON_RANK_INCONSISTENT and TAXON_NAME_MISMATCH (no rank, no genus field), GEOLOGIC_* and NUMERIC_AGE_*
# (no geological context), and the ingest pipeline's file- and batch-level codes; nor the verbatim-field codes
# (RECORDED_DATE_MISMATCH, COORDINATE_INVALID, DECIMAL_COORDINATE_IN_DMS_FIELD, ELEVATION_NON_NUMERIC,
# COUNTRY_MISMATCH: no such fields), BASIS_OF_RECORD_NOT_SPECIMEN and DIMENSIONS_INVALID (other domains' checks).
ROW_CODES = {"REQUIRED_FIELD_MISSING", "RECOMMENDED_FIELD_MISSING", "VALUE_TOO_LONG", "INVALID_INTEGER",
             "INVALID_NUMBER", "NUMBER_OUT_OF_RANGE", "UNKNOWN_TERM", "UNKNOWN_TERM_REJECTED", "RECORDED_DATE_INVALID",
             "RECORDED_DATE_IN_FUTURE", "RECORDED_DATE_RANGE_INVERTED", "COORDINATE_OUT_OF_RANGE",
             "COORDINATE_INCOMPLETE", "ZERO_COORDINATE", "PRESUMED_SWAPPED_COORDINATE", "PRESUMED_NEGATED_COORDINATE",
             "COORDINATE_OUTSIDE_STATED_AREA", "COORDINATE_UNCERTAINTY_MISSING", "COORDINATE_UNCERTAINTY_INVALID",
             "COUNTRY_UNKNOWN", "ADMIN_DIVISION_MISMATCH", "IDENTIFIER_INVALID",
             "MISSING_VALUE_PLACEHOLDER", "TEXT_MOJIBAKE", "TEXT_MARKUP", "RECORDED_DATE_UNLIKELY", "NAME_MISSING"}


@pytest.mark.parametrize("changes, expected", [case[1:] for case in ISSUE_CASES], ids=[c[0] for c in ISSUE_CASES])
def test_each_problem_is_reported_on_its_field(changes, expected):
    outcome = validate(DOMAIN, row(**changes))
    assert found(outcome) == expected
    has_error = any(CATALOGUE[code].severity == Severity.ERROR for _, code in expected)
    assert outcome.valid is not has_error
    if outcome.valid:
        assert outcome.record["quality_flags"] == sorted({code for _, code in expected})


def test_every_issue_type_that_can_occur_is_exercised():
    exercised = {code for case in ISSUE_CASES for _, code in case[2]}
    assert exercised == ROW_CODES and ROW_CODES <= set(CATALOGUE)
    names = set(describe(DOMAIN).by_name)
    assert not names & {"genus", "taxon_rank", "earliest_period"}


def test_unknown_material_type_is_kept_verbatim():
    outcome = validate(DOMAIN, row(material_type="羽毛"))
    assert outcome.record["payload"]["material_type"] == "羽毛"


# ---------------------------------------------------------------- marshmallow agrees with validate()

# validate() judges coordinate ranges in the row-level coordinate check (to tell a swapped pair from a typo);
# a marshmallow field sees one cell, so schema().load() accepts a latitude of 95.
MARSHMALLOW_BLIND = {"latitude-95"}


def test_marshmallow_loads_the_clean_row():
    loaded = describe(DOMAIN).schema().load(CLEAN)
    assert (loaded["material_type"], loaded["sex"], loaded["number_of_donors"]) == ("semen", "male", 1)


@pytest.mark.parametrize("case_id, changes", [
    pytest.param(case[0], case[1], marks=pytest.mark.xfail(
        strict=True, reason="coordinate ranges are a row check, which marshmallow fields do not run"))
    if case[0] in MARSHMALLOW_BLIND else (case[0], case[1]) for case in ISSUE_CASES], ids=[c[0] for c in ISSUE_CASES])
def test_marshmallow_and_validate_refuse_the_same_fields(case_id, changes):
    data = row(**changes)
    expected = invalid_by_validate(validate(DOMAIN, data), PARSE_CODES)
    messages = invalid_by_marshmallow(DOMAIN, data)
    assert set(messages) == set(expected)
    for field, code in expected.items():
        assert messages[field] == [code]
