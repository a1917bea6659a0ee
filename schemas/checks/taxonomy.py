"""Taxon checks: the rank fits the name's shape, and genus and specific epithet agree with the scientific name."""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription

BELOW_GENUS = {"species", "subspecies", "variety", "form", "infraspecificname", "cultivar"}
GENUS_OR_ABOVE = {"genus", "family", "order", "class", "phylum", "kingdom", "tribe", "subfamily"}


def check(values: dict[str, Any], description: DomainDescription,
          failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    name = values.get("scientific_name")
    if not name:
        return
    words = [word for word in name.replace("×", " ").split() if word]
    epithets = [word for word in words[1:] if word[:1].islower() and word.isalpha()]
    rank = (values.get("taxon_rank") or "").replace(" ", "").lower()
    if (rank in BELOW_GENUS and not epithets) or (rank in GENUS_OR_ABOVE and epithets):
        yield issue(description, "TAXON_RANK_INCONSISTENT", "taxon_rank", values.get("taxon_rank"),
                    rank=values.get("taxon_rank"), name=name)
    genus = values.get("genus")
    if genus and words and words[0].casefold() != genus.strip().casefold() and rank not in GENUS_OR_ABOVE - {"genus"}:
        yield issue(description, "TAXON_NAME_MISMATCH", "genus", genus, name=name)
    epithet = values.get("specific_epithet")
    binomial = [word for word in words if not word.startswith("(")]   # a subgenus in brackets is skipped
    if epithet and len(binomial) > 1 and binomial[1][:1].islower() and rank not in GENUS_OR_ABOVE \
            and binomial[1].casefold() != epithet.strip().casefold():
        yield issue(description, "TAXON_NAME_MISMATCH", "specific_epithet", epithet, name=name)
