"""XLSX first sheet via openpyxl (read-only, cached formula values, defusedxml), cells turned into strings."""
from __future__ import annotations

import datetime as dt
import itertools
import warnings
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Iterator

from defusedxml import DefusedXmlException

from . import _header
from ._archive import SafeZip
from ._model import Limits, Note, RawRow, ReadError, Table, line_list, note
from .delimited import cell_problems, width_problem


def cell_text(value: Any) -> str:
    """Excel value → string: ISO 8601 dates (date only at midnight), 12.0 → "12", true/false."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _load(path: Path, file_name: str) -> Any:
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a requirement
        raise ReadError("unsupported_format", "XLSX cannot be read safely: defusedxml is not installed",
                        "无法安全读取 XLSX：未安装 defusedxml", file_name=file_name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise _failure(error, path, file_name, "is not a readable XLSX workbook", "不是可读取的 XLSX 工作簿") from None


def _failure(error: BaseException, path: Path, file_name: str, en: str, zh: str) -> ReadError:
    """A ReadError for an openpyxl failure: entity attacks by their own code; no server path shown."""
    chain: BaseException | None = error
    while chain is not None:
        if isinstance(chain, ReadError):
            return chain
        if isinstance(chain, DefusedXmlException):
            return ReadError("xml_entities_forbidden", "the workbook XML declares entities or external references",
                             "工作簿的 XML 声明了实体或外部引用", file_name=file_name)
        chain = chain.__cause__ or chain.__context__
    detail = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}".replace(str(path), file_name)
    return ReadError("unsupported_format", f"{en} ({detail})", f"{zh}（{detail}）", file_name=file_name)


def open_xlsx(path: Path, archive: SafeZip, *, file_name: str, limits: Limits, notes: list[Note],
              header: list[str] | None = None) -> Table:
    """First sheet only; the others are listed in a note. The zip was checked and drained by the caller."""
    if any(name.lower().endswith("vbaproject.bin") for name in archive.names()):
        raise ReadError("unsupported_format", "is a macro-enabled workbook (contains VBA); save it as a plain .xlsx",
                        "是含宏的工作簿（包含 VBA）；请另存为普通 .xlsx", file_name=file_name)
    archive.drain()
    archive.close()
    resources = ExitStack()
    workbook = _load(path, file_name)
    resources.callback(workbook.close)
    sheet = workbook.worksheets[0]
    if len(workbook.sheetnames) > 1:
        others = ", ".join(workbook.sheetnames[1:])
        notes.append(note("OTHER_SHEETS_IGNORED", f"only the first sheet {sheet.title!r} is read; ignored: {others}",
                          f"只读取第一个工作表 {sheet.title!r}；已忽略：{others}", count=len(workbook.sheetnames) - 1))
    if getattr(sheet, "sheet_state", "visible") != "visible":
        notes.append(note("FIRST_SHEET_HIDDEN", f"the first sheet {sheet.title!r} is hidden",
                          f"第一个工作表 {sheet.title!r} 是隐藏的"))
    sheet.reset_dimensions()  # do not trust the stored dimension: read every row present
    try:
        records = _records(sheet, path, file_name)
        names, buffered, blanks = _choose_header(records, header, file_name, limits, notes)
    except BaseException:
        resources.close()
        raise
    rows = _rows(buffered, records, names, notes, blanks, limits)
    return Table(format="xlsx", file_name=file_name, header=names, rows=rows, notes=notes, sheet=sheet.title,
                 resources=resources)


def _records(sheet: Any, path: Path, file_name: str) -> Iterator[tuple[int, list[str]]]:
    try:
        values_iter = sheet.iter_rows(values_only=True)
        number = 0
        while True:
            with warnings.catch_warnings():  # openpyxl warns about extensions it drops (not our concern)
                warnings.simplefilter("ignore", UserWarning)
                values = next(values_iter, None)
            if values is None:
                return
            number += 1
            yield number, [cell_text(v) for v in values]
    except Exception as error:
        raise _failure(error, path, file_name, "the first sheet cannot be read", "无法读取第一个工作表") from None


def _choose_header(records: Iterator[tuple[int, list[str]]], header: list[str] | None, file_name: str,
                   limits: Limits, notes: list[Note]) -> tuple[list[str], list[tuple[int, list[str]]], list[int]]:
    if header is not None:
        notes.append(note("HEADER_GIVEN", "column names given by the caller; every row is data",
                          "列名由调用方提供；所有行都是数据"))
        return _header.normalize_header(header, file_name=file_name, line=0, max_columns=limits.max_columns,
                                        notes=notes), [], []
    window: list[tuple[int, list[str]]] = []
    blanks: list[int] = []
    for number, cells in records:
        if not _header.nonempty(cells):
            blanks.append(number)
            continue
        window.append((number, cells))
        if len(window) >= _header.WINDOW:
            break
    if not window:
        raise ReadError("no_header", "the first sheet is empty", "第一个工作表是空的", file_name=file_name)
    index = _header.find_header([c for _, c in window], trailing_empty_counts=False)
    row, raw = window[index]
    if index:
        notes.append(_header.preamble_note([n for n, _ in window[:index]], "sheet row"))
    raw = raw[:_header.width(raw, False)]
    names = _header.normalize_header(raw, file_name=file_name, line=row, max_columns=limits.max_columns,
                                     notes=notes)
    rest = window[index + 1:] + [(b, []) for b in blanks if b > row]
    rest.sort(key=lambda r: r[0])
    return names, rest, [b for b in blanks if b < row]


def _rows(buffered: list[tuple[int, list[str]]], records: Iterator[tuple[int, list[str]]], names: list[str],
          notes: list[Note], blanks: list[int], limits: Limits) -> Iterator[RawRow]:
    width, number, blank_count = len(names), 0, len(blanks)
    for line, cells in itertools.chain(buffered, records):
        if not _header.nonempty(cells):
            blank_count += 1
            if len(blanks) < 20:
                blanks.append(line)
            continue
        number += 1
        used = _header.width(cells, False)
        values = cells[:width] + [""] * (width - len(cells))
        problems = [width_problem(width, used)] if used > width else []
        problems += cell_problems(names, values, limits.max_cell_chars)
        yield RawRow(number, line, dict(zip(names, values)), tuple(problems), tuple(cells[width:used]))
    if blank_count:
        notes.append(note("BLANK_LINES_SKIPPED", f"{blank_count} blank sheet row(s) skipped: row(s) "
                          f"{line_list(blanks, blank_count)}", f"已跳过 {blank_count} 个空行：第 "
                          f"{line_list(blanks, blank_count)} 行", blanks, blank_count))

