"""Publishing keeps history and feeds the index through the outbox; visibility rules hold everywhere."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from catalog.enums import Role
from catalog.errors import Forbidden, InvalidInput, NotFound
from catalog.models import AuditEntry, IndexOutbox, ResourceHistory
from catalog.permissions import Actor
from catalog.search.query import Query
from tests.services.conftest import OPERATOR, tea


def outbox_size(services) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(IndexOutbox))


def test_publish_insert_update_unchanged_with_history(services, registry):
    changes = services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("A2")])
    assert changes.as_dict() == {"insert": 2, "update": 0, "unchanged": 0, "delete": 0}
    changes = services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                                         [tea("A1"), tea("A2", quantity="500 seeds")])
    assert changes.as_dict() == {"insert": 0, "update": 1, "unchanged": 1, "delete": 0}
    resource = services.resources.get(Actor.anonymous(), "HBPG-plant_germplasm-A2")
    assert (resource.version, resource.quantity) == (2, "500 seeds")
    history = services.resources.history(Actor.anonymous(), "HBPG-plant_germplasm-A2")
    assert [(h.version, h.change.value, h.snapshot["quantity"]) for h in history] == [
        (1, "insert", None), (2, "update", "500 seeds")]
    with services.session_factory() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.action == "resources.publish")).all()
    assert actions == ["resources.publish", "resources.publish"]


def test_nul_characters_are_kept_by_neither_database(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea(
        "N1", locality="恩施\x00市", payload={"remarks": "a\x00b", "recorded_by": ["Li\x00 Si"],
                                            "storage": {"temp\x00": "-18\x00"}})])
    shown = services.resources.view(Actor.anonymous(), "HBPG-plant_germplasm-N1")
    assert shown["locality"] == "恩施市"
    payload = shown["payload"]
    assert (payload["remarks"], payload["recorded_by"], payload["storage"]) == ("ab", ["Li Si"], {"temp": "-18"})


def test_publish_is_all_or_nothing(services, registry):
    with pytest.raises(Exception):
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("B1"), tea("")])
    with services.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ResourceHistory)) == 0
    assert services.resources.count() == 0 and outbox_size(services) == 0


def test_a_local_id_twice_in_one_publish_is_refused_whole(services, registry):
    records = [tea(f"R{number}") for number in range(600)] + [tea("R7", quantity="twice")]
    with pytest.raises(InvalidInput, match="'R7' appears more than once"):
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", records)
    assert services.resources.count() == 0


def test_only_admins_publish_without_review(services, registry):
    for role in (Role.RESEARCHER, Role.CURATOR, Role.REVIEWER):
        with pytest.raises(Forbidden):
            services.resources.publish(registry[role], "HBPG", "plant_germplasm", [tea("C1")])
    services.resources.publish(registry[Role.ADMIN], "HBPG", "plant_germplasm", [tea("C1")])
    assert services.resources.count() == 1


def test_outbox_drains_into_the_index_and_confidential_never_enters(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                               [tea("D1"), tea("D2", "confidential"), tea("D3", "restricted")])
    services.jobs.shutdown()  # wait for the background drain the publish started
    assert outbox_size(services) == 0
    result = services.search.search(Actor.anonymous(), Query(text="恩施", facets=("sharing_mode",)))
    assert sorted(item["id"] for item in result.items) == ["HBPG-plant_germplasm-D1", "HBPG-plant_germplasm-D3"]
    assert result.facets == {"sharing_mode": {"open": 1, "restricted": 1}}
    restricted = next(item for item in result.items if item["id"].endswith("D3"))
    assert (restricted["latitude"], restricted["longitude"]) == (30.25, 108.95)
    assert restricted["locality"] is None and "301746N" not in restricted["text"]


def test_confidential_records_are_not_found_except_by_their_center_and_reviewers(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("E1", "confidential")])
    identifier = "HBPG-plant_germplasm-E1"
    for actor in (Actor.anonymous(), registry[Role.RESEARCHER]):
        with pytest.raises(NotFound):
            services.resources.view(actor, identifier)
    for actor in (registry[Role.CURATOR], registry[Role.REVIEWER], registry[Role.ADMIN]):
        assert services.resources.view(actor, identifier)["sharing_mode"] == "confidential"
    assert services.resources.totals_by_domain(Actor.anonymous()) == {}
    assert services.centers.get_center(Actor.anonymous(), "HBPG").holdings == {}


def test_restricted_coordinates_are_generalised_for_outsiders_only(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("F1", "restricted")])
    public = services.resources.view(registry[Role.RESEARCHER], "HBPG-plant_germplasm-F1")
    assert (public["decimal_latitude"], public["decimal_longitude"]) == (30.25, 108.95)
    assert public["coordinate_uncertainty_m"] == 7850.0 and public["locality"] is None
    assert "verbatim_latitude" not in public["payload"] and "data_generalizations" in public["payload"]
    assert public["payload"]["remarks"] == "高山茶园"
    own = services.resources.view(registry[Role.CURATOR], "HBPG-plant_germplasm-F1")
    assert (own["decimal_latitude"], own["decimal_longitude"]) == (30.2961, 108.9372)
    assert own["payload"]["verbatim_latitude"] == "301746N" and own["locality"] == "湖北省恩施州利川市毛坝镇"


def test_index_check_finds_and_repairs_a_document_deleted_behind_our_back(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("G1"), tea("G2")])
    services.indexer.drain()
    services.backend.delete(["HBPG-plant_germplasm-G1"])
    services.backend.index([{**services.backend.search(Query(size=1)).items[0], "id": "STRAY-x-1"}])
    found = services.indexer.check()
    assert (found.missing, found.unexpected, found.consistent) == (["HBPG-plant_germplasm-G1"], ["STRAY-x-1"], False)
    services.indexer.check(repair=True)
    assert services.indexer.check().consistent
    assert services.backend.ids() == {"HBPG-plant_germplasm-G1", "HBPG-plant_germplasm-G2"}


def test_rebuild_restores_the_index_from_the_database(services, registry):
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("H1"), tea("H2"), tea("H3", "confidential")])
    services.backend.clear()
    assert services.indexer.rebuild() == 2
    assert services.backend.count() == 2
