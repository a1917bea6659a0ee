"""ElasticBackend and the official client against a loopback HTTP server that answers like Elasticsearch 8:
refused and reset connections, 429s on the whole bulk and per item, refused documents and version conflicts.

The response bodies are the shapes Elasticsearch itself sends (bulk API reference, and 429/503 bodies as
clusters return them); every answer carries X-Elastic-Product so the client's product check passes."""
from __future__ import annotations

import json
import socket
import struct
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any, Callable

import elasticsearch.helpers.actions as bulk_helpers
import pytest
from elasticsearch import UnsupportedProductError
from sqlalchemy import func, select

from catalog.models import IndexFailure, IndexOutbox
from catalog.permissions import Actor
from catalog.search.elastic import ElasticBackend, IndexingRefused
from catalog.search.failures import SearchUnavailable
from catalog.search.indexer import Indexer
from tests.conftest import closed_port
from tests.services.conftest import tea

OPERATOR = Actor.operator()
INDEX = "catalog-public"

INFO = {"name": "es-node-1", "cluster_name": "docker-cluster", "cluster_uuid": "p3HkLBZ7Q2yQvLZb1mUeRg",
        "version": {"number": "8.15.3", "build_flavor": "default", "build_type": "docker",
                    "build_hash": "f97532e680b555c3a05e73a74c28afb666923018",
                    "build_date": "2024-10-09T22:08:00.328917561Z", "build_snapshot": False,
                    "lucene_version": "9.11.1", "minimum_wire_compatibility_version": "7.17.0",
                    "minimum_index_compatibility_version": "7.0.0"},
        "tagline": "You Know, for Search"}
COORDINATING_REJECTION = ("rejected execution of coordinating operation [coordinating_and_primary_bytes=105126959, "
                          "replica_bytes=0, all_bytes=105126959, coordinating_operation_bytes=2597635, "
                          "max_coordinating_and_primary_bytes=107374182]")
BULK_REJECTED = {"error": {"root_cause": [{"type": "rejected_execution_exception", "reason": COORDINATING_REJECTION}],
                           "type": "rejected_execution_exception", "reason": COORDINATING_REJECTION}, "status": 429}
SHARD_UNAVAILABLE = ("[catalog-public-1][0] primary shard is not active Timeout: [1m], request: "
                     "[BulkShardRequest [[catalog-public-1][0]] containing [2] requests]")
BULK_UNAVAILABLE = {"error": {"root_cause": [{"type": "unavailable_shards_exception", "reason": SHARD_UNAVAILABLE}],
                              "type": "unavailable_shards_exception", "reason": SHARD_UNAVAILABLE}, "status": 503}
ITEM_REJECTED = {"type": "es_rejected_execution_exception",
                 "reason": "rejected execution of primary operation [shard_detail=[catalog-public-1][0][P], "
                           "shard_coordinating_and_primary_bytes=0, shard_operation_bytes=2218, "
                           "shard_max_coordinating_and_primary_bytes=107374182]"}


def mapper_parsing(identifier: str) -> dict[str, Any]:
    """Before 8.8 a value the mapping cannot take is a mapper_parsing_exception."""
    return {"type": "mapper_parsing_exception",
            "reason": f"failed to parse field [attributes.elevation] of type [double] in document with id "
                      f"'{identifier}'. Preview of field's value: '约1200米'",
            "caused_by": {"type": "number_format_exception", "reason": 'For input string: "约1200米"'}}


def document_parsing(identifier: str) -> dict[str, Any]:
    """From 8.8 on the same refusal is a document_parsing_exception."""
    return {"type": "document_parsing_exception",
            "reason": f"[1:412] failed to parse field [attributes.elevation] of type [double] in document with id "
                      f"'{identifier}'. Preview of field's value: '约1200米'",
            "caused_by": {"type": "illegal_argument_exception", "reason": 'For input string: "约1200米"'}}


def version_conflict(identifier: str) -> dict[str, Any]:
    return {"type": "version_conflict_engine_exception",
            "reason": f"[{identifier}]: version conflict, current version [3] is higher or equal to the one "
                      f"provided [2]",
            "index_uuid": "Xq6mFv4xR0mYc0b1GvKQ1A", "shard": "0", "index": "catalog-public-1"}


@dataclass(frozen=True)
class BulkItem:
    operation: str
    meta: dict[str, Any]
    source: dict[str, Any] | None

    @property
    def id(self) -> str:
        return self.meta["_id"]


RESET = object()  # answer a request by resetting the connection
Answer = Callable[[list[BulkItem]], Any]  # → (status, body) or RESET


def accept_all(items: list[BulkItem]) -> tuple[int, dict[str, Any]]:
    return fail_items({})(items)


def fail_items(failures: dict[str, tuple[int, dict[str, Any]]]) -> Answer:
    """A 200 bulk response in which the listed ids fail with (status, error) and every other item is created."""
    def answer(items: list[BulkItem]) -> tuple[int, dict[str, Any]]:
        results = []
        for number, item in enumerate(items):
            if item.id in failures:
                status, error = failures[item.id]
                outcome = {"_index": item.meta.get("_index", INDEX), "_id": item.id, "status": status, "error": error}
            else:
                outcome = {"_index": item.meta.get("_index", INDEX), "_id": item.id,
                           "_version": item.meta.get("version", 1), "result": "created",
                           "_shards": {"total": 2, "successful": 1, "failed": 0}, "_seq_no": number,
                           "_primary_term": 1, "status": 201}
            results.append({item.operation: outcome})
        return 200, {"took": 7, "errors": bool(failures.keys() & {item.id for item in items}), "items": results}
    return answer


def whole(status: int, body: dict[str, Any]) -> Answer:
    return lambda items: (status, body)


class FakeElasticsearch(ThreadingHTTPServer):
    """Answers GET / and POST /_bulk like Elasticsearch 8; bulk answers are taken from a script, in order,
    and every bulk request is kept as parsed items."""
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ElasticsearchHandler)
        self.bulk_answers: list[Answer] = []
        self.bulk_requests: list[list[BulkItem]] = []
        self.product_header = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class ElasticsearchHandler(BaseHTTPRequestHandler):
    server: FakeElasticsearch

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/":
            self.send_json(200, INFO)
        else:
            self.send_json(404, {"error": "no handler for this test", "status": 404})

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.split("?")[0] != "/_bulk":
            self.send_json(404, {"error": "no handler for this test", "status": 404})
            return
        items = parse_bulk(body)
        self.server.bulk_requests.append(items)
        answer = self.server.bulk_answers.pop(0) if self.server.bulk_answers else accept_all
        outcome = answer(items)
        if outcome is RESET:
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN: a reset, not a clean close.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        self.send_json(*outcome)

    do_PUT = do_POST  # the client sends bulk as PUT

    def send_json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if self.server.product_header:
            self.send_header("X-Elastic-Product", "Elasticsearch")
        self.end_headers()
        self.wfile.write(data)


def parse_bulk(body: bytes) -> list[BulkItem]:
    lines = iter(json.loads(line) for line in body.decode().splitlines() if line.strip())
    items = []
    for action in lines:
        (operation, meta), = action.items()
        items.append(BulkItem(operation, meta, None if operation == "delete" else next(lines)))
    return items


@pytest.fixture
def fake():
    server = FakeElasticsearch()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def backoffs(monkeypatch) -> list[float]:
    """The bulk helper's waits before retrying 429s, recorded instead of slept."""
    waits: list[float] = []
    monkeypatch.setattr(bulk_helpers, "time", SimpleNamespace(sleep=waits.append))
    return waits


def doc(identifier: str, version: int = 1) -> dict[str, Any]:
    return {"id": identifier, "version": version, "domain": "plant_germplasm", "center": "HBPG"}


def sent_ids(request: list[BulkItem]) -> list[str]:
    return [item.id for item in request]


# --- the client and the backend against the server


def test_the_product_check_passes_only_with_the_elasticsearch_header(fake):
    backend = ElasticBackend(fake.url)
    assert backend.client.info()["version"]["number"] == "8.15.3"
    fake.product_header = False
    with pytest.raises(UnsupportedProductError):
        ElasticBackend(fake.url).client.info()


def test_every_item_is_sent_with_the_database_version_as_external_version(fake):
    assert ElasticBackend(fake.url).index([doc("A", 3), doc("B", 1)]) == 2
    (request,) = fake.bulk_requests
    assert [(item.operation, item.meta) for item in request] == [
        ("index", {"_index": INDEX, "_id": "A", "version": 3, "version_type": "external"}),
        ("index", {"_index": INDEX, "_id": "B", "version": 1, "version_type": "external"})]
    assert request[0].source == doc("A", 3)


def test_a_429_on_the_whole_bulk_is_retried_and_then_succeeds(fake, backoffs):
    fake.bulk_answers = [whole(429, BULK_REJECTED)]
    assert ElasticBackend(fake.url).index([doc("A"), doc("B")]) == 2
    assert [sent_ids(request) for request in fake.bulk_requests] == [["A", "B"], ["A", "B"]]


def test_per_item_429s_in_a_200_response_retry_only_those_items(fake, backoffs):
    fake.bulk_answers = [fail_items({"B": (429, ITEM_REJECTED), "D": (429, ITEM_REJECTED)})]
    assert ElasticBackend(fake.url).index([doc("A"), doc("B"), doc("C"), doc("D")]) == 4
    assert [sent_ids(request) for request in fake.bulk_requests] == [["A", "B", "C", "D"], ["B", "D"]]
    assert len(backoffs) == 1 and backoffs[0] > 0  # the retry waited first


@pytest.mark.parametrize("refusal", [mapper_parsing, document_parsing])
def test_a_400_item_is_not_retried_and_is_reported_with_its_id(fake, backoffs, refusal):
    fake.bulk_answers = [fail_items({"B": (400, refusal("B"))})]
    with pytest.raises(IndexingRefused) as refused:
        ElasticBackend(fake.url).index([doc("A"), doc("B"), doc("C")])
    assert refused.value.refused == {"B": refusal("B")}
    assert "B" in str(refused.value)
    assert [sent_ids(request) for request in fake.bulk_requests] == [["A", "B", "C"]] and backoffs == []


def test_a_409_version_conflict_means_the_index_holds_newer_and_is_no_error(fake, backoffs):
    fake.bulk_answers = [fail_items({"B": (409, version_conflict("B"))})]
    assert ElasticBackend(fake.url).index([doc("A"), doc("B", 2)]) == 1  # written: A; B already newer there
    assert len(fake.bulk_requests) == 1 and backoffs == []


# --- the indexer: nothing queued is lost, refused documents are set aside


@pytest.fixture
def published(services):
    """Three published records whose index changes wait in the outbox (nothing drains in the background)."""
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("A2"), tea("A3")])
    return services


def indexer_for(services, url: str) -> Indexer:
    return Indexer(services.session_factory, ElasticBackend(url), location=url)


def queued(services) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(IndexOutbox))


def set_aside(services) -> list[tuple[str, int, str, int]]:
    with services.session_factory() as session:
        return [(f.identifier, f.version, f.reason, f.attempts)
                for f in session.scalars(select(IndexFailure).order_by(IndexFailure.identifier))]


def test_connection_refused_names_the_url_and_keeps_the_outbox(published):
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(SearchUnavailable) as error:
        indexer_for(published, url).drain()
    assert error.value.message["en"] == (
        f"The search engine at {url} could not take the index changes (Connection refused); 3 queued change(s) "
        f"stay in the outbox and are applied on the next run.")
    assert url in error.value.message["zh"] and "3 条" in error.value.message["zh"]
    assert queued(published) == 3 and set_aside(published) == []


def test_a_reset_connection_names_the_url_and_keeps_the_outbox(published, fake):
    fake.bulk_answers = [lambda items: RESET] * 10
    indexer = indexer_for(published, fake.url)
    with pytest.raises(SearchUnavailable) as error:
        indexer.drain()
    assert f"at {fake.url} " in error.value.message["en"] and "reset" in error.value.message["en"].lower()
    assert len(fake.bulk_requests) > 1  # the client retried before giving up
    assert queued(published) == 3 and set_aside(published) == []


def test_a_503_on_every_attempt_keeps_the_outbox(published, fake):
    fake.bulk_answers = [whole(503, BULK_UNAVAILABLE)] * 10
    with pytest.raises(SearchUnavailable, match="unavailable_shards_exception"):
        indexer_for(published, fake.url).drain()
    assert queued(published) == 3


def test_items_still_rejected_after_the_retries_stay_queued_and_the_rest_is_acknowledged(published, fake, backoffs):
    fake.bulk_answers = [fail_items({"HBPG-plant_germplasm-A2": (429, ITEM_REJECTED)})] * 10
    with pytest.raises(SearchUnavailable, match="es_rejected_execution_exception"):
        indexer_for(published, fake.url).drain()
    with published.session_factory() as session:
        assert [entry.resource_id for entry in session.scalars(select(IndexOutbox))] == [
            published.resources.get(OPERATOR, "HBPG-plant_germplasm-A2").id]
    assert set_aside(published) == []
    fake.bulk_answers = []
    assert indexer_for(published, fake.url).drain() == 1 and queued(published) == 0
    assert sent_ids(fake.bulk_requests[-1]) == ["HBPG-plant_germplasm-A2"]


def test_a_refused_document_is_set_aside_and_does_not_block_later_changes(published, fake, backoffs):
    poison = "HBPG-plant_germplasm-A2"
    fake.bulk_answers = [fail_items({poison: (400, document_parsing(poison))})]
    indexer = indexer_for(published, fake.url)
    assert indexer.drain() == 3 and queued(published) == 0
    assert set_aside(published) == [(poison, 1, document_parsing(poison)["type"] + ": "
                                     + document_parsing(poison)["reason"] + " (illegal_argument_exception: "
                                     'For input string: "约1200米")', 1)]
    published.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A4")])
    assert indexer.drain() == 1 and sent_ids(fake.bulk_requests[-1]) == ["HBPG-plant_germplasm-A4"]
    # A corrected version that the engine accepts takes the document off the list.
    published.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A2", quantity="2 kg")])
    assert indexer.drain() == 1 and set_aside(published) == []


def test_a_version_conflict_is_not_set_aside(published, fake):
    fake.bulk_answers = [fail_items({"HBPG-plant_germplasm-A1": (409, version_conflict("HBPG-plant_germplasm-A1"))})]
    assert indexer_for(published, fake.url).drain() == 3
    assert queued(published) == 0 and set_aside(published) == []
