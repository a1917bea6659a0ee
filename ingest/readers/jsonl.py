"""JSON (array elements, or one object, are rows) and JSON Lines, streamed and flattened to string cells."""
from __future__ import annotations

import json
import math
import re
from typing import Any, Callable, Iterator

from ._model import JSON_INVALID, KEY_COLLISION, Limits, Note, RawRow, ReadError, RowProblem, line_list, note

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WS = " \t\r\n"


class Refused(ValueError):
    """A JSON value this reader refuses (not a syntax error)."""


class Number(float):
    """A float that remembers its literal text."""

    literal: str


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise Refused(f"duplicate key {key!r}")
        result[key] = value
    return result


def _constant(name: str) -> Any:
    raise Refused(f"{name} is not a valid JSON number")


def decoder(limits: Limits) -> json.JSONDecoder:
    def parse_int(text: str) -> int:
        if len(text.lstrip("-")) > limits.max_json_int_digits:
            raise Refused(f"integer with {len(text.lstrip('-'))} digits (more than {limits.max_json_int_digits})")
        return int(text)

    def parse_float(text: str) -> float:
        number = Number(text)
        if not math.isfinite(number):
            raise Refused(f"number {text[:40]} is out of range")
        number.literal = text
        return number

    return json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_int=parse_int,
                            parse_float=parse_float)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Number):
        return value.literal
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise Refused("lone surrogate (\\ud800-\\udfff) in a string")
        return value
    return str(value)


def _depth(value: Any, limit: int, depth: int = 1) -> None:
    if depth > limit:
        raise Refused(f"nesting deeper than {limit} levels")
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        if isinstance(child, (dict, list)):
            _depth(child, limit, depth + 1)


def flatten(record: dict[str, Any], limits: Limits) -> tuple[dict[str, str], list[str]]:
    """(cells, collided keys) of one JSON object.

    Nested objects give dotted keys ("origin.country"); arrays of scalars are joined with " | ";
    arrays holding objects or arrays are kept as compact JSON text in one cell, so nothing is lost
    and mapping can explode them; null, {} and [] give ""; numbers keep their literal text ("60.0").
    Refused (Refused): duplicate keys, NaN/Infinity, lone surrogates, nesting deeper than
    `max_json_depth`, integers longer than `max_json_int_digits`. A JSON file stops with a
    ReadError naming the record's line; a JSON Lines file gives that line's row a JSON_INVALID
    problem and goes on. A top-level array is parsed element by element with
    `json.JSONDecoder.raw_decode` over a sliding buffer: memory is bounded by the largest record.
    """
    _depth(record, limits.max_json_depth)
    cells: dict[str, str] = {}
    collisions: list[str] = []

    def put(key: str, text: str) -> None:
        if _SURROGATE.search(key):
            raise Refused("lone surrogate (\\ud800-\\udfff) in a key")
        if key in cells:
            collisions.append(key)
        else:
            cells[key] = text

    def walk(prefix: str, value: dict[str, Any]) -> None:
        if not value and prefix:
            put(prefix, "")
        for key, child in value.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(child, dict):
                walk(name, child)
            elif isinstance(child, list):
                if any(isinstance(item, (dict, list)) for item in child):
                    put(name, _scalar(json.dumps(child, ensure_ascii=False, separators=(",", ":"))))
                else:
                    put(name, " | ".join(_scalar(item) for item in child))
            else:
                put(name, _scalar(child))

    walk("", record)
    return cells, collisions


def _collision_problems(collisions: list[str]) -> tuple[RowProblem, ...]:
    return tuple(RowProblem(KEY_COLLISION, {"en": f"flattened key {k!r} occurs twice; the first value is kept",
                                            "zh": f"展开后的键 {k!r} 出现两次；保留第一个值"}, k) for k in collisions)


class ArrayStream:
    """Elements of a top-level JSON array (or one top-level object), from decoded text chunks."""

    def __init__(self, chunks: Iterator[str], *, file_name: str, limits: Limits) -> None:
        self.chunks, self.file_name, self.limits = chunks, file_name, limits
        self.decoder = decoder(limits)
        self.buffer, self.pos, self.line_base, self.eof = "", 0, 1, False

    def _fill(self, at_least: int) -> bool:
        """Read until `at_least` more characters are buffered (False at end of input)."""
        if self.pos > 65536:
            self.line_base += self.buffer.count("\n", 0, self.pos)
            self.buffer, self.pos = self.buffer[self.pos:], 0
        parts, size, ok = [self.buffer], 0, True
        while size < at_least:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.eof, ok = True, False
                break
            parts.append(chunk)
            size += len(chunk)
        self.buffer = "".join(parts)
        return ok or size > 0

    def line(self, pos: int) -> int:
        return self.line_base + self.buffer.count("\n", 0, pos)

    def _skip(self) -> str:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buffer) or not self._fill(1):
                return self.buffer[self.pos:self.pos + 1]

    def fail(self, code: str, en: str, zh: str, pos: int) -> ReadError:
        line = self.line(pos)
        column = pos - (self.buffer.rfind("\n", 0, pos) + 1) + 1
        return ReadError(code, f"{en} (column {column})", f"{zh}（第 {column} 列）", file_name=self.file_name, line=line)

    def value(self, number: int) -> tuple[int, Any]:
        """Decode the value at the current position: (start line, value)."""
        start = self.pos
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
                break
            except json.JSONDecodeError as error:
                size = len(self.buffer) - self.pos
                if not self.eof and size <= self.limits.max_record_bytes:
                    self._fill(max(size, 1 << 16))
                    start = self.pos
                    continue
                if size > self.limits.max_record_bytes:
                    raise self.fail("json_invalid", f"record {number} is not valid JSON within "
                                    f"{self.limits.max_record_bytes} characters", f"第 {number} 条记录在 "
                                    f"{self.limits.max_record_bytes} 个字符内不是有效的 JSON", start) from None
                raise self.fail("json_invalid", f"invalid JSON: {error.msg}", f"无效的 JSON：{error.msg}",
                                error.pos) from None
            except RecursionError:
                raise self.fail("json_invalid", f"record {number} is nested too deeply",
                                f"第 {number} 条记录嵌套过深", start) from None
            except (Refused, ValueError) as error:
                raise self.fail("json_invalid", f"record {number}: {error}", f"第 {number} 条记录：{error}",
                                start) from None
        self.pos = end
        return self.line(start), value

    def elements(self) -> Iterator[tuple[int, Any]]:
        first = self._skip()
        if first == "{":
            line, value = self.value(1)
            yield line, value
        else:
            self.pos += 1  # "["
            number = 0
            while True:
                char = self._skip()
                if char == "]":
                    self.pos += 1
                    break
                if number:
                    if char != ",":
                        raise self.fail("json_invalid", "expected ',' or ']' between array elements",
                                        "数组元素之间应为 ',' 或 ']'", self.pos)
                    self.pos += 1
                    char = self._skip()
                if char != "{":
                    kind = "end of file" if not char else f"{char!r}"
                    raise self.fail("json_not_records", f"array element {number + 1} is not an object (found "
                                    f"{kind}); each element must be one record {{…}}", f"数组第 {number + 1} 个元素不是"
                                    f"对象（遇到 {kind}）；每个元素必须是一条记录 {{…}}", self.pos)
                number += 1
                yield self.value(number)
        if self._skip():
            raise self.fail("json_invalid", "extra data after the end of the JSON document",
                            "JSON 文档结束后还有多余内容", self.pos)


def json_rows(open_chunks: Callable[[], Iterator[str]], *, file_name: str, limits: Limits,
              notes: list[Note]) -> tuple[list[str], Iterator[RawRow]]:
    """Pass 1 validates everything and collects the header; pass 2 streams the rows."""
    header: dict[str, None] = {}
    for line, value in ArrayStream(open_chunks(), file_name=file_name, limits=limits).elements():
        header.update(dict.fromkeys(_flat_or_fail(value, limits, file_name, line)[0]))
        _check_width(header, limits, file_name, line)

    def rows() -> Iterator[RawRow]:
        for number, (line, value) in enumerate(ArrayStream(open_chunks(), file_name=file_name,
                                                           limits=limits).elements(), 1):
            cells, collisions = _flat_or_fail(value, limits, file_name, line)
            yield RawRow(number, line, cells, _collision_problems(collisions))

    return list(header), rows()


def _flat_or_fail(value: dict[str, Any], limits: Limits, file_name: str, line: int) -> tuple[dict[str, str], list[str]]:
    try:
        return flatten(value, limits)
    except Refused as error:
        raise ReadError("json_invalid", f"the record starting here is refused: {error}",
                        f"从此行开始的记录被拒绝：{error}", file_name=file_name, line=line) from None


def _check_width(header: dict[str, None], limits: Limits, file_name: str, line: int) -> None:
    if len(header) > limits.max_columns:
        raise ReadError("too_many_columns", f"records have more than {limits.max_columns} distinct keys",
                        f"记录中不同的键超过 {limits.max_columns} 个", file_name=file_name, line=line)


def jsonl_rows(open_lines: Callable[[], Iterator[str]], *, file_name: str, limits: Limits,
               notes: list[Note]) -> tuple[list[str], Iterator[RawRow]]:
    """One object per non-blank line; a bad line becomes a JSON_INVALID problem of its row."""
    header: dict[str, None] = {}
    for line, cells, _ in _jsonl_records(open_lines(), limits):
        header.update(dict.fromkeys(cells))
        _check_width(header, limits, file_name, line)

    def rows() -> Iterator[RawRow]:
        blanks: list[int] = []
        for number, (line, cells, problems) in enumerate(_jsonl_records(open_lines(), limits, blanks), 1):
            yield RawRow(number, line, cells, problems)
        if blanks:
            notes.append(note("BLANK_LINES_SKIPPED", f"{len(blanks)} blank line(s) skipped: line(s) "
                              f"{line_list(blanks, len(blanks))}", f"已跳过 {len(blanks)} 个空行：第 "
                              f"{line_list(blanks, len(blanks))} 行", blanks))

    return list(header), rows()


def _jsonl_records(lines: Iterator[str], limits: Limits, blanks: list[int] | None = None,
                   ) -> Iterator[tuple[int, dict[str, str], tuple[RowProblem, ...]]]:
    parse = decoder(limits).decode
    for line, text in enumerate(lines, 1):
        if not text.strip():
            if blanks is not None:
                blanks.append(line)
            continue
        try:
            value = parse(text)
            if not isinstance(value, dict):
                raise Refused(f"the line holds a JSON {type(value).__name__}, not an object {{…}}")
            cells, collisions = flatten(value, limits)
            yield line, cells, _collision_problems(collisions)
        except (ValueError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error) or "nested too deeply"
            yield line, {}, (RowProblem(JSON_INVALID, {"en": f"line {line} is refused: {reason}",
                                                       "zh": f"第 {line} 行被拒绝：{reason}"}),)
