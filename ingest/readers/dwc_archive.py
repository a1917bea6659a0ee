"""Darwin Core Archives read in place: meta.xml-driven core and extensions, EML metadata, Simple DwC zips."""
from __future__ import annotations

import codecs
import itertools
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from ._archive import SafeZip
from ._meta import FileSpec, dataset_metadata, parse_meta, parse_xml
from ._model import Extension, Limits, Note, RawRow, ReadError, Table, note
from .delimited import Records, ensure_field_limit, iter_rows, open_delimited
from .encoding import LineSource

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")
SIMPLE_DWC_TERMS = {"occurrenceid", "catalognumber", "scientificname", "basisofrecord", "eventdate",
                    "decimallatitude", "decimallongitude", "countrycode", "institutioncode", "collectioncode",
                    "recordedby", "locality", "taxonid", "materialsampleid", "eventid", "kingdom"}


def _visible(name: str) -> bool:
    parts = name.split("/")
    return not any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _base(names: list[str]) -> str | None:
    """'' when meta.xml is at the root, 'folder/' when the archive is wrapped in one folder, else None."""
    if "meta.xml" in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names if _visible(n)}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/meta.xml" in names:
            return f"{top}/"
    return None


def open_dwca(path: Path, archive: SafeZip, *, file_name: str, limits: Limits, notes: list[Note]) -> Table:
    archive.forbid_nested()
    names = archive.names()
    base = _base(names)
    if base is None:
        return _simple_dwc(archive, names, file_name=file_name, limits=limits, notes=notes)
    if base:
        notes.append(note("ARCHIVE_FOLDER", f"the archive is wrapped in the folder {base!r}",
                          f"压缩包内容位于文件夹 {base!r} 中"))
    meta_entry = f"{base}meta.xml"
    members = set(names)
    core, extensions, metadata = parse_meta(archive.read(meta_entry, limits.max_record_bytes), base, members,
                                            file_name=file_name, entry=meta_entry)
    if metadata is None:
        metadata = next((f"{base}{n}" for n in ("eml.xml", "metadata.xml") if f"{base}{n}" in members), None)
    dataset = {}
    if metadata:
        try:
            root = parse_xml(archive.read(metadata, limits.max_record_bytes), file_name=file_name, entry=metadata)
            dataset = dataset_metadata(root, metadata)
        except ReadError as error:
            if error.code != "xml_invalid":
                raise  # entities, bombs, truncation stay fatal
            notes.append(note("METADATA_UNREADABLE", f"{metadata} is not well-formed XML; dataset metadata "
                              f"skipped ({error.message['en']})", f"{metadata} 不是格式正确的 XML，已跳过数据集元数据"))
    used = {meta_entry, metadata, *core.locations, *(loc for e in extensions for loc in e.locations)}
    ignored = [n for n in names if n not in used]
    if ignored:
        notes.append(note("ARCHIVE_ENTRIES_IGNORED", f"{len(ignored)} archive entr(y/ies) not described by "
                          f"meta.xml ignored: {', '.join(ignored[:10])}{' …' if len(ignored) > 10 else ''}",
                          f"已忽略 meta.xml 未描述的 {len(ignored)} 个压缩包成员：{'、'.join(ignored[:10])}",
                          count=len(ignored)))
    resources = ExitStack()
    resources.callback(archive.close)
    try:
        opened = _spec_rows(archive, core, file_name=file_name, limits=limits, notes=notes)
        exts = [_extension(archive, spec, file_name=file_name, limits=limits) for spec in extensions]
    except BaseException:
        resources.close()
        raise
    first = core.locations[0]
    return Table(format="dwca", file_name=file_name, header=opened.header, rows=opened.rows, notes=notes,
                 encoding=core.encoding, delimiter=core.delimiter, dataset=dataset, extensions=exts,
                 entry=first, resources=resources)


@dataclass
class _Columns:
    names: list[str]  # one per column of the file: term IRI, "id"/"coreid" or column_N
    constants: dict[str, str]  # <field default=…> without index
    defaults: dict[str, str]  # <field index=… default=…>: value for empty cells
    aliases: dict[str, str]  # a second term mapped to an already named column


def _columns(spec: FileSpec, columns: int, entry: str, file_name: str) -> _Columns:
    """Column names by index (term IRIs), constant fields, per-column defaults and aliases."""
    names: list[str | None] = [None] * columns
    result = _Columns([], {}, {}, {})
    indexes = [(i, "id" if spec.kind == "core" else "coreid") for i in [spec.id_index] if i is not None]
    for index, term, default in spec.fields:
        if index is None:
            result.constants[term] = default or ""
            continue
        indexes.append((index, term))
        if default is not None:
            result.defaults[term] = default
    for index, term in indexes:
        if index >= columns:
            raise ReadError("meta_xml_invalid", f"meta.xml maps {term!r} to column index {index}, but {entry} has "
                            f"only {columns} column(s)", f"meta.xml 将 {term!r} 映射到第 {index} 列（从 0 起），但 "
                            f"{entry} 只有 {columns} 列", file_name=file_name, entry=entry, attribute="index")
        if names[index] is None or names[index] in ("id", "coreid"):
            names[index] = term
        elif term not in ("id", "coreid"):
            result.aliases[term] = names[index]  # type: ignore[assignment]
    result.names = [name or f"column_{i + 1}" for i, name in enumerate(names)]
    return result


@dataclass
class _Opened:
    header: list[str]
    id_column: str | None
    rows: Iterator[RawRow]
    close: Callable[[], None]


def _spec_rows(archive: SafeZip, spec: FileSpec, *, file_name: str, limits: Limits, notes: list[Note]) -> _Opened:
    """Header and rows of a core/extension; the column count comes from its first line."""
    ensure_field_limit(2 * limits.max_cell_chars + 1)
    entry = spec.locations[0]
    stream, source, records = _open_records(archive, spec, entry, file_name, limits, notes)
    skipped = list(itertools.islice(records, spec.ignore_header_lines))
    first = next(records, None)
    declared = [i for i in [spec.id_index, *(f[0] for f in spec.fields)] if i is not None]
    columns = len(skipped[-1][1]) if skipped else len(first[1]) if first else max(declared, default=0) + 1
    if columns > limits.max_columns:
        stream.close()
        raise ReadError("too_many_columns", f"{columns} columns, more than {limits.max_columns}",
                        f"{columns} 列，超过上限 {limits.max_columns}", file_name=file_name, entry=entry)
    try:
        found = _columns(spec, columns, entry, file_name)
    except ReadError:
        stream.close()
        raise
    names = found.names
    if spec.kind == "core":
        unnamed = [n for n in names if n.startswith("column_")]
        if unnamed:
            notes.append(note("COLUMNS_WITHOUT_TERM", f"{len(unnamed)} column(s) of {entry} have no term in "
                              f"meta.xml: {', '.join(unnamed[:10])}", f"{entry} 有 {len(unnamed)} 列在 meta.xml 中"
                              f"没有术语：{'、'.join(unnamed[:10])}", count=len(unnamed)))
        if spec.ignore_header_lines == 0:
            notes.append(note("NO_HEADER_ROW", f"{entry} has no header line (ignoreHeaderLines=0): column names "
                              "are the terms declared in meta.xml", f"{entry} 没有表头行（ignoreHeaderLines=0）："
                              "列名取自 meta.xml 中声明的术语", [1]))

    def rows() -> Iterator[RawRow]:
        number = 0
        streams = [stream]
        try:
            for index, location in enumerate(spec.locations):
                recs: Iterator[tuple[int, list[str], bool]]
                if index == 0:
                    src, recs = source, itertools.chain([first] if first else [], records)
                else:
                    more, src, recs = _open_records(archive, spec, location, file_name, limits, notes)
                    streams.append(more)
                    recs = itertools.islice(recs, spec.ignore_header_lines, None)
                for row in iter_rows(recs, names, src, notes, limits=limits, detect_footer=False,
                                     constants=found.constants, defaults=found.defaults, aliases=found.aliases):
                    number += 1
                    yield row if number == row.number else RawRow(number, row.line, row.cells, row.problems,
                                                                  row.extra)
        finally:
            for opened in streams:
                opened.close()

    id_column = names[spec.id_index] if spec.id_index is not None else None
    extra = [t for t in [*found.aliases, *found.constants] if t not in names]
    return _Opened(names + extra, id_column, rows(), stream.close)


def _open_records(archive: SafeZip, spec: FileSpec, entry: str, file_name: str, limits: Limits, notes: list[Note]
                  ) -> tuple[BinaryIO, LineSource, Iterator[tuple[int, list[str], bool]]]:
    with archive.open(entry) as member:
        sample = member.read(limits.sample_bytes)
    skip = 0
    if spec.encoding == "utf-8" and sample.startswith(codecs.BOM_UTF8):
        skip = 3
        notes.append(note("BOM_REMOVED", f"UTF-8 byte-order mark removed from {entry}",
                          f"已去除 {entry} 的 UTF-8 字节顺序标记 (BOM)", [1]))
    try:
        codecs.getincrementaldecoder(spec.encoding)("strict").decode(sample[skip:], len(sample) < limits.sample_bytes)
    except UnicodeDecodeError as error:
        line = sample[:error.start].count(b"\n") + 1
        raise ReadError("encoding_invalid", f"is not valid {spec.encoding} as meta.xml declares (encoding "
                        "attribute)", f"不是 meta.xml 声明的 {spec.encoding} 编码（encoding 属性）",
                        file_name=file_name, entry=entry, line=line) from None
    stream = archive.open(entry)
    source = LineSource(stream, spec.encoding, skip=skip, file_name=file_name, entry=entry,
                        max_line_chars=limits.max_line_chars, long_line=limits.max_cell_chars)
    records = iter(Records(source, delimiter=spec.delimiter, quotechar=spec.quotechar, file_name=file_name,
                           entry=entry))
    return stream, source, records


def _extension(archive: SafeZip, spec: FileSpec, *, file_name: str, limits: Limits) -> Extension:
    opened = _spec_rows(archive, spec, file_name=file_name, limits=limits, notes=[])
    opened.close()

    def open_rows() -> Iterator[RawRow]:
        return _spec_rows(archive, spec, file_name=file_name, limits=limits, notes=[]).rows

    return Extension(spec.row_type, spec.locations[0], opened.header, opened.id_column or "coreid", open_rows)


def _simple_dwc(archive: SafeZip, names: list[str], *, file_name: str, limits: Limits, notes: list[Note]) -> Table:
    """A zip without meta.xml holding one CSV/TSV whose header uses Darwin Core term names."""
    tables = [n for n in names if _visible(n) and n.lower().endswith(TABLE_SUFFIXES)]
    if len(tables) != 1:
        archive.close()
        raise ReadError("unsupported_format", f"is a zip archive without meta.xml and with {len(tables)} table "
                        "files; expected a Darwin Core Archive or one CSV/TSV (Simple Darwin Core)",
                        f"是没有 meta.xml 的 zip 压缩包，含 {len(tables)} 个表格文件；应为达尔文核心存档或单个 CSV/TSV",
                        file_name=file_name)
    entry = tables[0]
    with archive.open(entry) as member:
        sample = member.read(limits.sample_bytes)
    hint = "\t" if entry.lower().endswith((".tsv", ".tab", ".txt")) else ","
    try:
        table = open_delimited(lambda: archive.open(entry), sample, complete=len(sample) < limits.sample_bytes,
                               file_name=file_name, limits=limits, notes=notes, hint=hint, entry=entry)
    except BaseException:
        archive.close()
        raise
    local_names = {h.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for h in table.header}
    if not local_names & SIMPLE_DWC_TERMS:
        table.close()
        archive.close()
        raise ReadError("unsupported_format", f"the only table {entry!r} has no Darwin Core column names and the "
                        "zip has no meta.xml", f"唯一的表格 {entry!r} 没有达尔文核心列名，且压缩包中没有 meta.xml",
                        file_name=file_name)
    notes.append(note("SIMPLE_DWC", f"no meta.xml: {entry} read as Simple Darwin Core (its header names the terms)",
                      f"没有 meta.xml：{entry} 按简单达尔文核心读取（表头即术语名）"))
    table.format, table.entry = "dwca", entry
    table._resources.callback(archive.close)
    return table
