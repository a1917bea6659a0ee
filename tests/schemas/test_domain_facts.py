"""Facts about a domain are declared once, in schemas/<domain>.py, and everything else reads them: the Domain
enum, the labels of pages and facets, the published domain vocabulary, the field groups of record pages."""
from __future__ import annotations

import vocabularies
from catalog.enums import DOMAIN_LABELS, Domain
from schemas import describe
from schemas.declarations import GROUP_LABELS
from schemas import registry
from schemas.registry import DOMAINS


def test_the_domain_enum_and_labels_come_from_the_registry():
    assert Domain is registry.Domain
    assert [domain.value for domain in Domain] == list(DOMAINS)
    assert {domain.value: labels for domain, labels in DOMAIN_LABELS.items()} == \
        {domain: describe(domain).labels for domain in DOMAINS}


def test_the_published_domain_vocabulary_names_each_domain_as_its_schema_does():
    published = vocabularies.get("domain")
    for domain in DOMAINS:
        assert dict(published.get(domain).labels) == describe(domain).labels


def test_every_field_group_has_a_name_in_both_languages():
    used = {declaration.group for domain in DOMAINS for declaration in describe(domain).fields}
    assert used <= set(GROUP_LABELS)
    assert all(zh and en and zh != en for zh, en in GROUP_LABELS.values())
