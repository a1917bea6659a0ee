"""Crafted CSV/TSV cases: ragged rows, duplicate headers, NUL, quotes, blank lines, preamble, footer, sniffing."""
from __future__ import annotations

import shutil

import pytest

from ingest.readers import CELL_TOO_LONG, NUL_CHARACTER, ROW_WIDTH_MISMATCH, Limits, ReadError

from .helpers import codes, note_of, read_all, real_file


def write(tmp_path, name: str, text: str | bytes):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_ragged_rows_reported_with_expected_and_actual(tmp_path):
    path = write(tmp_path, "ragged-row-3.tsv", "a\tb\tc\n1\t2\t3\n4\t5\n6\t7\t8\t9\n10\t11\t12\n")
    table, rows = read_all(path)
    assert table.format == "tsv" and table.delimiter == "\t"
    assert [(r.number, r.line) for r in rows] == [(1, 2), (2, 3), (3, 4), (4, 5)]
    short, long = rows[1], rows[2]
    assert short.cells == {"a": "4", "b": "5"}  # missing trailing cell is absent, not ""
    assert [(p.code, p.expected, p.actual) for p in short.problems] == [(ROW_WIDTH_MISMATCH, 3, 2)]
    assert [(p.code, p.expected, p.actual) for p in long.problems] == [(ROW_WIDTH_MISMATCH, 3, 4)]
    assert long.extra == ("9",) and not rows[0].problems and not rows[3].problems


def test_duplicate_and_empty_header_names_renamed(tmp_path):
    path = write(tmp_path, "duplicate-header.csv", " id ,name,name,,Name,name\n1,a,b,c,d,e\n")
    table, rows = read_all(path)
    assert table.header == ["id", "name", "name (2)", "column_4", "Name", "name (3)"]
    assert rows[0].cells == dict(zip(table.header, "1abcde"))
    renamed = note_of(table, "HEADER_DUPLICATE_RENAMED")
    assert renamed.count == 2 and "'name' → 'name (2)' (column 3)" in renamed.message["en"]
    assert note_of(table, "HEADER_EMPTY_NAMED").count == 1


def test_header_with_no_usable_name_is_fatal(tmp_path):
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "blank-only.csv", "\n  \n,,\n"))
    assert caught.value.code == "no_header"
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "x.csv", "1,2\n"), header=["", " "])
    assert caught.value.code == "no_header"


def test_nul_character_in_a_cell(tmp_path):
    _, rows = read_all(write(tmp_path, "nul-cell.csv", "a,b\n1,x\x00y\n2,z\n"))
    assert [(p.code, p.column) for p in rows[0].problems] == [(NUL_CHARACTER, "b")]
    assert rows[0].cells["b"] == "x\x00y" and not rows[1].problems


def test_cell_longer_than_limit_is_a_row_problem(tmp_path):
    path = write(tmp_path, "long-cell.csv", "a,b\n1," + "x" * 1500 + "\n2,y\n")
    _, rows = read_all(path, limits=Limits(max_cell_chars=1000))
    problem = rows[0].problems[0]
    assert (problem.code, problem.column, problem.expected, problem.actual) == (CELL_TOO_LONG, "b", 1000, 1500)
    assert not rows[1].problems


def test_unclosed_quote_names_its_starting_line(tmp_path):
    text = "a,b\n1,ok\n2,\"never closed\n" + "".join(f"{i},x\n" for i in range(3, 50))
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "unclosed-quote-line-3.csv", text))
    assert caught.value.code == "unclosed_quote" and caught.value.line == 3
    assert "line 3" in caught.value.message["en"] and "第 3 行" in caught.value.message["zh"]
    assert "unclosed-quote-line-3.csv" in caught.value.message["en"]


def test_unclosed_quote_that_outgrows_the_field_limit(tmp_path):
    text = "a,b\n1,ok\n2,\"open\n" + "filler line of text\n" * 5000
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "unclosed-quote-big.csv", text), limits=Limits(max_cell_chars=1000))
    assert caught.value.code == "unclosed_quote" and caught.value.line == 3


def test_quoted_newlines_keep_physical_line_numbers(tmp_path):
    text = 'id,note\n1,"two\nlines"\n2,"three\r\nphysical\nlines"\n3,plain\n'
    _, rows = read_all(write(tmp_path, "quoted-newlines.csv", text))
    assert [(r.line, r.cells["note"]) for r in rows] == [(2, "two\nlines"), (4, "three\r\nphysical\nlines"),
                                                        (7, "plain")]


def test_blank_lines_skipped_and_counted(tmp_path):
    text = "\n\na,b\n1,2\n\n , \n3,4\n,\n\n"
    table, rows = read_all(write(tmp_path, "blank-lines.csv", text))
    assert [(r.number, r.line) for r in rows] == [(1, 4), (2, 7)]
    blank = note_of(table, "BLANK_LINES_SKIPPED")
    assert blank.count == 6 and blank.lines == (1, 2, 5, 6, 8, 9)


def test_download_metadata_preamble_on_the_real_pbdb_file(tmp_path):
    original = real_file("geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv")
    preamble = ('"Data Provider","The Paleobiology Database"\r\n"Data License","Creative Commons CC-BY"\r\n'
                '"Parameters:"\r\n"","base_name","Tetrapoda"\r\n"Records:","1500"\r\n\r\n').encode()
    path = write(tmp_path, "pbdb-with-preamble.csv", preamble + original.read_bytes())
    base, base_rows = read_all(original)
    table, rows = read_all(path)
    assert table.header == base.header and len(rows) == 1500
    assert [r.cells for r in rows] == [r.cells for r in base_rows]
    assert rows[0].line == base_rows[0].line + 6
    assert note_of(table, "PREAMBLE_SKIPPED").lines == (1, 2, 3, 4, 5)
    assert note_of(table, "BLANK_LINES_SKIPPED").lines == (6,)


def test_title_line_preamble(tmp_path):
    text = "Specimen list of the Hubei bank, 2024\nid,name,place\n1,a,x\n2,b,y\n3,c,z\n"
    table, rows = read_all(write(tmp_path, "title-preamble.csv", text))
    assert table.header == ["id", "name", "place"] and len(rows) == 3
    assert note_of(table, "PREAMBLE_SKIPPED").lines == (1,)


def test_ragged_data_is_not_mistaken_for_a_preamble(tmp_path):
    text = "a,b,c,d\n1,2\n3,4\n5,6\n7,8,9,10\n"
    table, rows = read_all(write(tmp_path, "ragged-short.csv", text))
    assert table.header == ["a", "b", "c", "d"] and len(rows) == 4 and "PREAMBLE_SKIPPED" not in codes(table)


def test_footer_lines_are_notes_not_rows(tmp_path):
    text = "a,b,c\n1,2,3\n4,5,6\nend of data\n"
    table, rows = read_all(write(tmp_path, "footer-end-of-data.csv", text))
    assert len(rows) == 2 and note_of(table, "FOOTER_SKIPPED").lines == (4,)
    table, rows = read_all(write(tmp_path, "short-last-row.csv", "a,b,c\n1,2,3\n4,5\n"))
    assert len(rows) == 2 and rows[1].problems[0].code == ROW_WIDTH_MISMATCH


@pytest.mark.parametrize("delimiter, fmt", [(";", "csv"), ("|", "csv"), ("\t", "tsv"), (",", "csv")])
def test_delimiter_sniffing(tmp_path, delimiter, fmt):
    text = "\n".join(delimiter.join(r) for r in [["id", "name", "note"], ["1", "a, b", "x"], ["2", "c", "y"]])
    table, rows = read_all(write(tmp_path, "sniff.txt", text))
    assert (table.format, table.delimiter) == (fmt, delimiter)
    assert rows[0].cells["name"] == "a, b" if delimiter != "," else True


def test_tsv_quotes_are_data_unless_fields_are_quoted(tmp_path):
    _, rows = read_all(write(tmp_path, "quotes-in-tsv.tsv", 'a\tb\n5" long\t"Big" tree\n'))
    assert rows[0].cells == {"a": '5" long', "b": '"Big" tree'}
    _, rows = read_all(write(tmp_path, "quoted-tab.tsv", 'a\tb\n"x\ty"\tz\n'))
    assert rows[0].cells == {"a": "x\ty", "b": "z"}


def test_bare_cr_and_mixed_line_endings(tmp_path):
    table, rows = read_all(write(tmp_path, "bare-cr.csv", "a,b\r1,2\r3,4\r"))
    assert table.newline == "cr" and [r.line for r in rows] == [2, 3] and "LINE_ENDINGS" in codes(table)
    table, rows = read_all(write(tmp_path, "mixed-eol.csv", "a,b\r\n1,2\n3,4\r5,6"))
    assert table.newline == "mixed" and [r.line for r in rows] == [2, 3, 4]


def test_header_given_for_a_file_without_header(tmp_path):
    path = write(tmp_path, "no-header.csv", "1,2024-01-02,3.5\n2,2024-01-03,4.5\n")
    table, rows = read_all(path)
    assert "HEADER_LOOKS_LIKE_DATA" in codes(table) and len(rows) == 1
    table, rows = read_all(path, header=["id", "date", "value"])
    assert len(rows) == 2 and rows[0].line == 1 and rows[0].cells == {"id": "1", "date": "2024-01-02", "value": "3.5"}


@pytest.mark.parametrize("content, code", [
    (b"", "empty_file"), (b"  \r\n\t\n", "empty_file"), (b"\xef\xbb\xbf", "empty_file"),
    (b"%PDF-1.7\n...", "unsupported_format"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_format"),
    (b"<!DOCTYPE html><html><body>login</body></html>", "unsupported_format"),
    (b"MZ\x90\x00\x03\x00\x00\x00", "unsupported_format")])
def test_unreadable_content(tmp_path, content, code):
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "upload.csv", content))
    assert caught.value.code == code and "upload.csv" in caught.value.message["en"]


def test_size_limits(tmp_path):
    path = write(tmp_path, "big.csv", "a,b\n" + "1,2\n" * 1000)
    with pytest.raises(ReadError) as caught:
        read_all(path, limits=Limits(max_file_bytes=1000))
    assert caught.value.code == "file_too_large"
    path = write(tmp_path, "long-line.csv", "a,b\n1,2\n3," + "x" * 5000 + "\n")
    with pytest.raises(ReadError) as caught:
        read_all(path, limits=Limits(max_line_chars=4000, max_cell_chars=1000, sample_bytes=64))
    assert caught.value.code == "line_too_long" and caught.value.line == 4 - 1


def test_csv_that_is_really_a_zip_is_reported(tmp_path):
    path = tmp_path / "occurrences.csv"
    shutil.copyfile(real_file("biological_specimen/sant_bryophytes_dwca.zip"), path)
    table, rows = read_all(path)
    assert table.format == "dwca" and len(rows) == 2423
    mismatch = note_of(table, "FILE_TYPE_MISMATCH")
    assert ".csv" in mismatch.message["en"] and "dwca" in mismatch.message["en"]


def test_names_differing_only_by_case_width_or_space(tmp_path):
    table, _ = read_all(write(tmp_path, "similar-names.csv", "Name,name,ＩＤ,id,loc ality,locality\n1,2,3,4,5,6\n"))
    similar = note_of(table, "HEADER_SIMILAR_NAMES")
    assert similar.count == 3 and "'Name'/'name'" in similar.message["en"]


@pytest.mark.parametrize("name, content, fmt", [("data.csv", '[{"a": 1}]', "json"), ("data.json", "a,b\n1,2\n", "csv"),
                                                ("data.xlsx", "a\tb\n1\t2\n", "tsv")])
def test_extension_is_only_a_hint(tmp_path, name, content, fmt):
    table, rows = read_all(write(tmp_path, name, content))
    assert table.format == fmt and len(rows) == 1 and "FILE_TYPE_MISMATCH" in codes(table)


def test_too_many_columns(tmp_path):
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, "wide.csv", ",".join(f"c{i}" for i in range(50)) + "\n"), limits=Limits(max_columns=20))
    assert caught.value.code == "too_many_columns"
