"""Plant germplasm schema: MCPD 2.1 passport descriptors, their terms and headers, and validation verdicts."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from schemas.fields import Kind
from schemas.issues import CATALOGUE, Severity
from schemas.registry import describe
from schemas.validation import validate
from ingest.mapping import normalise
from tests.schemas.helpers import found, header_map, invalid_by_marshmallow, invalid_by_validate

DOMAIN = "plant_germplasm"
SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "data" / "real" / "plant_germplasm"
PARSE_CODES = {"INVALID_INTEGER", "INVALID_NUMBER", "INVALID_BOOLEAN", "RECORDED_DATE_INVALID",
               "RECORDED_DATE_RANGE_INVERTED"}
MCPD_CODES = ("PUID", "INSTCODE", "ACCENUMB", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLINSTADDRESS", "COLLMISSID",
              "GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR", "CROPNAME", "ACCENAME", "ACQDATE", "ORIGCTY",
              "COLLSITE", "DECLATITUDE", "LATITUDE", "DECLONGITUDE", "LONGITUDE", "COORDUNCERT", "COORDDATUM",
              "GEOREFMETH", "ELEVATION", "COLLDATE", "BREDCODE", "BREDNAME", "SAMPSTAT", "ANCEST", "COLLSRC",
              "DONORCODE", "DONORNAME", "DONORNUMB", "OTHERNUMB", "DUPLSITE", "DUPLINSTNAME", "STORAGE", "MLSSTAT",
              "REMARKS")
FIELDS = (
    # core, as specialised
    "local_id", "name_zh", "name_en", "scientific_name", "country_code", "state_province", "county", "locality",
    "decimal_latitude", "decimal_longitude", "coordinate_uncertainty_m", "geodetic_datum", "event_date",
    "preservation_method", "preservation_place", "preservation_status", "availability", "sharing_mode", "quantity",
    "licence", "rights_holder", "remarks",
    # the domain's own
    "puid", "national_id", "institute_code", "other_numbers", "biological_status", "family", "genus", "specific_epithet",
    "species_authority", "subtaxa", "subtaxa_authority", "crop_name", "verbatim_latitude", "verbatim_longitude",
    "georeference_method", "elevation", "collecting_number", "collecting_institute_code", "collecting_institute_name",
    "collecting_institute_address", "collecting_mission_id", "acquisition_source", "acquisition_date",
    "donor_institute_code", "donor_institute_name", "donor_accession_number", "breeding_institute_code",
    "breeding_institute_name", "breeding_year", "breeding_method", "ancestral_data", "storage",
    "safety_duplicate_code", "safety_duplicate_name", "mls_status", "images")

# A landrace of red rice collected in Enshi (Hubei) and kept in the long- and medium-term seed stores.
CLEAN = {
    "local_id": "HBZ00042", "puid": "10.18730/HBZ00042", "national_id": "ZD00042", "institute_code": "CHN001",
    "name_zh": "恩施红米", "name_en": "Enshi Hongmi", "other_numbers": "CHN001:I1A00042;:HB-2019-007",
    "family": "Poaceae", "genus": "Oryza", "specific_epithet": "sativa", "species_authority": "L.",
    "subtaxa": "subsp. japonica", "subtaxa_authority": "Kato", "scientific_name": "Oryza sativa subsp. japonica Kato",
    "crop_name": "rice",
    "country_code": "CHN", "state_province": "湖北省", "county": "恩施市", "locality": "恩施市白杨坪镇洞下槽村",
    "decimal_latitude": "30.3521", "decimal_longitude": "109.4862", "verbatim_latitude": "302108N",
    "verbatim_longitude": "1092910E", "coordinate_uncertainty_m": "30", "geodetic_datum": "WGS84",
    "georeference_method": "GPS", "elevation": "1120",
    "collecting_number": "2019421001", "collecting_institute_code": "CHN001", "collecting_mission_id": "PCSJ-2019-HB",
    "event_date": "20191012", "acquisition_source": "21", "acquisition_date": "20200315",
    "donor_institute_name": "恩施市白杨坪镇农户", "donor_accession_number": "ES-RM-07",
    "biological_status": "地方品种",
    "preservation_place": "湖北省农业科学院粮食作物研究所", "storage": "13;12",
    "preservation_method": "种子，-18℃ 长期保存", "safety_duplicate_code": "CHN001", "preservation_status": "在库",
    "availability": "available", "sharing_mode": "open", "quantity": "2500 粒", "licence": "CC BY 4.0",
    "rights_holder": "湖北省农业科学院", "mls_status": "0", "images": "HBZ00042-1.jpg | HBZ00042-2.jpg",
    "remarks": "COLLSRC:梯田",
}
EXPECTED_RECORD = {
    "local_id": "HBZ00042", "name_zh": "恩施红米", "name_en": "Enshi Hongmi",
    "scientific_name": "Oryza sativa subsp. japonica Kato", "country_code": "CN", "locality": "恩施市白杨坪镇洞下槽村",
    "decimal_latitude": 30.3521, "decimal_longitude": 109.4862, "coordinate_uncertainty_m": 30.0,
    "geodetic_datum": "WGS84", "event_date": "2019-10-12", "preservation_method": "种子，-18℃ 长期保存",
    "preservation_place": "湖北省农业科学院粮食作物研究所", "preservation_status": "在库", "availability": "available",
    "sharing_mode": "open", "quantity": "2500 粒", "licence": "CC BY 4.0", "rights_holder": "湖北省农业科学院",
    "payload": {
        "state_province": "湖北省", "county": "恩施市", "remarks": "COLLSRC:梯田", "puid": "10.18730/HBZ00042",
        "national_id": "ZD00042", "institute_code": "CHN001", "other_numbers": ["CHN001:I1A00042", ":HB-2019-007"],
        "family": "Poaceae", "genus": "Oryza", "specific_epithet": "sativa", "species_authority": "L.",
        "subtaxa": "subsp. japonica", "subtaxa_authority": "Kato", "crop_name": "rice",
        "verbatim_latitude": "302108N", "verbatim_longitude": "1092910E", "georeference_method": "GPS",
        "elevation": 1120.0, "collecting_number": "2019421001", "collecting_institute_code": ["CHN001"],
        "collecting_mission_id": "PCSJ-2019-HB", "acquisition_source": "21", "acquisition_date": "2020-03-15",
        "donor_institute_name": "恩施市白杨坪镇农户", "donor_accession_number": "ES-RM-07",
        "biological_status": "300", "storage": ["13", "12"], "safety_duplicate_code": ["CHN001"],
        "mls_status": "0", "images": ["HBZ00042-1.jpg", "HBZ00042-2.jpg"],
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
    assert description.schema.__module__ == "schemas.plant_germplasm"


def test_every_mcpd_descriptor_is_declared_once():
    codes = [d.mcpd for d in describe(DOMAIN).fields if d.mcpd]
    assert sorted(codes) == sorted(MCPD_CODES)


def test_mcpd_lists_use_the_mcpd_separator():
    lists = {d.mcpd: d.separator for d in describe(DOMAIN).fields if d.mcpd and d.kind == Kind.LIST}
    assert lists == dict.fromkeys(["OTHERNUMB", "COLLCODE", "BREDCODE", "DUPLSITE", "DUPLINSTNAME", "STORAGE"], ";")


def test_platform_choice_maps_mcpd_to_darwin_core():
    terms = {d.mcpd: d.term for d in describe(DOMAIN).fields if d.mcpd}
    assert {code: terms[code] for code in ("INSTCODE", "ACCENUMB", "COLLNUMB", "GENUS", "SPECIES", "SUBTAXA",
                                           "SPAUTHOR", "CROPNAME", "ORIGCTY", "COLLSITE", "DECLATITUDE",
                                           "DECLONGITUDE", "COORDUNCERT", "COORDDATUM", "GEOREFMETH", "ELEVATION",
                                           "COLLDATE", "OTHERNUMB", "REMARKS")} == {
        "INSTCODE": "dwc:institutionCode", "ACCENUMB": "dwc:catalogNumber", "COLLNUMB": "dwc:recordNumber",
        "GENUS": "dwc:genus", "SPECIES": "dwc:specificEpithet", "SUBTAXA": "dwc:infraspecificEpithet",
        "SPAUTHOR": "dwc:scientificNameAuthorship", "CROPNAME": "dwc:vernacularName", "ORIGCTY": "dwc:countryCode",
        "COLLSITE": "dwc:locality", "DECLATITUDE": "dwc:decimalLatitude", "DECLONGITUDE": "dwc:decimalLongitude",
        "COORDUNCERT": "dwc:coordinateUncertaintyInMeters", "COORDDATUM": "dwc:geodeticDatum",
        "GEOREFMETH": "dwc:georeferenceProtocol", "ELEVATION": "dwc:minimumElevationInMeters",
        "COLLDATE": "dwc:eventDate", "OTHERNUMB": "dwc:otherCatalogNumbers", "REMARKS": "dwc:occurrenceRemarks"}
    assert {code: terms[code] for code in ("PUID", "SAMPSTAT", "COLLSRC", "ACQDATE", "MLSSTAT", "ANCEST")} == {
        "PUID": "germplasm:germplasmID", "SAMPSTAT": "germplasm:biologicalStatus",
        "COLLSRC": "germplasm:acquisitionSource", "ACQDATE": "germplasm:acquisitionDate",
        "MLSSTAT": "germplasm:mlsStatus", "ANCEST": "germplasm:ancestralData"}


def test_vocabularies_and_levels():
    by_name = describe(DOMAIN).by_name
    assert {name: by_name[name].vocabulary for name in ("biological_status", "acquisition_source", "storage",
                                                        "mls_status", "country_code")} == {
        "biological_status": "sampstat", "acquisition_source": "collsrc", "storage": "storage",
        "mls_status": "mlsstat", "country_code": "country"}
    assert [d.name for d in describe(DOMAIN).fields if d.required] == ["local_id"]
    assert by_name["biological_status"].level == "recommended"


@pytest.mark.skipif(not (SHARED / "data" / "standards").is_dir(), reason="shared standards not present")
def test_standard_terms_exist_in_their_standards():
    with open(SHARED / "data/standards/dwc/term_versions.csv", encoding="utf-8") as handle:
        dwc = {r["term_localName"] for r in csv.DictReader(handle) if r["status"] == "recommended"
               and r["iri"].startswith("http://rs.tdwg.org/dwc/terms/")}
    extension = (SHARED / "data/standards/gbif-extensions/GermplasmAccession.xml").read_text(encoding="utf-8")
    germplasm = set(re.findall(r'name="(\w+)"', extension))
    for declaration in describe(DOMAIN).fields:
        prefix, _, local = declaration.term.partition(":")
        if prefix == "dwc":
            assert local in dwc, declaration.term
        if prefix == "germplasm":
            assert local in germplasm, declaration.term


def _sheet_header(name, sheet):
    openpyxl = pytest.importorskip("openpyxl")
    rows = openpyxl.load_workbook(REAL / name, read_only=True)[sheet].iter_rows(max_row=1, values_only=True)
    return [str(cell) for cell in next(rows) if cell is not None]


@pytest.mark.skipif(not REAL.is_dir(), reason="real files not present")
def test_real_mcpd_export_headers_map_to_fields():
    mapper = pytest.importorskip("ingest.mapping")
    mapping = mapper.map_columns(DOMAIN, _sheet_header("crf_spain_tomato_mcpd_vavilov3.xlsx", "accessions"))
    assert mapping.unknown == ("IS_SAVE_DUPLICATE", "CONSTATUS") and mapping.conflicts == ()
    by_mcpd = {d.mcpd: d.name for d in describe(DOMAIN).fields if d.mcpd}
    assert {column: field for column, field in mapping.columns.items() if field} == {
        **{column: by_mcpd[column] for column in mapping.columns if column in by_mcpd}, "IS_AVAILABLE": "availability"}


@pytest.mark.skipif(not REAL.is_dir(), reason="real files not present")
def test_real_wheat_panel_headers_map_to_fields():
    mapper = pytest.importorskip("ingest.mapping")
    panel = mapper.map_columns(DOMAIN, _sheet_header("igdb_lulab_wheat_germplasm_info.xlsx", "All_info"))
    assert {column: field for column, field in panel.columns.items() if field} == {
        "ID": "local_id", "PI_accession": "other_numbers", "English_name": "name_en", "Chinese_name": "name_zh",
        "DataSource": "donor_institute_name", "Latitude": "verbatim_latitude", "Longitude": "verbatim_longitude",
        "Country": "country_code", "City(USDA)": "locality", "Genus": "genus", "Species": "specific_epithet",
        "fullTaxa": "scientific_name", "elevation": "elevation", "RECEIVED(USDA)": "acquisition_date",
        "SOURCE DATE(USDA)": "event_date", "Released/introducedyear": "breeding_year", "Pedigree": "ancestral_data",
        "GermplasmBank": "preservation_place"}
    assert panel.conflicts == (("Ctry", "country_code", "Country"),)   # name and alpha-3 code of one country
    jic = mapper.map_columns(DOMAIN, _sheet_header("igdb_lulab_wheat_germplasm_storage.xlsx", "JIC"))
    assert {column: field for column, field in jic.columns.items() if field} == {
        "Species": "specific_epithet", "Germplasm bank ID": "local_id", "Germplasm location": "preservation_place",
        "Latitude": "verbatim_latitude", "Longitude": "verbatim_longitude", "Altitude (m)": "elevation",
        "Country of origin": "country_code", "State / province": "state_province", "Collecting date": "event_date",
        "Acquisition date": "acquisition_date"}
    # the sheet repeats "Alternative germplasm bank ID #": the repeat conflicts with the first, and the mapping,
    # keyed by header text, then shows neither as mapped
    assert jic.conflicts == (("Country abbrev.", "country_code", "Country of origin"),
                             ("Alternative germplasm bank ID #", "other_numbers", "Alternative germplasm bank ID #"))
    core = mapper.map_columns(DOMAIN, _sheet_header("igdb_lulab_wheat_germplasm_storage.xlsx", "53先导"))
    assert {column: field for column, field in core.columns.items() if field} == {
        "核心种质编号": "other_numbers", "来源": "donor_institute_name", "种质名称": "name_zh", "备注": "remarks",
        "English_name": "name_en"}


def test_chinese_descriptor_headers_map_to_fields():
    mapping = header_map(DOMAIN)
    assert {column: mapping[normalise(column)] for column in (
        "全国统一编号", "种质库编号", "引种号", "采集号", "种质名称", "种质外文名", "科名", "属名", "学名", "原产国",
        "原产省", "原产地", "海拔", "经度", "纬度", "来源地", "保存单位", "保存单位编号", "系谱", "选育单位", "育成年份",
        "选育方法", "种质类型", "图像", "备注")} == {
        "全国统一编号": "national_id", "种质库编号": "other_numbers", "引种号": "other_numbers",
        "采集号": "collecting_number", "种质名称": "name_zh", "种质外文名": "name_en", "科名": "family",
        "属名": "genus", "学名": "scientific_name", "原产国": "country_code", "原产省": "state_province",
        "原产地": "locality", "海拔": "elevation", "经度": "decimal_longitude", "纬度": "decimal_latitude",
        "来源地": "donor_institute_name", "保存单位": "preservation_place", "保存单位编号": "local_id",
        "系谱": "ancestral_data", "选育单位": "breeding_institute_name", "育成年份": "breeding_year",
        "选育方法": "breeding_method", "种质类型": "biological_status", "图像": "images", "备注": "remarks"}


# ---------------------------------------------------------------- validation

def test_clean_row_validates_without_issues_into_the_expected_record():
    outcome = validate(DOMAIN, CLEAN)
    assert outcome.issues == []
    assert outcome.record == EXPECTED_RECORD


@pytest.mark.parametrize("changes, field, expected", [
    ({"country_code": "CHN"}, "country_code", "CN"),
    ({"country_code": "ESP", "state_province": None, "county": None, "locality": "Castañar de Ibor",
      "decimal_latitude": "39.6275", "decimal_longitude": "-5.41556"}, "country_code", "ES"),
    ({"biological_status": "wild"}, "biological_status", "100"),
    ({"biological_status": "野生"}, "biological_status", "100"),
    ({"biological_status": "414"}, "biological_status", "414"),
    ({"storage": "13;20"}, "storage", ["13", "20"]),
    ({"storage": "长期库"}, "storage", ["13"]),
    ({"event_date": "199611--"}, "event_date", "1996-11"),
    ({"event_date": "19961100"}, "event_date", "1996-11"),
    ({"acquisition_date": "2019----"}, "acquisition_date", "2019"),
    ({"other_numbers": "ESP027:BGHZ6945"}, "other_numbers", ["ESP027:BGHZ6945"]),
    ({"breeding_institute_code": "CHN001;CHN012"}, "breeding_institute_code", ["CHN001", "CHN012"]),
    ({"mls_status": "Yes"}, "mls_status", "1"),
    ({"mls_status": "N"}, "mls_status", "0"),
    ({"biological_status": "品系"}, "biological_status", "410"),
    ({"biological_status": "Cultivar"}, "biological_status", "500"),
    ({"acquisition_source": "农田"}, "acquisition_source", "20"),
])
def test_values_are_normalised(changes, field, expected):
    outcome = validate(DOMAIN, row(**changes))
    assert outcome.issues == []
    record = outcome.record
    assert (record[field] if field in record else record["payload"][field]) == expected


UNCERTAINTY_GONE = {"coordinate_uncertainty_m": None}
ISSUE_CASES = [
    # (case id, changes to the clean row, the exact (field, code) list)
    ("accenumb-missing", {"local_id": None}, [("local_id", "REQUIRED_FIELD_MISSING")]),
    ("accenumb-blank", {"local_id": "  "}, [("local_id", "REQUIRED_FIELD_MISSING")]),
    ("accenumb-invalid", {"local_id": "HBZ00042?"}, [("local_id", "IDENTIFIER_INVALID")]),
    ("sampstat-missing", {"biological_status": None}, [("biological_status", "RECOMMENDED_FIELD_MISSING")]),
    ("accename-too-long", {"name_zh": "红" * 501}, [("name_zh", "VALUE_TOO_LONG")]),
    ("elevation-not-a-number", {"elevation": "1120m"}, [("elevation", "INVALID_NUMBER")]),
    ("elevation-out-of-range", {"elevation": "12000"}, [("elevation", "NUMBER_OUT_OF_RANGE")]),
    ("breeding-year-decade", {"breeding_year": "1950s"}, [("breeding_year", "INVALID_INTEGER")]),
    ("acqdate-day-without-month", {"acquisition_date": "2019--15"}, [("acquisition_date", "RECORDED_DATE_INVALID")]),
    ("colldate-impossible", {"event_date": "20190230"}, [("event_date", "RECORDED_DATE_INVALID")]),
    ("colldate-future", {"event_date": "29990101"}, [("event_date", "RECORDED_DATE_IN_FUTURE")]),
    ("colldate-inverted", {"event_date": "2019-05-01/2019-04-01"}, [("event_date", "RECORDED_DATE_RANGE_INVERTED")]),
    ("sampstat-unknown", {"biological_status": "777"}, [("biological_status", "UNKNOWN_TERM")]),
    ("sampstat-typo", {"biological_status": "3000"}, [("biological_status", "UNKNOWN_TERM")]),
    ("storage-one-unknown", {"storage": "13;77"}, [("storage", "UNKNOWN_TERM")]),
    ("sharing-mode-unknown", {"sharing_mode": "public??"}, [("sharing_mode", "UNKNOWN_TERM_REJECTED")]),
    ("origcty-unknown", {"country_code": "XYZ"}, [("country_code", "COUNTRY_UNKNOWN")]),
    ("province-unknown", {"state_province": "火星省"}, [("state_province", "UNKNOWN_TERM")]),
    ("county-outside-province", {"state_province": "黑龙江省"}, [("county", "ADMIN_DIVISION_MISMATCH"),
                                                            ("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ("genus-disagrees", {"genus": "Zea"}, [("genus", "TAXON_NAME_MISMATCH")]),
    ("declatitude-95", {"decimal_latitude": "95"}, [("decimal_latitude", "COORDINATE_OUT_OF_RANGE")]),
    # Swapped, a Hubei latitude is out of range; the pair still fits Hubei once swapped back.
    ("swapped-in-hubei", {"decimal_latitude": "109.4862", "decimal_longitude": "30.3521"},
     [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    # West of 90° E a swapped pair stays in range (Kashgar, Xinjiang).
    ("swapped-in-xinjiang", {"state_province": "新疆维吾尔自治区", "county": None, "decimal_latitude": "75.99",
                             "decimal_longitude": "39.47"}, [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    ("negated-latitude", {"decimal_latitude": "-30.3521"}, [("decimal_latitude", "PRESUMED_NEGATED_COORDINATE")]),
    ("outside-hubei", {"decimal_latitude": "39.9042", "decimal_longitude": "116.4074"},
     [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    ("zero-coordinates", {"decimal_latitude": "0", "decimal_longitude": "0"},
     [("decimal_latitude", "ZERO_COORDINATE")]),
    ("longitude-missing", {"decimal_longitude": None}, [("decimal_longitude", "RECOMMENDED_FIELD_MISSING"),
                                                        ("decimal_longitude", "COORDINATE_INCOMPLETE")]),
    ("uncertainty-missing", UNCERTAINTY_GONE, [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_MISSING")]),
    ("uncertainty-zero", {"coordinate_uncertainty_m": "0"},
     [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_INVALID")]),
    # CRF-INIA's export: decimal degrees in the DMS fields, used as decimal coordinates
    ("dms-fields-hold-decimals", {"decimal_latitude": None, "decimal_longitude": None,
                                  "verbatim_latitude": "30.3521", "verbatim_longitude": "109.4862"},
     [("decimal_latitude", "RECOMMENDED_FIELD_MISSING"), ("decimal_longitude", "RECOMMENDED_FIELD_MISSING"),
      ("verbatim_latitude", "DECIMAL_COORDINATE_IN_DMS_FIELD"), ("verbatim_longitude", "DECIMAL_COORDINATE_IN_DMS_FIELD")]),
    ("dms-unreadable", {"verbatim_latitude": "30度21分"}, [("verbatim_latitude", "COORDINATE_INVALID")]),
    ("elevation-placeholder", {"elevation": "-"}, [("elevation", "MISSING_VALUE_PLACEHOLDER")]),
    ("donor-garbled", {"donor_institute_name": "GÃ¶ttingen"}, [("donor_institute_name", "TEXT_MOJIBAKE")]),
    ("pedigree-with-html", {"ancestral_data": "<i>O. rufipogon</i> × Nipponbare"},
     [("ancestral_data", "TEXT_MARKUP")]),
    ("colldate-before-1600", {"event_date": "10191012"}, [("event_date", "RECORDED_DATE_UNLIKELY")]),
    ("nameless", {"name_zh": None, "name_en": None, "scientific_name": None, "crop_name": None, "genus": None,
                  "family": None},
     [("name_zh", "RECOMMENDED_FIELD_MISSING"), ("scientific_name", "RECOMMENDED_FIELD_MISSING"),
      ("genus", "RECOMMENDED_FIELD_MISSING"), ("name_zh", "NAME_MISSING")]),
]
# The row-level issue codes validate() can raise for a plant row. Not here: INVALID_BOOLEAN (no boolean field),
# TAXON_RANK_INCONSISTENT (no taxon rank), the GEOLOGIC_* and NUMERIC_AGE_* codes (no geological context), and the
# file- and batch-level codes of the ingest pipeline (DUPLICATE_IDENTIFIER, ROW_WIDTH_MISMATCH …); nor
# RECORDED_DATE_MISMATCH, ELEVATION_NON_NUMERIC, COUNTRY_MISMATCH, BASIS_OF_RECORD_NOT_SPECIMEN (biological-specimen
# fields) and DIMENSIONS_INVALID (a rock and mineral check).
ROW_CODES = {"REQUIRED_FIELD_MISSING", "RECOMMENDED_FIELD_MISSING", "VALUE_TOO_LONG", "INVALID_INTEGER",
             "INVALID_NUMBER", "NUMBER_OUT_OF_RANGE", "UNKNOWN_TERM", "UNKNOWN_TERM_REJECTED", "RECORDED_DATE_INVALID",
             "RECORDED_DATE_IN_FUTURE", "RECORDED_DATE_RANGE_INVERTED", "COORDINATE_OUT_OF_RANGE",
             "COORDINATE_INCOMPLETE", "ZERO_COORDINATE", "PRESUMED_SWAPPED_COORDINATE", "PRESUMED_NEGATED_COORDINATE",
             "COORDINATE_OUTSIDE_STATED_AREA", "COORDINATE_UNCERTAINTY_MISSING", "COORDINATE_UNCERTAINTY_INVALID",
             "COUNTRY_UNKNOWN", "ADMIN_DIVISION_MISMATCH", "TAXON_NAME_MISMATCH", "IDENTIFIER_INVALID",
             "MISSING_VALUE_PLACEHOLDER", "TEXT_MOJIBAKE", "TEXT_MARKUP", "RECORDED_DATE_UNLIKELY", "NAME_MISSING",
             "DECIMAL_COORDINATE_IN_DMS_FIELD", "COORDINATE_INVALID"}


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
    kinds = {d.kind for d in describe(DOMAIN).fields}
    names = set(describe(DOMAIN).by_name)
    assert Kind.BOOLEAN not in kinds and "taxon_rank" not in names and "earliest_period" not in names


def test_unknown_sampstat_is_kept_with_a_hint():
    outcome = validate(DOMAIN, row(biological_status="3000"))
    assert outcome.record["payload"]["biological_status"] == "3000"
    (issue,) = outcome.issues
    assert issue.severity == Severity.WARNING and "'300'" in issue.params["suggestion_en"]
    assert "300" in issue.message()["zh"]
    # "777" is nowhere near a code: still a warning, but the vocabulary offers no suggestion.
    (issue,) = validate(DOMAIN, row(biological_status="777")).issues
    assert issue.params["suggestion_en"] == ""


def test_unknown_storage_code_keeps_the_whole_list():
    outcome = validate(DOMAIN, row(storage="13;77"))
    assert outcome.record["payload"]["storage"] == ["13", "77"]


def test_rejected_coordinates_do_not_reach_the_record():
    assert validate(DOMAIN, row(decimal_latitude="95")).record is None
    swapped = validate(DOMAIN, row(decimal_latitude="109.4862", decimal_longitude="30.3521")).record
    assert (swapped["decimal_latitude"], swapped["decimal_longitude"]) == (30.3521, 109.4862)
    negated = validate(DOMAIN, row(decimal_latitude="-30.3521")).record
    assert (negated["decimal_latitude"], negated["decimal_longitude"]) == (30.3521, 109.4862)
    outcome = validate(DOMAIN, row(coordinate_uncertainty_m="0"))
    assert outcome.record["coordinate_uncertainty_m"] is None


# ---------------------------------------------------------------- marshmallow agrees with validate()

# validate() judges coordinate ranges in the row-level coordinate check (to tell a swapped pair from a typo);
# a marshmallow field sees one cell, so schema().load() accepts a latitude of 95.
MARSHMALLOW_BLIND = {"declatitude-95"}


def test_marshmallow_loads_the_clean_row():
    loaded = describe(DOMAIN).schema().load(CLEAN)
    assert loaded["storage"] == ["13", "12"] and loaded["event_date"] == "2019-10-12"
    assert loaded["decimal_latitude"] == 30.3521 and loaded["country_code"] == "CN"
    assert loaded["biological_status"] == "300"


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
