"""Every value a declaration puts in a core column fits that column on PostgreSQL, which enforces column
lengths (SQLite does not): a declaration's maximum length is within its column's."""
from __future__ import annotations

import pytest
from sqlalchemy import Enum, String

from catalog.models import Resource
from schemas.fields import Kind
from schemas.registry import DOMAINS, describe

# Columns filled with a normalised form rather than the text as given: the longest such form.
CODED = {"country_code": len("CN"),                       # ISO 3166-1 alpha-2 (an unknown country is not kept)
         "event_date": len("2019-04-12/2019-04-13")}      # ISO 8601 date or interval


@pytest.mark.parametrize("domain", DOMAINS)
def test_declared_lengths_fit_the_core_columns(domain):
    checked = 0
    for declaration in describe(domain).fields:
        column = Resource.__table__.c.get(declaration.core) if declaration.core else None
        if column is None or not isinstance(column.type, String) or isinstance(column.type, Enum) \
                or column.type.length is None:  # an enum column's values are its members, checked as such
            continue
        if declaration.core in CODED:
            assert (declaration.vocabulary or declaration.kind == Kind.DATE) \
                and CODED[declaration.core] <= column.type.length
        else:
            assert declaration.max_length is not None and declaration.max_length <= column.type.length, \
                (declaration.name, declaration.max_length, column.type.length)
        checked += 1
    assert checked >= 5
