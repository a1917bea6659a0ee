"""Deterministic SKOS Turtle writer with relative IRIs (the scheme is `<>`, a concept `<code>`).

Used by build.py only; the output is byte-stable so `build --check` can compare it with the repo.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

CAT = "http://purl.org/catalog/terms#"
PREFIXES = {
    "cat": CAT,
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LANG_ORDER = {"en": 0, "zh": 1}


@dataclass
class Entry:
    """One concept as the build assembles it."""

    code: str
    en: str
    zh: str
    alt: list[tuple[str, str]] = field(default_factory=list)  # (text, language tag or "")
    definition: dict[str, str] = field(default_factory=dict)
    scope_note: dict[str, str] = field(default_factory=dict)
    editorial_note: str = ""
    broader: str | None = None
    exact_match: list[str] = field(default_factory=list)
    props: dict[str, str | int | Decimal] = field(default_factory=dict)  # cat: local name → value


@dataclass
class Scheme:
    name: str
    title_en: str
    title_zh: str
    source: str
    version: str
    comments: list[str] = field(default_factory=list)
    scope_note: dict[str, str] = field(default_factory=dict)


def concept_ref(code: str) -> str:
    return "<" + quote(code, safe="-._~") + ">"


def literal(text: str, language: str = "") -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"' + (f"@{language}" if language else "")


def typed(value: str | int | Decimal) -> str:
    if isinstance(value, bool):
        raise TypeError("booleans are not used in our vocabularies")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f'"{value}"^^xsd:decimal'
    return literal(value)


def _lang_key(item: tuple[str, str]) -> tuple[int, str, str]:
    text, language = item
    return (LANG_ORDER.get(language, 2), language, text)


def _objects(values: list[str]) -> str:
    return " ,\n        ".join(values)


def _statements(pairs: list[tuple[str, list[str]]]) -> str:
    parts = [f"    {predicate} {_objects(values)}" for predicate, values in pairs if values]
    return " ;\n".join(parts) + " .\n"


def _lang_literals(texts: dict[str, str]) -> list[str]:
    return [literal(text, lang) for lang, text in sorted(texts.items(), key=lambda kv: _lang_key((kv[1], kv[0])))]


def concept_block(entry: Entry) -> str:
    alt = sorted(set(a for a in entry.alt if a[0] and a[0] not in (entry.en, entry.zh)), key=_lang_key)
    pairs = [
        ("a", ["skos:Concept"]),
        ("skos:inScheme", ["<>"]),
        ("skos:topConceptOf", [] if entry.broader else ["<>"]),
        ("skos:notation", [literal(entry.code)]),
        ("skos:prefLabel", [literal(entry.en, "en"), literal(entry.zh, "zh")]),
        ("skos:altLabel", [literal(text, lang) for text, lang in alt]),
        ("skos:definition", _lang_literals(entry.definition)),
        ("skos:scopeNote", _lang_literals(entry.scope_note)),
        ("skos:editorialNote", [literal(entry.editorial_note, "en")] if entry.editorial_note else []),
        ("skos:broader", [concept_ref(entry.broader)] if entry.broader else []),
        ("skos:exactMatch", [f"<{iri}>" for iri in sorted(set(entry.exact_match))]),
    ]
    pairs += [(f"cat:{name}", [typed(value)]) for name, value in sorted(entry.props.items())]
    return concept_ref(entry.code) + "\n" + _statements(pairs)


def render(scheme: Scheme, entries: list[Entry]) -> str:
    """The whole file: comments, prefixes, scheme, then concepts sorted by code."""
    codes = [e.code for e in entries]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{scheme.name}: duplicate codes")
    known = set(codes)
    for entry in entries:
        if entry.broader and entry.broader not in known:
            raise ValueError(f"{scheme.name}: {entry.code} has unknown broader {entry.broader}")
    lines = [f"# {line}".rstrip() for line in scheme.comments]
    lines += [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()]
    head = [
        ("a", ["skos:ConceptScheme"]),
        ("dcterms:title", [literal(scheme.title_en, "en"), literal(scheme.title_zh, "zh")]),
        ("dcterms:source", [literal(scheme.source)]),
        ("owl:versionInfo", [literal(scheme.version)]),
        ("skos:scopeNote", _lang_literals(scheme.scope_note)),
        ("skos:hasTopConcept", [concept_ref(e.code) for e in sorted(entries, key=lambda e: e.code)
                                if not e.broader]),
    ]
    blocks = ["\n".join(lines) + "\n", "<>\n" + _statements(head)]
    blocks += [concept_block(e) for e in sorted(entries, key=lambda e: e.code)]
    return "\n".join(blocks)
