"""The publishing rules derived from the declarations follow the Darwin Core RDF guide for every domain."""
from __future__ import annotations

import csv

import pytest

from catalog.linked_data.resources import DWCIRI_TERMS, field_rules, material_class, resource_triples
from catalog.linked_data.terms import DWC, DWCIRI, RDF_TYPE, Iri
from schemas import DOMAINS
from tests.conftest import SHARED

BASE = "http://127.0.0.1:5000"


def test_the_dwciri_terms_are_those_darwin_core_defines():
    with (SHARED / "data" / "standards" / "dwc" / "term_versions.csv").open(encoding="utf-8") as handle:
        defined = {row["term_localName"] for row in csv.DictReader(handle)
                   if row["status"] == "recommended" and row["organized_in"].endswith("/UseWithIRI")}
    assert DWCIRI_TERMS == defined


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_domain_publishes_only_defined_terms_in_their_kind(domain):
    for rule in field_rules(domain, BASE):
        if rule.concept_predicate and rule.concept_predicate.startswith(DWCIRI):
            assert rule.concept_predicate[len(DWCIRI):] in DWCIRI_TERMS
        assert not rule.predicate.startswith(DWCIRI), rule   # literals never go to a dwciri: term
        if rule.predicate.startswith(DWC):
            assert not rule.predicate.endswith("ID"), rule


@pytest.mark.parametrize("domain, payload, expected", [
    ("biological_specimen", {}, "PreservedSpecimen"),
    ("biological_specimen", {"basis_of_record": "FossilSpecimen"}, "FossilSpecimen"),
    ("geological_specimen", {"sample_type": "fossil"}, "FossilSpecimen"),
    ("geological_specimen", {"sample_type": "thin_section"}, "MaterialSample"),
    ("geological_specimen", {"sample_type": "rock"}, "MaterialEntity"),
    ("plant_germplasm", {}, "LivingSpecimen"),
    ("animal_germplasm", {"material_type": "semen"}, "MaterialSample"),
    ("animal_germplasm", {"material_type": "live_animal"}, "LivingSpecimen"),
    ("microbial_strain", {}, "LivingSpecimen"),
    ("experimental_material", {}, "MaterialSample"),
])
def test_each_resource_is_typed_with_its_darwin_core_class(domain, payload, expected):
    assert material_class(domain, {"payload": payload}) == expected


def test_chronostratigraphy_links_the_finest_unit_of_each_end():
    view = {"id": "CUG-geological_specimen-F1", "center": "CUG", "domain": "geological_specimen",
            "payload": {"sample_type": "fossil", "earliest_period": "Jurassic", "earliest_epoch": "MiddleJurassic",
                        "latest_period": "Jurassic"}}
    triples = resource_triples(view, BASE)
    subject = BASE + "/resources/CUG-geological_specimen-F1"
    concept = BASE + "/vocabularies/chronostratigraphy/"
    assert (subject, DWCIRI + "earliestGeochronologicalEra", Iri(concept + "MiddleJurassic")) in triples
    assert (subject, DWCIRI + "latestGeochronologicalEra", Iri(concept + "Jurassic")) in triples
    assert (subject, RDF_TYPE, Iri(DWC + "FossilSpecimen")) in triples
    assert [o for s, p, o in triples if p == DWC + "earliestEpochOrLowestSeries"] \
        and not [p for s, p, o in triples if p.startswith(DWCIRI + "earliestEpoch")]
