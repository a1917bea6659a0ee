"""The rock/mineral/fossil schema: declarations, real-file headers, clean fossil and rock rows, one row per issue."""
from __future__ import annotations

import csv
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

DOMAIN = "geological_specimen"
SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "data" / "real" / "geological_specimen"
DWC_TERMS = SHARED / "data" / "standards" / "dwc" / "term_versions.csv"
CHRONO_EXTENSION = SHARED / "data" / "standards" / "gbif-extensions" / "ChronometricAge_2024-03-11.xml"
PARSE_CODES = {"REQUIRED_FIELD_MISSING", "INVALID_NUMBER", "INVALID_INTEGER", "INVALID_BOOLEAN",
               "RECORDED_DATE_INVALID", "RECORDED_DATE_RANGE_INVERTED", "VALUE_TOO_LONG", "NUMBER_OUT_OF_RANGE",
               "IDENTIFIER_INVALID", "UNKNOWN_TERM_REJECTED"}
NEXT_YEAR = str(date.today().year + 1)
CHRONO_FIELDS = [f"{end}_{rank}" for rank in ("eon", "era", "period", "epoch", "age") for end in ("earliest", "latest")]


def real_rows(name: str, **options) -> tuple[list[str], list[list[str]]]:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, **options))
    return rows[0], rows[1:]


def mapped(header: list[str], cells: list[str], **defaults: str) -> dict[str, str]:
    """A real row as the validator sees it: columns renamed to fields through the aliases, unknown ones dropped."""
    index = header_index(DOMAIN)
    row = dict(defaults)
    for column, cell in zip(header, cells):
        if index.get(norm(column)) and cell.strip():
            row[index[norm(column)]] = cell
    return row


# A Triassic marine reptile from the Jialingjiang Formation of Nanzhang, Hubei.
FOSSIL = {
    "local_id": "F.00042",
    "name_zh": "南漳湖北鳄化石",
    "name_en": "Hupehsuchus nanchangensis fossil",
    "scientific_name": "Hupehsuchus nanchangensis Young, 1972",
    "country_code": "CN",
    "state_province": "湖北省",
    "county": "南漳县",
    "locality": "南漳县巡检镇采石场",
    "decimal_latitude": "31.62",
    "decimal_longitude": "111.72",
    "coordinate_uncertainty_m": "500",
    "geodetic_datum": "EPSG:4490",
    "event_date": "2015-10-08",
    "preservation_method": "标本",
    "preservation_place": "湖北省地质博物馆",
    "preservation_status": "在库",
    "sharing_mode": "open",
    "quantity": "1 件",
    "remarks": "头骨及部分头后骨骼",
    "sample_type": "化石",
    "basis_of_record": "化石标本",
    "record_number": "NZ-2015-17",
    "taxon_rank": "species",
    "family": "Hupehsuchidae",
    "genus": "Hupehsuchus",
    "identified_by": "王五",
    "type_status": "topotype of Hupehsuchus nanchangensis",
    "earliest_era": "中生代",
    "earliest_period": "三叠纪",
    "earliest_epoch": "Early Triassic",
    "earliest_age": "Olenekian",
    "latest_age": "奥伦尼克期",
    "verbatim_geological_age": "早三叠世晚期",
    "min_age_ma": "247.5",
    "max_age_ma": "249",
    "lithostratigraphic_terms": "嘉陵江组二段",
    "formation": "嘉陵江组",
    "member": "二段",
    "geological_setting": "薄层灰岩夹层中",
    "depositional_environment": "浅海台地",
    "recorded_by": "张三 | 李四",
    "description": "保存较完整的头骨，吻部细长",
    "main_use": "科学研究",
}

FOSSIL_RECORD = {
    "local_id": "F.00042",
    "name_zh": "南漳湖北鳄化石",
    "name_en": "Hupehsuchus nanchangensis fossil",
    "scientific_name": "Hupehsuchus nanchangensis Young, 1972",
    "country_code": "CN",
    "locality": "南漳县巡检镇采石场",
    "decimal_latitude": 31.62,
    "decimal_longitude": 111.72,
    "coordinate_uncertainty_m": 500.0,
    "geodetic_datum": "EPSG:4490",
    "event_date": "2015-10-08",
    "preservation_method": "标本",
    "preservation_place": "湖北省地质博物馆",
    "preservation_status": "在库",
    "availability": None,
    "sharing_mode": "open",
    "quantity": "1 件",
    "licence": None,
    "rights_holder": None,
    "admin_division": "420624",
    "quality_flags": [],
    "payload": {
        "state_province": "湖北省",
        "county": "南漳县",
        "remarks": "头骨及部分头后骨骼",
        "sample_type": "fossil",
        "basis_of_record": "FossilSpecimen",
        "record_number": "NZ-2015-17",
        "taxon_rank": "species",
        "family": "Hupehsuchidae",
        "genus": "Hupehsuchus",
        "identified_by": ["王五"],
        "type_status": ["topotype of Hupehsuchus nanchangensis"],
        "earliest_era": "Mesozoic",
        "earliest_period": "Triassic",
        "earliest_epoch": "LowerTriassic",
        "earliest_age": "Olenekian",
        "latest_age": "Olenekian",
        "verbatim_geological_age": "早三叠世晚期",
        "min_age_ma": 247.5,
        "max_age_ma": 249.0,
        "lithostratigraphic_terms": "嘉陵江组二段",
        "formation": "嘉陵江组",
        "member": "二段",
        "geological_setting": "薄层灰岩夹层中",
        "depositional_environment": "浅海台地",
        "recorded_by": ["张三", "李四"],
        "description": "保存较完整的头骨，吻部细长",
        "main_use": "科学研究",
        "age_begin_ma": 249.9,   # derived: beginning of the Olenekian
        "age_end_ma": 246.7,     # derived: end of the Olenekian
    },
}

# A Neoproterozoic granodiorite of the Huangling batholith, Yichang.
ROCK = {
    "local_id": "R.00107",
    "name_zh": "黄陵花岗闪长岩标本",
    "name_en": "Huangling granodiorite specimen",
    "country_code": "中国",
    "state_province": "湖北省",
    "county": "夷陵区",
    "locality": "三斗坪镇太平溪采石场",
    "decimal_latitude": "30.85",
    "decimal_longitude": "111.05",
    "coordinate_uncertainty_m": "100",
    "event_date": "2018-07-21",
    "preservation_method": "薄片",
    "preservation_place": "中国地质大学（武汉）逸夫博物馆",
    "sharing_mode": "依申请共享",
    "quantity": "2 片",
    "igsn": "10.58052/IEHUB0107",
    "record_number": "HL-2018-07",
    "sample_type": "岩石",
    "basis_of_record": "MaterialEntity",
    "lithology": "花岗闪长岩",
    "rock_type": "侵入岩",
    "description": "中粒结构，块状构造，斜长石、石英、钾长石、黑云母",
    "dimensions": "12*8*6",
    "weight_g": "850",
    "earliest_era": "新元古代",
    "earliest_period": "拉伸纪",
    "verbatim_geological_age": "新元古代",
    "min_age_ma": "795",
    "max_age_ma": "830",
    "dating_method": "锆石 U-Pb",
    "geological_setting": "黄陵岩基，侵入于崆岭群片麻岩",
    "tectonic_setting": "扬子克拉通黄陵穹窿",
    "recorded_by": "陈六",
    "provider": "中国地质大学（武汉）",
    "provided_date": "2019-03",
    "main_use": "科学研究",
    "acquisition_route": "现场获取",
    "associated_media": "R00107-1.jpg | R00107-2.jpg",
}

ROCK_RECORD = {
    "local_id": "R.00107",
    "name_zh": "黄陵花岗闪长岩标本",
    "name_en": "Huangling granodiorite specimen",
    "scientific_name": None,
    "country_code": "CN",
    "locality": "三斗坪镇太平溪采石场",
    "decimal_latitude": 30.85,
    "decimal_longitude": 111.05,
    "coordinate_uncertainty_m": 100.0,
    "geodetic_datum": None,
    "event_date": "2018-07-21",
    "preservation_method": "薄片",
    "preservation_place": "中国地质大学（武汉）逸夫博物馆",
    "preservation_status": None,
    "availability": None,
    "sharing_mode": "on_request",
    "quantity": "2 片",
    "licence": None,
    "rights_holder": None,
    "admin_division": "420506",
    "quality_flags": [],
    "payload": {
        "state_province": "湖北省",
        "county": "夷陵区",
        "igsn": "10.58052/IEHUB0107",
        "record_number": "HL-2018-07",
        "sample_type": "rock",
        "basis_of_record": "MaterialEntity",
        "lithology": "花岗闪长岩",
        "rock_type": "侵入岩",
        "description": "中粒结构，块状构造，斜长石、石英、钾长石、黑云母",
        "dimensions": "12*8*6",
        "weight_g": 850.0,
        "earliest_era": "Neoproterozoic",
        "earliest_period": "Tonian",
        "verbatim_geological_age": "新元古代",
        "min_age_ma": 795.0,
        "max_age_ma": 830.0,
        "dating_method": "锆石 U-Pb",
        "geological_setting": "黄陵岩基，侵入于崆岭群片麻岩",
        "tectonic_setting": "扬子克拉通黄陵穹窿",
        "recorded_by": ["陈六"],
        "provider": "中国地质大学（武汉）",
        "provided_date": "2019-03",
        "main_use": "科学研究",
        "acquisition_route": "现场获取",
        "associated_media": ["R00107-1.jpg", "R00107-2.jpg"],
        "age_begin_ma": 1000.0,  # derived: the Tonian
        "age_end_ma": 720.0,
    },
}


def changed(base: dict | None = None, **changes: str | None) -> dict:
    """A clean row (the fossil unless given) with some cells replaced; None removes the cell."""
    row = {**(FOSSIL if base is None else base), **changes}
    return {name: value for name, value in row.items() if value is not None}


# (row, the exact (field, code) list validate() reports, in order)
CASES = {
    "INVALID_NUMBER": (changed(ROCK, weight_g="15 (带盒)"), [("weight_g", "INVALID_NUMBER")]),
    "NUMBER_OUT_OF_RANGE": (changed(max_age_ma="5000"), [("max_age_ma", "NUMBER_OUT_OF_RANGE")]),
    "REQUIRED_FIELD_MISSING": (changed(sample_type=None), [("sample_type", "REQUIRED_FIELD_MISSING")]),
    "RECOMMENDED_FIELD_MISSING": (changed(basis_of_record=None, recorded_by=None),
                                  [("basis_of_record", "RECOMMENDED_FIELD_MISSING"),
                                   ("recorded_by", "RECOMMENDED_FIELD_MISSING")]),
    "VALUE_TOO_LONG": (changed(ROCK, rock_type="侵入岩" * 40), [("rock_type", "VALUE_TOO_LONG")]),
    # GEOROC sample names carry their citation number in brackets
    "IDENTIFIER_INVALID": (changed(local_id="s_Z104 [6002]"), [("local_id", "IDENTIFIER_INVALID")]),
    # a regional (North American) stage is not an ICS unit: kept verbatim, the latest stage dates the horizon
    "UNKNOWN_TERM": (changed(earliest_age="Wolfcamp"), [("earliest_age", "UNKNOWN_TERM")]),
    "UNKNOWN_TERM_REJECTED": (changed(sample_type="岩石标本", basis_of_record="Rock"),
                              [("sample_type", "UNKNOWN_TERM_REJECTED"),
                               ("basis_of_record", "UNKNOWN_TERM_REJECTED")]),
    "RECORDED_DATE_INVALID": (changed(ROCK, provided_date="2019年13月"), [("provided_date", "RECORDED_DATE_INVALID")]),
    # "忘了" ("forgot") and "不知道" stand for a missing value: counted as empty, flagged
    "MISSING_VALUE_PLACEHOLDER": (changed(ROCK, provided_date="忘了", locality="不知道"),
                                  [("locality", "MISSING_VALUE_PLACEHOLDER"),
                                   ("provided_date", "MISSING_VALUE_PLACEHOLDER")]),
    # UTF-8 read as Latin-1 / Mac Roman: kept as given, flagged with the probable original
    "TEXT_MOJIBAKE": (changed(locality="KÃ¼stengewÃ¤sser"), [("locality", "TEXT_MOJIBAKE")]),
    "RECORDED_DATE_UNLIKELY": (changed(event_date="1015-10-08"), [("event_date", "RECORDED_DATE_UNLIKELY")]),
    "TEXT_MARKUP": (changed(geological_setting="<i>Hupehsuchus</i> bed"), [("geological_setting", "TEXT_MARKUP")]),
    # the mineral catalogue's empty placeholder rows: only a number and a photo name
    "NAME_MISSING": (changed(ROCK, name_zh=None, name_en=None, lithology=None),
                     [("name_zh", "NAME_MISSING")]),
    "DIMENSIONS_INVALID": (changed(ROCK, dimensions="3盒子"), [("dimensions", "DIMENSIONS_INVALID")]),
    "RECORDED_DATE_IN_FUTURE": (changed(event_date=f"{NEXT_YEAR}-05-01"), [("event_date", "RECORDED_DATE_IN_FUTURE")]),
    "RECORDED_DATE_RANGE_INVERTED": (changed(event_date="2015-10-08/2015-09-01"),
                                     [("event_date", "RECORDED_DATE_RANGE_INVERTED")]),
    "COORDINATE_OUT_OF_RANGE": (changed(decimal_longitude="211.72"),
                                [("decimal_longitude", "COORDINATE_OUT_OF_RANGE")]),
    "COORDINATE_INCOMPLETE": (changed(decimal_latitude=None),
                              [("decimal_latitude", "RECOMMENDED_FIELD_MISSING"),
                               ("decimal_latitude", "COORDINATE_INCOMPLETE")]),
    "ZERO_COORDINATE": (changed(decimal_latitude="0", decimal_longitude="0"),
                        [("decimal_latitude", "ZERO_COORDINATE")]),
    "PRESUMED_SWAPPED_COORDINATE": (changed(state_province=None, county=None, decimal_latitude="87.6",
                                            decimal_longitude="43.8"),
                                    [("decimal_latitude", "PRESUMED_SWAPPED_COORDINATE")]),
    "PRESUMED_NEGATED_COORDINATE": (changed(decimal_longitude="-111.72"),
                                    [("decimal_latitude", "PRESUMED_NEGATED_COORDINATE")]),
    "COORDINATE_OUTSIDE_STATED_AREA": (changed(decimal_latitude="26.58", decimal_longitude="106.71"),
                                       [("decimal_latitude", "COORDINATE_OUTSIDE_STATED_AREA")]),
    "COORDINATE_UNCERTAINTY_MISSING": (changed(coordinate_uncertainty_m=None),
                                       [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_MISSING")]),
    "COORDINATE_UNCERTAINTY_INVALID": (changed(coordinate_uncertainty_m="0"),
                                       [("coordinate_uncertainty_m", "COORDINATE_UNCERTAINTY_INVALID")]),
    "COUNTRY_UNKNOWN": (changed(country_code="Lemuria"), [("country_code", "COUNTRY_UNKNOWN")]),
    "ADMIN_DIVISION_MISMATCH": (changed(county="北京市"), [("county", "ADMIN_DIVISION_MISMATCH")]),
    "TAXON_RANK_INCONSISTENT": (changed(taxon_rank="genus"), [("taxon_rank", "TAXON_RANK_INCONSISTENT")]),
    "TAXON_NAME_MISMATCH": (changed(genus="Nanchangosaurus"), [("genus", "TAXON_NAME_MISMATCH")]),
    # Anisian (Middle Triassic) below Olenekian (Early Triassic): the range runs backwards
    "GEOLOGIC_AGE_RANGE_INVERTED": (changed(earliest_epoch="MiddleTriassic", earliest_age="Anisian",
                                            latest_age="Olenekian", min_age_ma=None, max_age_ma=None),
                                    [("earliest_age", "GEOLOGIC_AGE_RANGE_INVERTED")]),
    # 300 Ma is Carboniferous, not Triassic
    "GEOLOGIC_AGE_OUTSIDE_UNIT": (changed(min_age_ma="300", max_age_ma=None),
                                  [("min_age_ma", "GEOLOGIC_AGE_OUTSIDE_UNIT")]),
    # an Early Triassic series placed in the Jurassic system
    "GEOLOGIC_UNIT_OUTSIDE_PARENT": (changed(earliest_period="Jurassic", earliest_epoch="LowerTriassic"),
                                     [("earliest_epoch", "GEOLOGIC_UNIT_OUTSIDE_PARENT")]),
    "NUMERIC_AGE_RANGE_INVERTED": (changed(min_age_ma="249", max_age_ma="247.5"),
                                   [("min_age_ma", "NUMERIC_AGE_RANGE_INVERTED")]),
}
IMPOSSIBLE = {
    "INVALID_INTEGER": "no integer field",
    "INVALID_BOOLEAN": "no yes/no field",
    "RECORDED_DATE_MISMATCH": "no year/month/day fields",
    "COORDINATE_INVALID": "no verbatim coordinate fields",
    "DECIMAL_COORDINATE_IN_DMS_FIELD": "no MCPD degrees-minutes-seconds fields",
    "ELEVATION_NON_NUMERIC": "no verbatim elevation field",
    "COUNTRY_MISMATCH": "no country name field beside the country code",
    "BASIS_OF_RECORD_NOT_SPECIMEN": "a biological-specimen check",
}


# ---------------------------------------------------------------- declarations

def test_describe_lists_the_fields():
    description = describe(DOMAIN)
    names = [declaration.name for declaration in description.fields]
    assert names[:len(CoreSchema._declared_fields)] == list(CoreSchema._declared_fields)
    assert names[len(CoreSchema._declared_fields):] == [
        "other_catalog_numbers", "igsn", "record_number", "sample_type", "basis_of_record", "lithology",
        "rock_type", "mineral_name", "mineral_formula", "mineral_class", "description", "dimensions", "weight_g",
        "verbatim_identification", "taxon_rank", "family", "genus", "identified_by", "type_status",
        *CHRONO_FIELDS, "verbatim_geological_age", "min_age_ma", "max_age_ma", "dating_method",
        "lowest_biostratigraphic_zone", "highest_biostratigraphic_zone", "lithostratigraphic_terms",
        "lithostratigraphic_group", "formation", "member", "bed", "geological_setting", "tectonic_setting",
        "depositional_environment", "minimum_elevation_m", "maximum_elevation_m", "minimum_depth_m",
        "maximum_depth_m", "recorded_by", "verbatim_event_date", "provider", "provided_date", "main_use",
        "acquisition_route", "associated_media", "literature"]
    by_name = description.by_name
    assert by_name["sample_type"].required and by_name["sample_type"].vocabulary == "geological_sample_type"
    assert by_name["basis_of_record"].term == "dwc:basisOfRecord" and by_name["basis_of_record"].closed
    assert by_name["basis_of_record"].level == "recommended"
    assert not by_name["scientific_name"].required and by_name["scientific_name"].level == "optional"
    for name in CHRONO_FIELDS:
        assert by_name[name].vocabulary == "chronostratigraphy", name
    assert by_name["earliest_age"].term == "dwc:earliestAgeOrLowestStage"
    assert by_name["lithostratigraphic_group"].term == "dwc:group"
    for name in ("min_age_ma", "max_age_ma"):
        assert (by_name[name].kind, by_name[name].minimum) == (Kind.DECIMAL, 0)
    assert by_name["preservation_method"].labels["zh"] == "保存资源类型"


def test_standard_terms_exist():
    """dwc: terms are current Darwin Core; chrono: terms are in the GBIF Chronometric Age extension."""
    declarations = describe(DOMAIN).fields
    if not DWC_TERMS.exists() or not CHRONO_EXTENSION.exists():
        pytest.skip("standards files not present")
    with DWC_TERMS.open(encoding="utf-8") as handle:
        current = {row["term_localName"] for row in csv.DictReader(handle)
                   if row["status"] == "recommended" and "/dwc/terms/" in row["iri"]}
    assert {d.term_name for d in declarations if d.term.startswith("dwc:")} <= current
    extension = CHRONO_EXTENSION.read_text(encoding="utf-8")
    for declaration in declarations:
        if declaration.term.startswith("chrono:"):
            assert f"chrono/terms/{declaration.term_name}'" in extension.replace('"', "'"), declaration.term


@pytest.mark.parametrize("header, field", [
    ("编号", "local_id"), ("标本编号", "local_id"), ("资源编号", "local_id"), ("采集号", "record_number"),
    ("资源名称", "name_zh"), ("资源外文名", "name_en"), ("原产国", "country_code"), ("原产省", "state_province"),
    ("原产地", "locality"), ("产地", "locality"), ("资源提供者", "provider"), ("资源提供时间", "provided_date"),
    ("保存单位", "preservation_place"), ("资源形成时代", "verbatim_geological_age"),
    ("地质时代", "verbatim_geological_age"), ("地质产状或层位", "geological_setting"), ("层位", "geological_setting"),
    ("图像", "associated_media"), ("保存资源类型", "preservation_method"), ("简要特征描述", "description"),
    ("主要用途", "main_use"), ("共享方式", "sharing_mode"), ("获取途径", "acquisition_route"),
    ("岩性", "lithology"), ("岩石名称", "lithology"), ("矿物", "mineral_name"), ("标本类型", "sample_type"),
    ("IGSN", "igsn"), ("earliestAgeOrLowestStage", "earliest_age"), ("group", "lithostratigraphic_group"),
])
def test_chinese_pattern_and_darwin_core_headers(header, field):
    assert header_index(DOMAIN)[norm(header)] == field


def test_real_pbdb_headers_map():
    header, _ = real_rows("pbdb_early_tetrapods_occurrences_first1500.csv")
    index = header_index(DOMAIN)
    found = {column: index[norm(column)] for column in header if norm(column) in index}
    assert found == {
        "occurrence_no": "local_id", "identified_name": "verbatim_identification", "accepted_name": "scientific_name",
        "accepted_rank": "taxon_rank", "early_interval": "earliest_age", "late_interval": "latest_age",
        "max_ma": "max_age_ma", "min_ma": "min_age_ma", "family": "family", "genus": "genus",
        "lng": "decimal_longitude", "lat": "decimal_latitude", "collection_name": "locality", "cc": "country_code",
        "state": "state_province", "county": "county", "formation": "formation",
        "stratgroup": "lithostratigraphic_group", "member": "member", "zone": "lowest_biostratigraphic_zone",
        "lithology1": "lithology", "environment": "depositional_environment", "tectonic_setting": "tectonic_setting",
        "collectors": "recorded_by", "collection_dates": "verbatim_event_date"}


def test_real_georoc_headers_map():
    header, _ = real_rows("georoc_zimbabwe_craton_archean_2022-06.csv")  # bare CR line ends: csv handles them
    index = header_index(DOMAIN)
    found = {column: index[norm(column)] for column in header if norm(column) in index}
    assert found == {
        "CITATIONS": "literature", "TECTONIC SETTING": "tectonic_setting", "LOCATION": "locality",
        "LATITUDE MIN": "decimal_latitude", "LONGITUDE MIN": "decimal_longitude",
        "ELEVATION MIN": "minimum_elevation_m", "ELEVATION_(MAX.)": "maximum_elevation_m",
        "SAMPLE NAME": "local_id", "ROCK NAME": "lithology", "AGE": "verbatim_geological_age",
        "ROCK TYPE": "rock_type", "DRILL DEPTH MIN": "minimum_depth_m", "DRILL DEPTHAX": "maximum_depth_m",
        "MINERAL": "mineral_name", "UNIQUE_ID": "other_catalog_numbers"}


def test_real_mineral_catalogue_headers_map():
    header, _ = real_rows("personal_mineral_museum_zh.csv")  # UTF-8 with BOM
    index = header_index(DOMAIN)
    assert {column: index.get(norm(column)) for column in header} == {
        "编号": "local_id", "中文名称": "name_zh", "英文名称": "name_en", "化学式": "mineral_formula",
        "矿物分类": "mineral_class", "产地": "locality", "尺寸(cm)": "dimensions", "重量(g)": "weight_g",
        "图片文件名": "associated_media"}


def test_real_mineral_rows_validate_with_their_quirks():
    header, rows = real_rows("personal_mineral_museum_zh.csv")
    first = validate(DOMAIN, mapped(header, rows[0], sample_type="mineral"))
    assert first.valid
    assert first.record["payload"]["mineral_formula"] == "SiO₂"
    assert first.record["payload"]["weight_g"] == 631.0
    assert ("country_code", "RECOMMENDED_FIELD_MISSING") in [(i.field, i.code) for i in first.issues]
    boxed = next(cells for cells in rows if cells[7].strip() == "15 (带盒)")  # weight including the box
    outcome = validate(DOMAIN, mapped(header, boxed, sample_type="mineral"))
    assert ("weight_g", "INVALID_NUMBER") in [(i.field, i.code) for i in outcome.issues]
    assert not outcome.valid


def test_real_pbdb_chinese_row_is_dated_and_flagged():
    header, rows = real_rows("pbdb_early_tetrapods_occurrences_first1500.csv")
    cells = next(cells for cells in rows if dict(zip(header, cells))["collection_name"].startswith("Wusilangou"))
    outcome = validate(DOMAIN, mapped(header, cells, sample_type="fossil", basis_of_record="FossilSpecimen"))
    assert outcome.valid
    payload = outcome.record["payload"]
    assert payload["earliest_age"] == "LowerTriassic"      # "Early Triassic", an epoch, in the interval column
    assert (payload["age_begin_ma"], payload["age_end_ma"]) == (251.902, 246.7)
    # PBDB's max_ma 252.17 is the older (2013) base of the Triassic: outside the 2024 chart's Early Triassic
    assert ("min_age_ma", "GEOLOGIC_AGE_OUTSIDE_UNIT") in [(i.field, i.code) for i in outcome.issues]


# ---------------------------------------------------------------- validation

def test_clean_fossil_gives_the_exact_record():
    outcome = validate(DOMAIN, FOSSIL)
    assert outcome.issues == []
    assert outcome.record == FOSSIL_RECORD


def test_clean_rock_gives_the_exact_record():
    outcome = validate(DOMAIN, ROCK)
    assert outcome.issues == []
    assert outcome.record == ROCK_RECORD


def test_geochronologic_chinese_names_are_normalised():
    outcome = validate(DOMAIN, changed(earliest_era=None, earliest_period="侏罗纪", earliest_epoch=None,
                                       earliest_age=None, latest_age=None, min_age_ma=None, max_age_ma=None))
    assert outcome.issues == []
    payload = outcome.record["payload"]
    assert payload["earliest_period"] == "Jurassic"
    assert (payload["age_begin_ma"], payload["age_end_ma"]) == (201.4, 143.1)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_issue_type(code):
    row, expected = CASES[code]
    outcome = validate(DOMAIN, row)
    assert [(issue.field, issue.code) for issue in outcome.issues] == expected
    assert outcome.valid == (CATALOGUE[code].severity == Severity.WARNING)
    for issue in outcome.issues:
        assert issue.message()["en"] and issue.message()["zh"]


def test_every_issue_type_is_covered_or_impossible():
    assert set(CASES) | set(IMPOSSIBLE) == set(CATALOGUE) - FILE_LEVEL_CODES
    assert not set(CASES) & set(IMPOSSIBLE)
    assert not any(d.kind in (Kind.INTEGER, Kind.BOOLEAN) for d in describe(DOMAIN).fields)


def test_unknown_unit_is_kept_and_the_known_one_dates_the_horizon():
    payload = validate(DOMAIN, CASES["UNKNOWN_TERM"][0]).record["payload"]
    assert payload["earliest_age"] == "Wolfcamp"
    assert (payload["age_begin_ma"], payload["age_end_ma"]) == (249.9, 246.7)


def test_inverted_range_still_derives_ages():
    payload = validate(DOMAIN, CASES["GEOLOGIC_AGE_RANGE_INVERTED"][0]).record["payload"]
    assert (payload["earliest_age"], payload["latest_age"]) == ("Anisian", "Olenekian")
    assert (payload["age_begin_ma"], payload["age_end_ma"]) == (246.7, 246.7)


@pytest.mark.parametrize("row", [FOSSIL, ROCK] + [row for row, _ in CASES.values()],
                         ids=["fossil", "rock"] + list(CASES))
def test_marshmallow_load_agrees_on_parse_errors(row):
    expected = {issue.field for issue in validate(DOMAIN, row).issues if issue.code in PARSE_CODES}
    try:
        describe(DOMAIN).schema().load(row)
        rejected: set[str] = set()
    except ValidationError as error:
        rejected = set(error.messages)
    assert rejected == expected
