"""Fixtures of the reader tests: the real files folder and a helper that reads a whole table."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.readers import RawRow, Table, open_table

REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real"


def real_file(relative: str) -> Path:
    path = REAL / relative
    if not path.is_file():
        pytest.skip(f"real data file {path} is absent (the shared data folder is not mounted)")
    return path


def read_all(path: Path, **options: Any) -> tuple[Table, list[RawRow]]:
    """Open, consume every row, close; notes are complete afterwards."""
    with open_table(path, **options) as table:
        rows = list(table.rows)
    return table, rows


def codes(table: Table) -> list[str]:
    return [n.code for n in table.notes]


def note_of(table: Table, code: str):
    found = [n for n in table.notes if n.code == code]
    assert found, f"no {code} note in {codes(table)}"
    return found[0]


# --- zip builders and an audit hook that sees every file the reader opens -------------------------
import os  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
import zlib  # noqa: E402
from contextlib import contextmanager  # noqa: E402

_opened: list[tuple[str, str]] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open":
        path, mode, flags = args
        writing = (mode and any(c in str(mode) for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        _opened.append((str(path), "write" if writing else "read"))


sys.addaudithook(_audit)


@contextmanager
def watch_files():
    """Records (path, read/write) of every file opened inside the block."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def make_zip(path: Path, members: dict[str, str | bytes], *, symlinks: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = (0o120777 << 16)
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def raw_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> Path:
    """A zip written by hand: (name, deflate data, crc, declared compressed size, declared size)."""
    local, central, offset = b"", b"", 0
    for name, data, crc, csize, usize in entries:
        encoded = name.encode("utf-8")
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, usize, len(encoded), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, csize, usize,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
        local += header + encoded + data
        offset += len(header) + len(encoded) + len(data)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), offset, 0)
    path.write_bytes(local + central + end)
    return path


def zeros_deflate(mebibytes: int) -> bytes:
    """A raw deflate stream of `mebibytes` MiB of zeros, built without compressing them (≈1 KB per MiB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * mebibytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
