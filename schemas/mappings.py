"""What each consumer needs of a domain, derived from its declarations: Darwin Core Archive columns,
RDF predicates and search index field types. Nothing here is written by hand per field."""
from __future__ import annotations

from dataclasses import dataclass

from schemas.fields import Declaration, Kind
from schemas.registry import describe

DWC = "http://rs.tdwg.org/dwc/terms/"
DWCIRI = "http://rs.tdwg.org/dwc/iri/"
DWC_ARCHIVE_PREFIXES = ("dwc", "dcterms")
INDEX_TYPES = {Kind.STRING: "keyword", Kind.TEXT: "text", Kind.INTEGER: "long", Kind.DECIMAL: "double",
               Kind.BOOLEAN: "boolean", Kind.DATE: "keyword", Kind.LIST: "keyword"}


@dataclass(frozen=True)
class Predicate:
    field: str
    iri: str
    value_is_iri: bool   # True: the object is a vocabulary concept IRI (dwciri: style), else a literal


def dwc_columns(domain: str) -> list[tuple[str, str]]:
    """(field, term IRI) for every field that maps to a Darwin Core or Dublin Core term, in declaration order:
    the columns of a Darwin Core Archive core file."""
    return [(d.name, d.term_uri) for d in describe(domain).fields
            if d.term.partition(":")[0] in DWC_ARCHIVE_PREFIXES and d.term_uri]


def rdf_predicates(domain: str, base_url: str) -> list[Predicate]:
    """One predicate per field, following the Darwin Core RDF guide: dwc: terms take literals, their dwciri:
    twins take the IRIs of vocabulary concepts; platform terms live under the public base URL."""
    predicates = []
    for declaration in describe(domain).fields:
        predicates.append(_predicate(declaration, base_url))
    return predicates


def _predicate(declaration: Declaration, base_url: str) -> Predicate:
    iri = declaration.term_uri or f"{base_url}/terms/{declaration.term_name}"
    if declaration.vocabulary and iri.startswith(DWC):
        return Predicate(declaration.name, DWCIRI + iri[len(DWC):], True)
    return Predicate(declaration.name, iri, bool(declaration.vocabulary) and not iri.startswith(DWC))


def index_fields(domain: str) -> dict[str, str]:
    """Field → search engine type: vocabulary and identifier fields are exact keywords (facets, filters),
    free text is analysed, numbers are numeric."""
    return {d.name: ("keyword" if d.vocabulary else INDEX_TYPES[d.kind]) for d in describe(domain).fields}


def index_fields_all() -> dict[str, str]:
    """Field → type over every domain, for one index that holds them all; a name typed two ways is an error."""
    from schemas.registry import DOMAINS
    merged: dict[str, str] = {}
    for domain in DOMAINS:
        for name, kind in index_fields(domain).items():
            if merged.setdefault(name, kind) != kind:
                raise ValueError(f"field {name!r} is {merged[name]} in one domain and {kind} in {domain}")
    return merged
