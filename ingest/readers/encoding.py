"""Text encoding detection (UTF-8/16/32, GB18030 only on positive evidence, else cp1252) and strict line streaming."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from ._model import Note, ReadError, note

BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
CHUNK = 1 << 18
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_RARE = re.compile(r"[\ue000-\uf8ff\U00010000-\U0010ffff\ufffd]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_ASCII_BREAKS = "\x0b\x0c\x1c\x1d\x1e"
_ODD_BREAKS = _ASCII_BREAKS + "\x85\u2028\u2029"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def csv_lines(text: str) -> list[str]:
    """The lines of `text` as the csv module sees them (ends kept): broken at CR, LF and CRLF only, never at the
    form feeds, vertical tabs or Unicode separators that str.splitlines also breaks at."""
    odd = _ASCII_BREAKS if text.isascii() else _ODD_BREAKS
    if any(char in text for char in odd):
        return _LINE.findall(text)
    return text.splitlines(keepends=True)


@dataclass
class Detected:
    encoding: str  # Python codec name used for decoding
    bom: int = 0  # bytes to skip at the start
    notes: list[Note] = field(default_factory=list)


def _decodes(sample: bytes, encoding: str, complete: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(sample, complete)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    head = sample[:8192]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0:pairs * 2:2].count(0)
    odd = head[1:pairs * 2:2].count(0)
    if odd >= max(4, 0.3 * pairs) and even <= odd / 10:
        return "utf-16-le"
    if even >= max(4, 0.3 * pairs) and odd <= even / 10:
        return "utf-16-be"
    return None


def gb18030_plausible(text: str) -> bool:
    """Positive evidence of Chinese: CJK ideographs, mostly from the common GB2312 set, few rare chars.

    Latin-1/cp1252 text such as "Jörg Müller" also decodes as GB18030, but into rare ideographs of
    the GBK extension areas (an accented byte followed by an ASCII letter), so the GB2312 share is low.
    """
    non_ascii = sum(1 for c in text if ord(c) > 127)
    if non_ascii == 0:
        return False
    cjk = len(_CJK.findall(text))
    in_gb2312 = non_ascii - (text.encode("gb2312", "replace").count(b"?") - text.count("?"))
    rare = len(_RARE.findall(text))
    return cjk >= 1 and in_gb2312 >= 0.75 * non_ascii and rare <= 0.01 * non_ascii


def _first_bad_line(sample: bytes) -> tuple[int, int] | None:
    """For a mostly-UTF-8 sample: (valid non-ASCII lines, first invalid line) when it looks mixed."""
    valid, first_bad = 0, None
    for number, line in enumerate(sample.splitlines()[:-1] or sample.splitlines(), 1):
        if max(line, default=0) < 128:
            continue
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            first_bad = first_bad or number
    if first_bad and valid >= 2:
        return valid, first_bad
    return None


def detect_encoding(sample: bytes, *, complete: bool, file_name: str, entry: str | None = None) -> Detected:
    """Choose the codec of a text file from its first bytes (`complete` when the sample is the whole file)."""
    for bom, name in BOMS:
        if sample.startswith(bom):
            if _decodes(sample[len(bom):], name, complete) is None:
                raise ReadError("encoding_invalid", f"starts with a {name} byte-order mark but is not valid {name}",
                                f"以 {name} 字节顺序标记开头，但内容不是有效的 {name}",
                                file_name=file_name, entry=entry)
            return Detected(name, len(bom), [note("BOM_REMOVED", f"{name} byte-order mark removed",
                                                  f"已去除 {name} 字节顺序标记 (BOM)", [1])])
    utf16 = _utf16_without_bom(sample)
    if utf16 and _decodes(sample, utf16, complete) is not None:
        return Detected(utf16)
    if _decodes(sample, "utf-8", complete) is not None:
        return Detected("utf-8")
    mixed = _first_bad_line(sample)
    if mixed:
        raise ReadError("encoding_invalid", "is mostly UTF-8 but this line is not valid UTF-8 (mixed encodings?)",
                        "大部分内容为 UTF-8，但此行不是有效的 UTF-8（混合编码？）",
                        file_name=file_name, line=mixed[1], entry=entry)
    text = _decodes(sample, "gb18030", complete)
    if text is not None and gb18030_plausible(text):
        return Detected("gb18030")
    if len(_CONTROL.findall(sample)) > 0.01 * max(len(sample), 1):
        raise ReadError("encoding_undetectable", "is not text in a known encoding (binary content?)",
                        "不是可识别编码的文本（可能是二进制文件）", file_name=file_name, entry=entry)
    fallback = "cp1252" if _decodes(sample, "cp1252", complete) is not None else "latin-1"
    why = ("decodes as GB18030 only into rare characters typical of mis-decoded Latin text; "
           if text is not None else "")
    return Detected(fallback, 0, [note(
        "ENCODING_ASSUMED",
        f"not valid UTF-8; {why}read as {fallback} (Western European). If accents look wrong, "
        "save the file as UTF-8 or state its encoding",
        f"不是有效的 UTF-8；{'虽可按 GB18030 解码但只得到罕见汉字（典型的西文乱码）；' if why else ''}"
        f"已按 {fallback}（西欧）读取。若重音字母显示错误，请另存为 UTF-8 或指明编码")])


def newline_style(text: str) -> str | None:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("crlf", crlf), ("cr", cr), ("lf", lf)) if n]
    return None if not kinds else kinds[0] if len(kinds) == 1 else "mixed"


class LineSource:
    """Decodes a byte stream strictly and yields physical lines with their endings (CRLF, LF or bare CR).

    A byte sequence invalid in the encoding raises ReadError naming the line; the lines before it are
    yielded first. `exhausted`, `nul_seen` and `long_line_seen` let the CSV layer check cheaply.
    """

    def __init__(self, raw: BinaryIO, encoding: str, *, skip: int, file_name: str,
                 max_line_chars: int, long_line: int, entry: str | None = None) -> None:
        self.raw, self.encoding, self.skip = raw, encoding, skip
        self.file_name, self.entry = file_name, entry
        self.max_line_chars, self.long_line = max_line_chars, long_line
        self.exhausted = self.nul_seen = self.long_line_seen = False
        self.lines = 0

    def _check(self, lines: list[str], text: str) -> None:
        if "\x00" in text:
            self.nul_seen = True
        if len(text) > min(self.long_line, self.max_line_chars):
            lengths = [len(line) for line in lines]
            longest = max(lengths, default=0)
            if longest > self.long_line:
                self.long_line_seen = True
            if longest > self.max_line_chars:
                raise ReadError("line_too_long", f"a line is longer than {self.max_line_chars} characters",
                                f"一行超过 {self.max_line_chars} 个字符", file_name=self.file_name,
                                line=self.lines + lengths.index(longest) + 1, entry=self.entry)

    def _error(self, error: UnicodeDecodeError) -> ReadError:
        bad = error.object[error.start:error.end][:8].hex(" ")
        return ReadError("encoding_invalid",
                         f"bytes {bad} are not valid {self.encoding}, the encoding of the start of the file; "
                         "the file mixes encodings or is damaged",
                         f"字节 {bad} 不是有效的 {self.encoding}（文件开头所用的编码）；文件混用了编码或已损坏",
                         file_name=self.file_name, line=self.lines + 1, entry=self.entry)

    def chunks(self) -> Iterator[str]:
        """Decoded text in chunks (not split into lines), strictly; an error names its line."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        if self.skip:
            self.raw.read(self.skip)
        while True:
            chunk = self.raw.read(CHUNK)
            try:
                text = decoder.decode(chunk, not chunk)
            except UnicodeDecodeError as error:
                self.lines += error.object[:error.start].decode(self.encoding, "replace").count("\n")
                raise self._error(error) from None
            self.lines += text.count("\n")
            if text:
                yield text
            if not chunk:
                break
        self.exhausted = True

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        if self.skip:
            self.raw.read(self.skip)
        carry = ""
        while True:
            chunk = self.raw.read(CHUNK)
            final = not chunk
            failure = None
            try:
                text = carry + decoder.decode(chunk, final)
            except UnicodeDecodeError as error:
                try:
                    good = error.object[:error.start].decode(self.encoding)
                except UnicodeDecodeError:
                    good = ""
                text, failure = carry + good, error
            lines = csv_lines(text)
            carry = ""
            if lines and not (final and failure is None):
                last = lines[-1][-1]
                if last not in "\r\n" or (last == "\r" and failure is None):
                    carry = lines.pop()  # unfinished line (a bare CR may be followed by LF)
            if len(carry) > self.max_line_chars:
                raise ReadError("line_too_long", f"a line is longer than {self.max_line_chars} characters",
                                f"一行超过 {self.max_line_chars} 个字符", file_name=self.file_name,
                                line=self.lines + len(lines) + 1, entry=self.entry)
            self._check(lines, text)
            yield from lines
            self.lines += len(lines)
            if failure is not None:
                raise self._error(failure)
            if final:
                break
        self.exhausted = True
