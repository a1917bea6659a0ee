"""The general checks added for the real files (tests/schemas/test_real_files.py): placeholders for missing
values, garbled text and HTML markup, unlikely dates, year/month/day against eventDate, MCPD degrees-minutes-
seconds and MGRS grid references, verbatim elevations, country names beside codes, observations in a specimen
collection, nameless records, sizes; and the vocabulary labels real curators type."""
from __future__ import annotations

import pytest
from marshmallow import ValidationError

import vocabularies
from schemas import describe
from schemas.field_checks import mojibake, placeholder
from schemas.issues import CATALOGUE, Severity
from schemas.validation import validate

BIO = {
    "local_id": "IHB-F-000123", "basis_of_record": "PreservedSpecimen", "institution_code": "IHB",
    "scientific_name": "Acipenser sinensis Gray, 1835", "kingdom": "Animalia", "family": "Acipenseridae",
    "genus": "Acipenser", "specific_epithet": "sinensis", "taxon_rank": "species", "recorded_by": "Zhang San",
    "event_date": "1998-05-01", "country_code": "中国", "state_province": "湖北省", "county": "宜昌市",
    "locality": "葛洲坝下游江段", "decimal_latitude": "30.7", "decimal_longitude": "111.28",
    "coordinate_uncertainty_m": "1000",
}
PLANT = {
    "local_id": "HBZ00042", "name_zh": "恩施红米", "genus": "Oryza", "specific_epithet": "sativa",
    "scientific_name": "Oryza sativa L.", "biological_status": "300", "institute_code": "CHN001",
    "country_code": "CHN", "state_province": "湖北省", "county": "恩施市", "locality": "白杨坪镇",
    "decimal_latitude": "30.3521", "decimal_longitude": "109.4862", "coordinate_uncertainty_m": "30",
    "event_date": "20191012",
}


def found(domain, row):
    outcome = validate(domain, row)
    return outcome, [(issue.field, issue.code) for issue in outcome.issues]


def test_every_new_code_has_both_messages_and_is_a_warning():
    new = ["MISSING_VALUE_PLACEHOLDER", "TEXT_MOJIBAKE", "TEXT_MARKUP", "RECORDED_DATE_UNLIKELY",
           "RECORDED_DATE_MISMATCH", "COORDINATE_INVALID", "DECIMAL_COORDINATE_IN_DMS_FIELD", "ELEVATION_NON_NUMERIC",
           "COUNTRY_MISMATCH", "BASIS_OF_RECORD_NOT_SPECIMEN", "NAME_MISSING", "DIMENSIONS_INVALID"]
    for code in new:
        kind = CATALOGUE[code]
        assert kind.severity == Severity.WARNING and kind.en and kind.zh, code


# ---------------------------------------------------------------- cells

@pytest.mark.parametrize("text", ["-", " - ", "--", "—", "NA", "N/A", "n/a", "#N/A", "NaN", "NULL", "不详", "不知道",
                                  "忘了", "Not specified", "not REPORTED", "No Data", "?", "？", "无", "暂无", "s.n.",
                                  "S.N.", "s/n", "sin dato", "No disponible", "k.A.", "keine Angabe", "non renseigné"])
def test_placeholders(text):
    assert placeholder(text)


@pytest.mark.parametrize("text", ["Na", "na", "0", "None", "Unknown", "-5", "N.", "A-", "unknown locality", "无锡",
                                  "?Homo", "s.n. 1203"])
def test_not_placeholders(text):
    assert placeholder(text) is None


def test_a_placeholder_is_an_empty_cell_with_a_warning():
    outcome, issues = found("biological_specimen", {**BIO, "locality": "不知道", "individual_count": "-"})
    assert issues == [("locality", "MISSING_VALUE_PLACEHOLDER"), ("individual_count", "MISSING_VALUE_PLACEHOLDER")]
    assert outcome.record["locality"] is None and "individual_count" not in outcome.record["payload"]
    loaded = describe("biological_specimen").schema().load({**BIO, "individual_count": "NA"})
    assert loaded["individual_count"] is None


def test_a_vocabulary_that_knows_the_word_wins_over_the_placeholder():
    assert validate("biological_specimen", {**BIO, "sex": "未知"}).record["payload"]["sex"] == "unknown"
    outcome, issues = found("biological_specimen", {**BIO, "country_code": "不详", "state_province": None,
                                                    "county": None})
    assert outcome.record["country_code"] == "ZZ"


@pytest.mark.parametrize("garbled, original, encoding", [
    ("VÃ¤stergÃ¶tland", "Västergötland", "Windows-1252"),
    ("Ã\x85hlander, E", "Åhlander, E", "Latin-1"),
    ("ƒÄdƒ´sƒÄbeba", "ĀdīsĀbeba", "Mac Roman"),
    ("Diyarbakƒ±r", "Diyarbakır", "Mac Roman"),
])
def test_mojibake_is_recognised_with_its_repair(garbled, original, encoding):
    assert mojibake(garbled) == (original, encoding)


@pytest.mark.parametrize("text", ["Côte d'Ivoire", "Türkiye", "CEA17Δku80", "KN99α", "χ7122", "μg/ml",
                                  "Immortalized Human Chondrocytes – hTERT", "恩施黑猪", "Ham′s F12", "Castañar de Ibor",
                                  "plain ASCII"])
def test_real_text_is_not_mojibake(text):
    assert mojibake(text) is None


def test_garbled_text_is_kept_and_flagged():
    outcome, issues = found("biological_specimen", {**BIO, "county": None, "locality": "GÃ¶teborgs Akvarium"})
    assert issues == [("locality", "TEXT_MOJIBAKE")]
    assert outcome.record["locality"] == "GÃ¶teborgs Akvarium"
    assert "Göteborgs Akvarium" in outcome.issues[0].message()["en"]


def test_html_markup_is_flagged_but_allele_brackets_are_not():
    _, issues = found("microbial_strain", {"local_id": "DSM 1", "organism_type": "Bacteria",
                                           "isolation_source": "caecal content; TNF<sup>deltaARE/+</sup> mouse"})
    assert ("isolation_source", "TEXT_MARKUP") in issues
    _, issues = found("experimental_material", {"local_id": "M1", "material_type": "model_organism_strain",
                                                "name_en": "129S-Hfe<tm1.1Nca>/Auer"})
    assert not [code for _, code in issues if code == "TEXT_MARKUP"]


# ---------------------------------------------------------------- dates

def test_a_date_before_1600_is_unlikely():
    _, issues = found("biological_specimen", {**BIO, "event_date": "1003-08-03"})
    assert issues == [("event_date", "RECORDED_DATE_UNLIKELY")]
    assert found("biological_specimen", {**BIO, "event_date": "1600"})[1] == []


def test_day_unknown_written_as_the_first():
    outcome, issues = found("biological_specimen", {**BIO, "event_date": "1969-02-01", "year": "1969", "month": "2"})
    assert issues == [("event_date", "RECORDED_DATE_MISMATCH")]
    assert outcome.record["event_date"] == "1969-02-01"
    assert "1969/2/–" in outcome.issues[0].message()["en"]


@pytest.mark.parametrize("parts, expected", [
    ({"year": "1998", "month": "5", "day": "1"}, []),
    ({"year": "1998", "month": "5"}, [("event_date", "RECORDED_DATE_MISMATCH")]),
    ({"year": "1997", "month": "5", "day": "1"}, [("event_date", "RECORDED_DATE_MISMATCH")]),
    ({"year": "1998", "month": "6", "day": "1"}, [("event_date", "RECORDED_DATE_MISMATCH")]),
    ({"year": "1998", "month": "5", "day": "2"}, [("event_date", "RECORDED_DATE_MISMATCH")]),
    ({"month": "5", "day": "1"}, []),   # no year: nothing to compare
])
def test_year_month_day_against_the_event_date(parts, expected):
    assert found("biological_specimen", {**BIO, **parts})[1] == expected


def test_parts_fill_an_empty_or_unreadable_event_date():
    outcome, issues = found("biological_specimen", {**BIO, "event_date": None, "year": "1930", "month": "4",
                                                    "day": "1"})
    assert issues == [("event_date", "RECOMMENDED_FIELD_MISSING")] and outcome.record["event_date"] == "1930-04-01"
    outcome, issues = found("biological_specimen", {**BIO, "event_date": "Tue Apr 01 00:00:00 CET 1930",
                                                    "year": "1930", "month": "4"})
    assert issues == [("event_date", "RECORDED_DATE_INVALID")] and outcome.record["event_date"] == "1930-04"
    outcome, _ = found("biological_specimen", {**BIO, "event_date": None, "year": "2001", "month": "2", "day": "30"})
    assert outcome.record["event_date"] is None   # no such day


def test_event_date_interval_only_needs_the_year_inside():
    assert found("biological_specimen", {**BIO, "event_date": "1998-05-01/1999-06", "year": "1999"})[1] == []
    assert found("biological_specimen", {**BIO, "event_date": "1998-05-01/1999-06", "year": "2000"})[1] == [
        ("event_date", "RECORDED_DATE_MISMATCH")]


# ---------------------------------------------------------------- coordinates and elevation

@pytest.mark.parametrize("latitude, longitude, expected", [
    ("302108N", "1092910E", (30.352222, 109.486111)),
    ("3021--N", "10929--E", (30.35, 109.483333)),
    ("30°21'08\"N", "109°29'10\"E", (30.352222, 109.486111)),
    ("30°21′N", "109°29′E", (30.35, 109.483333)),
])
def test_mcpd_degrees_minutes_seconds_fill_the_decimal_coordinates(latitude, longitude, expected):
    row = {**PLANT, "decimal_latitude": None, "decimal_longitude": None, "verbatim_latitude": latitude,
           "verbatim_longitude": longitude}
    outcome, issues = found("plant_germplasm", row)
    assert issues == [("decimal_latitude", "RECOMMENDED_FIELD_MISSING"),
                      ("decimal_longitude", "RECOMMENDED_FIELD_MISSING")]
    assert (outcome.record["decimal_latitude"], outcome.record["decimal_longitude"]) == expected


def test_decimal_degrees_in_the_mcpd_fields_are_used_and_flagged():
    row = {**PLANT, "decimal_latitude": None, "decimal_longitude": None, "country_code": "ESP", "state_province": None,
           "county": None, "verbatim_latitude": "39.6275", "verbatim_longitude": "-5.41555555555556"}
    outcome, issues = found("plant_germplasm", row)
    assert issues == [("decimal_latitude", "RECOMMENDED_FIELD_MISSING"),
                      ("decimal_longitude", "RECOMMENDED_FIELD_MISSING"),
                      ("verbatim_latitude", "DECIMAL_COORDINATE_IN_DMS_FIELD"),
                      ("verbatim_longitude", "DECIMAL_COORDINATE_IN_DMS_FIELD")]
    assert (outcome.record["decimal_latitude"], outcome.record["decimal_longitude"]) == (39.6275, -5.41555555555556)
    assert outcome.record["payload"]["verbatim_longitude"] == "-5.41555555555556"


@pytest.mark.parametrize("latitude", ["30度21分", "952108N", "306108N", "302108E", "N30"])
def test_unreadable_mcpd_latitude(latitude):
    outcome, issues = found("plant_germplasm", {**PLANT, "verbatim_latitude": latitude})
    assert issues == [("verbatim_latitude", "COORDINATE_INVALID")]
    assert outcome.record["decimal_latitude"] == 30.3521   # the given decimal coordinates are untouched


def test_given_decimal_coordinates_win_over_the_dms_text():
    outcome, issues = found("plant_germplasm", {**PLANT, "verbatim_latitude": "302108N",
                                                "verbatim_longitude": "1092910E"})
    assert issues == [] and outcome.record["decimal_latitude"] == 30.3521


@pytest.mark.parametrize("grid", ["29TNG3556", "29TNG99", "29TPH1234567890", "29T NG 35 56", "29SLA 58333 29478",
                                  "29TNG", "4QFJ1234567890"])
def test_valid_mgrs(grid):
    assert found("biological_specimen", {**BIO, "verbatim_coordinates": grid})[1] == []


@pytest.mark.parametrize("grid", ["29TNGNG5843763515", "29T", "29TNG 793", "29TPH47,", "29YPG3241", "29TN21",
                                  "30UP4213", "29TNG71733180133", "61TNG11", "29TNG 123 45"])
def test_invalid_mgrs(grid):
    assert found("biological_specimen", {**BIO, "verbatim_coordinates": grid})[1] == [
        ("verbatim_coordinates", "COORDINATE_INVALID")]


def test_other_verbatim_coordinates_are_not_judged():
    assert found("biological_specimen", {**BIO, "verbatim_coordinates": "30°42'N 111°17'E"})[1] == []


@pytest.mark.parametrize("text, expected", [("20m", (20.0, 20.0)), ("360-370", (360.0, 370.0)),
                                            ("1 200 m", None), ("120 米", (120.0, 120.0)), ("370–360", (360.0, 370.0))])
def test_verbatim_elevation(text, expected):
    outcome, issues = found("biological_specimen", {**BIO, "verbatim_elevation": text})
    payload = outcome.record["payload"]
    if expected is None:
        assert issues == [("verbatim_elevation", "ELEVATION_NON_NUMERIC")]
        assert "minimum_elevation_m" not in payload
    else:
        assert issues == [] and (payload["minimum_elevation_m"], payload["maximum_elevation_m"]) == expected


def test_implausible_verbatim_elevation_is_flagged_and_left_out():
    outcome, issues = found("biological_specimen", {**BIO, "verbatim_elevation": "18100"})
    assert issues == [("verbatim_elevation", "ELEVATION_NON_NUMERIC")]
    assert "minimum_elevation_m" not in outcome.record["payload"]


def test_given_elevations_win_over_the_verbatim_one():
    outcome, _ = found("biological_specimen", {**BIO, "verbatim_elevation": "20m", "minimum_elevation_m": "25"})
    assert outcome.record["payload"]["minimum_elevation_m"] == 25.0
    assert "maximum_elevation_m" not in outcome.record["payload"]


# ---------------------------------------------------------------- country, basis, names, sizes, epithets

def test_country_name_fills_an_empty_code_and_must_agree():
    outcome, issues = found("biological_specimen", {**BIO, "country_code": None, "country": "India",
                                                    "state_province": None, "county": None, "decimal_latitude": None,
                                                    "decimal_longitude": None})
    assert outcome.record["country_code"] == "IN"
    assert issues == [("country_code", "RECOMMENDED_FIELD_MISSING"), ("decimal_latitude", "RECOMMENDED_FIELD_MISSING"),
                      ("decimal_longitude", "RECOMMENDED_FIELD_MISSING")]
    outcome, issues = found("biological_specimen", {**BIO, "country": "Malaysia"})
    assert issues == [("country", "COUNTRY_MISMATCH")] and outcome.record["country_code"] == "CN"
    assert found("biological_specimen", {**BIO, "country": "China"})[1] == []


def test_an_unknown_country_name_does_not_fill_the_code():
    outcome, issues = found("biological_specimen", {**BIO, "country_code": None, "country": "oceanie",
                                                    "state_province": None, "county": None, "decimal_latitude": None,
                                                    "decimal_longitude": None})
    assert ("country", "COUNTRY_UNKNOWN") in issues and outcome.record["country_code"] is None


@pytest.mark.parametrize("basis, flagged", [("HumanObservation", True), ("MachineObservation", True),
                                            ("PreservedSpecimen", False), ("MaterialSample", False)])
def test_observations_in_a_specimen_collection(basis, flagged):
    _, issues = found("biological_specimen", {**BIO, "basis_of_record": basis})
    assert issues == ([("basis_of_record", "BASIS_OF_RECORD_NOT_SPECIMEN")] if flagged else [])


def test_a_record_with_no_name():
    row = {"local_id": "135", "sample_type": "mineral", "basis_of_record": "MaterialEntity",
           "associated_media": "135.jpg"}
    outcome, issues = found("geological_specimen", row)
    assert ("name_zh", "NAME_MISSING") in issues and outcome.valid
    message = [i for i in outcome.issues if i.code == "NAME_MISSING"][0].message()
    assert "Mineral name" in message["en"] and "“矿物名称”" in message["zh"]
    named = found("geological_specimen", {**row, "mineral_name": "Wavellite"})[1]
    assert "NAME_MISSING" not in [code for _, code in named]


@pytest.mark.parametrize("size, flagged", [("7*5*3", False), ("12×8", False), ("4.5 x 3 cm", False), ("9", False),
                                           ("3盒子", True), ("碎料", True), ("10*8 片状", True), ("7 根", True)])
def test_sizes(size, flagged):
    row = {"local_id": "1", "sample_type": "mineral", "basis_of_record": "MaterialEntity", "name_zh": "萤石",
           "dimensions": size}
    _, issues = found("geological_specimen", row)
    assert (("dimensions", "DIMENSIONS_INVALID") in issues) is flagged


def test_specific_epithet_must_be_the_second_word_of_the_name():
    _, issues = found("biological_specimen", {**BIO, "specific_epithet": "Acipenser sinensis"})
    assert issues == [("specific_epithet", "TAXON_NAME_MISMATCH")]
    assert found("biological_specimen", {**BIO, "scientific_name": "Acipenser (Huso) sinensis Gray"})[1] == []


# ---------------------------------------------------------------- vocabulary labels curators type

@pytest.mark.parametrize("vocabulary, label, code", [
    ("sex", "男", "male"), ("sex", "女", "female"), ("sex", "公", "male"), ("sex", "母", "female"),
    ("sex", "雌株", "female"),
    ("animal_material_type", "Blood", "blood"), ("animal_material_type", "血液", "blood"),
    ("animal_material_type", "Hair", "hair"), ("animal_material_type", "毛发", "hair"),
    ("mlsstat", "Y", "1"), ("mlsstat", "N", "0"), ("mlsstat", "yes", "1"), ("mlsstat", "no", "0"),
    ("collsrc", "农田", "20"), ("collsrc", "野生生境", "10"), ("collsrc", "野外", "10"), ("collsrc", "市场", "30"),
    ("collsrc", "种质库", "40"), ("collsrc", "庭院", "23"),
    ("sampstat", "品系", "410"), ("sampstat", "地方品种", "300"), ("sampstat", "选育品种", "500"),
    ("sampstat", "培育品种", "500"), ("sampstat", "野生资源", "100"), ("sampstat", "遗传材料", "420"),
    ("sampstat", "Cultivar", "500"), ("sampstat", "Landrace", "300"), ("sampstat", "Breeding line", "410"),
    ("experimental_material_type", "模式动物", "model_organism_strain"),
    ("experimental_material_type", "实验动物", "model_organism_strain"),
    ("experimental_material_type", "单克隆抗体", "antibody"),
    ("country", "Turkey", "TR"), ("country", "Russia", "RU"), ("country", "UK", "GB"), ("country", "Burma", "MM"),
    ("country", "Ivory Coast", "CI"), ("country", "Netherlands (Kingdom of the)", "NL"),
    ("country", "Iran (Islamic Republic of)", "IR"), ("country", "Republic of Korea", "KR"), ("country", "韩国", "KR"),
    ("country", "Democratic Republic of the Congo", "CD"), ("country", "United States Virgin Islands", "VI"),
    ("country", "Macedonia", "MK"), ("country", "Vietnam", "VN"),
])
def test_labels(vocabulary, label, code):
    assert vocabularies.get(vocabulary).match(label).code == code


@pytest.mark.parametrize("label", ["Korea", "Congo", "America", "SovietUnion"])
def test_country_names_two_countries_could_claim_stay_unknown(label):
    concept = vocabularies.get("country").match(label)
    assert concept is None or label == "Congo"   # "Congo" is ISO's own name of CG


def test_the_new_labels_are_unambiguous():
    for name in ("sex", "animal_material_type", "mlsstat", "collsrc", "sampstat", "experimental_material_type",
                 "country"):
        assert vocabularies.get(name).collisions() == {}, name


def test_marshmallow_agrees_with_the_placeholder_rule():
    schema = describe("biological_specimen").schema()
    with pytest.raises(ValidationError) as caught:
        schema.load({**BIO, "local_id": "-"})
    assert caught.value.messages == {"local_id": ["REQUIRED_FIELD_MISSING"]}
    outcome, issues = found("biological_specimen", {**BIO, "local_id": "-"})
    assert issues == [("local_id", "MISSING_VALUE_PLACEHOLDER"), ("local_id", "REQUIRED_FIELD_MISSING")]
    assert outcome.record is None
