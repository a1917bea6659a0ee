"""Derived mappings follow the declarations: DwC-A columns, RDF predicates, index field types."""
from __future__ import annotations

import csv

import pytest

from schemas import DOMAINS, describe
from schemas.mappings import dwc_columns, index_fields, rdf_predicates
from tests.conftest import SHARED

TERMS = SHARED / "data" / "standards" / "dwc" / "term_versions.csv"


@pytest.fixture(scope="module")
def recommended_terms():
    if not TERMS.exists():
        pytest.skip(f"{TERMS} is not there")
    with TERMS.open(encoding="utf-8") as handle:
        return {row["term_iri"] for row in csv.DictReader(handle) if row["status"] == "recommended"}


@pytest.mark.parametrize("domain", DOMAINS)
def test_archive_columns_are_current_terms_and_unique(domain, recommended_terms):
    columns = dwc_columns(domain)
    iris = [iri for _, iri in columns]
    assert len(iris) == len(set(iris)), "two fields of one domain would fill the same archive column"
    dwc_only = [iri for iri in iris if iri.startswith("http://rs.tdwg.org/dwc/terms/")]
    assert set(dwc_only) <= recommended_terms
    assert ("local_id", "http://rs.tdwg.org/dwc/terms/catalogNumber") in columns or domain == "microbial_strain"


def test_rdf_uses_dwciri_for_vocabulary_values_and_literals_otherwise():
    predicates = {p.field: p for p in rdf_predicates("biological_specimen", "https://data.example")}
    assert predicates["basis_of_record"].iri == "http://rs.tdwg.org/dwc/iri/basisOfRecord"
    assert predicates["basis_of_record"].value_is_iri
    assert predicates["locality"].iri == "http://rs.tdwg.org/dwc/terms/locality"
    assert not predicates["locality"].value_is_iri
    assert predicates["availability"].iri == "https://data.example/terms/availability"
    assert set(predicates) == {d.name for d in describe("biological_specimen").fields}


def test_index_types():
    types = index_fields("geological_specimen")
    assert types["sample_type"] == "keyword" and types["min_age_ma"] == "double"
    assert types["locality"] == "text" and types["earliest_period"] == "keyword"
