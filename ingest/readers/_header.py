"""Header row choice (skipping a title or download-metadata preamble) and header name clean-up."""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from ._model import Note, ReadError, line_list, note

WINDOW = 30  # non-blank records looked at to choose the header
MAX_PREAMBLE = 20
_NUMBER = re.compile(r"^[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def width(cells: Sequence[str], trailing_empty_counts: bool) -> int:
    """Cell count; for spreadsheets (trailing_empty_counts=False) up to the last non-empty cell."""
    if trailing_empty_counts:
        return len(cells)
    for index in range(len(cells) - 1, -1, -1):
        if cells[index].strip():
            return index + 1
    return 0


def nonempty(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def looks_like_names(cells: Sequence[str]) -> bool:
    """Mostly non-numeric, non-date text: what column names look like."""
    values = [c.strip() for c in cells if c.strip()]
    if not values:
        return False
    data_like = sum(1 for v in values if _NUMBER.match(v) or _DATE.match(v))
    return data_like * 2 < len(values)


def find_header(records: Sequence[Sequence[str]], *, trailing_empty_counts: bool) -> int:
    """Index of the header among the first non-blank records.

    The header is the first record that looks like names and whose width fits the bulk of the
    records after it (at least half of them are no wider and more than half as wide). Records
    before it must look like a preamble: narrower than the header and at most max(2, width/3)
    filled cells, or a `#` comment; such a header holds no number. Otherwise the first record is the header.
    """
    widths = [width(r, trailing_empty_counts) for r in records]
    for index in range(min(len(records), MAX_PREAMBLE + 1)):
        w = widths[index]
        following = widths[index + 1:]
        if w < 1 or not looks_like_names(records[index]):
            continue
        fits = sum(1 for x in following if w / 2 < x <= w)
        if following and fits * 2 < len(following):
            continue
        if index == 0:
            return 0
        if any(_NUMBER.match(c.strip()) for c in records[index]):
            continue  # below a preamble the header must not hold numbers
        if all(_preamble_like(records[i], widths[i], w) for i in range(index)):
            return index
        break
    return 0


def _preamble_like(cells: Sequence[str], w: int, header_width: int) -> bool:
    first = next((c.strip() for c in cells if c.strip()), "")
    if first.startswith("#"):
        return True
    return w < header_width and nonempty(cells) <= max(2, header_width // 3)


def preamble_note(lines: list[int], unit: str = "line") -> Note:
    zh_unit = "行" if unit == "line" else "行（工作表行号）"
    return note("PREAMBLE_SKIPPED", f"{len(lines)} {unit}(s) before the header skipped (title or download "
                f"metadata): {unit}(s) {line_list(lines, len(lines))}",
                f"已跳过表头前的 {len(lines)} 行（标题或下载元数据）：第 {line_list(lines, len(lines))} {zh_unit}", lines)


def normalize_header(raw: Sequence[str], *, file_name: str, line: int, max_columns: int,
                     notes: list[Note], entry: str | None = None) -> list[str]:
    """Strip names, name empty ones `column_N`, rename duplicates `name (2)`; notes say what changed."""
    if len(raw) > max_columns:
        raise ReadError("too_many_columns", f"the header has {len(raw)} columns, more than {max_columns}",
                        f"表头有 {len(raw)} 列，超过上限 {max_columns}", file_name=file_name, line=line, entry=entry)
    names = [cell.replace("\ufeff", "").strip() for cell in raw]
    if not any(names):
        raise ReadError("no_header", "the header row has no usable column name", "表头行没有可用的列名",
                        file_name=file_name, line=line, entry=entry)
    empty = [i + 1 for i, name in enumerate(names) if not name]
    taken = set(names)
    for position in empty:
        candidate, k = f"column_{position}", 2
        while candidate in taken:
            candidate, k = f"column_{position}_{k}", k + 1
        names[position - 1] = candidate
        taken.add(candidate)
    if empty:
        cols = ", ".join(map(str, empty))
        notes.append(note("HEADER_EMPTY_NAMED", f"empty column name(s) at position(s) {cols} named column_N",
                          f"第 {cols} 列的列名为空，已命名为 column_N", [line], len(empty)))
    seen: set[str] = set()
    renamed = []
    for index, name in enumerate(names):
        if name in seen:
            k = 2
            while f"{name} ({k})" in taken:
                k += 1
            names[index] = f"{name} ({k})"
            taken.add(names[index])
            renamed.append(f"{name!r} → {names[index]!r} (column {index + 1})")
        seen.add(names[index])
    if renamed:
        notes.append(note("HEADER_DUPLICATE_RENAMED", "duplicate column names renamed: " + "; ".join(renamed),
                          "重复列名已重命名：" + "；".join(renamed), [line], len(renamed)))
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault("".join(unicodedata.normalize("NFKC", name).casefold().split()), []).append(name)
    similar = ["/".join(repr(n) for n in group) for group in groups.values() if len(group) > 1]
    if similar:
        notes.append(note("HEADER_SIMILAR_NAMES", "column names that differ only by case, width or spaces: "
                          + "; ".join(similar), "仅大小写、全半角或空格不同的列名：" + "；".join(similar), [line],
                          len(similar)))
    return names
