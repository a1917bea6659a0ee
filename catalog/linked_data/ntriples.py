"""N-Triples written line by line, without building a graph: the fast path of the full dump.

Literals escape what the grammar needs (quote, backslash, line ends) and also every other control
character, U+0085 and the Unicode line and paragraph separators, so that each triple stays one line
for line-based tools; a lone surrogate (which UTF-8 cannot carry) becomes U+FFFD.
"""
from __future__ import annotations

import re
import zlib
from typing import Iterable, Iterator, TextIO

from catalog.linked_data.terms import Iri, Triple

_ECHAR = {"\t": "\\t", "\b": "\\b", "\n": "\\n", "\r": "\\r", "\f": "\\f", '"': '\\"', "\\": "\\\\"}
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\x85\u2028\u2029\ud800-\udfff]')
_ESCAPES = {ord(char): text for char, text in _ECHAR.items()}
_ESCAPES.update({code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)
                 if chr(code) not in _ECHAR})
_ESCAPES.update({code: "\ufffd" for code in range(0xD800, 0xE000)})


def escape(text: str) -> str:
    """The body of an N-Triples string literal."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def object_text(term) -> str:
    if type(term) is Iri:
        return f"<{term}>"
    value, datatype, language = term
    if language:
        return f'"{escape(value)}"@{language}'
    if datatype:
        return f'"{escape(value)}"^^<{datatype}>'
    return f'"{escape(value)}"'


def lines(triples: Iterable[Triple]) -> Iterator[str]:
    """One N-Triples line per triple, each ending in a newline."""
    for subject, predicate, term in triples:
        yield f"<{subject}> <{predicate}> {object_text(term)} .\n"


def write(triples: Iterable[Triple], out: TextIO) -> int:
    """Write the triples to a text stream; returns how many were written."""
    count = 0
    for line in lines(triples):
        out.write(line)
        count += 1
    return count


def gzipped(chunks: Iterable[str], level: int = 6) -> Iterator[bytes]:
    """A gzip stream of the UTF-8 text chunks, compressed as they come (for a streamed HTTP answer)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)   # 31: gzip header and trailer
    for chunk in chunks:
        data = compressor.compress(chunk.encode("utf-8"))
        if data:
            yield data
    yield compressor.flush()
