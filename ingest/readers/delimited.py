"""CSV/TSV streaming with the csv module: sniffed delimiter, preamble, blank lines, footer, ragged rows."""
from __future__ import annotations

import csv
import itertools
import re
from contextlib import ExitStack
from typing import BinaryIO, Callable, Iterable, Iterator, Literal

from . import _header
from ._model import (CELL_TOO_LONG, NUL_CHARACTER, ROW_WIDTH_MISMATCH, Limits, Note, RawRow, ReadError,
                     RowProblem, Table, line_list, note)
from .encoding import LineSource, csv_lines, detect_encoding, newline_style

DELIMITERS = (",", "\t", ";", "|")
FOOTER_WORDS = re.compile(r"(end of (data|file)|total|records?|rows?|references?|abbreviations?|合计|总计|共\s*\d)", re.I)
_QUOTED_TSV_FIELD = re.compile(r'(^|\t)"([^"]|"")*"(\t|\r|\n|$)', re.M)
_QUOTED = re.compile(r'"(?:[^"]|"")*"')  # line breaks inside quoted fields are data, not line endings
Record = tuple[int, list[str], bool]  # start line, fields, spans several physical lines


def ensure_field_limit(chars: int) -> None:
    """csv.field_size_limit is process-wide: only ever raise it."""
    if csv.field_size_limit() < chars:
        csv.field_size_limit(chars)


def sniff(text: str, hint: str | None) -> tuple[str, str | None]:
    """(delimiter, quote character or None) from the first lines: the candidate giving the most consistent width > 1."""
    lines = csv_lines(text)[:60]
    if len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut
    best: tuple[float, int, str] = (0.0, 0, ",")
    for order, delimiter in enumerate(DELIMITERS):
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not widths:
            continue
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        share = widths.count(mode) / len(widths)
        bonus = 0.01 if hint == delimiter else 0.0
        score = (share + bonus) if mode > 1 else 0.0
        if (score, mode) > best[:2]:
            best = (score, mode, delimiter)
    delimiter = best[2] if best[0] > 0 else (hint or ",")
    if delimiter == "\t" and not _QUOTED_TSV_FIELD.search(text[:65536]):
        return delimiter, None  # a TSV without quoted fields: quotes are data
    return delimiter, '"'


class Records:
    """csv.reader over a LineSource, yielding (start line, fields, multi-line) with clear errors."""

    def __init__(self, source: LineSource, *, delimiter: str, quotechar: str | None, file_name: str,
                 entry: str | None = None) -> None:
        self.source, self.file_name, self.entry = source, file_name, entry
        quoting: Literal[0, 3] = csv.QUOTE_MINIMAL if quotechar else csv.QUOTE_NONE
        self.reader = csv.reader(iter(source), delimiter=delimiter, quotechar=quotechar or '"',
                                 quoting=quoting, doublequote=True, strict=False)

    def __iter__(self) -> Iterator[Record]:
        reader, source, previous = self.reader, self.source, 0
        try:
            for fields in reader:
                line_num = reader.line_num
                if source.exhausted and fields:
                    raise ReadError("unclosed_quote", f"a quoted field opened here is never closed: the remaining "
                                    f"{line_num - previous} line(s) of the file were swallowed",
                                    f"此处开始的引号字段直到文件结束都没有闭合：吞掉了其余 {line_num - previous} 行",
                                    file_name=self.file_name, line=previous + 1, entry=self.entry)
                yield previous + 1, fields, line_num - previous > 1
                previous = line_num
        except csv.Error as error:
            spans = reader.line_num - previous > 1
            code = "unclosed_quote" if spans else "field_too_large"
            raise ReadError(code, f"the record starting here cannot be parsed ({error})"
                            + ("; a quote opened here is probably never closed" if spans else ""),
                            f"从此行开始的记录无法解析（{error}）" + ("；此处的引号可能没有闭合" if spans else ""),
                            file_name=self.file_name, line=previous + 1, entry=self.entry) from None


def _blank(fields: list[str]) -> bool:
    if not fields:
        return True
    first = fields[0]
    if first and not first.isspace():
        return False
    return not "".join(fields).strip()


def cell_problems(names: Iterable[str], values: Iterable[str], limit: int) -> list[RowProblem]:
    problems = []
    for name, value in zip(names, values):
        if "\x00" in value:
            problems.append(RowProblem(NUL_CHARACTER, {"en": f"column {name!r} contains a NUL character",
                                                       "zh": f"列 {name!r} 含有 NUL 字符"}, name))
        if len(value) > limit:
            problems.append(RowProblem(CELL_TOO_LONG, {
                "en": f"column {name!r} has {len(value)} characters, more than {limit}",
                "zh": f"列 {name!r} 有 {len(value)} 个字符，超过上限 {limit}"}, name, limit, len(value)))
    return problems


def width_problem(expected: int, actual: int) -> RowProblem:
    return RowProblem(ROW_WIDTH_MISMATCH, {"en": f"{actual} cells where the header has {expected}",
                                           "zh": f"本行有 {actual} 个单元格，表头有 {expected} 列"},
                      None, expected, actual)


def iter_rows(records: Iterable[Record], names: list[str], source: LineSource, notes: list[Note], *,
              limits: Limits, detect_footer: bool, blank_lines: list[int] | None = None,
              constants: dict[str, str] | None = None, defaults: dict[str, str] | None = None,
              aliases: dict[str, str] | None = None) -> Iterator[RawRow]:
    """The hot loop: records → RawRow, skipping blank lines and (optionally) a trailing footer.

    DwC-A extras: `defaults` fill empty cells, `constants` are added to every row, `aliases` copy
    a column under a second term mapped to the same index.
    """
    special = bool(constants or defaults or aliases)
    width, number, limit = len(names), 0, limits.max_cell_chars
    blanks = list(blank_lines or [])
    blank_count = len(blanks)
    pending: list[Record] = []
    pending_after_blank = last_blank = False

    def build(line: int, fields: list[str], multi: bool) -> RawRow:
        nonlocal number
        number += 1
        cells = dict(zip(names, fields))
        problems: list[RowProblem] = []
        if len(fields) != width:
            problems.append(width_problem(width, len(fields)))
        if source.nul_seen or multi or source.long_line_seen:
            problems += cell_problems(names, fields, limit)
        if aliases:
            cells.update({alias: cells[column] for alias, column in aliases.items() if column in cells})
        if defaults:
            cells.update({k: v for k, v in defaults.items() if not cells.get(k)})
        if constants:
            cells.update(constants)
        return RawRow(number, line, cells, tuple(problems), tuple(fields[width:]))

    for line, fields, multi in records:
        if len(fields) == width and not pending and fields[0] and not fields[0].isspace() and not (
                multi or source.nul_seen or source.long_line_seen or special):
            number += 1  # the common case, kept inline for speed
            yield RawRow(number, line, dict(zip(names, fields)))
            last_blank = False
            continue
        if _blank(fields):
            blank_count += 1
            if len(blanks) < 20:
                blanks.append(line)
            last_blank = True
            continue
        if detect_footer and width >= 3 and len(fields) <= 2 and len(pending) < 1000:
            if not pending:
                pending_after_blank = last_blank
            pending.append((line, fields, multi))
            last_blank = False
            continue
        last_blank = False
        for held in pending:
            yield build(*held)
        pending = []
        yield build(line, fields, multi)
    if pending and (len(pending) > 1 or pending_after_blank or FOOTER_WORDS.search(pending[0][1][0])):
        lines = [p[0] for p in pending]
        notes.append(note("FOOTER_SKIPPED", f"{len(lines)} footer line(s) after the table skipped (lines "
                          f"{lines[0]}-{lines[-1]}: notes, references or totals, not rows)",
                          f"已跳过表格后的 {len(lines)} 行页脚（第 {lines[0]}-{lines[-1]} 行：说明、参考文献或合计，不是数据行）",
                          lines, len(lines)))
    else:
        for held in pending:
            yield build(*held)
    if blank_count:
        notes.append(note("BLANK_LINES_SKIPPED", f"{blank_count} blank line(s) skipped: line(s) "
                          f"{line_list(blanks, blank_count)}", f"已跳过 {blank_count} 个空行：第 "
                          f"{line_list(blanks, blank_count)} 行", blanks, blank_count))


def open_delimited(opener: Callable[[], BinaryIO], sample: bytes, *, complete: bool, file_name: str,
                   limits: Limits, notes: list[Note], hint: str | None = None, encoding: str | None = None,
                   header: list[str] | None = None, entry: str | None = None) -> Table:
    """Open CSV/TSV text: encoding, dialect, header (or `header` given: no header row in the file)."""
    if encoding:
        codec, skip = encoding, 0
        notes.append(note("ENCODING_GIVEN", f"read as {encoding}, the encoding given for it",
                          f"按指定的编码 {encoding} 读取"))
    else:
        detected = detect_encoding(sample, complete=complete, file_name=file_name, entry=entry)
        codec, skip = detected.encoding, detected.bom
        notes.extend(detected.notes)
    text = sample[skip:].decode(codec, "replace")
    delimiter, quotechar = sniff(text, hint)
    newline = newline_style(_QUOTED.sub("", text) if quotechar else text)
    if newline in ("cr", "mixed"):
        notes.append(note("LINE_ENDINGS", f"line endings are {'bare CR (classic Mac)' if newline == 'cr' else 'mixed'}"
                          "; read as line breaks", f"换行符为{'单独的 CR（旧版 Mac）' if newline == 'cr' else '混合'}"
                          "；已按换行处理"))
    ensure_field_limit(2 * limits.max_cell_chars + 1)
    resources = ExitStack()
    raw = resources.enter_context(opener())
    source = LineSource(raw, codec, skip=skip, file_name=file_name, max_line_chars=limits.max_line_chars,
                        long_line=limits.max_cell_chars, entry=entry)
    records = iter(Records(source, delimiter=delimiter, quotechar=quotechar, file_name=file_name, entry=entry))
    try:
        names, buffered, blanks = _choose_header(records, header, file_name, limits, notes, entry)
    except BaseException:
        resources.close()
        raise
    rows = iter_rows(itertools.chain(buffered, records), names, source, notes, limits=limits,
                     detect_footer=True, blank_lines=blanks)
    return Table(format="tsv" if delimiter == "\t" else "csv", file_name=file_name, header=names, rows=rows,
                 notes=notes, encoding=codec, delimiter=delimiter, newline=newline, resources=resources)


def _choose_header(records: Iterator[Record], header: list[str] | None, file_name: str, limits: Limits,
                   notes: list[Note], entry: str | None) -> tuple[list[str], list[Record], list[int]]:
    if header is not None:
        notes.append(note("HEADER_GIVEN", "column names given by the caller; every line is data",
                          "列名由调用方提供；所有行都是数据"))
        return _header.normalize_header(header, file_name=file_name, line=0, max_columns=limits.max_columns,
                                        notes=notes, entry=entry), [], []
    window: list[Record] = []
    blanks: list[int] = []
    for record in records:
        if _blank(record[1]):
            blanks.append(record[0])
            continue
        window.append(record)
        if len(window) >= _header.WINDOW:
            break
    if not window:
        raise ReadError("no_header", "contains no header row (only blank lines)", "没有表头行（只有空行）",
                        file_name=file_name, entry=entry)
    index = _header.find_header([r[1] for r in window], trailing_empty_counts=True)
    line, raw, _ = window[index]
    if index:
        notes.append(_header.preamble_note([r[0] for r in window[:index]]))
    if not _header.looks_like_names(raw):
        notes.append(note("HEADER_LOOKS_LIKE_DATA", "the first line looks like data, not column names; if the "
                          "file has no header row, give the column names", "第一行看起来是数据而不是列名；"
                          "若文件没有表头行，请提供列名", [line]))
    names = _header.normalize_header(raw, file_name=file_name, line=line, max_columns=limits.max_columns,
                                     notes=notes, entry=entry)
    # blank lines before the header are reported with the others; those after it are re-read in order
    before = [b for b in blanks if b < line]
    rest = [r for r in window[index + 1:]] + [(b, [], False) for b in blanks if b > line]
    rest.sort(key=lambda r: r[0])
    return names, rest, before
