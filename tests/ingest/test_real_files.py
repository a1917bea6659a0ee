"""Every real file under shared/data/real: format, encoding, header, exact row count and the README's quirks."""
from __future__ import annotations

import pytest

from .helpers import codes, note_of, read_all, real_file

DWC = "http://rs.tdwg.org/dwc/terms/"
GBIF = "http://rs.gbif.org/terms/1.0/"

# file, format, encoding, header length, first name, last name, data rows, notes expected
CASES = [
    ("animal_germplasm/fao_dadis_cattle_cryoconservation_by_breed.csv", "csv", "utf-8", 26, "Country",
     "Last update", 3752, []),
    ("animal_germplasm/china_national_livestock_breed_list_2024_manifest.json", "json", "utf-8", 19,
     "meta.notice", "sections", 1, []),
    ("animal_germplasm/image_italian_cryoweb_specimens.json", "json", "utf-8", 25, "data_source_id",
     "specimens", 20, []),
    ("animal_germplasm/image_italian_cryoweb_organisms.json", "json", "utf-8", 25, "data_source_id",
     "organisms", 5, []),
    ("biological_specimen/gbif_download_2013_dwca.zip", "dwca", "utf-8", 64, DWC + "occurrenceID",
     GBIF + "modified", 158, ["ARCHIVE_ENTRIES_IGNORED", "NO_HEADER_ROW"]),
    ("biological_specimen/sant_bryophytes_dwca.zip", "dwca", "utf-8", 31, "id",
     DWC + "scientificNameAuthorship", 2423, []),
    ("biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv", "csv", "utf-8", 13, "scientificName",
     "basisOfRecord", 4484, []),
    ("experimental_material/depmap_model.csv", "csv", "utf-8", 43, "ModelID", "DateSharedIndbGaP", 1959, []),
    ("experimental_material/depmap_sample_info.csv", "csv", "utf-8", 24, "DepMap_ID", "additional_info", 1775, []),
    ("experimental_material/phibase_host_strains.csv", "csv", "utf-8", 5, "ncbi_taxid", "cross_references", 845, []),
    ("geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv", "csv", "utf-8", 172, "CITATIONS",
     "column_172", 426, ["LINE_ENDINGS", "HEADER_EMPTY_NAMED", "FOOTER_SKIPPED", "BLANK_LINES_SKIPPED"]),
    ("geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv", "csv", "utf-8", 73, "occurrence_no",
     "diet", 1500, []),
    ("geological_specimen/personal_mineral_museum_zh.csv", "csv", "utf-8", 9, "编号", "图片文件名", 136,
     ["BOM_REMOVED"]),
    ("microbial_strain/phibase_pathogen_strains.csv", "csv", "utf-8", 5, "ncbi_taxid", "cross_references", 1531, []),
    ("microbial_strain/bacdive_strains_kgmicrobe.json", "json", "utf-8", 277, "_id.$oid", None, 20, []),
    ("plant_germplasm/crf_spain_tomato_mcpd_vavilov3.xlsx", "xlsx", None, 35, "INSTCODE", "REMARKS", 38, []),
    ("plant_germplasm/grin_peanut_us_minicore_legumeinfo.xlsx", "xlsx", None, 15, "column_1", "In GRIN", 94,
     ["OTHER_SHEETS_IGNORED", "PREAMBLE_SKIPPED", "HEADER_EMPTY_NAMED"]),
    ("plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx", "xlsx", None, 37, "ID", "WEGA", 1628,
     ["OTHER_SHEETS_IGNORED"]),
    ("plant_germplasm/igdb_lulab_wheat_germplasm_storage.xlsx", "xlsx", None, 12, "column_1",
     "SequencingLibraries", 14, ["OTHER_SHEETS_IGNORED", "HEADER_EMPTY_NAMED", "BLANK_LINES_SKIPPED"]),
]


@pytest.mark.parametrize("relative, fmt, encoding, width, first, last, count, expected_notes", CASES,
                         ids=[c[0].split("/")[1] for c in CASES])
def test_real_file(relative, fmt, encoding, width, first, last, count, expected_notes):
    table, rows = read_all(real_file(relative))
    assert (table.format, table.encoding) == (fmt, encoding)
    assert len(table.header) == width and table.header[0] == first
    assert last is None or table.header[-1] == last
    assert len(rows) == count and [r.number for r in rows] == list(range(1, count + 1))
    assert sorted(codes(table)) == sorted(expected_notes)
    assert all(not r.problems for r in rows)
    assert len(set(table.header)) == len(table.header)


def test_every_real_file_is_covered():
    root = real_file("README.md").parent
    present = {str(p.relative_to(root)) for p in root.glob("*/*") if p.suffix != ".md"}
    assert present == {c[0] for c in CASES}


def test_fao_crlf_and_quoted_commas():
    table, rows = read_all(real_file("animal_germplasm/fao_dadis_cattle_cryoconservation_by_breed.csv"))
    assert table.newline == "crlf" and table.delimiter == ","
    guernsey = next(r for r in rows if r.line == 1373)
    assert guernsey.number == 1372 and "Guernsey, Island" in guernsey.cells.values()
    assert rows[-1].line == 3753 and rows[0].cells["Last update"] == "16-Sept-2020"


def test_depmap_embedded_newline_keeps_line_numbers():
    _, rows = read_all(real_file("experimental_material/depmap_sample_info.csv"))
    row = rows[1105]
    assert row.number == 1106 and "\n" in row.cells["culture_medium"]
    assert rows[1106].line == row.line + 2 and rows[-1].line == 1777


def test_georoc_bare_cr_footer_and_blank_lines():
    table, rows = read_all(real_file("geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv"))
    assert table.newline == "cr"
    footer = note_of(table, "FOOTER_SKIPPED")
    assert footer.count == 29 and footer.lines[0] == 429
    assert "429-460" in footer.message["en"]
    assert note_of(table, "BLANK_LINES_SKIPPED").lines == (428, 430, 432, 433)
    assert rows[-1].line == 427 and rows[0].cells["SAMPLE NAME"].startswith("s_")
    assert all(r.cells["column_172"] == "" for r in rows)  # the header ends with a delimiter


def test_mineral_bom_crlf_and_placeholders():
    table, rows = read_all(real_file("geological_specimen/personal_mineral_museum_zh.csv"))
    assert table.header[0] == "编号" and table.newline == "crlf"
    assert note_of(table, "BOM_REMOVED").lines == (1,)
    filled = {k for k, v in rows[134].cells.items() if v}
    assert filled == {"编号", "图片文件名"} and rows[134].cells["图片文件名"] == "135.jpg"
    assert rows[3].cells["产地"].endswith("忘了") or "忘了" in rows[3].cells["产地"]


def test_phibase_non_ascii_strain_at_its_line():
    _, rows = read_all(real_file("microbial_strain/phibase_pathogen_strains.csv"))
    row = next(r for r in rows if r.line == 81)
    assert "CEA17Δku80" in row.cells["strain"] and row.number == 80


def test_gbif_dwca_no_header_metadata_xml_and_c1_control():
    table, rows = read_all(real_file("biological_specimen/gbif_download_2013_dwca.zip"))
    assert table.dataset["title"] == "GBIF Occurrence Download 0000006-130717145108713"
    assert table.dataset["source"] == "metadata.xml" and "GBIF Download Service" in table.dataset["creators"]
    assert note_of(table, "NO_HEADER_ROW").message["en"].startswith("occurrence.txt")
    assert rows[0].line == 1 and rows[0].cells[DWC + "occurrenceID"] == "607759330"
    # README says recordedBy; the mojibake is in identifiedBy (column 60). U+0085 is data, not a line break
    assert rows[89].cells[DWC + "identifiedBy"] == "Ã\x85hlander, E" and rows[89].line == 90
    assert rows[135].cells[DWC + "identifiedBy"] == "Ã…hlander, E"
    assert rows[13].cells[DWC + "county"] == "VÃ¤stergÃ¶tland"
    assert rows[14].cells[DWC + "decimalLatitude"] == "0.0"
    assert table.extensions == []


def test_sant_dwca_header_line_eml_and_nbsp():
    table, rows = read_all(real_file("biological_specimen/sant_bryophytes_dwca.zip"))
    assert table.dataset["title"] == "SANT-Bryo" and "CC-BY-NC" in table.dataset["licence"]
    assert table.dataset["licence_url"] == "http://creativecommons.org/licenses/by-nc/4.0/legalcode"
    assert rows[0].line == 2 and rows[0].cells["id"] == rows[0].cells[DWC + "occurrenceID"]
    assert rows[3].cells[DWC + "scientificNameAuthorship"].endswith("\u00a0")
    assert sum(r.cells[DWC + "basisOfRecord"] == "HumanObservation" for r in rows) == 2423


def test_json_records_lines_and_nested_lists():
    table, rows = read_all(real_file("microbial_strain/bacdive_strains_kgmicrobe.json"))
    starts = [8, 1500, 1656, 1937, 2097, 2255, 2382, 2527, 2661, 3545, 3686, 4344, 4463, 4979, 5193, 5433,
              5785, 6205, 6413, 6636]  # README: the "BacDive-ID" line of each record
    assert all(0 < bacdive - r.line < 10 for r, bacdive in zip(rows, starts))
    assert rows[0].cells["General.BacDive-ID"] == "145"
    assert rows[0].cells["General.NCBI tax id"].startswith('[{"NCBI tax id":59505')
    assert "Safety information" in rows[[r.cells.get("General.BacDive-ID") for r in rows].index("130454")].cells


def test_manifest_is_one_row_with_sections_kept_as_json():
    _, rows = read_all(real_file("animal_germplasm/china_national_livestock_breed_list_2024_manifest.json"))
    import json
    sections = json.loads(rows[0].cells["sections"])
    assert len(sections) == 81 and sum(len(s["names"]) for s in sections) == 1129
    assert "烟台䅟糠鸡" in rows[0].cells["sections"] and rows[0].cells["meta.officialTotals.silkworm"] == "307"


def test_xlsx_values_as_strings():
    _, rows = read_all(real_file("plant_germplasm/crf_spain_tomato_mcpd_vavilov3.xlsx"))
    assert rows[12].line == 14 and rows[12].cells["COLLDATE"] == "199611--"
    assert rows[0].cells["ACQDATE"] == "20181203" and rows[0].cells["COLLNUMB"] == "264"
    assert rows[0].cells["IS_SAVE_DUPLICATE"] == "True" and rows[0].cells["SUBTAUTHOR"] == ""
    _, rows = read_all(real_file("plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx"))
    dated = {r.line: r.cells["Released/introducedyear"] for r in rows if 1453 <= r.line <= 1456}
    assert dated == {1453: "2001-07-15", 1454: "2001-07-17", 1455: "2004-07-02", 1456: "2004-07-15"}


def test_grin_preamble_and_formula_values():
    table, rows = read_all(real_file("plant_germplasm/grin_peanut_us_minicore_legumeinfo.xlsx"))
    assert note_of(table, "PREAMBLE_SKIPPED").lines == (1,) and table.sheet == "Supp"
    assert rows[0].line == 3 and rows[0].cells["column_2"] == "PI" and rows[0].cells["Accession"] == "152146"
    assert rows[0].cells["In GRIN"] == "152146"  # cached value of =VLOOKUP(...)
    assert "GRIN, USMiniCore" in note_of(table, "OTHER_SHEETS_IGNORED").message["en"]


def test_storage_overall_bom_in_cell_and_blank_rows():
    table, rows = read_all(real_file("plant_germplasm/igdb_lulab_wheat_germplasm_storage.xlsx"))
    assert rows[2].line == 4 and rows[2].cells["Raw data"] == "\ufeffPRJCA005979"
    assert rows[0].cells["Total(Vmap3)"] == "3"
    assert note_of(table, "BLANK_LINES_SKIPPED").lines == (16, 17, 18)


def test_row_numbers_match_the_readmes():
    _, rows = read_all(real_file("biological_specimen/sant_bryophytes_dwca.zip"))
    assert [r.number for r in rows if r.cells[DWC + "countryCode"] == "AN"][:3] == [328, 591, 891]
    assert [r.number for r in rows if r.cells[DWC + "countryCode"] == "SW"] == [1868]
    _, rows = read_all(real_file("experimental_material/depmap_model.csv"))
    assert [r.number for r in rows if r.cells["RRID"] == "CVCL_0041"] == [830, 1110]
    assert any("Chondrocytes – hTERT" in value for value in rows[1933].cells.values())
    _, rows = read_all(real_file("biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv"))
    assert rows[116].cells["eventDate"] == "1003-08-03" and rows[4306].cells["eventDate"] == "3--IX-2009"
    assert rows[1962].cells["verbatimCoordinates"] == "29TPH47," and rows[2055].cells["verbatimCoordinates"] == "29TNG2481 "
    _, rows = read_all(real_file("microbial_strain/phibase_pathogen_strains.csv"))
    strains = {r.line: r.cells["strain"] for r in rows if r.line in (395, 522)}
    assert strains[395] == "KN99α" and strains[522].endswith("χ7122")
    _, rows = read_all(real_file("plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx"))
    assert rows[2].line == 4 and rows[2].cells["ID"] == "AB_003"
    assert [r.line for r in rows if r.cells["DataSource"] == "Lulab"][0] == 1343
