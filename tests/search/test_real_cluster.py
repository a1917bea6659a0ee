"""What only a real Elasticsearch cluster can prove, because the noida-db emulator behaves differently there:
REST version negotiation between the client and the cluster, strict geo_point parsing, composite aggregations.

Runs only when CATALOG_TEST_ES_URL points at a cluster (README, "Which tests ran against what")."""
from __future__ import annotations

import os

import elasticsearch
import pytest
from sqlalchemy import select

from catalog.models import IndexFailure
from catalog.permissions import Actor
from catalog.search.elastic import ElasticBackend
from catalog.search.indexer import Indexer
from catalog.search.query import Query
from tests.search.test_contract import CORPUS
from tests.services.conftest import tea

CLUSTER_URL = os.environ.get("CATALOG_TEST_ES_URL")
# A skip even under CI=true: no cluster runs on the CI machines, the emulator covers the rest there.
pytestmark = pytest.mark.skipif(not CLUSTER_URL, reason="needs a real Elasticsearch cluster: set CATALOG_TEST_ES_URL")
OPERATOR = Actor.operator()


@pytest.fixture
def cluster():
    backend = ElasticBackend(CLUSTER_URL, index=f"catalog-real-{os.urandom(4).hex()}")
    backend.ensure_index()
    yield backend
    backend.drop()
    backend.close()


def major(version: str) -> int:
    return int(version.split(".")[0])


def test_the_installed_client_speaks_a_rest_version_the_cluster_accepts(cluster):
    server = cluster.client.info()["version"]["number"]
    # A cluster answers requests compatible with its own major version or the one before (REST compatibility);
    # a newer client's compatible-with header is refused on every request.
    assert major(elasticsearch.__versionstr__) in (major(server), major(server) - 1), (
        f"the elasticsearch client {elasticsearch.__versionstr__} cannot talk to Elasticsearch {server}: "
        f"pin elasticsearch>={major(server)}.0,<{major(server) + 1} in setup.cfg")


def test_the_cluster_refuses_a_compatibility_version_newer_than_itself(cluster):
    server = major(cluster.client.info()["version"]["number"])

    def search_compatible_with(version: int):
        media_type = f"application/vnd.elasticsearch+json; compatible-with={version}"
        return cluster.client.perform_request("POST", f"/{cluster.index_name}/_search", body={"size": 0},
                                              headers={"accept": media_type, "content-type": media_type})

    assert search_compatible_with(server)["hits"]["total"]["value"] == 0
    with pytest.raises(elasticsearch.BadRequestError) as refused:
        search_compatible_with(server + 1)
    assert refused.value.body["error"]["type"] == "media_type_header_exception"


def test_a_malformed_geo_point_is_refused_and_set_aside(cluster, services):
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                               [tea("G1"), tea("G2", decimal_latitude=95.0, coordinate_uncertainty_m=None)])
    indexer = Indexer(services.session_factory, cluster, location=CLUSTER_URL)
    assert indexer.drain() == 2
    assert cluster.ids() == {"HBPG-plant_germplasm-G1"}
    with services.session_factory() as session:
        (failure,) = session.scalars(select(IndexFailure))
    assert failure.identifier == "HBPG-plant_germplasm-G2" and "latitude" in failure.reason


def test_composite_aggregations_page_through_the_same_buckets_as_the_terms_facet(cluster):
    assert cluster.index(CORPUS) == len(CORPUS)
    buckets: dict[str, int] = {}
    after = None
    while True:
        composite = {"size": 2, "sources": [{"center": {"terms": {"field": "center"}}}]}
        if after:
            composite["after"] = after
        page = cluster.client.search(index=cluster.index_name, size=0, aggs={"centers": {"composite": composite}})
        result = page["aggregations"]["centers"]
        buckets.update({bucket["key"]["center"]: bucket["doc_count"] for bucket in result["buckets"]})
        after = result.get("after_key")
        if not result["buckets"] or not after:
            break
    assert buckets == cluster.search(Query(facets=("center",))).facets["center"] == {"HBPG": 2, "IHB": 2, "CUG": 1}
