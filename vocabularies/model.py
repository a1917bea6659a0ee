"""Concept and Vocabulary: the in-memory, rdflib-free form of one SKOS vocabulary."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .matching import LabelIndex


@dataclass(frozen=True)
class Concept:
    code: str  # skos:notation — the canonical value stored in records
    uri: str  # absolute IRI under the base URL
    labels: Mapping[str, str]  # {"en": ..., "zh": ...}
    alt_labels: tuple[str, ...]
    broader: str | None  # code of the parent concept
    exact_match: tuple[str, ...]  # external IRIs
    properties: Mapping[str, Any]  # e.g. {"rank": "period", "begin_ma": 201.4} or {"bbox": (29.0, 108.3, ...)}

    def __hash__(self) -> int:  # the mappings are dicts, so hash on identity fields only
        return hash((self.code, self.uri))

    def label(self, language: str) -> str:
        """Label in `language` ("zh", "zh-Hans", "en"...), else the other language, else the code."""
        wanted = language.split("-")[0].split("_")[0].lower()
        if self.labels.get(wanted):
            return self.labels[wanted]
        for other in ("en", "zh"):
            if self.labels.get(other):
                return self.labels[other]
        return self.code

    def match_labels(self) -> tuple[str, ...]:
        return (self.code, *self.labels.values(), *self.alt_labels)


class Vocabulary:
    """One concept scheme with compiled lookup tables."""

    def __init__(self, name: str, uri: str, labels: Mapping[str, str], concepts: list[Concept],
                 turtle_text: str, version: str = "", index: LabelIndex | None = None) -> None:
        self.name = name
        self.uri = uri
        self.labels = dict(labels)
        self.version = version
        order = {c.code: (c.properties.get("order", float("inf")), c.code) for c in concepts}
        self._concepts = {c.code: c for c in sorted(concepts, key=lambda c: order[c.code])}
        self._turtle = turtle_text
        self.index = index or LabelIndex.build(
            (c.code, c.match_labels(), (c.uri, *c.exact_match)) for c in concepts)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.name} ({len(self)} concepts) {self.uri}>"

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def __contains__(self, code: object) -> bool:
        return code in self._concepts

    def get(self, code: str) -> Concept | None:
        return self._concepts.get(code)

    def match(self, value: str) -> Concept | None:
        """By exact code, IRI (ours or exactMatch), or any label, ignoring case, width and whitespace."""
        if not isinstance(value, str):
            return None
        exact = self._concepts.get(value.strip())
        if exact:
            return exact
        code = self.index.lookup(value)
        return self._concepts[code] if code else None

    def suggest(self, value: str) -> Concept | None:
        """The closest concept for a "did you mean" hint; None when nothing is reasonably close."""
        found = self.match(value)
        if found:
            return found
        code = self.index.closest(value) if isinstance(value, str) else None
        return self._concepts[code] if code else None

    def ancestors(self, code: str) -> list[Concept]:
        """The broader chain of `code`, nearest first."""
        chain: list[Concept] = []
        seen = {code}
        current = self._concepts.get(code)
        while current and current.broader and current.broader not in seen:
            seen.add(current.broader)
            current = self._concepts.get(current.broader)
            if current:
                chain.append(current)
        return chain

    def collisions(self) -> dict[str, tuple[str, ...]]:
        """Normalised labels (or IRIs) shared by several concepts: match() refuses them."""
        return dict(self.index.ambiguous)

    def turtle(self) -> str:
        """The SKOS document as Turtle with absolute IRIs (an @base line before the stored file)."""
        return f"@base <{self.uri}> .\n{self._turtle}"
