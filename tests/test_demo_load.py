"""Demo records go through the same mapping and validation as an upload, and load once."""
from __future__ import annotations

from catalog.demo import as_row, load_demo
from catalog.demo.data import demo_resources
from catalog.permissions import Actor
from schemas import describe
from schemas.validation import validate


def test_every_demo_record_validates_into_declared_fields():
    for generated in demo_resources(per_center=60):
        outcome = validate(generated["domain"], as_row(generated["domain"], generated))
        assert outcome.record is not None, [issue.as_dict() for issue in outcome.issues]
        declared = describe(generated["domain"]).by_name
        assert set(outcome.record["payload"]) <= set(declared) | {"age_begin_ma", "age_end_ma"}


def test_load_demo_publishes_indexes_and_is_idempotent(services):
    first = load_demo(services, per_center=15)
    assert first["loaded"] is True and first["records"] == 15 * 8
    assert services.backend.count() == sum(services.resources.totals_by_domain(Actor.anonymous()).values())
    again = load_demo(services, per_center=15)
    assert again["loaded"] is False and again["records"] == first["records"]

