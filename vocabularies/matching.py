"""Label normalisation and the compiled lookup tables behind Vocabulary.match() and suggest()."""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Whitespace, "-" and "_" carry no meaning in codes or labels ("BSL-1" = "bsl 1", "on_request" = "On request");
# apostrophes vary in romanised names ("Xian'an" / "Xianan").
_DROP = re.compile(r"[\s\-_'\u2018\u2019\u00b7\u30fb]+")
SUGGEST_CUTOFF = 0.75


def normalise(text: str) -> str:
    """NFKC (full/half width), case-folded, without whitespace, hyphens, underscores or apostrophes."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class LabelIndex:
    """Normalised code/label → code, with every key used by two or more concepts kept out as ambiguous."""

    keys: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]]
    iris: dict[str, str]

    @classmethod
    def build(cls, entries: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> LabelIndex:
        """entries: (code, labels incl. the code itself, IRIs: our own and exactMatch)."""
        owners: dict[str, set[str]] = {}
        iri_owners: dict[str, set[str]] = {}
        for code, labels, iris in entries:
            for label in labels:
                key = normalise(label)
                if key:
                    owners.setdefault(key, set()).add(code)
            for iri in iris:
                iri_owners.setdefault(iri, set()).add(code)
        keys = {k: next(iter(v)) for k, v in sorted(owners.items()) if len(v) == 1}
        ambiguous = {k: tuple(sorted(v)) for k, v in sorted(owners.items()) if len(v) > 1}
        ambiguous.update({k: tuple(sorted(v)) for k, v in sorted(iri_owners.items()) if len(v) > 1})
        iris = {k: next(iter(v)) for k, v in sorted(iri_owners.items()) if len(v) == 1}
        return cls(keys, ambiguous, iris)

    def lookup(self, value: str) -> str | None:
        value = value.strip()
        if value in self.iris:
            return self.iris[value]
        return self.keys.get(normalise(value))

    def closest(self, value: str, cutoff: float = SUGGEST_CUTOFF) -> str | None:
        key = normalise(value)
        if not key:
            return None
        found = difflib.get_close_matches(key, list(self.keys), n=1, cutoff=cutoff)
        return self.keys[found[0]] if found else None

    def to_json(self) -> dict[str, object]:
        return {"keys": self.keys, "ambiguous": {k: list(v) for k, v in self.ambiguous.items()}, "iris": self.iris}

    @classmethod
    def from_json(cls, data: dict[str, dict]) -> LabelIndex:
        return cls(dict(data["keys"]), {k: tuple(v) for k, v in data["ambiguous"].items()}, dict(data["iris"]))
