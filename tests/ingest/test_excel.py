"""XLSX built with openpyxl inside the tests: dates, numbers, preamble, sheets, macros, entities, bombs."""
from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from ingest.readers import ROW_WIDTH_MISMATCH, Limits, ReadError
from ingest.readers.excel import cell_text

from .helpers import codes, make_zip, note_of, read_all, zeros_deflate


def workbook(path, rows, *, title="specimens", more_sheets=(), epoch=None):
    book = openpyxl.Workbook()
    if epoch:
        book.epoch = epoch
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name in more_sheets:
        book.create_sheet(name).append(["x"])
    book.save(path)
    return path


def test_openpyxl_is_protected_by_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_preamble_dates_numbers_and_booleans(tmp_path):
    rows = [["湖北省标本馆 2024 年度标本清单"], [], ["编号", "采集日期", "记录时间", "数量", "比例", "已鉴定", "备注"],
            [1, dt.datetime(2024, 5, 1), dt.datetime(2024, 5, 1, 13, 30), 12.0, 0.1, True, None],
            [2, dt.date(1999, 12, 31), dt.time(8, 15), 3, 1e-7, False, "ok"], [], [None, None]]
    path = workbook(tmp_path / "date-cell-with-preamble.xlsx", rows, more_sheets=["说明", "codes"])
    table, got = read_all(path)
    assert table.format == "xlsx" and table.sheet == "specimens" and table.encoding is None
    assert table.header == ["编号", "采集日期", "记录时间", "数量", "比例", "已鉴定", "备注"]
    assert got[0].cells == {"编号": "1", "采集日期": "2024-05-01", "记录时间": "2024-05-01T13:30:00", "数量": "12",
                            "比例": "0.1", "已鉴定": "true", "备注": ""}
    assert got[1].cells["采集日期"] == "1999-12-31" and got[1].cells["记录时间"] == "08:15:00"
    assert got[1].cells["比例"] == "1e-07" and got[1].cells["已鉴定"] == "false"
    assert [(r.number, r.line) for r in got] == [(1, 4), (2, 5)]
    assert note_of(table, "PREAMBLE_SKIPPED").lines == (1,)
    assert note_of(table, "BLANK_LINES_SKIPPED").lines[0] == 2
    assert "说明, codes" in note_of(table, "OTHER_SHEETS_IGNORED").message["en"]


def test_1904_date_system(tmp_path):
    path = workbook(tmp_path / "mac-1904.xlsx", [["id", "date"], ["a", dt.datetime(1987, 6, 5)]],
                    epoch=CALENDAR_MAC_1904)
    _, rows = read_all(path)
    assert rows[0].cells["date"] == "1987-06-05"


def test_cells_beyond_the_header_and_duplicate_names(tmp_path):
    path = workbook(tmp_path / "wide.xlsx", [["id", "id", "name"], ["1", "2", "x", "stray", None, "far"]])
    table, rows = read_all(path)
    assert table.header == ["id", "id (2)", "name"] and "HEADER_DUPLICATE_RENAMED" in codes(table)
    problem = rows[0].problems[0]
    assert (problem.code, problem.expected, problem.actual) == (ROW_WIDTH_MISMATCH, 3, 6)
    assert rows[0].extra == ("stray", "", "far")


def test_header_given_for_a_sheet_without_header(tmp_path):
    path = workbook(tmp_path / "no-header.xlsx", [[1, "Pinus"], [2, "Abies"]])
    _, rows = read_all(path, header=["id", "name"])
    assert [r.cells for r in rows] == [{"id": "1", "name": "Pinus"}, {"id": "2", "name": "Abies"}]


def test_formula_without_cached_value_is_empty(tmp_path):
    path = workbook(tmp_path / "formula.xlsx", [["a", "b", "sum"], [1, 2, "=A2+B2"]])
    _, rows = read_all(path)
    assert rows[0].cells["sum"] == ""  # openpyxl wrote no cached value; we never evaluate formulas


def rewrite(source, target, replace=None, add=None):
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if replace and info.filename in replace:
                data = replace[info.filename](data)
            copy.writestr(info, data)
        for name, data in (add or {}).items():
            copy.writestr(name, data)
    return target


def test_macro_workbook_refused(tmp_path):
    base = workbook(tmp_path / "base.xlsx", [["a"], [1]])
    path = rewrite(base, tmp_path / "macro.xlsm", add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 64})
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.code == "unsupported_format" and "macro" in caught.value.message["en"]


def test_entity_in_sheet_xml_refused(tmp_path):
    base = workbook(tmp_path / "base.xlsx", [["name"], ["lol"]])
    doctype = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def poison(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        return head + b"?>" + doctype + rest if rest else doctype + data

    path = rewrite(base, tmp_path / "entities.xlsx", replace={"xl/worksheets/sheet1.xml": poison})
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.code == "xml_entities_forbidden"


def test_xlsx_bomb_refused_before_openpyxl(tmp_path):
    base = workbook(tmp_path / "base.xlsx", [["a"], [1]])
    path = rewrite(base, tmp_path / "bomb.xlsx", add={"xl/media/zeros.bin": b"\0" * (40 << 20)})
    with pytest.raises(ReadError) as caught:
        read_all(path, limits=Limits(max_ratio=100))
    assert caught.value.code == "archive_bomb" and "zeros.bin" in caught.value.message["en"]
    with pytest.raises(ReadError) as caught:
        read_all(path, limits=Limits(max_uncompressed_bytes=8 << 20, max_ratio=10 ** 6))
    assert caught.value.code == "archive_too_large"


def test_truncated_xlsx(tmp_path):
    base = workbook(tmp_path / "base.xlsx", [["a"], [1]])
    data = base.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as caught:
        read_all(tmp_path / "cut.xlsx")
    assert caught.value.code == "truncated_file"


def test_ods_and_unknown_office_zips(tmp_path):
    path = make_zip(tmp_path / "sheet.ods", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                            "content.xml": "<x/>"})
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.code == "unsupported_format"


@pytest.mark.parametrize("value, text", [(None, ""), (3, "3"), (3.0, "3"), (2.5, "2.5"), (1e20, "1e+20"),
                                         (True, "true"), (dt.datetime(2001, 7, 15), "2001-07-15"),
                                         (dt.timedelta(hours=30), "1 day, 6:00:00"), ("  x ", "  x ")])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_zeros_helper_is_small():
    assert len(zeros_deflate(8)) < 10_000
