"""The triples of a center (a schema:Organization) and of a dataset (what one center holds in one domain),
built from the center registry's public summary, whose holdings never count confidential records."""
from __future__ import annotations

from functools import lru_cache

import vocabularies
from catalog.enums import DOMAIN_LABELS
from catalog.errors import NotFound
from catalog.linked_data.terms import (DCTERMS, RDF_TYPE, RDFS, SCHEMA, VOID, Iri, Literal, Triple, catalogue_uri,
                                       center_uri, dataset_uri, platform_terms)
from catalog.linked_data.literals import INTEGER
from catalog.services.centers import CenterSummary
from schemas import DOMAINS


def dataset_domains(center: CenterSummary) -> list[str]:
    """The domains in which the center has a dataset: those it holds public records in, and its own domain."""
    return [domain for domain in DOMAINS if center.holdings.get(domain) or center.domain == domain]


def require_dataset(center: CenterSummary, domain: str) -> None:
    if domain not in dataset_domains(center):
        raise NotFound(f"No dataset {center.code}/{domain}.", f"没有数据集 {center.code}/{domain}。")


@lru_cache(maxsize=256)
def domain_concept(domain: str, base_url: str) -> str:
    concept = vocabularies.get("domain", base_url).get(domain)
    if concept is None:
        raise LookupError(f"the domain vocabulary has no concept {domain!r}")
    return concept.uri


def center_triples(center: CenterSummary, base_url: str) -> list[Triple]:
    subject = center_uri(base_url, center.code)
    terms = platform_terms(base_url)
    triples: list[Triple] = [(subject, RDF_TYPE, Iri(SCHEMA + "Organization")),
                             (subject, DCTERMS + "identifier", Literal(center.code)),
                             (subject, SCHEMA + "name", Literal(center.name_zh, language="zh")),
                             (subject, SCHEMA + "name", Literal(center.name_en, language="en"))]
    for language, name in (("zh", center.host_institution_zh), ("en", center.host_institution_en)):
        if name:
            triples.append((subject, terms + "hostInstitution", Literal(name, language=language)))
    if center.domain:
        triples.append((subject, DCTERMS + "subject", Iri(domain_concept(center.domain, base_url))))
    for domain in dataset_domains(center):
        triples.append((subject, RDFS + "seeAlso", Iri(dataset_uri(base_url, center.code, domain))))
    return triples


def dataset_triples(center: CenterSummary, domain: str, base_url: str) -> list[Triple]:
    """A dataset as published at its own URI and in the dump; the VoID description adds its counts."""
    subject = dataset_uri(base_url, center.code, domain)
    labels = DOMAIN_LABELS[domain]
    return [(subject, RDF_TYPE, Iri(SCHEMA + "Dataset")),
            (subject, RDF_TYPE, Iri(VOID + "Dataset")),
            (subject, DCTERMS + "identifier", Literal(f"{center.code}/{domain}")),
            (subject, DCTERMS + "title", Literal(f"{center.name_zh} · {labels['zh']}", language="zh")),
            (subject, DCTERMS + "title", Literal(f"{center.name_en} · {labels['en']}", language="en")),
            (subject, DCTERMS + "subject", Iri(domain_concept(domain, base_url))),
            (subject, DCTERMS + "publisher", Iri(center_uri(base_url, center.code))),
            (subject, SCHEMA + "provider", Iri(center_uri(base_url, center.code))),
            (subject, SCHEMA + "isPartOf", Iri(catalogue_uri(base_url))),
            (subject, VOID + "uriSpace", Literal(f"{base_url}/resources/{center.code}-{domain}-")),
            (subject, VOID + "entities", Literal(str(center.holdings.get(domain, 0)), INTEGER))]
