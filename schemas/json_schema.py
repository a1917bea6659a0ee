"""JSON Schema (draft 2020-12) of a domain's submission row, derived from the declarations."""
from __future__ import annotations

from typing import Any

import vocabularies
from schemas.fields import Declaration, Kind
from schemas.registry import describe

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(domain: str, base_url: str = "http://127.0.0.1:5000") -> dict[str, Any]:
    """The shape of one row as submitted (raw values), with titles in both languages and term IRIs."""
    description = describe(domain)
    properties = {declaration.name: _property(declaration, base_url) for declaration in description.fields}
    return {
        "$schema": DIALECT,
        "$id": f"{base_url}/api/schemas/{domain}.json",
        "title": domain,
        "type": "object",
        "properties": properties,
        "required": [d.name for d in description.fields if d.required and d.name != "sharing_mode"],
        "additionalProperties": True,
    }


def _property(declaration: Declaration, base_url: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "title": declaration.labels["en"],
        "x-title-zh": declaration.labels["zh"],
        "x-term": declaration.term,
        "x-level": declaration.level.value,
    }
    if declaration.term_uri:
        schema["x-term-uri"] = declaration.term_uri
    if declaration.description["en"]:
        schema["description"] = declaration.description["en"]
    if declaration.description["zh"]:
        schema["x-description-zh"] = declaration.description["zh"]
    if declaration.kind == Kind.INTEGER:
        schema["type"] = "integer"
    elif declaration.kind == Kind.DECIMAL:
        schema["type"] = "number"
    elif declaration.kind == Kind.BOOLEAN:
        schema["type"] = "boolean"
    elif declaration.kind == Kind.LIST:
        schema["type"] = "array"
        schema["items"] = {"type": "string"}
    else:
        schema["type"] = "string"
        if declaration.kind == Kind.DATE:
            schema["x-format"] = "ISO 8601 date, reduced precision or interval"
    if declaration.minimum is not None:
        schema["minimum"] = declaration.minimum
    if declaration.maximum is not None:
        schema["maximum"] = declaration.maximum
    if declaration.max_length is not None and schema["type"] == "string":
        schema["maxLength"] = declaration.max_length
    if declaration.vocabulary:
        vocabulary = vocabularies.get(declaration.vocabulary, base_url)
        schema["x-vocabulary"] = vocabulary.uri
        if declaration.closed:
            codes = [concept.code for concept in vocabulary]
            target = schema["items"] if schema["type"] == "array" else schema
            target["examples"] = codes[:10]
    return schema
