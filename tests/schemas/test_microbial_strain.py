"""The microbial strain schema: declarations, header aliases, a clean MIRRI-style row, and one row per issue."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from marshmallow import ValidationError

from schemas import describe
from schemas.core import CoreSchema
from schemas.fields import Kind
from schemas.issues import CATALOGUE, FILE_LEVEL_CODES, Severity
from schemas.validation import validate
from ingest.mapping import normalise as norm
from tests.schemas.helpers import header_map as header_index

DOMAIN = "microbial_strain"
SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "data" / "real" / "microbial_strain"
DWC_TERMS = SHARED / "data" / "standards" / "dwc" / "term_versions.csv"
# Issue codes that judge one cell on its own: marshmallow's load() must reject the same fields.
PARSE_CODES = {"REQUIRED_FIELD_MISSING", "INVALID_NUMBER", "INVALID_INTEGER", "INVALID_BOOLEAN",
               "RECORDED_DATE_INVALID", "RECORDED_DATE_RANGE_INVERTED", "VALUE_TOO_LONG", "NUMBER_OUT_OF_RANGE",
               "IDENTIFIER_INVALID", "UNKNOWN_TERM_REJECTED"}
NEXT_YEAR = str(date.today().year + 1)


def issues_of(row: dict) -> list[tuple[str, str]]:
    return [(issue.field, issue.code) for issue in validate(DOMAIN, row).issues]


CLEAN = {
    "local_id": "CCTCC AB 2019001",
    "name_zh": "枯草芽孢杆菌 HBBS19-7",
    "name_en": "Bacillus subtilis HBBS19-7",
    "scientific_name": "Bacillus subtilis (Ehrenberg 1835) Cohn 1872",
    "country_code": "中国",
    "state_province": "湖北省",
    "county": "洪山区",
    "locality": "华中农业大学试验田",
    "decimal_latitude": "30.4756",
    "decimal_longitude": "114.3511",
    "coordinate_uncertainty_m": "30",
    "geodetic_datum": "EPSG:4326",
    "event_date": "2019-04-10",
    "preservation_method": "真空冷冻干燥",
    "preservation_place": "中国典型培养物保藏中心",
    "preservation_status": "在库",
    "availability": "可供应",
    "sharing_mode": "依申请共享",
    "quantity": "12 支",
    "licence": "CC BY 4.0",
    "rights_holder": "武汉大学",
    "remarks": "产中性蛋白酶",
    "other_collection_numbers": "CGMCC 1.15000; ACCC 10257",
    "strain_designation": "HBBS19-7",
    "organism_type": "细菌",
    "type_strain": "否",
    "taxon_id": "1423",
    "risk_group": "1",
    "cn_pathogen_class": "第四类",
    "biosafety_level": "BSL-1",
    "pathogenicity": "对人和动物无致病性",
    "gmo": "否",
    "isolation_source": "稻田土壤",
    "isolation_date": "2019-04-12",
    "collected_by": "李华; 王明",
    "isolated_by": "李华，华中农业大学",
    "depositor": "李华，华中农业大学，武汉",
    "deposit_date": "20190601",
    "history_of_deposit": "CCTCC, 2019 < 李华, 武汉",
    "growth_medium": "营养琼脂 (NA)",
    "growth_temperature_c": "30",
    "tested_temperature_range": "10;50",
    "form_of_supply": "冻干; Agar",
    "restrictions_on_use": "2",
    "nagoya_status": "1",
    "sequence_accessions": "MN123456 | CP020102.1",
    "applications": "产中性蛋白酶；饲料添加剂",
    "literature": "doi:10.1000/hbbs.2020.7; PMID:31234567",
}

EXPECTED_RECORD = {
    "local_id": "CCTCC AB 2019001",
    "name_zh": "枯草芽孢杆菌 HBBS19-7",
    "name_en": "Bacillus subtilis HBBS19-7",
    "scientific_name": "Bacillus subtilis (Ehrenberg 1835) Cohn 1872",
    "country_code": "CN",
    "locality": "华中农业大学试验田",
    "decimal_latitude": 30.4756,
    "decimal_longitude": 114.3511,
    "coordinate_uncertainty_m": 30.0,
    "geodetic_datum": "EPSG:4326",
    "event_date": "2019-04-10",
    "preservation_method": "真空冷冻干燥",
    "preservation_place": "中国典型培养物保藏中心",
    "preservation_status": "在库",
    "availability": "可供应",
    "sharing_mode": "on_request",
    "quantity": "12 支",
    "licence": "CC BY 4.0",
    "rights_holder": "武汉大学",
    "admin_division": "420111",
    "quality_flags": [],
    "payload": {
        "state_province": "湖北省",
        "county": "洪山区",
        "remarks": "产中性蛋白酶",
        "other_collection_numbers": ["CGMCC 1.15000", "ACCC 10257"],
        "strain_designation": "HBBS19-7",
        "organism_type": "bacteria",
        "type_strain": False,
        "taxon_id": "1423",
        "risk_group": "1",
        "cn_pathogen_class": "4",
        "biosafety_level": "BSL-1",
        "pathogenicity": "对人和动物无致病性",
        "gmo": False,
        "isolation_source": "稻田土壤",
        "isolation_date": "2019-04-12",
        "collected_by": ["李华", "王明"],
        "isolated_by": "李华，华中农业大学",
        "depositor": "李华，华中农业大学，武汉",
        "deposit_date": "2019-06-01",
        "history_of_deposit": "CCTCC, 2019 < 李华, 武汉",
        "growth_medium": "营养琼脂 (NA)",
        "growth_temperature_c": 30.0,
        "tested_temperature_range": "10;50",
        "form_of_supply": ["lyo", "agar"],
        "restrictions_on_use": "2",
        "nagoya_status": "1",
        "sequence_accessions": ["MN123456", "CP020102.1"],
        "applications": "产中性蛋白酶；饲料添加剂",
        "literature": ["doi:10.1000/hbbs.2020.7", "PMID:31234567"],
    },
}


def changed(**changes: str | None) -> dict:
    """The clean row with some cells replaced; None removes the cell."""
    row = {**CLEAN, **changes}
    return {name: value for name, value in row.items() if value is not None}


# (row, the exact (field, code) list validate() reports, in order)
CASES = {
    "INVALID_NUMBER": (changed(growth_temperature_c="abc"), [("growth_temperature_c", "INVALID_NUMBER")]),
    "INVALID_BOOLEAN": (changed(type_strain="maybe"), [("type_strain", "INVALID_BOOLEAN")]),
    "NUMBER_OUT_OF_RANGE": (changed(growth_temperature_c="150"), [("growth_temperature_c", "NUMBER_OUT_OF_RANGE")]),
    "REQUIRED_FIELD_MISSING": (changed(organism_type=None), [("organism_type", "REQUIRED_FIELD_MISSING")]),
    "RECOMMENDED_FIELD_MISSING": (changed(growth_medium=None, risk_group=None),
                                  [("risk_group", "RECOMMENDED_FIELD_MISSING"),
                                   ("growth_medium", "RECOMMENDED_FIELD_MISSING")]),
    "VALUE_TOO_LONG": (changed(local_id="CCTCC AB " + "1" * 120), [("local_id", "VALUE_TOO_LONG")]),
    "IDENTIFIER_INVALID": (changed(local_id="CCTCC AB 2019001*"), [("local_id", "IDENTIFIER_INVALID")]),
    "UNKNOWN_TERM": (changed(organism_type="Oomycetes"), [("organism_type", "UNKNOWN_TERM")]),
    "UNKNOWN_TERM_REJECTED": (changed(risk_group="5", cn_pathogen_class="第五类"),
                              [("risk_group", "UNKNOWN_TERM_REJECTED"),
                               ("cn_pathogen_class", "UNKNOWN_TERM_REJECTED")]),
    "RECORDED_DATE_INVALID": (changed(deposit_date="去年春天"), [("deposit_date", "RECORDED_DATE_INVALID")]),
    "RECORDED_DATE_IN_FUTURE": (changed(isolation_date=f"{NEXT_YEAR}-03-01"),
                                [("isolation_date", "RECORDED_DATE_IN_FUTURE")]),
    "RECORDED_DATE_RANGE_INVERTED": (changed(event_date="2019-04-12/2019-03-01"),
                                     [("event_date", "RECORDED_DATE_RANGE_INVERTED")]),
    "COORDINATE_OUT_OF_RANGE": (changed(decimal_latitude="95"), [("decimal_latitude", "COORDINATE_OUT_OF_RANGE")]),
    "COORDINATE_INCOMPLETE": (changed(decimal_longitude=None),
                              [("decimal_longitude", "RECOMMENDED_FIELD_MISSING"),
                               ("decimal_longitude", "COORDINATE_INCOMPLETE")]),
    "ZERO_COORDINATE": (changed(decimal_latitude="0", decimal_longitude="0"),
                        [("decimal_latitude", "ZERO_COORDINATE")]),
    # a Xinjiang isolate typed longitude-first; only the country is stated, so China's box applies
    "PRESUMED_SWAPPED_COORDINATE": (changed(state_province=None, county=None, decimal_latitude="80.2",
                                            decimal_longitude="41.1"),
                                    [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    "PRESUMED_NEGATED_COORDINATE": (changed(decimal_latitude="-30.4756"),
                                    [("decimal_latitude", "PRESUMED_NEGATED_COORDINATE")]),
    "COORDINATE_OUTSIDE_STATED_AREA": (changed(decimal_latitude="39.9", decimal_longitude="116.4"),
                                       [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    "COORDINATE_UNCERTAINTY_MISSING": (changed(coordinate_uncertainty_m=None),
                                       [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_MISSING")]),
    "COORDINATE_UNCERTAINTY_INVALID": (changed(coordinate_uncertainty_m="0"),
                                       [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_INVALID")]),
    "COUNTRY_UNKNOWN": (changed(country_code="Atlantis"), [("country_code", "COUNTRY_UNKNOWN")]),
    "ADMIN_DIVISION_MISMATCH": (changed(county="北京市"), [("county", "ADMIN_DIVISION_MISMATCH")]),
    # "NA" and "-" from spreadsheet exports mean "no value": counted as empty (a recommended field is then
    # reported by the placeholder alone)
    "MISSING_VALUE_PLACEHOLDER": (changed(growth_medium="NA", isolation_date="-"),
                                  [("isolation_date", "MISSING_VALUE_PLACEHOLDER"),
                                   ("growth_medium", "MISSING_VALUE_PLACEHOLDER")]),
    "TEXT_MOJIBAKE": (changed(isolated_by="Ã…hlander, E"), [("isolated_by", "TEXT_MOJIBAKE")]),
    "RECORDED_DATE_UNLIKELY": (changed(deposit_date="1019-06-01"), [("deposit_date", "RECORDED_DATE_UNLIKELY")]),
    # BacDive sample types carry HTML from its web pages
    "TEXT_MARKUP": (changed(isolation_source="rhizosphere soil of <i>Artemisia</i> Linn."),
                    [("isolation_source", "TEXT_MARKUP")]),
    "NAME_MISSING": (changed(name_zh=None, name_en=None, scientific_name=None, strain_designation=None),
                     [("scientific_name", "RECOMMENDED_FIELD_MISSING"), ("name_zh", "NAME_MISSING")]),
}
# Codes that cannot occur in this domain, and why.
IMPOSSIBLE = {
    "INVALID_INTEGER": "no integer field",
    "TAXON_RANK_INCONSISTENT": "no taxon rank field",
    "TAXON_NAME_MISMATCH": "no genus field",
    "GEOLOGIC_AGE_RANGE_INVERTED": "no geological context",
    "GEOLOGIC_AGE_OUTSIDE_UNIT": "no geological context",
    "GEOLOGIC_UNIT_OUTSIDE_PARENT": "no geological context",
    "NUMERIC_AGE_RANGE_INVERTED": "no numeric ages",
    "RECORDED_DATE_MISMATCH": "no year/month/day fields",
    "COORDINATE_INVALID": "no verbatim coordinate fields",
    "DECIMAL_COORDINATE_IN_DMS_FIELD": "no MCPD degrees-minutes-seconds fields",
    "ELEVATION_NON_NUMERIC": "no verbatim elevation field",
    "COUNTRY_MISMATCH": "no country name field beside the country code",
    "BASIS_OF_RECORD_NOT_SPECIMEN": "a biological-specimen check",
    "DIMENSIONS_INVALID": "a rock and mineral check",
}


# ---------------------------------------------------------------- declarations

def test_describe_lists_the_fields():
    description = describe(DOMAIN)
    names = [declaration.name for declaration in description.fields]
    assert names[:len(CoreSchema._declared_fields)] == list(CoreSchema._declared_fields)
    assert names[len(CoreSchema._declared_fields):] == [
        "other_collection_numbers", "strain_designation", "organism_type", "type_strain", "infrasubspecific_names",
        "taxon_id", "risk_group", "cn_pathogen_class", "biosafety_level", "pathogenicity", "gmo",
        "isolation_source", "isolation_host", "isolation_date", "collected_by", "isolated_by", "depositor",
        "deposit_date", "history_of_deposit", "growth_medium", "growth_temperature_c", "tested_temperature_range",
        "form_of_supply", "restrictions_on_use", "nagoya_status", "sequence_accessions", "applications",
        "literature"]
    by_name = description.by_name
    assert by_name["local_id"].term == "mcl:strainNumber" and by_name["local_id"].required
    assert by_name["organism_type"].required and by_name["organism_type"].vocabulary == "organism_type"
    assert by_name["risk_group"].level == "recommended" and by_name["risk_group"].vocabulary == "risk_group"
    assert by_name["cn_pathogen_class"].vocabulary == "cn_pathogen_class"
    assert by_name["biosafety_level"].vocabulary == "biosafety_level"
    assert by_name["type_strain"].kind == Kind.BOOLEAN
    assert by_name["isolation_date"].kind == Kind.DATE
    assert (by_name["growth_temperature_c"].kind, by_name["growth_temperature_c"].minimum,
            by_name["growth_temperature_c"].maximum) == (Kind.DECIMAL, -20, 120)
    assert by_name["form_of_supply"].kind == Kind.LIST and by_name["form_of_supply"].separator == ";"
    assert by_name["other_collection_numbers"].kind == Kind.LIST
    assert by_name["sequence_accessions"].kind == Kind.LIST


def test_standard_terms_exist():
    """dwc: terms are current Darwin Core; mcl: terms are elements StrainInfo's MCL culture records use."""
    mcl = {"strainNumber", "otherStrainNumber", "speciesName", "isolationDate", "isolator", "sampleHabitat",
           "sampleLocationCountry", "sampleLocationPlace", "depositDate", "depositor", "history", "mediumName",
           "growthTemperature"}
    declarations = describe(DOMAIN).fields
    assert {d.term_name for d in declarations if d.term.startswith("mcl:")} <= mcl
    if not DWC_TERMS.exists():
        pytest.skip(f"{DWC_TERMS} not present")
    with DWC_TERMS.open(encoding="utf-8") as handle:
        current = {row["term_localName"] for row in csv.DictReader(handle)
                   if row["status"] == "recommended" and "/dwc/terms/" in row["iri"]}
    assert {d.term_name for d in declarations if d.term.startswith("dwc:")} <= current


@pytest.mark.parametrize("header, field", [
    ("Accession number", "local_id"), ("菌种保藏编号", "local_id"), ("菌种编号", "local_id"),
    ("保藏编号", "local_id"), ("strain number", "local_id"), ("Other culture collection numbers",
                                                              "other_collection_numbers"),
    ("其他保藏编号", "other_collection_numbers"), ("Organism type", "organism_type"),
    ("Taxon name", "scientific_name"), ("Infrasubspecific names", "infrasubspecific_names"),
    ("Type strain", "type_strain"), ("模式菌株", "type_strain"), ("Risk Group", "risk_group"),
    ("危害程度分类", "cn_pathogen_class"), ("病原微生物分类", "cn_pathogen_class"),
    ("History of deposit", "history_of_deposit"), ("Recommended growth temperature", "growth_temperature_c"),
    ("培养温度", "growth_temperature_c"), ("Recommended medium for growth", "growth_medium"),
    ("培养基", "growth_medium"), ("Form of supply", "form_of_supply"), ("Restrictions on use", "restrictions_on_use"),
    ("Nagoya protocol compliance conditions", "nagoya_status"), ("分离源", "isolation_source"),
    ("分离地", "locality"), ("分离时间", "isolation_date"), ("Date of deposit", "deposit_date"),
    ("Depositor", "depositor"), ("Isolated by", "isolated_by"), ("Collected by", "collected_by"),
    ("Literature", "literature"), ("Applications", "applications"), ("Pathogenicity", "pathogenicity"),
    ("GMO", "gmo"), ("Tested temperature growth range", "tested_temperature_range"),
])
def test_mirri_and_chinese_headers(header, field):
    assert header_index(DOMAIN)[norm(header)] == field


def test_real_phibase_headers_map():
    path = REAL / "phibase_pathogen_strains.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    index = header_index(DOMAIN)
    assert {column: index.get(norm(column)) for column in header} == {
        "ncbi_taxid": "taxon_id", "scientific_name": "scientific_name", "strain": "strain_designation",
        "synonyms": "other_collection_numbers", "cross_references": None}


def test_real_bacdive_keys_map():
    path = REAL / "bacdive_strains_kgmicrobe.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    records = json.loads(path.read_text(encoding="utf-8"))
    index = header_index(DOMAIN)
    keys = {"type strain": "type_strain", "culture collection no.": "other_collection_numbers",
            "full scientific name": "scientific_name", "strain designation": "strain_designation",
            "sample type": "isolation_source", "host species": "isolation_host", "isolation date": "isolation_date",
            "sampling date": "event_date", "country": "country_code", "geographic location": "locality",
            "culture temp": "growth_temperature_c", "strain history": "history_of_deposit",
            "ncbi tax id": "taxon_id"}
    text = json.dumps(records)
    for key, field in keys.items():
        assert f'"{key}"' in text.lower(), key  # the key really occurs in the BacDive file
        assert index[norm(key)] == field


# ---------------------------------------------------------------- validation

def test_clean_row_gives_the_exact_record():
    outcome = validate(DOMAIN, CLEAN)
    assert outcome.issues == []
    assert outcome.record == EXPECTED_RECORD


def test_names_codes_and_classes_are_normalised_as_given():
    record = validate(DOMAIN, changed(organism_type="Bacteria", risk_group="2", cn_pathogen_class="第三类",
                                      biosafety_level="BSL-2")).record
    assert record["payload"]["organism_type"] == "bacteria"
    assert (record["payload"]["risk_group"], record["payload"]["cn_pathogen_class"]) == ("2", "3")
    assert record["payload"]["biosafety_level"] == "BSL-2"


def test_pathogen_class_is_never_inferred_from_the_risk_group():
    outcome = validate(DOMAIN, changed(risk_group="3", cn_pathogen_class=None, biosafety_level=None))
    assert outcome.issues == []
    assert outcome.record["payload"]["risk_group"] == "3"
    assert "cn_pathogen_class" not in outcome.record["payload"]
    assert "biosafety_level" not in outcome.record["payload"]


def test_unidentified_species_written_sp_is_accepted():
    outcome = validate(DOMAIN, changed(scientific_name="Bacillus sp."))
    assert outcome.issues == []
    assert outcome.record["scientific_name"] == "Bacillus sp."


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_issue_type(code):
    row, expected = CASES[code]
    outcome = validate(DOMAIN, row)
    assert [(issue.field, issue.code) for issue in outcome.issues] == expected
    assert outcome.valid == (CATALOGUE[code].severity == Severity.WARNING)
    for issue in outcome.issues:
        assert issue.message()["en"] and issue.message()["zh"]


def test_a_placeholder_for_a_required_value_is_a_missing_value():
    outcome = validate(DOMAIN, changed(organism_type="-"))
    assert [(issue.field, issue.code) for issue in outcome.issues] == [
        ("organism_type", "MISSING_VALUE_PLACEHOLDER"), ("organism_type", "REQUIRED_FIELD_MISSING")]
    assert outcome.record is None
    with pytest.raises(ValidationError) as caught:
        describe(DOMAIN).schema().load(changed(organism_type="-"))
    assert caught.value.messages == {"organism_type": ["REQUIRED_FIELD_MISSING"]}
    # a vocabulary that knows the word wins: "NA" is Namibia, not a missing country
    assert validate(DOMAIN, changed(country_code="NA", state_province=None, county=None, decimal_latitude=None,
                                    decimal_longitude=None, coordinate_uncertainty_m=None)).record["country_code"] == "NA"


def test_every_issue_type_is_covered_or_impossible():
    assert set(CASES) | set(IMPOSSIBLE) == set(CATALOGUE) - FILE_LEVEL_CODES
    assert not set(CASES) & set(IMPOSSIBLE)
    assert not any(d.kind == Kind.INTEGER for d in describe(DOMAIN).fields)
    assert not {"taxon_rank", "genus", "earliest_period", "min_age_ma"} & set(describe(DOMAIN).by_name)


def test_unknown_term_keeps_the_value_verbatim():
    record = validate(DOMAIN, CASES["UNKNOWN_TERM"][0]).record
    assert record["payload"]["organism_type"] == "Oomycetes"


@pytest.mark.parametrize("row", [CLEAN] + [row for row, _ in CASES.values()],
                         ids=["clean"] + list(CASES))
def test_marshmallow_load_agrees_on_parse_errors(row):
    expected = {issue.field for issue in validate(DOMAIN, row).issues if issue.code in PARSE_CODES}
    try:
        describe(DOMAIN).schema().load(row)
        rejected: set[str] = set()
    except ValidationError as error:
        rejected = set(error.messages)
    assert rejected == expected
