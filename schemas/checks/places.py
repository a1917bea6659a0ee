"""Country names beside country codes; province and county names or codes → the most specific Chinese
administrative division, checked for nesting."""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Iterator

import vocabularies
from schemas.checks.common import issue
from schemas.issues import Issue
from schemas.registry import DomainDescription

CHINA = "CN"


def resolve_country(values: dict[str, Any], description: DomainDescription,
                    failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    """A country name column (Darwin Core country) fills an empty country code and must agree with a given one
    (GBIF's COUNTRY_MISMATCH). An unknown name was flagged by its cell and is left alone."""
    name = values.get("country")
    if name is None or vocabularies.get("country").get(name) is None:
        return
    code = values.get("country_code")
    if code is None and "country_code" not in failed:
        values["country_code"] = name
    elif code is not None and code != name and vocabularies.get("country").get(code) is not None:
        yield issue(description, "COUNTRY_MISMATCH", "country", name, country_code=code)


def resolve_admin_division(values: dict[str, Any], description: DomainDescription,
                           failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    """Sets values["admin_division"] for records in China; flags a county outside its stated province."""
    if values.get("country_code") not in (None, CHINA):
        return
    divisions = vocabularies.get("admin_division")
    province = divisions.match(values["state_province"]) if values.get("state_province") else None
    county = divisions.match(values["county"]) if values.get("county") else None
    if values.get("state_province") and province is None:
        yield issue(description, "UNKNOWN_TERM", "state_province", values["state_province"],
                    suggestion_en="", suggestion_zh="")
    if county is not None and province is not None:
        lineage = {ancestor.code for ancestor in divisions.ancestors(county.code)}
        if province.code not in lineage and province.code != county.code:
            yield issue(description, "ADMIN_DIVISION_MISMATCH", "county", values["county"],
                        place_en=province.label("en"), place_zh=province.label("zh"))
            county = None
    chosen = county or province
    if chosen is not None:
        values["admin_division"] = chosen.code
        if values.get("country_code") is None:
            values["country_code"] = CHINA
