"""JSON and JSON Lines: flattening rules, refused values with row/line, streaming, JSONL bad lines."""
from __future__ import annotations

import json
import time

import pytest

from ingest.readers import JSON_INVALID, Limits, ReadError
from ingest.readers.jsonl import ArrayStream

from .helpers import codes, note_of, read_all


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path, name, text, code="json_invalid", **options):
    with pytest.raises(ReadError) as caught:
        read_all(write(tmp_path, name, text), **options)
    assert caught.value.code == code, caught.value.message
    assert name in caught.value.message["en"]
    return caught.value


def test_flattening_rules(tmp_path):
    records = [{"id": 1, "origin": {"country": "China", "site": {"province": "湖北"}}, "tags": ["a", 2, None, True],
                "samples": [{"kind": "seed", "n": 3}], "age": 60.0, "lat": None, "ok": False, "empty": {}, "none": []},
               {"id": 2, "extra": "x"}]
    text = json.dumps(records, ensure_ascii=False, indent=2)
    path = write(tmp_path, "records.json", text)
    table, rows = read_all(path)
    assert table.format == "json" and table.encoding == "utf-8"
    assert table.header == ["id", "origin.country", "origin.site.province", "tags", "samples", "age", "lat", "ok",
                            "empty", "none", "extra"]
    assert rows[0].cells == {"id": "1", "origin.country": "China", "origin.site.province": "湖北",
                             "tags": "a | 2 |  | true", "samples": '[{"kind":"seed","n":3}]', "age": "60.0",
                             "lat": "", "ok": "false", "empty": "", "none": ""}
    starts = [number for number, line in enumerate(text.splitlines(), 1) if line == "  {"]
    assert rows[1].cells == {"id": "2", "extra": "x"} and [r.line for r in rows] == starts


def test_single_object_is_one_row(tmp_path):
    table, rows = read_all(write(tmp_path, "one.json", '\n  {"a": {"b": [1, 2]}, "c": "d"}\n'))
    assert table.format == "json" and len(rows) == 1 and rows[0].cells == {"a.b": "1 | 2", "c": "d"}
    assert rows[0].line == 2


@pytest.mark.parametrize("element, reason", [
    ('{"a": 1, "a": 2}', "duplicate key 'a'"), ('{"a": NaN}', "NaN"), ('{"a": -Infinity}', "-Infinity"),
    ('{"a": 1e400}', "out of range"), ('{"a": ' + "9" * 101 + "}", "101 digits"),
    ('{"a": "\\ud800x"}', "lone surrogate"), ('{"a": ' + "[" * 40 + "]" * 40 + "}", "deeper than 32"),
    ('{"a": {"b": {"b": 1, "b": 2}}}', "duplicate key 'b'")])
def test_refused_values_name_the_row(tmp_path, element, reason):
    text = '[\n{"a": 0},\n' + element + "\n]"
    error = refused(tmp_path, "bad.json", text)
    assert reason in error.message["en"] and error.line == 3


def test_huge_integer_and_deep_nesting_fail_fast(tmp_path):
    refused(tmp_path, "digits.json", '[{"a": ' + "7" * 5000 + "}]")
    started = time.perf_counter()
    error = refused(tmp_path, "deep.json", '[{"a": ' + "[" * 100_000 + "]" * 100_000 + "}]")
    assert time.perf_counter() - started < 1.0 and error.code == "json_invalid"
    assert read_all(write(tmp_path, "ok.json", '[{"a": ' + "9" * 100 + "}]"))[1][0].cells["a"] == "9" * 100


def test_syntax_errors_have_line_and_column(tmp_path):
    error = refused(tmp_path, "syntax.json", '[\n  {"a": 1},\n  {"b": 2,,}\n]')
    assert error.line == 3 and "column" in error.message["en"]
    refused(tmp_path, "extra.json", '[{"a": 1}] [{"b": 2}]')
    refused(tmp_path, "unfinished.json", '[{"a": 1}, {"b": ')


def test_elements_must_be_objects(tmp_path):
    error = refused(tmp_path, "scalars.json", '[{"a": 1}, 2]', code="json_not_records")
    assert "element 2" in error.message["en"]
    refused(tmp_path, "nested.json", "[[1, 2]]", code="json_not_records")


def test_json_lines_bad_line_is_a_row_problem(tmp_path):
    text = '{"id": 1, "name": "a"}\n\n{"id": 2, "name": \n{"id": 3, "name": "c", "x": {"y": 1}}\n[1]\n'
    table, rows = read_all(write(tmp_path, "records.jsonl", text))
    assert table.format == "jsonl" and table.header == ["id", "name", "x.y"]
    assert [(r.number, r.line) for r in rows] == [(1, 1), (2, 3), (3, 4), (4, 5)]
    assert rows[1].cells == {} and rows[1].problems[0].code == JSON_INVALID
    assert "line 3" in rows[1].problems[0].message["en"]
    assert rows[3].problems[0].code == JSON_INVALID and "not an object" in rows[3].problems[0].message["en"]
    assert not rows[2].problems and note_of(table, "BLANK_LINES_SKIPPED").lines == (2,)


def test_json_lines_detected_from_content(tmp_path):
    table, rows = read_all(write(tmp_path, "export.json", '{"a": 1}\n{"a": 2}\n'))
    assert table.format == "jsonl" and len(rows) == 2 and "FILE_TYPE_MISMATCH" not in codes(table)
    table, rows = read_all(write(tmp_path, "export.txt", '[{"a": 1}]'))
    assert table.format == "json" and len(rows) == 1


def test_array_is_streamed_with_a_bounded_buffer():
    record = json.dumps({"id": 1, "text": "x" * 200})

    def chunks():
        yield "["
        for i in range(20_000):
            yield ("," if i else "") + record + "\n"
        yield "]"

    stream = ArrayStream(chunks(), file_name="big.json", limits=Limits())
    biggest, count = 0, 0
    for _line, value in stream.elements():
        count += 1
        biggest = max(biggest, len(stream.buffer))
    assert count == 20_000 and biggest < 300_000  # the whole text is about 4.6 MB


def test_lone_surrogate_inside_an_array_of_objects(tmp_path):
    error = refused(tmp_path, "nested-surrogate.json", '[{"a": [{"b": "\\udc00"}]}]')
    assert "lone surrogate" in error.message["en"]
