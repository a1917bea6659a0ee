"""Zip archives read in place, never extracted: unsafe names, entry count, size and ratio limits while streaming."""
from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from ._model import Limits, ReadError

NESTED = (".zip", ".jar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".zst")
_DRIVE = re.compile(r"^[A-Za-z]:")


def shown(name: str) -> str:
    """An entry name safe to print: control characters and backslashes escaped."""
    return name.encode("unicode_escape").decode("ascii") if not name.isprintable() or "\\" in name else name


def unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    name = info.orig_filename
    if not name:
        return "empty name"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "control or NUL character in the name"
    if "\\" in name:
        return "backslash in the name"
    if name.startswith("/") or _DRIVE.match(name):
        return "absolute path"
    if ".." in name.split("/"):
        return "'..' path component"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link"
    return None


class SafeZip:
    """A zip opened for reading members by name, with every limit of `Limits` enforced."""

    def __init__(self, path: Path, *, file_name: str, limits: Limits) -> None:
        self.file_name, self.limits, self.used = file_name, limits, 0
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError, ValueError) as error:
            raise ReadError("truncated_file", f"starts like a zip archive but cannot be opened ({error}); "
                            "was the upload cut short?", f"看起来是 zip 压缩包，但无法打开（{error}）；上传是否被截断？",
                            file_name=file_name) from None
        infos = self.zip.infolist()
        if len(infos) > limits.max_entries:
            self._fail("archive_bomb", f"has {len(infos)} entries, more than the limit of {limits.max_entries}",
                       f"包含 {len(infos)} 个成员，超过上限 {limits.max_entries}")
        seen: dict[str, str] = {}
        for info in infos:
            reason = unsafe_reason(info)
            key = unicodedata.normalize("NFC", info.orig_filename).casefold()
            if reason is None and key in seen:
                reason = f"same name as {shown(seen[key])} apart from case or Unicode form"
            if reason:
                self._fail("unsafe_archive_entry", f"unsafe entry name {shown(info.orig_filename)!r}: {reason}",
                           f"不安全的成员名 {shown(info.orig_filename)!r}：{reason}")
            seen[key] = info.orig_filename
            if info.flag_bits & 0x1:
                self._fail("unsupported_format", f"entry {info.filename!r} is encrypted",
                           f"成员 {info.filename!r} 已加密")
            if info.file_size > limits.ratio_min_bytes and \
                    info.file_size > limits.max_ratio * max(info.compress_size, 1):
                self._fail("archive_bomb", f"entry {info.filename!r} expands {info.file_size} bytes from "
                           f"{info.compress_size} (ratio above {limits.max_ratio}:1)",
                           f"成员 {info.filename!r} 由 {info.compress_size} 字节解压为 {info.file_size} 字节"
                           f"（压缩比超过 {limits.max_ratio}:1）")
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            self._fail("archive_too_large", f"expands to {total} bytes, more than the limit of "
                       f"{limits.max_uncompressed_bytes}", f"解压后为 {total} 字节，超过上限 "
                       f"{limits.max_uncompressed_bytes}")

    def forbid_nested(self) -> None:
        """Archives inside the archive are refused (a Darwin Core Archive has no reason to hold one)."""
        for name in self.names():
            if name.lower().endswith(NESTED):
                self._fail("archive_bomb", f"contains a nested archive {name!r}; nested archives are not read",
                           f"包含嵌套压缩包 {name!r}，不读取嵌套压缩包")

    def _fail(self, code: str, en: str, zh: str, entry: str | None = None) -> None:
        self.zip.close()
        raise ReadError(code, en, zh, file_name=self.file_name, entry=entry)

    def names(self) -> list[str]:
        return [info.filename for info in self.zip.infolist() if not info.is_dir()]

    def open(self, name: str) -> BinaryIO:
        return _Counted(self, name)  # type: ignore[return-value]

    def read(self, name: str, max_bytes: int) -> bytes:
        with self.open(name) as member:
            data = member.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ReadError("archive_too_large", f"is larger than {max_bytes} bytes", f"超过 {max_bytes} 字节",
                            file_name=self.file_name, entry=name)
        return data

    def drain(self) -> None:
        """Decompress every member once, counting real bytes (before handing the zip to another library)."""
        for name in self.names():
            with self.open(name) as member:
                while member.read(1 << 20):
                    pass

    def close(self) -> None:
        self.zip.close()


class _Counted:
    """A member stream that counts decompressed bytes against the archive's total and ratio limits."""

    def __init__(self, archive: SafeZip, name: str) -> None:
        self.archive, self.name = archive, name
        self.info = archive.zip.getinfo(name)
        self.count = 0
        try:
            self.stream = archive.zip.open(self.info)
        except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error) as error:
            raise self._broken(error) from None

    def _broken(self, error: Exception) -> ReadError:
        if isinstance(error, NotImplementedError):
            code, en, zh = "unsupported_format", "uses an unsupported compression method", "使用了不支持的压缩方法"
        elif isinstance(error, EOFError):
            code, en, zh = "truncated_file", "ends early: the archive is truncated", "提前结束：压缩包被截断"
        else:
            code, en, zh = "archive_corrupt", "is damaged (checksum or compressed data wrong)", "已损坏（校验和或压缩数据错误）"
        return ReadError(code, f"cannot be decompressed ({error}); it {en}", f"无法解压（{error}）；{zh}",
                         file_name=self.archive.file_name, entry=self.name)

    def read(self, size: int = -1) -> bytes:
        limits = self.archive.limits
        try:
            data = self.stream.read(size if size >= 0 else limits.max_record_bytes + 1)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as error:
            raise self._broken(error) from None
        self.count += len(data)
        self.archive.used += len(data)
        if self.archive.used > limits.max_uncompressed_bytes:
            raise ReadError("archive_too_large", f"more than {limits.max_uncompressed_bytes} bytes decompressed",
                            f"解压数据超过 {limits.max_uncompressed_bytes} 字节", file_name=self.archive.file_name,
                            entry=self.name)
        if self.count > limits.ratio_min_bytes and self.count > limits.max_ratio * max(self.info.compress_size, 1):
            raise ReadError("archive_bomb", f"decompresses at more than {limits.max_ratio}:1",
                            f"解压比超过 {limits.max_ratio}:1", file_name=self.archive.file_name, entry=self.name)
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _Counted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
