"""The report groups its issues by (severity, code, column) with the rows as ranges, so that a file's report
fits on one screen: problems of the whole file first, then errors, then warnings, the most frequent first."""
from __future__ import annotations

from ingest.pipeline import check_file
from tests.ingest.test_suggestions import real


def test_the_mineral_catalogue_s_report_fits_on_one_screen_and_names_the_fix():
    path, domain = real("geological_specimen/personal_mineral_museum_zh.csv")
    report = check_file(path, domain)
    groups = report.head()["groups"]
    assert len(groups) <= 15 and sum(group["count"] for group in groups) == sum(report.flags.values())
    first = groups[0]
    assert (first["severity"], first["code"], first["column"], first["count"], first["rows"]) == (
        "error", "REQUIRED_FIELD_MISSING", "sample_type", 136, "1-136")
    assert first["whole_file"] and first["message"]["en"] == "In all 136 rows: Sample type is required but empty."
    assert first["message"]["zh"].startswith("全部 136 行：")
    warnings = [group for group in groups if group["severity"] == "warning"]
    assert all(group["whole_file"] for group in warnings[:6]) and not warnings[6]["whole_file"]
    assert [group["severity"] for group in groups] == sorted(group["severity"] for group in groups)  # errors first
    weights = next(group for group in groups if group["code"] == "INVALID_NUMBER")
    assert (weights["column"], weights["rows"]) == ("重量(g)", "12, 67, 77, 81")
    assert set(weights["message"]) == {"en", "zh"}


def test_file_level_problems_come_first_and_long_row_lists_are_cut(tmp_path):
    path = tmp_path / "odd.csv"
    rows = "".join(f"A{n},PreservedSpecimen,X y,{'north' if n % 2 else '30.1'}\n" for n in range(1, 100))
    path.write_text("catalogNumber,basisOfRecord,scientificName,decimalLatitude\n" + rows, encoding="utf-8")
    report = check_file(path, "biological_specimen")
    latitude = next(group for group in report.head()["groups"] if group["code"] == "INVALID_NUMBER")
    assert latitude["count"] == 50 and latitude["rows"].startswith("1, 3, 5") and latitude["rows"].endswith(" …")
    assert latitude["rows"].count(",") == 19   # twenty ranges, then "…"


def test_every_flag_has_a_name_in_both_languages_and_groups_carry_it():
    from schemas.issues import CATALOGUE, NAMES, flag_name
    assert set(NAMES) == set(CATALOGUE)
    assert all(en and zh and en != zh for en, zh in NAMES.values())
    assert flag_name("REQUIRED_FIELD_MISSING") == {"en": "Required field missing", "zh": "必填字段缺失"}
    path, domain = real("geological_specimen/personal_mineral_museum_zh.csv")
    groups = check_file(path, domain).head()["groups"]
    assert all(group["name"] == flag_name(group["code"]) for group in groups)
