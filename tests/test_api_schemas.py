"""JSON Schema of each domain's rows, served under /api/schemas and checked as a real JSON Schema."""
from __future__ import annotations

import pytest

from schemas import DOMAINS, describe


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_declared_field_is_in_the_json_schema(client, domain):
    response = client.get(f"/api/schemas/{domain}.json")
    assert response.status_code == 200 and response.mimetype == "application/schema+json"
    document = response.get_json()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(document["properties"]) == {d.name for d in describe(domain).fields}
    assert "local_id" in document["required"]
    local_id = document["properties"]["local_id"]
    assert local_id["x-title-zh"] and local_id["title"] and local_id["x-level"] == "required"


def test_types_ranges_and_vocabularies(client):
    properties = client.get("/api/schemas/biological_specimen.json").get_json()["properties"]
    assert properties["decimal_latitude"] == {**properties["decimal_latitude"], "type": "number", "minimum": -90,
                                              "maximum": 90, "x-term-uri": "http://rs.tdwg.org/dwc/terms/decimalLatitude"}
    assert properties["recorded_by"]["type"] == "array"
    assert properties["basis_of_record"]["x-vocabulary"] == "http://127.0.0.1:5000/vocabularies/basis_of_record/"
    assert client.get("/api/schemas/rocks.json").status_code == 404
    assert len(client.get("/api/schemas").get_json()["items"]) == 6
