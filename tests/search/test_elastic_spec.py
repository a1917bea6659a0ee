"""Every request ElasticBackend sends, checked against the Elasticsearch API specification.

The specification (github.com/elastic/elasticsearch-specification) is published as the TypeScript request
types that the official JavaScript client generates from it (`@elastic/elasticsearch`, lib/api/types.d.ts,
the same minor version as the Python client). The backend runs every operation against the emulator while
each request is recorded (API name, path parts, query parameters, body); the requests are then written out
as typed TypeScript constants and the TypeScript compiler checks them. Object literals get excess-property
checks, so an unknown key, a misspelt clause or a value of the wrong type anywhere in a mapping, query or
aggregation is an error. `make test` installs both packages (tests/search/elastic_spec/package.json).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from elasticsearch._sync.client._base import BaseClient

from catalog.search.elastic import ElasticBackend
from catalog.search.fields import FIELDS, HISTOGRAMS
from catalog.search.query import BoundingBox, Distance, Query, Range
from tests.search.test_elastic_http import (BULK_REJECTED, BULK_UNAVAILABLE, INFO, ITEM_REJECTED, BulkItem,
                                            document_parsing, fail_items, mapper_parsing, version_conflict)
from tests.search.test_query_features import CORPUS

SPEC = Path(__file__).parent / "elastic_spec" / "node_modules"
TYPES = SPEC / "@elastic" / "elasticsearch" / "lib" / "api" / "types"
COMPILER = SPEC / "typescript" / "bin" / "tsc"
BULK_ACTIONS = {"index", "create", "update", "delete"}

QUERIES = [
    Query(),
    Query(text="camellia 茶树", size=5),
    Query(text="Camellia", filters={"center": ("IHB", "WHU"), "attributes.type_status": ("holotype",),
                                    "attributes.individual_count": ("3",)}),
    Query(ranges={"year": Range(1998, 2005), "event_date": Range("2019-05", "2019-05"),
                  "latitude": Range(-20.5, None), "age_ma": Range(240, 260)}),
    Query(ranges={"updated_at": Range(None, "2026-11-19")}),
    Query(geo=BoundingBox(-18, 179, -16, -179)),
    Query(geo=Distance(30.3, 108.9, 25)),
    Query(facets=tuple(name for name, field in FIELDS.items() if field.facet) + tuple(HISTOGRAMS)),
    Query(sort="-year", offset=2, size=2),
    Query(sort="id"),
    Query(sort="age_min_ma"),
]


@pytest.fixture(scope="module")
def compiler() -> list[str]:
    node = shutil.which("node")
    if node is None or not COMPILER.exists() or not TYPES.with_suffix(".d.ts").exists():
        message = "the Elasticsearch specification's types are not installed (make test installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [node, str(COMPILER), "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022",
            "--module", "nodenext", "--moduleResolution", "nodenext"]


@pytest.fixture
def recorded(monkeypatch) -> list[tuple[str, dict[str, Any]]]:
    """(API name, the request as the specification's flat request object) for every call the client makes."""
    requests: list[tuple[str, dict[str, Any]]] = []
    send = BaseClient.perform_request

    def recording(self, method, path, *, params=None, headers=None, body=None, endpoint_id=None, path_parts=None):
        requests.append((endpoint_id, as_request(endpoint_id, path_parts, params, body)))
        return send(self, method, path, params=params, headers=headers, body=body, endpoint_id=endpoint_id,
                    path_parts=path_parts)
    monkeypatch.setattr(BaseClient, "perform_request", recording)
    return requests


def as_request(endpoint: str, path_parts, params, body) -> dict[str, Any]:
    request = {**(path_parts or {}), **(params or {})}
    if endpoint == "bulk":  # NDJSON lines: the action lines are typed; the documents follow the mapping
        lines = [json.loads(line) if isinstance(line, (str, bytes)) else line for line in body]
        request["operations"] = [line for line in lines if len(line) == 1 and set(line) <= BULK_ACTIONS]
    elif body is not None:
        request.update(body)
    return request


def type_of(endpoint: str) -> str:
    """The specification's request type for an API: indices.put_index_template → IndicesPutIndexTemplateRequest."""
    name = "".join(word.capitalize() for part in endpoint.split(".") for word in part.split("_"))
    return f"T.{name}Request" + ("<never, never>" if endpoint == "bulk" else "")


def check(compiler: list[str], values: list[tuple[str, Any]], folder: Path) -> str:
    """The compiler's complaints about (specification type, value) pairs, one per line; empty when every value
    conforms."""
    lines = [f"import type * as T from '{TYPES}';"]
    lines += [f"export const value{number}: {kind} = {json.dumps(value)};"
              for number, (kind, value) in enumerate(values)]
    source = folder / "values.ts"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    finished = subprocess.run(compiler + [str(source)], capture_output=True, text=True, timeout=120)
    complaints = finished.stdout + finished.stderr
    assert finished.returncode == 0 or complaints, "the compiler failed without saying why"
    return complaints


def test_every_request_the_backend_sends_conforms(emulator_url, recorded, compiler, tmp_path):
    backend = ElasticBackend(emulator_url, index=f"catalog-spec-{os.urandom(4).hex()}")
    backend.ensure_index()
    backend.index(CORPUS)
    for query in QUERIES:
        result = backend.search(query)
        if result.next_cursor:
            backend.search(Query(sort=query.sort, size=query.size, cursor=result.next_cursor))
    backend.suggest("Camel")
    backend.suggest("中华")
    assert backend.count() == len(CORPUS)
    backend.ids()
    backend.delete(["R01"])
    backend.replace_all(CORPUS)
    backend.ping()
    backend.clear()
    backend.drop()

    sent = {endpoint for endpoint, _request in recorded}
    assert {"indices.put_index_template", "indices.create", "indices.put_alias", "bulk", "search", "count",
            "scroll", "indices.update_aliases", "indices.delete", "delete_by_query", "cluster.health",
            "indices.delete_index_template"} <= sent
    assert check(compiler, [(type_of(endpoint), request) for endpoint, request in recorded], tmp_path) == ""


@pytest.mark.parametrize("endpoint, request_body, complaint", [
    ("search", {"index": "x", "query": {"bool": {"filters": []}}}, "'\"filters\"' does not exist"),
    ("search", {"index": "x", "aggs": {"decade": {"histogram": {"field": "year", "interval": "ten"}}}},
     "not assignable to type 'number'"),
    ("indices.put_index_template",
     {"name": "t", "template": {"mappings": {"properties": {"year": {"type": "integr"}}}}}, '"integr"'),
    ("bulk", {"operations": [{"index": {"_index": "x", "_id": "1", "version_type": "newest"}}]}, '"newest"'),
])
def test_the_check_finds_what_the_specification_forbids(compiler, tmp_path, endpoint, request_body, complaint):
    assert complaint in check(compiler, [(type_of(endpoint), request_body)], tmp_path)


def test_the_loopback_servers_answers_have_the_specifications_shapes(compiler, tmp_path):
    """tests/search/test_elastic_http.py scripts Elasticsearch's answers by hand: they are the real shapes."""
    items = [BulkItem("index", {"_index": "catalog-public-1", "_id": f"HB-{n}", "version": 2}, {}) for n in range(4)]
    bulk = fail_items({"HB-1": (400, mapper_parsing("HB-1")), "HB-2": (400, document_parsing("HB-2")),
                       "HB-3": (409, version_conflict("HB-3"))})(items)[1]
    throttled = fail_items({"HB-0": (429, ITEM_REJECTED)})(items)[1]
    assert check(compiler, [("T.InfoResponse", INFO), ("T.BulkResponse", bulk), ("T.BulkResponse", throttled),
                            ("T.ErrorResponseBase", BULK_REJECTED), ("T.ErrorResponseBase", BULK_UNAVAILABLE)],
                 tmp_path) == ""
