"""Data types shared by the readers: limits, raw rows, row problems, notes, errors and the Table."""
from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

MiB = 1 << 20
ROW_WIDTH_MISMATCH = "ROW_WIDTH_MISMATCH"
NUL_CHARACTER = "NUL_CHARACTER"
CELL_TOO_LONG = "CELL_TOO_LONG"
JSON_INVALID = "JSON_INVALID"
KEY_COLLISION = "KEY_COLLISION"


@dataclass(frozen=True)
class Limits:
    """Hard limits; crossing one gives a ReadError (or a row problem for a single long cell)."""

    max_file_bytes: int = 1024 * MiB
    max_uncompressed_bytes: int = 4096 * MiB  # total bytes read out of an archive
    max_entries: int = 10_000  # members of a zip
    max_ratio: int = 200  # uncompressed / compressed, for members above ratio_min_bytes
    ratio_min_bytes: int = 1 * MiB
    max_cell_chars: int = 1 * MiB
    max_line_chars: int = 16 * MiB
    max_columns: int = 10_000
    max_json_depth: int = 32
    max_json_int_digits: int = 100
    max_record_bytes: int = 16 * MiB  # one JSON element / one XML document read into memory
    sample_bytes: int = 1 * MiB  # decoded strictly before any row is returned


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A structural problem of one row; the row is still returned."""

    code: str
    message: dict[str, str]
    column: str | None = None
    expected: int | None = None
    actual: int | None = None


@dataclass(frozen=True, slots=True)
class RawRow:
    """One data row: 1-based data row `number`, physical `line` (sheet row for XLSX), raw cells."""

    number: int
    line: int
    cells: dict[str, str]
    problems: tuple[RowProblem, ...] = ()
    extra: tuple[str, ...] = ()  # cells beyond the header width (kept, never dropped)


@dataclass(frozen=True)
class Note:
    """Something skipped or fixed while reading (not an error)."""

    code: str
    message: dict[str, str]
    lines: tuple[int, ...] = ()  # the first line numbers concerned (at most 20)
    count: int = 0


def where(file_name: str, line: int | None = None, entry: str | None = None,
          attribute: str | None = None) -> tuple[str, str]:
    en, zh = file_name, file_name
    if entry:
        en, zh = f"{en}, entry {entry}", f"{zh}，压缩包成员 {entry}"
    if line is not None:
        en, zh = f"{en}, line {line}", f"{zh}，第 {line} 行"
    if attribute:
        en, zh = f"{en}, {attribute}", f"{zh}，{attribute}"
    return en, zh


class ReadError(Exception):
    """The file cannot be read at all. `code` is stable snake_case; `message` has "en" and "zh"."""

    def __init__(self, code: str, en: str, zh: str, *, file_name: str, line: int | None = None,
                 entry: str | None = None, attribute: str | None = None) -> None:
        w_en, w_zh = where(file_name, line, entry, attribute)
        self.code = code
        self.line = line
        self.entry = entry
        self.attribute = attribute
        self.file_name = file_name
        self.message = {"en": f"{w_en}: {en}", "zh": f"{w_zh}：{zh}"}
        super().__init__(self.message["en"])


def note(code: str, en: str, zh: str, lines: list[int] | tuple[int, ...] = (), count: int = 0) -> Note:
    return Note(code, {"en": en, "zh": zh}, tuple(lines[:20]), count or len(lines))


def line_list(lines: list[int] | tuple[int, ...], count: int) -> str:
    shown = ", ".join(str(n) for n in lines[:20])
    return shown + (", …" if count > len(lines[:20]) else "")


@dataclass
class Extension:
    """A DwC-A extension file; `rows()` streams (core_id, cells), `raw_rows()` streams RawRow."""

    row_type: str
    file: str
    header: list[str]
    core_id_column: str
    _open_rows: Callable[[], Iterator[RawRow]] = field(repr=False)

    def raw_rows(self) -> Iterator[RawRow]:
        return self._open_rows()

    def rows(self) -> Iterator[tuple[str, dict[str, str]]]:
        for row in self._open_rows():
            yield row.cells.get(self.core_id_column, ""), row.cells


class Table:
    """An opened file: format, header, a one-shot `rows` generator and what was skipped (`notes`).

    `notes` grows while `rows` is consumed (blank lines, footer): read it after the rows.
    `rows` may raise ReadError mid-stream (a decoding error or an unclosed quote found late).
    """

    def __init__(self, *, format: str, file_name: str, header: list[str], rows: Iterator[RawRow],
                 notes: list[Note], encoding: str | None = None, delimiter: str | None = None,
                 newline: str | None = None, sheet: str | None = None, entry: str | None = None,
                 dataset: dict[str, Any] | None = None, extensions: list[Extension] | None = None,
                 resources: ExitStack | None = None) -> None:
        self.format = format
        self.file_name = file_name
        self.header = header
        self.rows = rows
        self.notes = notes
        self.encoding = encoding
        self.delimiter = delimiter
        self.newline = newline
        self.sheet = sheet  # XLSX: the sheet read
        self.entry = entry  # DwC-A: the archive member of the core (or of the Simple DwC table)
        self.dataset = dataset or {}
        self.extensions = extensions or []
        self._resources = resources or ExitStack()

    def note_codes(self) -> list[str]:
        return [n.code for n in self.notes]

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close:
            close()
        self._resources.close()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Table {self.file_name!r} {self.format} {len(self.header)} columns>"
