"""Helpers the domain schema tests share."""
from __future__ import annotations

from marshmallow import ValidationError

from ingest.mapping import normalise
from schemas import describe
from schemas.issues import Severity


def found(outcome):
    """(field, code) of every issue, in order."""
    return [(issue.field, issue.code) for issue in outcome.issues]


def headers(declaration):
    """Every name a column may carry for the field, as the ingest column mapper collects them."""
    return (declaration.name, declaration.term, declaration.term_name, declaration.labels["en"],
            declaration.labels["zh"], *declaration.aliases, *([declaration.mcpd] if declaration.mcpd else []))


def header_map(domain):
    """Normalised column name → the one field it fills."""
    return {normalise(header): d.name for d in describe(domain).fields for header in headers(d)}


def invalid_by_validate(outcome, parse_codes):
    """Fields whose value validate() refuses: an error, or a parse failure (the value is dropped)."""
    return {i.field: i.code for i in outcome.issues if i.severity == Severity.ERROR or i.code in parse_codes}


def invalid_by_marshmallow(domain, data):
    try:
        describe(domain).schema().load(data)
    except ValidationError as error:
        return error.messages
    return {}
