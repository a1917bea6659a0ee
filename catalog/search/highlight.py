"""Highlighting of the words searched for, computed from the page's documents the same way for every
engine: matches are wrapped in <mark>, everything else HTML-escaped, long text cut to a snippet. Values are
matched folded as the index folds them (case, width, accents), so "muller" marks "Müller"."""
from __future__ import annotations

import functools
import re
import unicodedata

from markupsafe import Markup, escape

from catalog.search.analysis import segments, without_accents

HIGHLIGHTED = ("title_zh", "title_en", "scientific_name", "locality", "text")
SNIPPET = 160  # characters of context kept around the first match in long values
_PIECES = re.compile(r"[\x00-\x7f\u4e00-\u9fff]+|.", re.DOTALL)  # runs that fold char for char, or one other char


def pattern(text: str) -> re.Pattern[str] | None:
    """One regex for the searched words: Latin words whole (case-insensitive), Chinese runs as typed."""
    parts = []
    for cjk, tokens in segments(text):
        if cjk:
            run = tokens[0][0] + "".join(token[-1] for token in tokens[:-1]) if len(tokens) > 1 else tokens[0]
            parts.append(re.escape(run))
        else:
            parts.append(rf"(?<![^\W_]){re.escape(tokens[0])}(?![^\W_])")
    if not parts:
        return None
    return re.compile("|".join(sorted(set(parts), key=len, reverse=True)), re.IGNORECASE)


def highlights(text: str, document: dict) -> dict[str, str]:
    """Field → HTML with the matches marked, for the fields of `document` that contain a searched word."""
    found = pattern(text)
    if found is None:
        return {}
    marked = {}
    for field in HIGHLIGHTED:
        value = document.get(field)
        if isinstance(value, str):
            spans = _matches(value, found)
            if spans:
                marked[field] = str(_mark(value, spans))
    return marked


def _matches(value: str, found: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of `value` whose folded form matches, as positions in `value` itself."""
    if value.isascii():
        return [m.span() for m in found.finditer(value.lower()) if m.end() > m.start()]
    folded: list[str] = []
    origin: list[int] = []
    for piece in _PIECES.finditer(value):
        start, text = piece.start(), piece.group()
        if len(text) > 1 or text.isascii() or "\u4e00" <= text <= "\u9fff":  # folds to its lower case, 1:1
            folded.append(text.lower())
            origin.extend(range(start, start + len(text)))
        else:
            text = _folded(text)
            folded.append(text)
            origin.extend([start] * len(text))
    return [(origin[m.start()], origin[m.end() - 1] + 1) for m in found.finditer("".join(folded)) if m.end() > m.start()]


@functools.lru_cache(maxsize=8192)
def _folded(char: str) -> str:
    return without_accents(unicodedata.normalize("NFKC", char)).casefold()


def _mark(value: str, spans: list[tuple[int, int]]) -> Markup:
    """The value with its spans marked; a long value is cut to a snippet around the first one."""
    start, end = 0, len(value)
    if len(value) > SNIPPET:
        start = max(0, spans[0][0] - SNIPPET // 3)
        end = min(len(value), start + SNIPPET)
    pieces, last = [Markup("…")] if start else [], start
    for low, high in spans:
        if low >= last and high <= end:
            pieces += [escape(value[last:low]), Markup("<mark>") + escape(value[low:high]) + Markup("</mark>")]
            last = high
    pieces.append(escape(value[last:end]))
    if end < len(value):
        pieces.append(Markup("…"))
    return Markup("").join(pieces)
