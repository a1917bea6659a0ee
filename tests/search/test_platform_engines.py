"""The platform gives the same totals and facets on both engines for the same published records."""
from __future__ import annotations

import pytest

from catalog.app import build_services, health, initialise
from catalog.config import Settings
from catalog.demo import load_demo
from catalog.permissions import Actor
from catalog.search.query import Query

QUERIES = [Query(facets=("domain", "center", "sharing_mode")), Query(text="湖北", facets=("domain",)),
           Query(text="Camellia"), Query(filters={"domain": ("biological_specimen",)}, facets=("year",))]


def run(settings: Settings):
    services = build_services(settings)
    try:
        initialise(services)
        services.backend.clear()
        load_demo(services, per_center=12)
        services.jobs.wait()
        services.indexer.drain()
        status = health(services)
        results = [services.search.search(Actor.anonymous(), query) for query in QUERIES]
        services.backend.delete([results[0].items[0]["id"]])
        repaired = services.indexer.check(repair=True)
        return status, [(r.total, r.facets) for r in results], repaired, services.indexer.check().consistent
    finally:
        services.close()


@pytest.mark.slow
def test_same_answers_on_the_embedded_engine_and_elasticsearch(tmp_path, emulator_url, fresh_database):
    embedded = run(Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "a"), **fresh_database(tmp_path / "a")}))
    elastic = run(Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "b"), "CATALOG_SEARCH_URL": emulator_url,
                                     **fresh_database(tmp_path / "b")}))
    for status, answers, repaired, consistent in (embedded, elastic):
        assert status["status"] == "ok" and status["checks"]["search"] == "ok"
        assert len(repaired.missing) == 1 and repaired.repaired and consistent
        assert answers[0][0] > 0 and answers[1][0] > 0
    assert embedded[1] == elastic[1]


def test_the_elasticsearch_mapping_is_derived_from_the_declarations(emulator_url):
    from catalog.search.elastic import ElasticBackend
    from schemas.mappings import index_fields_all
    backend = ElasticBackend(emulator_url, index="catalog-mapping-check")
    backend.ensure_index()
    try:
        mapping = backend.client.indices.get_mapping(index="catalog-mapping-check")
        (physical,) = mapping.values()  # the name is an alias over one versioned index
        attributes = physical["mappings"]["properties"]["attributes"]["properties"]
        expected = {name for name, kind in index_fields_all().items() if kind != "text"}
        assert set(attributes) == expected
        assert attributes["basis_of_record"]["type"] == "keyword" and attributes["min_age_ma"]["type"] == "double"
        template = backend.client.indices.get_index_template(name="catalog-mapping-check")["index_templates"][0]
        assert template["index_template"]["index_patterns"] == ["catalog-mapping-check-*"]
        assert physical["mappings"]["properties"]["location"]["type"] == "geo_point"
    finally:
        backend.drop()
        backend.close()
