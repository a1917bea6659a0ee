"""The triples of one resource, built from its view (what the actor may see) and the domain's declarations,
following the Darwin Core RDF guide: dwc: terms take literals, dwciri: terms the IRIs of our SKOS concepts."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import vocabularies
from catalog.linked_data.literals import INTEGER, converter, language_of, timestamp
from catalog.linked_data.terms import (DCMITYPE, DCTERMS, DWC, DWCIRI, RDF_TYPE, SCHEMA, XMP_RIGHTS, Iri, Literal,
                                       Triple, center_uri, dataset_uri, iri_safe, resource_uri)
from schemas import describe
from schemas.fields import Kind
from schemas.mappings import rdf_predicates

# Darwin Core terms that have a dwciri: twin (term_versions.csv, organized_in …/UseWithIRI); a vocabulary
# field on any other dwc: term is published as its dwc: literal, since a dwciri: IRI that Darwin Core does
# not define would mislead every reader.
DWCIRI_TERMS = frozenset("""
    assayType assertionBy assertionType assertionUnit assertionValue behavior caste dataGeneralizations
    degreeOfEstablishment discipline disposition earliestGeochronologicalEra establishmentMeans eventCategory
    eventType fieldNotes fieldNumber footprintSRS footprintWKT fromLithostratigraphicUnit fundingAttribution
    geodeticDatum georeferenceProtocol georeferenceSources georeferenceVerificationStatus georeferencedBy habitat
    identificationQualifier identificationType identificationVerificationStatus identifiedBy inCollection
    inDataset inDescribedPlace informationWithheld latestGeochronologicalEra lifeStage locationAccordingTo
    materialEntityCategory materialEntityType measurementDeterminedBy measurementMethod measurementType
    measurementUnit measurementValue objectQuantityType occurrenceStatus organismInteractionType
    organismQuantityType organismScope pathway preferredSpatialRepresentation preparations protocolType
    recordNumber recordedBy reproductiveCondition sampleSizeUnit sampledSubstrateCategory sampledSubstrateLayer
    samplingProtocol sex siteNumber taxonFormula toDigitalSpecimen toTaxon typeStatus verbatimCoordinateSystem
    verbatimSRS verticalDatum vitality""".split())
# The guide forbids dwc:…ID terms in RDF; those naming the record itself become dcterms:identifier values.
SELF_IDENTIFIERS = frozenset({"occurrenceID", "materialEntityID", "materialSampleID"})
# Chronostratigraphic units: each rank has its dwc: literal; the finest known unit of each end also
# goes to the rank-free dwciri: term with our concept IRI (RDF guide, GeologicalContext).
CHRONO_RANKS = ("Age", "Epoch", "Period", "Era", "Eon")   # finest first
CHRONO_IRI = {"earliest": DWCIRI + "earliestGeochronologicalEra", "latest": DWCIRI + "latestGeochronologicalEra"}
MATERIAL_CLASSES = frozenset({"PreservedSpecimen", "FossilSpecimen", "LivingSpecimen", "MaterialSample",
                              "MaterialEntity"})
LICENCES = {"cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
            "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
            "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/"}
GENERALISATIONS = "data_generalizations"


@dataclass(frozen=True)
class FieldRule:
    """How one declared field becomes triples: the literal predicate, and the IRI predicate for values that
    are concepts of its vocabulary."""
    name: str
    column: str | None
    kind: Kind
    predicate: str
    concept_predicate: str | None = None
    vocabulary: str | None = None
    language: str | None = None
    chrono: tuple[str, int] | None = None     # ("earliest"|"latest", rank index) of a chronostratigraphic unit

    def literal(self, value: Any) -> Literal | None:
        if self.language:
            return Literal(str(value), language=self.language)
        return converter(self.kind)(value)


@lru_cache(maxsize=64)
def field_rules(domain: str, base_url: str) -> tuple[FieldRule, ...]:
    """The publishing rule of every field of a domain, worked out once from its declarations."""
    rules = []
    for declaration, predicate in zip(describe(domain).fields, rdf_predicates(domain, base_url)):
        prefix, _, local = declaration.term.partition(":")
        name, column, kind = declaration.name, declaration.core, declaration.kind
        if prefix == "dwc" and local.endswith("ID"):
            if local in SELF_IDENTIFIERS:
                rules.append(FieldRule(name, column, kind, predicate=DCTERMS + "identifier"))
            continue
        if local == "basisOfRecord" or declaration.term in ("dcterms:license", "dcterms:rightsHolder"):
            continue   # published as rdf:type and as licence and rights IRIs, below
        language = declaration.name[-2:] if declaration.name.endswith(("_zh", "_en")) else None
        if not declaration.vocabulary:
            rules.append(FieldRule(name, column, kind, predicate=predicate.iri, language=language))
            continue
        if predicate.iri.startswith(DWCIRI):
            local = predicate.iri[len(DWCIRI):]
            concept_predicate = predicate.iri if local in DWCIRI_TERMS else None
            chrono = _chrono(local) if declaration.vocabulary == "chronostratigraphy" else None
            rules.append(FieldRule(name, column, kind, predicate=DWC + local, concept_predicate=concept_predicate,
                                   vocabulary=declaration.vocabulary, language=language, chrono=chrono))
        else:
            rules.append(FieldRule(name, column, kind, predicate=predicate.iri, vocabulary=declaration.vocabulary,
                                   concept_predicate=predicate.iri if predicate.value_is_iri else None,
                                   language=language))
    return tuple(rules)


@dataclass(frozen=True)
class DomainRules:
    columns: tuple[tuple[str, FieldRule], ...]   # fields stored in a resource column: (column, rule)
    payload: dict[str, FieldRule]     # fields stored in the payload, by name


@lru_cache(maxsize=64)
def domain_rules(domain: str, base_url: str) -> DomainRules:
    rules = field_rules(domain, base_url)
    return DomainRules(tuple((rule.column, rule) for rule in rules if rule.column),
                       {rule.name: rule for rule in rules if not rule.column})


def _chrono(local: str) -> tuple[str, int] | None:
    end = "earliest" if local.startswith("earliest") else "latest" if local.startswith("latest") else None
    rank = next((index for index, name in enumerate(CHRONO_RANKS) if name in local), None)
    return (end, rank) if end and rank is not None else None


def material_class(domain: str, view: dict[str, Any]) -> str:
    """The Darwin Core class of the resource: the stated basis of record, else what fits its domain."""
    return describe(domain).basis_of_record(view.get("payload") or {})


def resource_triples(view: dict[str, Any], base_url: str) -> list[Triple]:
    """Every triple of a resource as `view` shows it (ResourceService.view or .views): nothing the view
    withholds can appear, so confidentiality and generalisation hold in RDF as on the page."""
    domain = view["domain"]
    subject = resource_uri(base_url, view["id"])
    payload = view.get("payload") or {}
    basis = material_class(domain, view)
    triples: list[Triple] = [(subject, RDF_TYPE, Iri(DWC + basis))]
    if basis in MATERIAL_CLASSES:
        triples.append((subject, RDF_TYPE, Iri(DCMITYPE + "PhysicalObject")))
    if domain in ("plant_germplasm", "animal_germplasm"):
        triples.append((subject, RDF_TYPE, Iri("http://purl.org/germplasm/germplasmTerm#GermplasmAccession")))
    triples += [(subject, DWC + "basisOfRecord", Literal(basis)),
                (subject, DCTERMS + "identifier", Literal(view["id"])),
                (subject, SCHEMA + "isPartOf", Iri(dataset_uri(base_url, view["center"], domain))),
                (subject, SCHEMA + "provider", Iri(center_uri(base_url, view["center"])))]
    if view.get("version") is not None:
        triples.append((subject, SCHEMA + "version", Literal(str(view["version"]), INTEGER)))
    modified = timestamp(view.get("updated_at"))
    if modified:
        triples.append((subject, DCTERMS + "modified", modified))
    for language in ("zh", "en"):
        if view.get(f"name_{language}"):
            triples.append((subject, SCHEMA + "name", Literal(str(view[f"name_{language}"]), language=language)))
    triples += _rights(subject, view)
    rules = domain_rules(domain, base_url)
    present = [(rule, view.get(column)) for column, rule in rules.columns]
    present += [(rules.payload[name], value) for name, value in payload.items() if name in rules.payload]
    finest: dict[str, tuple[int, str]] = {}
    for rule, value in present:
        if value is None or value == "" or value == []:
            continue
        for item in (value if type(value) is list else (value,)):
            concept = _concept_uri(rule.vocabulary, str(item), base_url) if rule.vocabulary else None
            if concept is not None and rule.concept_predicate:
                triples.append((subject, rule.concept_predicate, Iri(concept)))
            else:
                literal = rule.literal(item)
                if literal is not None:
                    triples.append((subject, rule.predicate, literal))
            if concept is not None and rule.chrono and rule.chrono[1] < finest.get(rule.chrono[0], (99, ""))[0]:
                finest[rule.chrono[0]] = (rule.chrono[1], concept)
    for end, (_, concept) in sorted(finest.items()):
        triples.append((subject, CHRONO_IRI[end], Iri(concept)))
    if payload.get(GENERALISATIONS) and GENERALISATIONS not in rules.payload:
        note = str(payload[GENERALISATIONS])
        triples.append((subject, DWC + "dataGeneralizations", Literal(note, language=language_of(note))))
    return triples


def _rights(subject: str, view: dict[str, Any]) -> list[Triple]:
    """dcterms:license and dcterms:rightsHolder take IRIs (RDF guide); a licence we know by name becomes its
    IRI, other text goes to the guide's literal twins xmpRights:UsageTerms and xmpRights:Owner."""
    triples: list[Triple] = []
    licence = str(view.get("licence") or "").strip()
    if licence:
        known = LICENCES.get("-".join(licence.lower().replace("_", " ").replace("-", " ").split()))
        if known or _is_iri(licence):
            triples.append((subject, DCTERMS + "license", Iri(known or iri_safe(licence))))
        else:
            triples.append((subject, XMP_RIGHTS + "UsageTerms", Literal(licence)))
    holder = str(view.get("rights_holder") or "").strip()
    if holder:
        triples.append((subject, DCTERMS + "rightsHolder", Iri(iri_safe(holder))) if _is_iri(holder)
                       else (subject, XMP_RIGHTS + "Owner", Literal(holder)))
    return triples


def _is_iri(text: str) -> bool:
    return text.startswith(("http://", "https://")) and " " not in text


@lru_cache(maxsize=65536)   # a dump asks for the same few thousand concepts millions of times
def _concept_uri(vocabulary_name: str, code: str, base_url: str) -> str | None:
    concept = vocabularies.get(vocabulary_name, base_url).get(code)
    return iri_safe(concept.uri) if concept is not None else None
