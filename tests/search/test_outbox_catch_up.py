"""The index catches up from the outbox after Elasticsearch was down while records were published."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from catalog.app import build_services, initialise
from catalog.config import Settings
from catalog.models import IndexOutbox
from catalog.permissions import Actor
from catalog.search.query import Query
from tests.search.conftest import free_port, start_emulator, stop_emulator
from tests.services.conftest import tea

OPERATOR = Actor.operator()


def outbox(services) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(IndexOutbox))


@pytest.mark.slow
def test_publishing_while_the_server_is_down_is_indexed_once_it_is_back(tmp_path, database_values):
    port, data = free_port(), tmp_path / "noida"
    server = start_emulator(data, port)
    settings = Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "var"), **database_values,
                                  "CATALOG_SEARCH_URL": f"http://127.0.0.1:{port}"})
    services = build_services(settings)
    try:
        initialise(services)
        services.resources.on_change = lambda: None  # drains are driven by the test
        services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                       domain="plant_germplasm")
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("A2")])
        assert services.indexer.drain() == 2
        stop_emulator(server, port)
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A3"), tea("A1", quantity="2 kg")])
        with pytest.raises(Exception):
            services.indexer.drain()
        assert outbox(services) == 2  # nothing was lost: the work waits in the database
        server = start_emulator(data, port)
        assert services.indexer.drain() == 2 and outbox(services) == 0
        assert services.indexer.check().consistent
        assert {item["id"] for item in services.search.search(Actor.anonymous(), Query(text="恩施")).items} == {
            "HBPG-plant_germplasm-A1", "HBPG-plant_germplasm-A2", "HBPG-plant_germplasm-A3"}
        assert services.search.search(Actor.anonymous(), Query(text="恩施", size=5)).total == 3
        assert next(item for item in services.search.search(Actor.anonymous(), Query(size=5)).items
                    if item["id"].endswith("A1"))["version"] == 2
    finally:
        services.close()
        stop_emulator(server, port)
