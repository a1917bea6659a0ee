"""Highlighting of the words searched for, computed from the page's documents the same way for every
engine: matches are wrapped in <mark>, everything else HTML-escaped, long text cut to a snippet."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from catalog.search.analysis import segments

HIGHLIGHTED = ("title_zh", "title_en", "scientific_name", "locality", "text")
SNIPPET = 160  # characters of context kept around the first match in long values


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
        if isinstance(value, str) and found.search(value):
            marked[field] = str(_mark(_snippet(value, found), found))
    return marked


def _snippet(value: str, found: re.Pattern[str]) -> str:
    if len(value) <= SNIPPET:
        return value
    first = found.search(value).start()
    start = max(0, first - SNIPPET // 3)
    end = min(len(value), start + SNIPPET)
    return ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")


def _mark(value: str, found: re.Pattern[str]) -> Markup:
    pieces, last = [], 0
    for match in found.finditer(value):
        pieces.append(escape(value[last:match.start()]))
        pieces.append(Markup("<mark>") + escape(match.group(0)) + Markup("</mark>"))
        last = match.end()
    pieces.append(escape(value[last:]))
    return Markup("").join(pieces)
