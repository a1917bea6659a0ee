"""Text analysis shared by indexing, querying and highlighting: folded words, and CJK runs as
overlapping character bigrams (neither SQLite's unicode61 nor most tokenizers split Chinese)."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

# Han (with 々〆〇 and compatibility ideographs), kana (not the ・ middle dot) and hangul.
_CJK = (
    "\u1100-\u11ff\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
    "\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_CJK_RUN = re.compile(f"([{_CJK}]+)")
_WORD = re.compile(r"[^\W_]+")


def segments(text: str) -> Iterator[tuple[bool, list[str]]]:
    """Yield (is_cjk, tokens) per word or CJK run, in text order."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    for i, part in enumerate(_CJK_RUN.split(text)):
        if i % 2:  # split() with a group puts the CJK runs at the odd positions
            # Overlapping bigrams, then the run's last character on its own: every character is then
            # the first character of some token (so a one-character query is a prefix search), and two
            # runs never sit bigram-to-bigram, so a bigram phrase cannot match across a run boundary.
            yield True, [part[j : j + 2] for j in range(len(part) - 1)] + [part[-1]]
        elif part.strip():
            plain = part if part.isascii() else without_accents(part)
            for word in _WORD.findall(plain):
                yield False, [word]


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def analyse(text: str | None) -> list[str]:
    """Tokens of `text`, the same for indexing and querying: folded words and CJK bigrams."""
    return [token for _, tokens in segments(text or "") for token in tokens]


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(text: str) -> str:
    """The FTS5 MATCH string for user text: every token required, each one quoted as an FTS5 string."""
    parts: list[str] = []
    for cjk, tokens in segments(text):
        if cjk and len(tokens) > 1:
            parts.append(_quote(" ".join(tokens[:-1])))  # the bigrams as one phrase, i.e. consecutive
        elif cjk:
            parts.append(_quote(tokens[0]) + " *")  # one character: any token starting with it
        else:
            parts.append(_quote(tokens[0]))
    return " AND ".join(dict.fromkeys(parts))


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def completes(name: str, typed: str) -> bool:
    """Whether autocomplete offers `name` for what was typed: Chinese anywhere in the name, Latin text at
    the start of the name or of one of its words ("sinen" → "Camellia sinensis"). Both engines apply it."""
    name, typed = fold(name), fold(typed).strip()
    if not typed:
        return False
    if _CJK_RUN.search(typed):
        return typed in name
    return name.startswith(typed) or f" {typed}" in name


def text_without_cjk(text: str) -> str:
    return _CJK_RUN.sub("", text)
