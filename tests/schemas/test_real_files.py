"""Every real file under ../shared/data/real/ maps and validates through its domain schema.

For each file: the exact report (summary, flags, unknown columns, reader notes), the quirks its folder's
README lists, as (row, column, code) where the validator reports them — or the reason it does not — and at
least one row stored untouched: every mapped cell as given (stripped), except the normalisation the
platform documents (vocabulary codes, ISO dates, numbers), which each test names explicitly.

Mapping files (tests/data/mappings/<file stem>.json) are written as a curator of the file would: columns the
headers do not map by themselves, columns to ignore, the local identifier where the file has none, and
defaults only where one value is true for every row. Where no single value is true (the organism type of
PHI-base's bacteria, fungi and oomycetes; the material type of FAO DAD-IS rows, which count several
materials), no default is set and the rows fail on the missing required field; a second run with a
submission default shows what the rest of the file gives and that a row is then stored untouched.

Rows are 1-based data rows (conventions.md); a README "line N" is row N - 1 where the file has one
header line. The files are read from the shared folder at run time, never copied.
"""
from __future__ import annotations

import collections
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ingest.mapping import MappingSpec, load_mapping_file
from ingest.pipeline import check_file
from ingest.readers import open_table
from schemas import describe, parsing
from schemas.field_checks import placeholder

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "data" / "real"
MAPPINGS = Path(__file__).resolve().parents[1] / "data" / "mappings"
DWC = "http://rs.tdwg.org/dwc/terms/"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"the shared real files are not present at {REAL}")


# ---------------------------------------------------------------- helpers

@dataclass
class Result:
    relative: str
    domain: str
    report: Any
    issues: list[dict[str, Any]]
    records: dict[int, dict[str, Any]]
    spec: MappingSpec

    @property
    def head(self) -> dict[str, Any]:
        return self.report.head()

    @property
    def mapping(self) -> dict[str, Any]:
        return self.report.details["mapping"]

    @property
    def notes(self) -> dict[str, dict[str, Any]]:
        return {note["code"]: note for note in self.report.details["notes"]}

    def found(self, code: str, column: str | None = None) -> list[tuple[int, str, str | None]]:
        """(row, column, value) of every issue with this code (and column)."""
        return [(i["row"], i["field"], i["value"]) for i in self.issues
                if i["code"] == code and (column is None or i["field"] == column)]

    def rows(self, code: str, column: str | None = None) -> list[int]:
        return [row for row, _, _ in self.found(code, column)]

    def by_column(self, code: str) -> dict[str, int]:
        return dict(collections.Counter(column for _, column, _ in self.found(code)))

    def codes_of(self, row: int) -> list[tuple[str, str]]:
        return [(i["field"], i["code"]) for i in self.issues if i["row"] == row]

    def value(self, row: int, field: str) -> Any:
        return stored(self.domain, self.records[row], field)


def real(relative: str) -> Path:
    path = REAL / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@cache
def check(relative: str, mapping: bool = True, defaults: tuple[tuple[str, str], ...] = ()) -> Result:
    """Validate a real file with its mapping file (if it has one), keeping every stored record."""
    path = real(relative)
    mapping_file = MAPPINGS / f"{path.name.rsplit('.', 1)[0]}.json"
    spec = load_mapping_file(mapping_file) if mapping and mapping_file.is_file() else MappingSpec()
    records: dict[int, dict[str, Any]] = {}
    report = check_file(path, relative.split("/")[0], spec=spec, defaults=dict(defaults),
                        on_record=lambda number, record: records.__setitem__(number, record))
    return Result(relative, relative.split("/")[0], report, list(report.issues()), records, spec)


@cache
def raw(relative: str) -> dict[int, dict[str, str]]:
    """The file's cells as the reader gives them, by data row."""
    with open_table(real(relative)) as table:
        return {row.number: dict(row.cells) for row in table.rows}


def stored(domain: str, record: dict[str, Any], field: str) -> Any:
    declaration = describe(domain).by_name.get(field)   # derived values (age_begin_ma …) live in the payload
    core = declaration.core if declaration else None
    return record[core] if core else record["payload"].get(field)


def assert_untouched(result: Result, row: int, normalised: dict[str, Any] | None = None,
                     derived: dict[str, Any] | None = None) -> None:
    """The stored record of `row` holds each mapped cell exactly as given (outer whitespace removed), unless
    `normalised` names the documented normalised value; each default of the mapping file; and nothing else
    but the `derived` values (admin division, dates read from year/month/day …)."""
    normalised, derived = dict(normalised or {}), dict(derived or {})
    record = result.records[row]
    cells = raw(result.relative)[row]
    expected: dict[str, Any] = {}
    for column, field in result.mapping["columns"].items():
        text = cells.get(column, "")
        if field and placeholder(text):   # "-", "NA", 不知道 …: an empty cell, reported as MISSING_VALUE_PLACEHOLDER
            assert (column, "MISSING_VALUE_PLACEHOLDER") in result.codes_of(row)
        elif field and parsing.clean_text(text):
            expected[field] = text.strip()
    for field, value in result.spec.defaults.items():
        expected.setdefault(field, value)
    if result.spec.identifier:
        expected["local_id"] = "-".join(cells[column].strip() for column in result.spec.identifier)
    expected.update(normalised)
    description = describe(result.domain)
    for field, value in expected.items():
        assert stored(result.domain, record, field) == value, (row, field)
    payload_fields = {name for name in record["payload"]}
    core_fields = {d.name for d in description.fields if d.core and record[d.core] is not None}
    assert payload_fields | core_fields == set(expected) | set(derived) - {"admin_division"}, row
    for field, value in derived.items():
        actual = record["admin_division"] if field == "admin_division" else stored(result.domain, record, field)
        assert actual == value, (row, field)
    assert record["quality_flags"] == sorted({code for _, code in result.codes_of(row)})


def count_cells(relative: str, column: str, *values: str) -> int:
    return sum(cells.get(column, "").strip() in values for cells in raw(relative).values())


def test_every_real_file_is_tested_here():
    present = {str(p.relative_to(REAL)) for p in REAL.glob("*/*") if p.suffix != ".md"}
    assert present == set(TESTED)
    mapped = {p.stem for p in MAPPINGS.glob("*.json")}
    assert mapped <= {Path(name).name.rsplit(".", 1)[0] for name in TESTED}
    for path in MAPPINGS.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


# ================================================================ plant germplasm

TOMATO = "plant_germplasm/crf_spain_tomato_mcpd_vavilov3.xlsx"
PEANUT = "plant_germplasm/grin_peanut_us_minicore_legumeinfo.xlsx"
WHEAT = "plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx"
WHEAT_STORAGE = "plant_germplasm/igdb_lulab_wheat_germplasm_storage.xlsx"


def test_crf_tomato_mcpd_export():
    """MCPD column names map by themselves (no mapping file). MLSSTAT "N" is now a label of code 0.

    Quirks: decimal degrees in LATITUDE/LONGITUDE (the MCPD DMS fields) → DECIMAL_COORDINATE_IN_DMS_FIELD on
    both, and the values are used as decimal coordinates; COLLDATE "199611--" (rows 13, 32) is MCPD's partial
    date, stored as 1996-11; COLLNUMB int and text cells both arrive as text; the three non-MCPD columns:
    IS_SAVE_DUPLICATE and CONSTATUS are unknown, IS_AVAILABLE is the availability ("True"/"False" kept as
    text: availability is free text); empty COORDUNCERT → COORDINATE_UNCERTAINTY_MISSING; the other empty
    columns are optional and silent. Not detected: the structured COLLSITE string is kept as the locality
    (the platform does not parse it); the ESP004/ESP027 duplicates (same COLLNUMB, COLLSITE, COLLDATE) are
    not flagged, because only the local identifier is checked for duplicates — the test shows the pairs.
    """
    result = check(TOMATO)
    assert result.head["summary"] == {"rows": 38, "valid": 38, "invalid": 0, "warnings": 228}
    assert result.head["flags"] == {"COORDINATE_UNCERTAINTY_MISSING": 38, "DECIMAL_COORDINATE_IN_DMS_FIELD": 76,
                                    "RECOMMENDED_FIELD_MISSING": 114}
    assert result.mapping["unknown"] == ["IS_SAVE_DUPLICATE", "CONSTATUS"] and result.mapping["conflicts"] == []
    assert result.notes == {}
    assert result.by_column("DECIMAL_COORDINATE_IN_DMS_FIELD") == {"LATITUDE": 38, "LONGITUDE": 38}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"scientific_name": 38, "decimal_latitude": 38,
                                                             "decimal_longitude": 38}
    assert result.found("DECIMAL_COORDINATE_IN_DMS_FIELD")[:2] == [(1, "LATITUDE", "39.6275"),
                                                                 (1, "LONGITUDE", "-5.41555555555556")]
    assert (result.value(13, "event_date"), result.value(32, "event_date")) == ("1996-11", "1996-11")
    assert raw(TOMATO)[13]["COLLDATE"] == raw(TOMATO)[32]["COLLDATE"] == "199611--"
    assert {result.value(row, "mls_status") for row in result.records} == {"0"}
    collecting_numbers = [result.value(row, "collecting_number") for row in sorted(result.records)]
    assert sum(number.isdigit() for number in collecting_numbers) == 26 and "428_1" in collecting_numbers
    # the same 19 samples at ESP004 (rows 1-19) and ESP027 (rows 20-38): unflagged duplicates
    keys = {row: tuple(result.value(row, field) for field in ("collecting_number", "locality", "event_date"))
            for row in result.records}
    assert all(keys[row] == keys[row + 19] for row in range(1, 20))
    assert result.value(20, "other_numbers") == ["ESP004:BGE050162"]
    assert result.value(1, "locality") == "state:Extremadura;province:Caceres;municipality:Castañar de Ibor"
    assert_untouched(result, 1, normalised={
        "country_code": "ES", "event_date": "1996-10-11", "acquisition_date": "2018-12-03", "elevation": 689.0,
        "other_numbers": ["ESP027:BGHZ6945"], "collecting_institute_code": ["ESP004"], "storage": ["13"],
        "mls_status": "0"}, derived={"decimal_latitude": 39.6275, "decimal_longitude": -5.41555555555556})


def test_grin_peanut_minicore():
    """Mapping file: the accession number is "PI" (column B, no header) and the number (column C) joined
    ("PI-152146"); "Botanical variety" is the subtaxon, "Identifier" the accession's name, "Collection site"
    the country; the analysis columns (G1-G4, clusters, FAD2A, the VLOOKUP column "In GRIN") are ignored.
    Defaults true of every row of a peanut mini-core: Arachis hypogaea, crop peanut.

    Quirks: the title row and the header's empty cells are reader notes (PREAMBLE_SKIPPED, HEADER_EMPTY_NAMED);
    only the first sheet (Supp) is read, so the GRIN sheet's pasted CSV and the USMiniCore sheet are out of
    scope (OTHER_SHEETS_IGNORED names them); "In GRIN" formulas give their cached values (ignored here);
    country names, including the historic "Burma" and "Ivory Coast", are recognised (stored MM, CI) — no flag;
    "Identifier" "N/A" (rows 3, 4, 5, 52) → MISSING_VALUE_PLACEHOLDER. Not detected: the 2-letter variety
    abbreviations (hy, fa, vu, pr) are kept as the subtaxon; there is no list of Arachis varieties to check.
    """
    result = check(PEANUT)
    assert result.head["summary"] == {"rows": 94, "valid": 94, "invalid": 0, "warnings": 662}
    assert result.head["flags"] == {"MISSING_VALUE_PLACEHOLDER": 4, "RECOMMENDED_FIELD_MISSING": 658}
    assert result.mapping["unknown"] == [] and result.mapping["conflicts"] == []
    assert set(result.notes) == {"OTHER_SHEETS_IGNORED", "PREAMBLE_SKIPPED", "HEADER_EMPTY_NAMED"}
    assert "GRIN, USMiniCore" in result.notes["OTHER_SHEETS_IGNORED"]["message"]["en"]
    assert result.notes["PREAMBLE_SKIPPED"]["lines"] == [1] and result.notes["HEADER_EMPTY_NAMED"]["count"] == 3
    assert result.found("MISSING_VALUE_PLACEHOLDER") == [(3, "Identifier", "N/A"), (4, "Identifier", "N/A"),
                                                         (5, "Identifier", "N/A"), (52, "Identifier", "N/A")]
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {
        "name_zh": 94, "institute_code": 94, "biological_status": 94, "locality": 94, "decimal_latitude": 94,
        "decimal_longitude": 94, "event_date": 94}
    countries = {raw(PEANUT)[row]["Collection site"]: result.value(row, "country_code") for row in result.records}
    assert countries["Burma"] == "MM" and countries["Ivory Coast"] == "CI" and None not in countries.values()
    assert collections.Counter(result.value(row, "subtaxa") for row in result.records) == {
        "hy": 50, "fa": 32, "vu": 9, "pr": 3}
    assert result.value(1, "local_id") == "PI-152146" and raw(PEANUT)[1]["Collection site"] == "Brazil"
    assert_untouched(result, 1, normalised={"country_code": "BR"})



def row_of(relative: str, column: str, value: str) -> int:
    return next(row for row, cells in raw(relative).items() if cells.get(column) == value)


def test_igdb_wheat_panel():
    """No mapping file: the panel's columns map by themselves (Latitude/Longitude by their MCPD names, the
    DMS fields); "Country" (names) and "Ctry" (alpha-3) both claim the country, and the conflict is reported.

    Quirks: missing values written "-" and "NA" → MISSING_VALUE_PLACEHOLDER in every mapped column, as many as
    the file has such cells there (the README's 21,436 "-" and 1,464 "NA" count all 37 columns); mojibake in
    "City(USDA)" (Mac Roman, first at row 3 = Excel row 4, AB_003 "ƒÄdƒ´sƒÄbeba") → TEXT_MOJIBAKE, 172 cells
    (the README counts 144 with its own pattern; every one of the 172 repairs to a real place name);
    Latitude/Longitude are decimal degrees (and "-") → DECIMAL_COORDINATE_IN_DMS_FIELD, used as coordinates;
    "Released/introducedyear" decades, "2011-2017（…）" and the four Excel dates (rows 1452-1455 = Excel rows
    1453-1456, D_0044..D_0047) → INVALID_INTEGER, rows rejected; fullTaxa with its spaces stripped → every
    row's genus disagrees with it (TAXON_NAME_MISMATCH); USDA dates "NEAR 1935", "PRE 1940" →
    RECORDED_DATE_INVALID; historic or misspelt countries (SovietUnion, CzechRepoublic, America) →
    COUNTRY_UNKNOWN, while "Turkey", "Russia", "Macedonia" are now recognised. Not detected: "LuLab" vs
    "Lulab" (free text, no list of sources); Growth-Class, Rht genotypes, Chinese sheet names and the other
    six sheets (only the first sheet is read: OTHER_SHEETS_IGNORED).
    """
    result = check(WHEAT)
    assert result.head["summary"] == {"rows": 1628, "valid": 1607, "invalid": 21, "warnings": 22276}
    assert result.head["flags"] == {
        "COORDINATE_UNCERTAINTY_MISSING": 1218, "COUNTRY_UNKNOWN": 21, "DECIMAL_COORDINATE_IN_DMS_FIELD": 2436,
        "INVALID_INTEGER": 21, "MISSING_VALUE_PLACEHOLDER": 10238, "RECOMMENDED_FIELD_MISSING": 6517,
        "RECORDED_DATE_INVALID": 46, "TAXON_NAME_MISMATCH": 1628, "TEXT_MOJIBAKE": 172}
    assert result.mapping["unknown"] == [
        "VMap1", "VMap1.1", "id_yin", "Sample_name", "Genome", "type_original(8)", "type(USDA_8)", "Common_name(21)",
        "type_final", "Rht-B(21-30861571)", "Rht-D(23-18781242)", "Continent(9)", "Ctnt(9)", "GrowthHabit",
        "Ecoregion", "Growth-Class", "GID", "WEGA"]
    assert result.mapping["conflicts"] == [["Ctry", "country_code", "Country"]]
    assert set(result.notes) == {"OTHER_SHEETS_IGNORED"} and result.notes["OTHER_SHEETS_IGNORED"]["count"] == 6
    placeholders = result.by_column("MISSING_VALUE_PLACEHOLDER")
    assert placeholders == {column: count_cells(WHEAT, column, "-", "NA") for column in placeholders}
    assert placeholders == {"PI_accession": 799, "English_name": 242, "Chinese_name": 1304, "GermplasmBank": 848,
                            "Latitude": 410, "Longitude": 410, "Country": 31, "City(USDA)": 543, "elevation": 548,
                            "RECEIVED(USDA)": 1053, "SOURCE DATE(USDA)": 1326, "Released/introducedyear": 1203,
                            "Pedigree": 1521}
    assert result.found("TEXT_MOJIBAKE")[0] == (3, "City(USDA)", "ƒÄdƒ´sƒÄbeba") and raw(WHEAT)[3]["ID"] == "AB_003"
    assert result.by_column("TEXT_MOJIBAKE") == {"City(USDA)": 172}
    assert result.by_column("DECIMAL_COORDINATE_IN_DMS_FIELD") == {"Latitude": 1218, "Longitude": 1218}
    assert result.rows("INVALID_INTEGER") == [794, 797, 1217, 1275, 1277, 1278, 1328, 1330, 1334, 1340, 1368, 1369,
                                              1370, 1382, 1383, 1384, 1385, 1452, 1453, 1454, 1455]
    assert [value for row, _, value in result.found("INVALID_INTEGER") if row >= 1452] == [
        "2001-07-15", "2001-07-17", "2004-07-02", "2004-07-15"]
    assert [raw(WHEAT)[row]["ID"] for row in (1452, 1455)] == ["D_0044", "D_0047"]
    assert result.head["summary"]["invalid"] == len(result.rows("INVALID_INTEGER"))
    assert result.by_column("TAXON_NAME_MISMATCH") == {"Genus": 1628}
    assert collections.Counter(v for _, _, v in result.found("RECORDED_DATE_INVALID")) == {
        "NEAR 1935": 30, "PRE 1940": 6, "PRE 1930": 6, "NEAR 1970": 4}
    assert collections.Counter(v for _, _, v in result.found("COUNTRY_UNKNOWN")) == {
        "America": 9, "SovietUnion": 6, "FormerSovietUnion": 3, "Czechoslovakia": 1, "CzechRepoublic": 1,
        "Russian": 1}
    turkey = row_of(WHEAT, "Country", "Turkey")
    assert result.value(turkey, "country_code") == "TR"
    assert [raw(WHEAT)[row]["DataSource"] for row in (1343,)] == ["Lulab"]   # kept as given
    yunong = row_of(WHEAT, "Chinese_name", "豫农416号")
    assert_untouched(result, yunong, normalised={"country_code": "CN", "breeding_year": 2009})


def test_igdb_wheat_storage_first_sheet_is_a_summary():
    """The first sheet ("Overall") is a summary of sequencing data, not germplasm: no column names a field, so
    no mapping file can help and every row lacks an identifier (REQUIRED_FIELD_MISSING) and any name
    (NAME_MISSING). The reader notes the header cell of 8 spaces (HEADER_EMPTY_NAMED), the blank rows 16-18 and
    the 15 other sheets. The passport sheets (JIC, 53先导, 105XD, 275_HNU) and their quirks — Excel dates, the
    BOM inside G4 ("Raw data" here, an unmapped column), the full-width comma header, "NA"/"-" — are out of
    scope: only the first sheet of a workbook is read (conventions.md). No row can be stored.
    """
    result = check(WHEAT_STORAGE)
    assert result.head["summary"] == {"rows": 14, "valid": 0, "invalid": 14, "warnings": 154}
    assert result.head["flags"] == {"NAME_MISSING": 14, "RECOMMENDED_FIELD_MISSING": 140, "REQUIRED_FIELD_MISSING": 14}
    assert result.mapping["unknown"] == ["column_1", "AABBDD", "AABB", "DD", "Total(Vmap3)", "ArgCov", "Raw data",
                                         "Website", "SequencingPlatform", "PE(bp)", "InsertSize(bp)",
                                         "SequencingLibraries"]
    assert set(result.notes) == {"OTHER_SHEETS_IGNORED", "HEADER_EMPTY_NAMED", "BLANK_LINES_SKIPPED"}
    assert result.notes["OTHER_SHEETS_IGNORED"]["count"] == 15
    assert result.notes["BLANK_LINES_SKIPPED"]["lines"] == [16, 17, 18]
    assert raw(WHEAT_STORAGE)[3]["Raw data"] == "\ufeffPRJCA005979"
    assert result.rows("REQUIRED_FIELD_MISSING") == list(range(1, 15)) and result.records == {}



# ================================================================ animal germplasm

BREED_LIST = "animal_germplasm/china_national_livestock_breed_list_2024_manifest.json"
DADIS = "animal_germplasm/fao_dadis_cattle_cryoconservation_by_breed.csv"
CRYOWEB_SPECIMENS = "animal_germplasm/image_italian_cryoweb_specimens.json"
CRYOWEB_ORGANISMS = "animal_germplasm/image_italian_cryoweb_organisms.json"
# the submission metadata every CryoWeb record repeats; not fields of a resource
CRYOWEB_SUBMISSION = [
    "project", "submission_title", "material", "person_last_name", "person_email", "person_affiliation",
    "person_role", "organization_name", "organization_role", "gene_bank_country", "data_source_type",
    "data_source_version", "submission_description", "person_first_name", "organization_address",
    "organization_country", "description", "person_initial", "organization_uri", "publication_doi"]


def test_national_breed_list_is_one_manifest_row():
    """A top-level object is one row (conventions.md), so the 1,129 breeds of the 81 "sections" stay one JSON
    cell: no field maps, the row has no identifier, material type or name. Every README quirk of this file
    (repeated species/subtype sections, the silkworm total without a section, subtype labels vs codes,
    species-level entries, 䅟 (U+415F), Latin letters and hyphens in names, the inconsistent 配套系 suffix, one
    publication date) lies inside "sections" or "meta" and is out of reach until the mapping can explode a
    nested list into records; the reader keeps the cell intact (tests/ingest/test_real_files.py checks 81
    sections, 1,129 names and 烟台䅟糠鸡). No row can be stored.
    """
    result = check(BREED_LIST)
    assert result.head["summary"] == {"rows": 1, "valid": 0, "invalid": 1, "warnings": 7}
    assert result.head["flags"] == {"NAME_MISSING": 1, "RECOMMENDED_FIELD_MISSING": 6, "REQUIRED_FIELD_MISSING": 2}
    assert result.rows("REQUIRED_FIELD_MISSING") == [1, 1]
    assert [column for _, column, _ in result.found("REQUIRED_FIELD_MISSING")] == ["local_id", "material_type"]
    assert result.mapping["unknown"] == [
        "meta.notice", "meta.title", "meta.publisher", "meta.url", "meta.pdfUrl", "meta.publishedAt", "meta.pdfSha256",
        "meta.officialTotals.livestock", "meta.officialTotals.bee", "meta.officialTotals.silkworm",
        "meta.transcribedFrom", "meta.scopeNote", "meta.subtypeCodes.地方品种", "meta.subtypeCodes.培育品种",
        "meta.subtypeCodes.培育配套系", "meta.subtypeCodes.其他蜂遗传资源", "meta.subtypeCodes.引入品种",
        "meta.subtypeCodes.引入配套系", "sections"]
    assert result.notes == {} and result.records == {}
    sections = json.loads(raw(BREED_LIST)[1]["sections"])
    assert sum(len(section["names"]) for section in sections) == 1129


def test_fao_dadis_cryoconservation():
    """Mapping file: one record per country × breed × year (the README: never one per dose), identified by
    ISO3-breed-year; "organisation" is the holding gene bank; ISO3 is used only in the identifier (the
    country comes from "Country"). No material type: a row counts DNA, embryos, somatic cells, semen and oocytes
    together (or nothing), so no single value is true and every row fails on it.

    Quirks detected: UN-style country names ("Netherlands (Kingdom of the)" 525 rows, "Iran (Islamic Republic
    of)", "Republic of Korea", Türkiye, Côte d'Ivoire) are recognised — no COUNTRY_UNKNOWN is left; breed names
    with commas ("Guernsey, Island" row 1372, "Hereford, Traditional" row 1375), an acute accent as apostrophe
    ("Blonde d´Aquitaine", row 52) or an apostrophe make an identifier the platform refuses
    (IDENTIFIER_INVALID, 118 rows); "---" and "-" → MISSING_VALUE_PLACEHOLDER; trailing/leading spaces in
    "organisation" are removed (row 376 = line 377). The duplicate keys are reported once the material type is
    supplied (second run below) — the pipeline checks duplicates only on otherwise valid rows. Not detected:
    counts and donor totals ("dna donors total" vs males + females, semen without donors), the empty
    "sufficient" column and the three "Last update" date forms: these columns have no field in a per-lot
    schema ("Last update" is the DAD-IS record's date, not the material's); "Specie" maps to the common name.
    """
    result = check(DADIS)
    assert result.head["summary"] == {"rows": 3752, "valid": 0, "invalid": 3752, "warnings": 15010}
    assert result.head["flags"] == {"IDENTIFIER_INVALID": 118, "MISSING_VALUE_PLACEHOLDER": 2,
                                    "RECOMMENDED_FIELD_MISSING": 15008, "REQUIRED_FIELD_MISSING": 3752}
    assert result.by_column("REQUIRED_FIELD_MISSING") == {"material_type": 3752}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"name_zh": 3752, "scientific_name": 3752,
                                                             "locality": 3752, "event_date": 3752}
    assert result.mapping["unknown"] == [
        "Year", "dna samples", "dna donors total", "dna donors males", "dna donors females", "embryos samples",
        "embryos donors total", "embryos donors males", "embryos donors females", "somatic cells samples",
        "somatic cells donors total", "somatic cells donors males", "somatic cells donors females", "semen samples",
        "semen donors males", "oocytes samples", "oocytes donors females", "sufficient", "Last update"]
    assert result.mapping["conflicts"] == [] and result.notes == {}
    assert result.found("MISSING_VALUE_PLACEHOLDER") == [(506, "collected by", "---"),
                                                         (3264, "Breed/Most common name", "-")]
    invalid = dict((row, value) for row, _, value in result.found("IDENTIFIER_INVALID"))
    assert invalid[1372] == "GBR-Guernsey, Island-2020" and invalid[1375] == "GBR-Hereford, Traditional-2020"
    assert invalid[52] == "AUT-Blonde d´Aquitaine-2020"
    assert all(set(value) & set(",'´’`&") for value in invalid.values())
    assert "COUNTRY_UNKNOWN" not in result.head["flags"]


def test_fao_dadis_once_the_material_is_supplied():
    """With a submission default material type (here semen, true of row 376, which reports semen only), the
    rows validate and the duplicate country + breed + year keys of the README are reported: Austria Pustertaler
    Sprinzen 2013 (lines 214/228 = rows 213/227), Czechia Ceska Cervinka 1998 (652/657) and 2008 (653/654),
    Cesky strakaty skot 2001 (665/666); the Netherlands pair (2329/2330) is refused earlier, for the comma in
    "Fries Hollands (FH), zwartbont" (IDENTIFIER_INVALID). The stored records carry the normalised countries.
    """
    result = check(DADIS, defaults=(("material_type", "semen"),))
    assert result.head["summary"] == {"rows": 3752, "valid": 3630, "invalid": 122, "warnings": 15010}
    assert result.head["flags"] == {"DUPLICATE_IDENTIFIER": 4, "IDENTIFIER_INVALID": 118,
                                    "MISSING_VALUE_PLACEHOLDER": 2, "RECOMMENDED_FIELD_MISSING": 15008}
    assert result.found("DUPLICATE_IDENTIFIER") == [
        (227, "local_id", "AUT-Pustertaler Sprinzen-2013"), (653, "local_id", "CZE-Ceska Cervinka-2008"),
        (656, "local_id", "CZE-Ceska Cervinka-1998"), (665, "local_id", "CZE-Cesky strakaty skot-2001")]
    assert [result.value(row, "local_id") for row in (213, 652, 651, 664)] == [
        "AUT-Pustertaler Sprinzen-2013", "CZE-Ceska Cervinka-2008", "CZE-Ceska Cervinka-1998",
        "CZE-Cesky strakaty skot-2001"]
    assert {row for row, _, _ in result.found("IDENTIFIER_INVALID")} >= {2328, 2329}
    countries = collections.Counter(result.value(row, "country_code") for row in result.records
                                    if raw(DADIS)[row]["Country"] == "Netherlands (Kingdom of the)")
    refused = [row for row in raw(DADIS) if row not in result.records
               and raw(DADIS)[row]["Country"] == "Netherlands (Kingdom of the)"]
    # refused: the 45 "Fries Hollands (FH), zwartbont" and 16 "Blonde d’Acquitaine" identifiers
    assert countries == {"NL": 525 - len(refused)} and len(refused) == 61
    assert {raw(DADIS)[row]["Country"]: result.value(row, "country_code") for row in result.records
            if raw(DADIS)[row]["ISO3"] in ("TUR", "CIV", "IRN", "KOR")} == {
        "Türkiye": "TR", "Côte d'Ivoire": "CI", "Iran (Islamic Republic of)": "IR", "Republic of Korea": "KR"}
    canada = next(row for row, cells in raw(DADIS).items() if cells["organisation"].startswith(" Animal Genetic"))
    assert result.value(canada, "preservation_place") == "Animal Genetic Resources of Canada"
    assert raw(DADIS)[376]["organisation"].endswith("Biotechnology ")
    assert_untouched(result, 376, normalised={"country_code": "BR", "collected_by": ["Animal GRIN"],
                                              "material_type": "semen"})
    assert result.value(3374, "breed") == "Holstein" and raw(DADIS)[3374]["semen samples"] == "11151000"


def test_cryoweb_specimens():
    """The 20 records each hold their one specimen in a nested list ("specimens"), which the reader keeps as
    one JSON cell and the mapping cannot explode: the material type (organism_part: Semen, Hair, Blood — now
    concepts of the vocabulary), collection date, place, coordinates, donor and storage are out of reach, so
    every row fails on the material type. The top-level cells map by themselves (alternative_id, BioSamples
    accession, species, gene bank). Out of scope with them: the "0.00"/null coordinates, "NA" places, ages of 0
    and the quoted derived_from (all inside the list), and the submission metadata (title "Italian Cryoweb
    Pigs" on goats, "CyroWeb", the placeholder e-mail, DOI "123"), which are not fields of a resource.
    """
    result = check(CRYOWEB_SPECIMENS)
    assert result.head["summary"] == {"rows": 20, "valid": 0, "invalid": 20, "warnings": 100}
    assert result.head["flags"] == {"RECOMMENDED_FIELD_MISSING": 100, "REQUIRED_FIELD_MISSING": 20}
    assert result.by_column("REQUIRED_FIELD_MISSING") == {"material_type": 20}
    assert {column: field for column, field in result.mapping["columns"].items() if field} == {
        "data_source_id": "other_identifiers", "alternative_id": "local_id", "gene_bank_name": "preservation_place",
        "species": "scientific_name"}
    assert result.mapping["unknown"] == CRYOWEB_SUBMISSION + ["specimens"]
    parts = collections.Counter(json.loads(cells["specimens"])[0]["organism_part"]
                                for cells in raw(CRYOWEB_SPECIMENS).values())
    assert parts == {"Semen": 14, "Hair": 3, "Blood": 3}
    # with the nested material supplied (row 2 is semen), the top-level cells are stored as given
    supplied = check(CRYOWEB_SPECIMENS, defaults=(("material_type", "semen"),))
    assert json.loads(raw(CRYOWEB_SPECIMENS)[2]["specimens"])[0]["organism_part"] == "Semen"
    assert_untouched(supplied, 2, normalised={"other_identifiers": ["SAMEA5159524"], "material_type": "semen"})


def test_cryoweb_organisms():
    """Same nested layout ("organisms"): breed, EFABIS country (ISO alpha-3 "ITA", which the country
    vocabulary reads), sex, birth place and parents are inside the list, out of reach; every row fails on
    the material type, which an organism (donor animal) record does not have at all. The empty mapped_breed,
    birth_location and child_of and the null birth coordinates are inside the list too. No row can be stored.
    """
    result = check(CRYOWEB_ORGANISMS)
    assert result.head["summary"] == {"rows": 5, "valid": 0, "invalid": 5, "warnings": 25}
    assert result.head["flags"] == {"RECOMMENDED_FIELD_MISSING": 25, "REQUIRED_FIELD_MISSING": 5}
    assert result.by_column("REQUIRED_FIELD_MISSING") == {"material_type": 5}
    assert result.mapping["unknown"] == CRYOWEB_SUBMISSION + ["organisms"]
    assert result.records == {}



# ================================================================ biological specimens

GBIF = "biological_specimen/gbif_download_2013_dwca.zip"
SANT = "biological_specimen/sant_bryophytes_dwca.zip"
LOU = "biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv"


def test_gbif_2013_download():
    """No mapping file: a Darwin Core Archive's columns are term IRIs and map by themselves, now including
    country, year/month/day and coordinatePrecision.

    Quirks: no header row and the metadata.xml / extra archive entries are reader notes (NO_HEADER_ROW,
    ARCHIVE_ENTRIES_IGNORED); Java Date.toString() dates → RECORDED_DATE_INVALID (eventDate 44, dateIdentified
    6; created/modified are GBIF terms without a field), and the collecting date is taken from year/month/day
    instead (58 stored records have one: every valid row with a year); basisOfRecord UNKNOWN (7 rows) →
    UNKNOWN_TERM_REJECTED; 0/0 coordinates (rows 15-17, 155-158) → ZERO_COORDINATE; coordinatePrecision "m"/"b"
    (rows 66, 67, 68, 71, 74, 75, 77, 78, 79) → INVALID_NUMBER (rows rejected); mojibake (row 14 county and
    locality, rows 90/91/136/137 identifiedBy — the README says recordedBy —, row 95 locality) → TEXT_MOJIBAKE;
    specificEpithet holding the binomial → TAXON_NAME_MISMATCH on every row (and the interpreted genus
    Tetraodon disagrees with the name Chelonodon in 45); country "N/A", "Not specified", "No Data", and
    recordedBy "Sin datos" (Spanish: no data) → MISSING_VALUE_PLACEHOLDER; French regions as countries ("oceanie", "golfe du bengale") → COUNTRY_UNKNOWN;
    27 rows have neither country nor code and store none; day "0" (row 155) → NUMBER_OUT_OF_RANGE. Not
    detected: latitude 0.0 with longitude 105.0 (rows 27, 29: the equator is a real latitude); the verbatim*
    columns' typos (GBIF-only terms, no field); the catalogue numbers KU 2884/23530/29273 repeated at rows
    156-158 are not reported as duplicates because those rows are already rejected (basisOfRecord UNKNOWN)
    and the pipeline checks duplicates only on valid rows.
    """
    result = check(GBIF)
    assert result.head["summary"] == {"rows": 158, "valid": 141, "invalid": 17, "warnings": 1040}
    assert result.head["flags"] == {
        "COORDINATE_UNCERTAINTY_MISSING": 49, "COUNTRY_UNKNOWN": 16, "INVALID_NUMBER": 9,
        "MISSING_VALUE_PLACEHOLDER": 21, "NUMBER_OUT_OF_RANGE": 1, "RECOMMENDED_FIELD_MISSING": 684,
        "RECORDED_DATE_INVALID": 50, "TAXON_NAME_MISMATCH": 203, "TEXT_MOJIBAKE": 7, "UNKNOWN_TERM": 3, "UNKNOWN_TERM_REJECTED": 7,
        "ZERO_COORDINATE": 7}
    assert sorted(column.rsplit("/", 1)[1] for column in result.mapping["unknown"]) == [
        "classID", "continent", "created", "datasetID", "depthInMeters", "depthPrecision", "elevationInMeters",
        "elevationPrecision", "familyID", "genusID", "kingdomID", "maximumDepthInMeters", "minimumDepthInMeters",
        "modified", "orderID", "phylumID", "speciesID", "taxonID", "verbatimBasisOfRecord", "verbatimClass",
        "verbatimFamily", "verbatimGenus", "verbatimInfraspecificEpithet", "verbatimKingdom", "verbatimLatitude",
        "verbatimLongitude", "verbatimMonth", "verbatimOrder", "verbatimPhylum", "verbatimScientificName",
        "verbatimSpecificEpithet", "verbatimYear"]
    assert result.mapping["conflicts"] == []
    assert set(result.notes) == {"ARCHIVE_ENTRIES_IGNORED", "NO_HEADER_ROW"}
    assert result.notes["ARCHIVE_ENTRIES_IGNORED"]["count"] == 26
    assert result.by_column("RECORDED_DATE_INVALID") == {DWC + "eventDate": 44, DWC + "dateIdentified": 6}
    assert result.found("RECORDED_DATE_INVALID")[0] == (1, DWC + "eventDate", "Tue Apr 01 00:00:00 CET 1930")
    assert result.value(1, "event_date") == "1930-04-01"   # from year/month/day
    assert sum(1 for record in result.records.values() if record["event_date"]) == 58 == sum(
        1 for row in result.records if raw(GBIF)[row][DWC + "year"])
    assert result.rows("UNKNOWN_TERM_REJECTED") == [149, 150, 151, 152, 156, 157, 158]
    assert result.rows("ZERO_COORDINATE") == [15, 16, 17, 155, 156, 157, 158]
    assert result.rows("INVALID_NUMBER", DWC + "coordinatePrecision") == [66, 67, 68, 71, 74, 75, 77, 78, 79]
    assert result.found("NUMBER_OUT_OF_RANGE") == [(155, DWC + "day", "0")]
    assert result.found("TEXT_MOJIBAKE") == [
        (14, DWC + "county", "VÃ¤stergÃ¶tland"), (14, DWC + "locality", "GÃ¶teborgs Akvarium"),
        (90, DWC + "identifiedBy", "Ã\x85hlander, E"), (91, DWC + "identifiedBy", "Ã\x85hlander, E"),
        (95, DWC + "locality", "Thailand, KÃ¼stengewÃ¤sser"), (136, DWC + "identifiedBy", "Ã…hlander, E"),
        (137, DWC + "identifiedBy", "Ã…hlander, E")]
    assert result.by_column("TAXON_NAME_MISMATCH") == {DWC + "genus": 45, DWC + "specificEpithet": 158}
    assert result.by_column("MISSING_VALUE_PLACEHOLDER") == {DWC + "country": 10, DWC + "county": 3,
                                                             DWC + "locality": 2, DWC + "stateProvince": 3,
                                                             DWC + "recordedBy": 3}
    assert collections.Counter(v for _, _, v in result.found("COUNTRY_UNKNOWN"))["oceanie"] == 6
    neither = [row for row, cells in raw(GBIF).items() if not cells[DWC + "country"] and not cells[DWC + "countryCode"]]
    assert len(neither) == 27
    assert all(result.records[row]["country_code"] is None for row in neither if row in result.records)
    assert {raw(GBIF)[row][DWC + "catalogNumber"] for row in (15, 16, 17)} == {"2884", "23530", "29273"} == {
        raw(GBIF)[row][DWC + "catalogNumber"] for row in (156, 157, 158)}
    assert "DUPLICATE_IDENTIFIER" not in result.head["flags"]
    assert (raw(GBIF)[27][DWC + "decimalLatitude"], raw(GBIF)[27][DWC + "decimalLongitude"]) == ("0.0", "105.0")
    assert_untouched(result, 6, normalised={"basis_of_record": "PreservedSpecimen", "country": "MY",
                                            "recorded_by": ["Herre, Albert W."]}, derived={"country_code": "MY"})


def test_sant_bryophytes():
    """No mapping file: the IPT archive maps by itself (only the core "id" column is unknown).

    Quirks: basisOfRecord HumanObservation on all 2423 herbarium specimens → BASIS_OF_RECORD_NOT_SPECIMEN;
    countryCode AN (Andorra, 8 rows: 328, 591, 891 …) and SW (row 1868) → COUNTRY_UNKNOWN, empty in 21 rows →
    RECOMMENDED_FIELD_MISSING; the 161 eventDates ending in -01 whose day (or month) the atomised fields leave
    empty → RECORDED_DATE_MISMATCH (stored as given); 49 rows without eventDate; the completely empty
    coordinate and family columns → RECOMMENDED_FIELD_MISSING on every row; informationWithheld rows (24) have
    no locality (reported missing, the withholding note is stored); the trailing no-break space of
    scientificNameAuthorship (rows 4, 999, 1345) is removed. Not detected: Spanish province abbreviations
    (no Spanish division list; the province check covers China only) and "J. Reinoso" vs "J. Reinoso."
    (collector names are free text).
    """
    result = check(SANT)
    assert result.head["summary"] == {"rows": 2423, "valid": 2423, "invalid": 0, "warnings": 12411}
    assert result.head["flags"] == {"BASIS_OF_RECORD_NOT_SPECIMEN": 2423, "COUNTRY_UNKNOWN": 9,
                                    "RECOMMENDED_FIELD_MISSING": 9818, "RECORDED_DATE_MISMATCH": 161}
    assert result.mapping["unknown"] == ["id"] and result.notes == {}
    assert result.found("COUNTRY_UNKNOWN") == [
        (row, DWC + "countryCode", "SW" if row == 1868 else "AN")
        for row in (328, 591, 891, 1124, 1427, 1868, 2389, 2391, 2392)]
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {
        DWC + "countryCode": 21, DWC + "decimalLatitude": 2423, DWC + "decimalLongitude": 2423,
        DWC + "eventDate": 49, DWC + "family": 2423, DWC + "locality": 54, DWC + "recordedBy": 2,
        "taxon_rank": 2423}
    assert result.rows("RECOMMENDED_FIELD_MISSING", DWC + "countryCode")[:5] == [2275, 2278, 2279, 2397, 2398]
    assert result.found("RECORDED_DATE_MISMATCH")[0] == (14, DWC + "eventDate", "1969-02-01")
    assert result.value(14, "event_date") == "1969-02-01" and "day" not in result.records[14]["payload"]
    withheld = [row for row, cells in raw(SANT).items() if cells[DWC + "informationWithheld"]]
    assert len(withheld) == 24 and withheld[:3] == [294, 339, 539]
    assert set(withheld) <= set(result.rows("RECOMMENDED_FIELD_MISSING", DWC + "locality"))
    for row in (4, 999, 1345):
        assert raw(SANT)[row][DWC + "scientificNameAuthorship"].endswith("\u00a0")
        assert not result.value(row, "scientific_name_authorship").endswith("\u00a0")
    assert_untouched(result, 13, normalised={"year": 1987, "month": 3, "day": 5,
                                             "recorded_by": ["R.Schumacker et J.Reinoso."]})


def test_lou_herbarium_sheets():
    """Mapping file: the local identifier is occurrenceID (KAROL-…; there is no catalogue number),
    "observaciones" are remarks, "Abundancia" (free-text abundance, no field) is ignored. No default country:
    the sheets are from Spain and Tunisia.

    Quirks: malformed MGRS squares in verbatimCoordinates → COORDINATE_INVALID: rows 72-75, 172, 173
    (29TNGNG…), 270 (29T), 1801 (29TNG 793), 1963 (29TPH47,), 3737 (band Y) and the 29TN/29NG/30UP forms; the
    trailing space of row 2056 is removed and row 3473's space-separated "29SLA 58333 29478" is valid MGRS
    notation; eventDate typo 1003 (row 117) → RECORDED_DATE_UNLIKELY; Roman-numeral months (rows 4307, 4313) →
    RECORDED_DATE_INVALID; 38 empty dates; verbatimElevation "20m" (row 367) and "360-370" (row 1993) are read
    as 20 and 360-370 m; 18100 (row 1855, not in the README) → ELEVATION_NON_NUMERIC; stateProvince
    abbreviations and "Lanzarote"/"Túnez" → UNKNOWN_TERM (no country, so they are compared with China's
    divisions; row 2351 is empty). Also found, not in the README: rows 4432-4478 carry 3 July of every year
    2011-2060 (a spreadsheet fill series); those after today → RECORDED_DATE_IN_FUTURE. Not detected: dates
    outside the 2003-2010 of the file name (the validator does not read file names); "Abundancia" case and
    counts (ignored column); recordedBy "Carolus" and the missing institution code (RECOMMENDED_FIELD_MISSING).
    """
    result = check(LOU)
    today = date.today().isoformat()
    future = [row for row, cells in raw(LOU).items()
              if cells["eventDate"][:10] > today and cells["eventDate"][:1] == "2"]
    assert future[0] >= 4432 and future == list(range(future[0], 4479))
    assert result.head["summary"] == {"rows": 4484, "valid": 4484, "invalid": 0, "warnings": 40423 + len(future)}
    assert result.head["flags"] == {"COORDINATE_INVALID": 26, "ELEVATION_NON_NUMERIC": 1,
                                    "RECOMMENDED_FIELD_MISSING": 35910, "RECORDED_DATE_INVALID": 2,
                                    "RECORDED_DATE_IN_FUTURE": len(future), "RECORDED_DATE_UNLIKELY": 1,
                                    "UNKNOWN_TERM": 4483}
    assert result.mapping["unknown"] == [] and result.mapping["conflicts"] == [] and result.notes == {}
    assert result.rows("RECORDED_DATE_IN_FUTURE") == future
    assert result.rows("COORDINATE_INVALID") == [72, 73, 74, 75, 172, 173, 270, 441, 1052, 1541, 1801, 1963, 3199,
                                                 3200, 3201, 3580, 3690, 3737, 3808, 3809, 3810, 4111, 4112, 4113,
                                                 4323, 4418]
    invalid = dict((row, value) for row, _, value in result.found("COORDINATE_INVALID"))
    assert (invalid[72], invalid[270], invalid[1801], invalid[1963], invalid[3737]) == (
        "29TNGNG5843763515", "29T", "29TNG 793", "29TPH47,", "29YPG3241")
    assert raw(LOU)[2056]["verbatimCoordinates"] == "29TNG2481 "
    assert result.value(2056, "verbatim_coordinates") == "29TNG2481"
    assert result.value(3473, "verbatim_coordinates") == "29SLA 58333 29478"
    assert result.found("RECORDED_DATE_UNLIKELY") == [(117, "eventDate", "1003-08-03")]
    assert result.found("RECORDED_DATE_INVALID") == [(4307, "eventDate", "3--IX-2009"),
                                                     (4313, "eventDate", "16--IX-2009")]
    assert result.by_column("RECOMMENDED_FIELD_MISSING")["eventDate"] == 38
    assert result.value(3213, "event_date") == "2005"
    assert (result.value(367, "minimum_elevation_m"), result.value(367, "maximum_elevation_m")) == (20.0, 20.0)
    assert (result.value(1993, "minimum_elevation_m"), result.value(1993, "maximum_elevation_m")) == (360.0, 370.0)
    assert result.found("ELEVATION_NON_NUMERIC") == [(1855, "verbatimElevation", "18100")]
    provinces = collections.Counter(value for _, _, value in result.found("UNKNOWN_TERM"))
    assert provinces["Lanzarote"] == 5 and provinces["Túnez"] == 1 and provinces["Or"] == 1479
    assert raw(LOU)[2351]["stateProvince"] == "" and 2351 not in result.rows("UNKNOWN_TERM")
    assert_untouched(result, 1, normalised={"recorded_by": ["Carolus"]})
    assert_untouched(result, 1993, normalised={"recorded_by": ["Carolus"]},
                     derived={"minimum_elevation_m": 360.0, "maximum_elevation_m": 370.0})



# ================================================================ rock, mineral and fossil specimens

PBDB = "geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv"
GEOROC = "geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv"
MINERALS = "geological_specimen/personal_mineral_museum_zh.csv"


def test_pbdb_tetrapod_occurrences():
    """The PBDB columns map by themselves (lat/lng, cc, early/late_interval, max/min_ma, accepted_name …);
    the mapping file adds what every row of a fossil-occurrence download is — a fossil, FossilSpecimen — and
    "museum" as the holding institution.

    Quirks: regional or obsolete intervals (Wolfcamp 66, Leonard, Westphalian A, Urzhumian …) →
    UNKNOWN_TERM on early_interval (387) and late_interval (91), while late_interval is empty in 1116 rows;
    lithology1 "not reported" (219) → MISSING_VALUE_PLACEHOLDER; "unranked clade" (62) → UNKNOWN_TERM on the
    rank; PBDB's ages against the ICS 2024 chart → GEOLOGIC_AGE_OUTSIDE_UNIT (982; PBDB dates units on an older
    timescale); max_ma > min_ma everywhere → no NUMERIC_AGE_RANGE_INVERTED; cc "AA" (PBDB's Antarctica) →
    COUNTRY_UNKNOWN, "UK" is now read as GB; the 24 Chinese localities resolve to their provinces (row 67,
    Nei Mongol → 150000); "\\r\\n" escapes and the CRLF line ends are kept as text / handled by the reader.
    Not detected: NO_ORDER_SPECIFIED (order has no field) and NO_FAMILY_SPECIFIED (kept as the family; PBDB's
    own placeholder, not a general one); class Osteichthyes, latlng_precision, paleo-coordinates,
    collection_size (unmapped columns); the nomenclatural annotations of identified_name are stored verbatim.
    """
    result = check(PBDB)
    assert result.head["summary"] == {"rows": 1500, "valid": 1500, "invalid": 0, "warnings": 5745}
    assert result.head["flags"] == {"COORDINATE_UNCERTAINTY_MISSING": 1500, "COUNTRY_UNKNOWN": 17,
                                    "GEOLOGIC_AGE_OUTSIDE_UNIT": 982, "MISSING_VALUE_PLACEHOLDER": 219,
                                    "RECOMMENDED_FIELD_MISSING": 2483, "TAXON_NAME_MISMATCH": 4, "UNKNOWN_TERM": 540}
    assert result.mapping["unknown"] == [
        "record_type", "collection_no", "identified_rank", "identified_no", "difference", "accepted_attr",
        "accepted_no", "ref_author", "ref_pubyr", "reference_no", "phylum", "class", "order", "abund_value",
        "abund_unit", "occurrence_comments", "collection_subset", "collection_aka", "latlng_basis",
        "latlng_precision", "geogscale", "paleomodel", "paleolng", "paleolat", "geoplate", "stratscale",
        "lithdescript", "lithadj1", "lithification1", "minor_lithology1", "fossilsfrom1", "lithology2", "lithadj2",
        "assembl_comps", "pres_mode", "preservation_quality", "preservation_comments", "collection_type",
        "collection_methods", "collection_coverage", "collection_size", "rock_censused", "taxon_environment",
        "environment_basis", "motility", "life_habit", "diet"]
    assert result.mapping["conflicts"] == [] and result.notes == {}
    assert result.by_column("UNKNOWN_TERM") == {"early_interval": 387, "late_interval": 91, "accepted_rank": 62}
    early = collections.Counter(v for _, column, v in result.found("UNKNOWN_TERM") if column == "early_interval")
    assert early["Wolfcamp"] == 66 and early["Leonard"] == 39
    assert result.by_column("MISSING_VALUE_PLACEHOLDER") == {"lithology1": 219}
    assert count_cells(PBDB, "lithology1", "not reported") == 219
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"event_date": 1500, "collectors": 983}
    assert {value for _, _, value in result.found("COUNTRY_UNKNOWN")} == {"AA"}
    assert {result.value(row, "country_code") for row, cells in raw(PBDB).items() if cells["cc"] == "UK"} == {"GB"}
    assert "NUMERIC_AGE_RANGE_INVERTED" not in result.head["flags"]
    chinese = [row for row, cells in raw(PBDB).items() if cells["cc"] == "CN"]
    assert len(chinese) == 24 and result.records[67]["admin_division"] == "150000"
    assert result.value(67, "family") == "Procolophonidae"
    assert collections.Counter(result.value(row, "family") for row in result.records)["NO_FAMILY_SPECIFIED"] == 202
    assert any("\\r\\n" in cells["lithdescript"] for cells in raw(PBDB).values())
    assert_untouched(result, 67, normalised={
        "country_code": "CN", "earliest_age": "LowerTriassic", "min_age_ma": 247.2, "max_age_ma": 252.17,
        "decimal_latitude": 39.8125, "decimal_longitude": 110.0, "recorded_by": ["Li Shu ren"]},
        derived={"admin_division": "150000", "age_begin_ma": 251.902, "age_end_ma": 246.7})


def test_georoc_zimbabwe_craton():
    """Mapping file: the identifier is UNIQUE_ID; SAMPLE NAME, which carries an inline citation ("s_Z104
    [6002]"; brackets are not allowed in an identifier) and is not unique, becomes the collector's number;
    every row is a rock from Zimbabwe (a whole-rock geochemistry file of the Zimbabwe Craton).

    Quirks: bare-CR line ends, the blank line and the 29-line footer, and the header's trailing delimiter are
    reader notes (LINE_ENDINGS, BLANK_LINES_SKIPPED, FOOTER_SKIPPED, HEADER_EMPTY_NAMED); "LATITUDE MIN" /
    "LONGITUDE MIN" are the coordinates (the MAX columns, different in 10 rows, have no field). Not detected:
    inline citation numbers are kept in the values (lithology "KOMATIITE [13648]", literature "[5996]"); the
    5 repeated sample names are not reported (only the identifier is checked for duplicates); ages in years
    with citations (MIN./MAX. AGE) have no field in Ma; the 63 empty columns, "SAE", the U+FFFD in the footer
    (skipped) and the oxide/trace-element columns are unmapped.
    """
    result = check(GEOROC)
    assert result.head["summary"] == {"rows": 426, "valid": 426, "invalid": 0, "warnings": 1278}
    assert result.head["flags"] == {"COORDINATE_UNCERTAINTY_MISSING": 426, "RECOMMENDED_FIELD_MISSING": 852}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"event_date": 426, "recorded_by": 426}
    measurements = [column for column in result.mapping["unknown"]
                    if any(unit in column for unit in ("(WT%)", "(PPM)", "(CCM", "(AT/G", "(MOLE", "(NCC", "_"))]
    assert [column for column in result.mapping["unknown"] if column not in measurements] == [
        "LOCATION COMMENT", "LATITUDE MAX", "LONGITUDE MAX", "LAND OR SEA", "MIN. AGE (YRS.)", "MAX. AGE (YRS.)",
        "GEOL.", "ERUPTION DAY", "ERUPTION MONTH", "ERUPTION YEAR", "ROCK TEXTURE", "ALTERATION", "MATERIAL"]
    assert len(measurements) == 144 and "column_172" in measurements and result.mapping["conflicts"] == []
    assert {column: field for column, field in result.mapping["columns"].items() if field} == {
        "CITATIONS": "literature", "TECTONIC SETTING": "tectonic_setting", "LOCATION": "locality",
        "LATITUDE MIN": "decimal_latitude", "LONGITUDE MIN": "decimal_longitude",
        "ELEVATION MIN": "minimum_elevation_m",
        "ELEVATION_(MAX.)": "maximum_elevation_m", "SAMPLE NAME": "record_number", "ROCK NAME": "lithology",
        "AGE": "verbatim_geological_age", "ROCK TYPE": "rock_type", "DRILL DEPTH MIN": "minimum_depth_m",
        "DRILL DEPTHAX": "maximum_depth_m", "MINERAL": "mineral_name"}
    assert set(result.notes) == {"LINE_ENDINGS", "HEADER_EMPTY_NAMED", "FOOTER_SKIPPED", "BLANK_LINES_SKIPPED"}
    assert result.notes["FOOTER_SKIPPED"]["count"] == 29 and result.notes["BLANK_LINES_SKIPPED"]["lines"] == [
        428, 430, 432, 433]
    names = collections.Counter(result.value(row, "record_number") for row in result.records)
    assert sorted(name for name, count in names.items() if count > 1) == [
        "s_B4 [6424]", "s_NG199 [6424]", "s_RH170 [6424]", "s_U-C [6424]", "s_Z104 [6002]"]
    assert "DUPLICATE_IDENTIFIER" not in result.head["flags"]
    assert_untouched(result, 1, normalised={"decimal_latitude": -18.0, "decimal_longitude": 30.0,
                                            "literature": ["[19973]"]})


def test_chinese_mineral_catalogue():
    """The Chinese headers map by themselves (编号, 中文名称, 英文名称, 化学式, 矿物分类, 产地, 尺寸(cm), 重量(g),
    图片文件名); the mapping file says what the catalogue is: minerals (MaterialEntity). (A few specimens are
    not minerals in the strict sense — petrified wood, lapis lazuli — but the collection is catalogued as one.)

    Quirks: the BOM → BOM_REMOVED note, CRLF handled; rows 135/136 with only a number and a photo →
    NAME_MISSING; "不知道" (12) and "忘了" (rows 4, 6, 42) as localities → MISSING_VALUE_PLACEHOLDER; sizes that
    are not L*W*H (碎料 row 6, 3盒/3盒子/4盒子, "10*8 片状" row 20, "7 根" row 83: 19 rows) → DIMENSIONS_INVALID;
    weights "15 (带盒)" etc. (rows 12, 67, 77, 81) → INVALID_NUMBER, rows rejected. Not detected: the country +
    place in one locality cell, "?"-uncertain and continent-only localities (free text, kept); associations
    joined with " / " and formulas as words or alternatives (free text); repeated mineral names (编号 is the
    identifier and is unique: no DUPLICATE_IDENTIFIER).
    """
    result = check(MINERALS)
    assert result.head["summary"] == {"rows": 136, "valid": 132, "invalid": 4, "warnings": 718}
    assert result.head["flags"] == {"DIMENSIONS_INVALID": 19, "INVALID_NUMBER": 4, "MISSING_VALUE_PLACEHOLDER": 15,
                                    "NAME_MISSING": 2, "RECOMMENDED_FIELD_MISSING": 682}
    assert result.mapping["unknown"] == [] and result.mapping["conflicts"] == []
    assert set(result.notes) == {"BOM_REMOVED"}
    assert result.found("NAME_MISSING") == [(135, "中文名称", None), (136, "中文名称", None)]
    assert collections.Counter(v for _, _, v in result.found("MISSING_VALUE_PLACEHOLDER")) == {"不知道": 12, "忘了": 3}
    assert [row for row, _, v in result.found("MISSING_VALUE_PLACEHOLDER") if v == "忘了"] == [4, 6, 42]
    assert result.rows("DIMENSIONS_INVALID") == [6, 12, 16, 20, 67, 77, 81, 83, 88, 89, 92, 96, 97, 99, 100, 101,
                                                 102, 103, 110]
    assert result.found("INVALID_NUMBER") == [(12, "重量(g)", "15 (带盒)"), (67, "重量(g)", "20 (含盒)"),
                                              (77, "重量(g)", "14 (含盒)"), (81, "重量(g)", "71 (含盒)")]
    assert result.value(11, "name_en") == "Amethyst / Calcite / Schorl"
    assert result.value(17, "locality") == "美国 哥伦比亚"
    assert_untouched(result, 1, normalised={"weight_g": 631.0, "associated_media": ["1.jpg"]})



# ================================================================ microbial strains

PATHOGENS = "microbial_strain/phibase_pathogen_strains.csv"
BACDIVE = "microbial_strain/bacdive_strains_kgmicrobe.json"


def test_phibase_pathogen_strains():
    """Mapping file: PHI-base strains have no accession number, so the identifier is taxid-strain (unique:
    no duplicate (ncbi_taxid, strain) pairs); the always-empty cross_references column is ignored. No organism
    type: the list mixes bacteria, fungi, oomycetes and nematodes, so no default is true and every row fails on
    the required MIRRI organism type.

    Quirks: strain designations that make an identifier the platform refuses (IDENTIFIER_INVALID):
    "v23.1.3 × v37.1.4" (row 748), "Norman B:14:P1.7,16" (877), an en dash (1454), an apostrophe (1483).
    Not detected: the synonyms list is comma-separated (MIRRI lists use ";", so it is stored as one item);
    free text as strain ("race 1", "serotype D strain JEC21") and the spacing of Chinese collection numbers
    (CGMCC 4006 vs CGMCC3.2830, CFCC80308 vs CFCC 1336) are kept as given: designations have no syntax to
    check. Non-ASCII designations (CEA17Δku80 line 81 = row 80, Wü284, KN99α, χ7122) are stored intact and are
    not mistaken for garbled text.
    """
    result = check(PATHOGENS)
    assert result.head["summary"] == {"rows": 1531, "valid": 0, "invalid": 1531, "warnings": 18372}
    assert result.head["flags"] == {"IDENTIFIER_INVALID": 4, "RECOMMENDED_FIELD_MISSING": 18372,
                                    "REQUIRED_FIELD_MISSING": 1531}
    assert result.by_column("REQUIRED_FIELD_MISSING") == {"organism_type": 1531}
    assert result.mapping["unknown"] == [] and result.mapping["conflicts"] == [] and result.notes == {}
    assert result.found("IDENTIFIER_INVALID") == [
        (748, "local_id", "5022-v23.1.3 × v37.1.4"), (877, "local_id", "487-Norman B:14:P1.7,16"),
        (1454, "local_id", "346-Xss-V2–18"), (1483, "local_id", "2371-Stag's Leap")]
    assert "TEXT_MOJIBAKE" not in result.head["flags"]


def test_phibase_pathogen_strains_with_an_organism_type():
    """With a submission default organism type (Bacteria, true of the E. coli rows), every row but the four
    refused identifiers validates, and an E. coli row and the Botrytis row with its CGMCC synonym (line 160)
    are stored as given."""
    result = check(PATHOGENS, defaults=(("organism_type", "Bacteria"),))
    assert result.head["summary"] == {"rows": 1531, "valid": 1527, "invalid": 4, "warnings": 18372}
    assert raw(PATHOGENS)[453]["scientific_name"] == "Escherichia coli"
    assert_untouched(result, 453, normalised={"organism_type": "bacteria"})
    assert result.value(159, "other_collection_numbers") == ["CGMCC 4006"]
    assert result.value(80, "strain_designation") == "CEA17Δku80" and result.value(394, "strain_designation") == "KN99α"
    assert result.value(597, "strain_designation") == "CGMCC3.2830"   # line 598
    assert result.value(336, "strain_designation") == "CFCC80308"     # line 337


def test_bacdive_strain_records():
    """Mapping file: the BacDive ID is the local identifier; the organism type is the record's own domain
    (Bacteria) — per row, not a default; BacDive's "biosafety level" is the German risk group, so it goes to
    risk_group; the object-shaped values are mapped (NCBI tax id, strain history, culture temp, culture medium,
    literature) and their list-shaped twins ignored; LPSN synonyms (taxonomic names) are not culture
    collection numbers; "culture collection no." is mapped explicitly (its key ends in a dot, which defeats
    the mapper's flattened-key rule).

    Quirks: the same field with different JSON shapes — the two records with an NCBI tax id list (rows 1, 9)
    and the six with a culture temp list have no taxon id / temperature, those without a risk assessment
    object (rows 1 and 9 have a list; row 16's safety block is empty) no risk group
    (RECOMMENDED_FIELD_MISSING: 3); HTML in sample types and strain histories → TEXT_MARKUP (rows 2, 11, 18,
    19); type strain yes/no → booleans; culture collection numbers (with CGMCC 4.2063, row 14; CGMCC 4.7204,
    row 19) are one comma-separated item; China rows 15 and 19 → CN, "Russia" (row 20) → RU. Not detected
    (inside lists, which the mapping cannot explode): the conflicting risk groups of BacDive-ID 145, dates
    "1990-10-30" vs "1990", temperature ranges ("25-41", "04-37"); "\\u00f6" escapes are decoded by JSON.
    """
    result = check(BACDIVE)
    assert result.head["summary"] == {"rows": 20, "valid": 20, "invalid": 0, "warnings": 171}
    assert result.head["flags"] == {"COORDINATE_UNCERTAINTY_MISSING": 1, "RECOMMENDED_FIELD_MISSING": 166,
                                    "TEXT_MARKUP": 4}
    mapped = {column: field for column, field in result.mapping["columns"].items() if field}
    ignored = [column for column, field in result.spec.columns.items() if field is None]
    assert set(result.mapping["unknown"]) == set(result.mapping["columns"]) - set(mapped) - set(ignored)
    assert len(result.mapping["unknown"]) == 244 and result.mapping["conflicts"] == []
    assert mapped["Safety information.risk assessment.biosafety level"] == "risk_group"
    assert result.rows("TEXT_MARKUP") == [2, 11, 18, 19]
    assert result.by_column("RECOMMENDED_FIELD_MISSING")["Safety information.risk assessment.biosafety level"] == 3
    assert [row for row in result.records if result.value(row, "taxon_id") is None] == [1, 9]
    assert [row for row in result.records if result.value(row, "risk_group") is None] == [1, 9, 16]
    assert result.value(1, "local_id") == "145" and raw(BACDIVE)[16]["Safety information"] == ""
    assert "CGMCC 4.2063" in result.value(14, "other_collection_numbers")[0]
    assert result.value(19, "other_collection_numbers") == ["DSM 102210, CGMCC 4.7204, KCTC 29678, KLBMP S0043"]
    assert [result.value(row, "country_code") for row in (15, 19, 20)] == ["CN", "CN", "RU"]
    assert sum(result.value(row, "type_strain") is True for row in result.records) == 9
    assert_untouched(result, 15, normalised={
        "organism_type": "bacteria", "type_strain": True, "country_code": "CN", "growth_temperature_c": 25.0,
        "other_collection_numbers": ["DSM 28101, LMG 27958"], "sequence_accessions": ["KF560339"]})


# ================================================================ experimental materials

DEPMAP_MODEL = "experimental_material/depmap_model.csv"
DEPMAP_SAMPLES = "experimental_material/depmap_sample_info.csv"
HOSTS = "experimental_material/phibase_host_strains.csv"


def test_depmap_models():
    """Mapping file: DepMap's CatalogNumber is the supplier's catalogue number (the column mapper would give
    it to the local identifier, which ModelID already holds); every model is a human cell line.

    Quirks: floats for integers ("60.0") are read as numbers; Sex Male/Female/Unknown → vocabulary codes, the
    25 empty ones are optional; RRID empty on 72 rows and SourceType on 49 → RECOMMENDED_FIELD_MISSING;
    non-ASCII (μg/ml, the en dash of row 1934) is stored intact. Not detected: the same RRID on two models
    (CVCL_0041 rows 830/1110, CVCL_1122 1012/1025, CVCL_1150 1410/1659) — only the local identifier is checked
    for duplicates in a file; notes as catalogue numbers ("Discontinued", "Cannot find … link") are kept; the
    empty and constant columns (StagingSystem, PlateCoating "None" …) and AgeCategory are unmapped.
    """
    result = check(DEPMAP_MODEL)
    assert result.head["summary"] == {"rows": 1959, "valid": 1959, "invalid": 0, "warnings": 2080}
    assert result.head["flags"] == {"RECOMMENDED_FIELD_MISSING": 2080}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"name_zh": 1959, "RRID": 72, "SourceType": 49}
    assert result.mapping["unknown"] == [
        "PatientID", "StrippedCellLineName", "DepmapModelType", "LegacyMolecularSubtype", "LegacySubSubtype",
        "PatientMolecularSubtype", "AgeCategory", "PatientRace", "SourceDetail", "PatientTreatmentStatus",
        "PatientTreatmentType", "PatientTreatmentDetails", "Stage", "StagingSystem", "PatientTumorGrade",
        "PatientTreatmentResponse", "OnboardedMedia", "PlateCoating", "TissueOrigin", "ModelDerivationMaterial",
        "PublicComments", "CCLEName", "HCMIID", "WTSIMasterCellID", "SangerModelID", "COSMICID", "DateSharedIndbGaP"]
    assert result.mapping["conflicts"] == [] and result.notes == {}
    for first, second, rrid in ((830, 1110, "CVCL_0041"), (1012, 1025, "CVCL_1122"), (1410, 1659, "CVCL_1150")):
        assert result.value(first, "rrid") == result.value(second, "rrid") == rrid
    assert collections.Counter(result.value(row, "donor_sex") for row in result.records) == {
        "male": 1040, "female": 788, "unknown": 106, None: 25}
    notes = collections.Counter(result.value(row, "supplier_catalog_number") for row in result.records)
    assert notes["Discontinued"] == 6 and notes["Unavailable"] == 3
    assert "–" in result.value(1934, "disease_subtype") and "μg/ml" in result.value(1934, "culture_medium")
    assert_untouched(result, 1, normalised={"donor_age": 60.0, "donor_sex": "female"})


def test_depmap_sample_info():
    """Mapping file: the stripped cell line name is the name (the file has no other); human cell lines.

    Quirks: the quoted culture_medium with a newline (row 1106) arrives as one cell (1775 rows from 1777
    lines) and its trailing newline, like the trailing spaces / no-break spaces of rows 235 and 496, is
    removed; fractional ages (row 51 …) are numbers; RRID empty on 393 rows and source on 54 →
    RECOMMENDED_FIELD_MISSING; the prime in "Ham′s F12" (row 901) is kept. Not detected: CVCL_0041 on rows 831
    and 1116 (duplicates are checked for the local identifier only); "Primary"/"PRIMARY" (row 1245), the
    culture_type spellings and the medium notations are free text, stored as given.
    """
    result = check(DEPMAP_SAMPLES)
    assert result.head["summary"] == {"rows": 1775, "valid": 1775, "invalid": 0, "warnings": 2222}
    assert result.head["flags"] == {"RECOMMENDED_FIELD_MISSING": 2222}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"name_zh": 1775, "RRID": 393, "source": 54}
    assert result.mapping["unknown"] == ["CCLE_Name", "COSMIC_ID", "lineage_subtype", "lineage_sub_subtype",
                                         "lineage_molecular_subtype", "Achilles_n_replicates", "cell_line_NNMD",
                                         "cas9_activity", "Sanger_model_ID", "additional_info"]
    medium = result.value(1106, "culture_medium")
    assert raw(DEPMAP_SAMPLES)[1106]["culture_medium"].endswith("ug/mL\n") and medium.endswith("10.0 ug/mL")
    for row in (235, 496):
        assert raw(DEPMAP_SAMPLES)[row]["culture_medium"] != result.value(row, "culture_medium")
        assert result.value(row, "culture_medium") == raw(DEPMAP_SAMPLES)[row]["culture_medium"].strip()
    assert result.value(831, "rrid") == result.value(1116, "rrid") == "CVCL_0041"
    assert result.value(1245, "primary_or_metastasis") == "PRIMARY"
    assert "′" in result.value(901, "culture_medium")
    assert result.value(51, "donor_age") == float(raw(DEPMAP_SAMPLES)[51]["age"])
    assert_untouched(result, 1, normalised={"synonyms": ["OVCAR3"], "donor_age": 60.0, "donor_sex": "female"})


def test_phibase_host_strains():
    """Mapping file: taxid-strain is the identifier (no accession numbers). No material type: the list mixes
    cultivars, ecotypes, mouse strains, cell lines and cell types, so no default is true; every row fails on
    the required material type.

    Quirks: mouse nomenclature with angle brackets ("129S-Hfe<tm1.1Nca>/Auer", 13 rows) makes an identifier
    the platform refuses (IDENTIFIER_INVALID) — and is not mistaken for HTML; RRID and source are never given
    (RECOMMENDED_FIELD_MISSING). cross_references is a comma list (133 filled rows) mixing CVCL_, MGI:, BTO:,
    WBStrain namespaces, stored as a list; the non-ASCII names (Tübingen, cv. Fréquin Rouge …) are stored intact.
    """
    result = check(HOSTS)
    assert result.head["summary"] == {"rows": 845, "valid": 0, "invalid": 845, "warnings": 2535}
    assert result.head["flags"] == {"IDENTIFIER_INVALID": 13, "RECOMMENDED_FIELD_MISSING": 2535,
                                    "REQUIRED_FIELD_MISSING": 845}
    assert result.by_column("REQUIRED_FIELD_MISSING") == {"material_type": 845}
    assert result.by_column("RECOMMENDED_FIELD_MISSING") == {"name_zh": 845, "rrid": 845, "source": 845}
    assert result.mapping["unknown"] == [] and result.notes == {}
    assert result.rows("IDENTIFIER_INVALID") == [320, 321, 323, 324, 330, 331, 332, 343, 344, 345, 354, 366, 371]
    assert result.found("IDENTIFIER_INVALID")[0] == (320, "local_id", "10090-129S-Hfe<tm1.1Nca>/Auer")
    supplied = check(HOSTS, defaults=(("material_type", "model_organism_strain"),))
    assert supplied.head["summary"] == {"rows": 845, "valid": 832, "invalid": 13, "warnings": 2535}
    assert raw(HOSTS)[319]["scientific_name"] == "Mus musculus"
    assert_untouched(supplied, 319, normalised={"material_type": "model_organism_strain",
                                                "cross_references": ["MGI:5649732"]})
    assert sum(1 for cells in raw(HOSTS).values() if cells["cross_references"]) == 133
    for row in supplied.records:
        if raw(HOSTS)[row]["cross_references"]:
            items = [item.strip() for item in raw(HOSTS)[row]["cross_references"].split(",")]
            assert supplied.value(row, "cross_references") == items
    assert supplied.value(133, "name_en") == "Tübingen" and supplied.value(295, "name_en") == "cv. Fréquin Rouge"


TESTED = [TOMATO, PEANUT, WHEAT, WHEAT_STORAGE, BREED_LIST, DADIS, CRYOWEB_SPECIMENS, CRYOWEB_ORGANISMS, GBIF, SANT,
          LOU, PBDB, GEOROC, MINERALS, PATHOGENS, BACDIVE, DEPMAP_MODEL, DEPMAP_SAMPLES, HOSTS]
