"""Readers: `open_table(path)` detects the format from content and streams a header and raw rows.

Formats: csv, tsv (delimited text), xlsx (first sheet), json (array elements or one object = rows),
jsonl (one object per line), dwca (Darwin Core Archive, or a zip holding one Simple DwC table).
The file extension is only a hint; when it disagrees with the content a FILE_TYPE_MISMATCH note
says so. A file that cannot be read at all raises ReadError with a stable `code`.
"""
from __future__ import annotations

import codecs
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Iterator

from ._archive import SafeZip
from ._model import (CELL_TOO_LONG, JSON_INVALID, NUL_CHARACTER, ROW_WIDTH_MISMATCH, Extension, Limits, Note,
                     RawRow, ReadError, RowProblem, Table, note)
from .delimited import open_delimited
from .encoding import LineSource, detect_encoding

__all__ = ["open_table", "Table", "RawRow", "RowProblem", "Note", "ReadError", "Limits", "Extension",
           "ROW_WIDTH_MISMATCH", "NUL_CHARACTER", "CELL_TOO_LONG", "JSON_INVALID"]

EXPECTED = {".csv": {"csv", "tsv"}, ".tsv": {"tsv", "csv"}, ".tab": {"tsv", "csv"}, ".txt": {"csv", "tsv"},
            ".xlsx": {"xlsx"}, ".xlsm": {"xlsx"}, ".json": {"json", "jsonl"}, ".jsonl": {"jsonl", "json"},
            ".ndjson": {"jsonl", "json"}, ".zip": {"dwca"}}
BINARY = [(b"\xd0\xcf\x11\xe0", "a legacy Office file (.xls 97-2003?); save it as .xlsx or CSV",
           "旧版 Office 文件（.xls 97-2003？）；请另存为 .xlsx 或 CSV"),
          (b"%PDF", "a PDF document", "PDF 文档"), (b"\x1f\x8b", "a gzip file", "gzip 文件"),
          (b"7z\xbc\xaf", "a 7-Zip archive", "7-Zip 压缩包"), (b"Rar!", "a RAR archive", "RAR 压缩包"),
          (b"BZh", "a bzip2 file", "bzip2 文件"), (b"\xfd7zXZ", "an xz file", "xz 文件"),
          (b"\x7fELF", "an executable", "可执行文件"), (b"\x89PNG", "a PNG image", "PNG 图片"),
          (b"\xff\xd8\xff", "a JPEG image", "JPEG 图片"), (b"GIF8", "a GIF image", "GIF 图片"),
          (b"SQLite format 3\x00", "an SQLite database", "SQLite 数据库")]


def open_table(path: Path | str, *, file_name: str | None = None, limits: Limits = Limits(),
               header: list[str] | None = None, encoding: str | None = None) -> Table:
    """Open an uploaded file; use as a context manager. `header` gives the column names of a
    delimited file or sheet that has no header row; `encoding` overrides detection for text."""
    path = Path(path)
    file_name = file_name or path.name
    suffix = Path(file_name).suffix.lower()
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise ReadError("encoding_undetectable", f"the encoding {encoding!r} given for it is unknown",
                            f"为其指定的编码 {encoding!r} 未知", file_name=file_name) from None
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ReadError("file_too_large", f"is {size} bytes, more than the limit of {limits.max_file_bytes}",
                        f"大小为 {size} 字节，超过上限 {limits.max_file_bytes}", file_name=file_name)
    with open(path, "rb") as handle:
        sample = handle.read(limits.sample_bytes)
    if not sample:
        raise ReadError("empty_file", "is empty (0 bytes)", "是空文件（0 字节）", file_name=file_name)
    notes: list[Note] = []
    if sample[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        table = _open_zip(path, file_name, limits, notes, header)
    else:
        kinds = [(en, zh) for magic, en, zh in BINARY if sample.startswith(magic)]
        if sample[:2] == b"MZ" and b"\x00" in sample[:64]:
            kinds.append(("an executable", "可执行文件"))
        if kinds:
            raise ReadError("unsupported_format", f"is {kinds[0][0]}, not a table (CSV, TSV, XLSX, JSON, JSON "
                            "Lines or Darwin Core Archive)", f"是{kinds[0][1]}，不是表格文件（CSV、TSV、XLSX、JSON、"
                            "JSON Lines 或达尔文核心存档）", file_name=file_name)
        table = _open_text(path, sample, size <= len(sample), file_name, limits, notes, header, encoding, suffix)
    expected = EXPECTED.get(suffix)
    if expected and table.format not in expected:
        notes.insert(0, note("FILE_TYPE_MISMATCH", f"the name ends in {suffix} but the content is {table.format}; "
                             f"read as {table.format}", f"文件名以 {suffix} 结尾，但内容是 {table.format}；"
                             f"已按 {table.format} 读取"))
    if header is not None and table.format not in ("csv", "tsv", "xlsx"):
        notes.append(note("HEADER_OVERRIDE_IGNORED", f"column names given for a {table.format} file are ignored",
                          f"为 {table.format} 文件提供的列名被忽略"))
    return table


def _open_zip(path: Path, file_name: str, limits: Limits, notes: list[Note], header: list[str] | None) -> Table:
    from .dwc_archive import open_dwca
    from .excel import open_xlsx

    archive = SafeZip(path, file_name=file_name, limits=limits)
    names = set(archive.names())
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return open_xlsx(path, archive, file_name=file_name, limits=limits, notes=notes, header=header)
    if "mimetype" in names or "[Content_Types].xml" in names:
        archive.close()
        raise ReadError("unsupported_format", "is an office document that is not an XLSX workbook (ODS, XLSB, "
                        "DOCX…); save it as .xlsx or CSV", "是非 XLSX 的办公文档（ODS、XLSB、DOCX 等）；请另存为 .xlsx 或 CSV",
                        file_name=file_name)
    return open_dwca(path, archive, file_name=file_name, limits=limits, notes=notes)


def _open_text(path: Path, sample: bytes, complete: bool, file_name: str, limits: Limits, notes: list[Note],
               header: list[str] | None, encoding: str | None, suffix: str) -> Table:
    detected = detect_encoding(sample, complete=complete, file_name=file_name) if encoding is None else None
    codec = encoding or detected.encoding  # type: ignore[union-attr]
    skip = detected.bom if detected else 0
    text = sample[skip:].decode(codec, "replace").lstrip(" \t\r\n\ufeff")
    if not text:
        raise ReadError("empty_file", "contains only blank space", "只包含空白", file_name=file_name)
    first = text[0]
    if first == "<":
        raise ReadError("unsupported_format", "is XML or HTML, not a table", "是 XML 或 HTML，不是表格文件",
                        file_name=file_name)
    if first not in "[{":
        return open_delimited(lambda: open(path, "rb"), sample, complete=complete, file_name=file_name,
                              limits=limits, notes=notes, hint={".tsv": "\t", ".tab": "\t"}.get(suffix, ","),
                              encoding=encoding, header=header)
    from .jsonl import json_rows, jsonl_rows

    if detected:
        notes.extend(detected.notes)

    kind = "jsonl" if first == "{" and _is_jsonl(text, suffix) else "json"

    def text_source() -> Iterator[str]:
        """Lines for JSON Lines, raw decoded chunks for JSON (a one-line array may be huge)."""
        with open(path, "rb") as raw:
            source = LineSource(raw, codec, skip=skip, file_name=file_name, max_line_chars=limits.max_line_chars,
                                long_line=limits.max_cell_chars)
            yield from (source if kind == "jsonl" else source.chunks())

    read: Callable[..., tuple[list[str], Iterator[RawRow]]] = jsonl_rows if kind == "jsonl" else json_rows
    names, rows = read(text_source, file_name=file_name, limits=limits, notes=notes)
    return Table(format=kind, file_name=file_name, header=names, rows=rows, notes=notes, encoding=codec,
                 resources=ExitStack())


def _is_jsonl(text: str, suffix: str) -> bool:
    """One complete object on the first line and another line starting with '{' (or a .jsonl name)."""
    import json

    if suffix in (".jsonl", ".ndjson"):
        return True
    head, _, rest = text.partition("\n")
    try:
        value = json.loads(head)
    except ValueError:
        return False
    return isinstance(value, dict) and rest.lstrip().startswith("{")

