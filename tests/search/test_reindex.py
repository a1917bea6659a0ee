"""`catalog reindex` rebuilds the index while searches go on: no search fails or sees a partial index."""
from __future__ import annotations

import threading

import pytest

from catalog.app import build_services, initialise
from catalog.config import Settings
from catalog.permissions import Actor
from catalog.search.elastic import ElasticBackend
from catalog.search.query import Query
from tests.services.conftest import tea

OPERATOR = Actor.operator()
RECORDS = 400


@pytest.mark.parametrize("engine", ["embedded", "emulator"])
def test_searches_keep_answering_during_a_rebuild(tmp_path, request, engine, database_values):
    values = {"CATALOG_VAR_DIR": str(tmp_path / "var"), **database_values}
    if engine == "emulator":
        values["CATALOG_SEARCH_URL"] = request.getfixturevalue("emulator_url")
    services = build_services(Settings.from_env(values))
    if isinstance(services.backend, ElasticBackend):
        services.backend.index_name = f"catalog-reindex-{tmp_path.name[-12:].lower()}"
    try:
        initialise(services)
        services.resources.on_change = lambda: None
        services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                       domain="plant_germplasm")
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea(f"R{n}") for n in range(RECORDS)])
        services.indexer.drain()
        seen, errors, stop = [], [], threading.Event()

        def search_continuously():
            while not stop.is_set():
                try:
                    seen.append(services.search.search(Actor.anonymous(), Query(text="恩施", size=1)).total)
                except Exception as error:  # any failure during the swap is what this test is about
                    errors.append(error)

        searcher = threading.Thread(target=search_continuously)
        searcher.start()
        try:
            for _ in range(2):
                assert services.indexer.rebuild() == RECORDS
        finally:
            stop.set()
            searcher.join(timeout=30)
        assert errors == [] and seen and set(seen) == {RECORDS}
        assert services.indexer.check().consistent
        if isinstance(services.backend, ElasticBackend):
            aliases = services.backend.client.indices.get_alias(name=services.backend.index_name)
            assert len(aliases) == 1  # the old physical indices are gone
    finally:
        if isinstance(services.backend, ElasticBackend):
            services.backend.drop()
        services.close()
