"""What every domain's declarations must satisfy, checked once for all six domains."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

import vocabularies
from ingest.mapping import normalise
from schemas import DOMAINS, describe
from schemas.core import CoreSchema
from schemas.fields import NAMESPACES, PLATFORM_PREFIX
from tests.schemas.helpers import headers


@pytest.mark.parametrize("domain", DOMAINS)
def test_labels_terms_groups_and_vocabularies(domain):
    for declaration in describe(domain).fields:
        assert declaration.labels["en"].strip(), declaration.name
        assert re.search(r"[\u4e00-\u9fff]", declaration.labels["zh"]), declaration.name
        prefix = declaration.term.partition(":")[0]
        assert prefix in NAMESPACES or prefix == PLATFORM_PREFIX, declaration.term
        assert declaration.term_name and declaration.group, declaration.name
        if declaration.vocabulary:
            assert len(vocabularies.get(declaration.vocabulary)) > 0, declaration.vocabulary


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_two_fields_share_a_term(domain):
    owners = defaultdict(list)
    for declaration in describe(domain).fields:
        owners[declaration.term].append(declaration.name)
    assert {term: names for term, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_header_maps_to_one_field(domain):
    """The names the column mapper matches (with its own normalisation) never point at two fields."""
    owners = defaultdict(set)
    for declaration in describe(domain).fields:
        for header in headers(declaration):
            owners[normalise(header)].add(declaration.name)
    assert {header: names for header, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize("domain", DOMAINS)
def test_core_columns_are_all_still_filled(domain):
    core = {name: field.metadata["spec"]["core"] for name, field in CoreSchema._declared_fields.items()}
    assert describe(domain).core_columns == {column: name for name, column in core.items() if column}
