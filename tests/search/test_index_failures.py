"""A document Elasticsearch refuses is set aside with the reason and never blocks the changes queued after it;
`catalog index check` lists it and `--repair` retries it. Run on the noida-db emulator (a refusal needs an
engine with a mapping; the embedded engine takes every document)."""
from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from catalog.app import build_services, initialise
from catalog.cli import main
from catalog.config import Settings
from catalog.models import IndexFailure, IndexOutbox
from catalog.permissions import Actor
from catalog.search.elastic import MAPPINGS, SETTINGS
from catalog.search.query import Query
from tests.search.conftest import free_port, start_emulator, stop_emulator
from tests.services.conftest import tea

OPERATOR = Actor.operator()
PREFIX = "HBPG-plant_germplasm-"


@pytest.fixture(scope="module")
def own_emulator(tmp_path_factory):
    """An emulator for this module alone, so the platform's own index name (catalog-public) is free."""
    port = free_port()
    process = start_emulator(tmp_path_factory.mktemp("noida-failures"), port)
    yield f"http://127.0.0.1:{port}"
    stop_emulator(process, port)


@pytest.fixture
def platform(tmp_path, own_emulator, monkeypatch, database_values):
    """Services and the `catalog` command on one database and the emulator; nothing drains in the background."""
    monkeypatch.setenv("CATALOG_VAR_DIR", str(tmp_path / "var"))
    for name, value in database_values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("CATALOG_SEARCH_URL", own_emulator)
    services = build_services(Settings.from_env())
    initialise(services)
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    yield services
    services.backend.drop()
    services.close()


def at(elevation) -> dict:
    return {"accession_name": "高山茶", "remarks": "高山茶园", "elevation": elevation}


def set_aside(services) -> list[tuple[str, int, int]]:
    with services.session_factory() as session:
        return [(f.identifier, f.version, f.attempts)
                for f in session.scalars(select(IndexFailure).order_by(IndexFailure.identifier))]


def reasons(services) -> list[str]:
    with services.session_factory() as session:
        return list(session.scalars(select(IndexFailure.reason).order_by(IndexFailure.identifier)))


def queued(services) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(IndexOutbox))


def found(services) -> list[str]:
    return sorted(item["id"] for item in services.search.search(Actor.anonymous(), Query(size=50)).items)


def index_without_elevation(services) -> None:
    """Put the alias over an index made by an older mapping that lacks attributes.elevation (strict)."""
    backend = services.backend
    backend.drop()
    older = copy.deepcopy(MAPPINGS)
    del older["properties"]["attributes"]["properties"]["elevation"]
    backend.client.indices.create(index=f"{backend.index_name}-older", settings=SETTINGS, mappings=older)
    backend.client.indices.put_alias(index=f"{backend.index_name}-older", name=backend.index_name)


def check(*options: str):
    result = CliRunner().invoke(main, ["index", "check", *options])
    return result.exit_code, result.output


def test_a_refused_document_is_set_aside_and_the_changes_after_it_are_indexed(platform):
    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                               [tea("A1"), tea("P1", payload=at("约1200米")), tea("A2")])
    assert platform.indexer.drain() == 3 and queued(platform) == 0
    assert set_aside(platform) == [(PREFIX + "P1", 1, 1)]
    (reason,) = reasons(platform)
    assert reason.startswith("document_parsing_exception: ") and "[attributes.elevation]" in reason
    assert found(platform) == [PREFIX + "A1", PREFIX + "A2"]

    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A3")])
    assert platform.indexer.drain() == 1
    assert found(platform) == [PREFIX + "A1", PREFIX + "A2", PREFIX + "A3"]
    result = platform.indexer.check()
    assert (result.missing, [entry["id"] for entry in result.set_aside], result.consistent) == (
        [PREFIX + "P1"], [PREFIX + "P1"], False)

    # The curator corrects the record: the new version is accepted and leaves the list.
    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("P1", payload=at(1200.0))])
    assert platform.indexer.drain() == 1 and set_aside(platform) == []
    assert platform.indexer.check().consistent


def test_index_check_reports_the_documents_set_aside_and_repair_retries_them(platform):
    index_without_elevation(platform)
    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("E1", payload=at(350.0))])
    assert platform.indexer.drain() == 2 and set_aside(platform) == [(PREFIX + "E1", 1, 1)]

    code, output = check("--json")
    report = json.loads(output)
    assert code == 1 and (report["in_database"], report["in_index"], report["missing"], report["unexpected"],
                          report["repaired"], report["unrepaired"], report["consistent"]) == (
        2, 1, [PREFIX + "E1"], [], False, [], False)
    (entry,) = report["set_aside"]
    assert (entry["id"], entry["version"], entry["attempts"]) == (PREFIX + "E1", 1, 1)
    assert entry["reason"].startswith("strict_dynamic_mapping_exception: ")
    assert "dynamic introduction of [elevation] within [attributes] is not allowed" in entry["reason"]

    code, output = check()
    lines = output.splitlines()
    assert code == 1 and lines[0] == "database 2, index 1, missing 1, unexpected 0, set aside 1"
    assert lines[1].startswith(f"  set aside: {PREFIX}E1 version 1, refused 1 time(s) since ")
    assert lines[1].endswith(entry["reason"]) and len(lines) == 2

    # Retried while the mapping still lacks the field: refused again, counted, and the command fails.
    code, output = check("--repair", "--json")
    assert code == 1 and json.loads(output)["repaired"] and json.loads(output)["unrepaired"] == [PREFIX + "E1"]
    assert set_aside(platform) == [(PREFIX + "E1", 1, 2)]

    elevation = {"attributes": {"properties": {"elevation": {"type": "double"}}}}
    platform.backend.client.indices.put_mapping(index=platform.backend.index_name, properties=elevation)
    code, output = check("--repair")
    lines = output.splitlines()
    assert code == 0 and lines[0] == "database 2, index 1, missing 1, unexpected 0, set aside 1 (repaired)"
    assert lines[1].startswith(f"  set aside: {PREFIX}E1 version 1, refused 2 time(s) since ") and len(lines) == 2
    assert set_aside(platform) == []
    code, output = check("--json")
    assert code == 0 and json.loads(output)["consistent"] and json.loads(output)["set_aside"] == []
    assert found(platform) == [PREFIX + "A1", PREFIX + "E1"]


def test_a_rebuild_on_the_current_mapping_takes_the_documents_set_aside_off_the_list(platform):
    index_without_elevation(platform)
    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("E1", payload=at(350.0))])
    assert platform.indexer.drain() == 2 and set_aside(platform) == [(PREFIX + "E1", 1, 1)]
    assert platform.indexer.rebuild() == 2
    assert set_aside(platform) == [] and platform.indexer.check().consistent
    assert found(platform) == [PREFIX + "A1", PREFIX + "E1"]


def test_a_rebuild_the_engine_refuses_documents_of_leaves_the_index_in_use(platform):
    platform.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("P1", payload=at("约1200米"))])
    assert platform.indexer.drain() == 2 and found(platform) == [PREFIX + "A1"]
    result = CliRunner().invoke(main, ["reindex"])
    assert result.exit_code == 1
    assert f"The rebuilt index was not put in use: the search engine refused 1 document(s), e.g. {PREFIX}P1: " \
           "document_parsing_exception: " in result.output
    assert "重建的索引未启用" in result.output
    assert found(platform) == [PREFIX + "A1"] and set_aside(platform) == [(PREFIX + "P1", 1, 1)]
