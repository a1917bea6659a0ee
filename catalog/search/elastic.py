"""Elasticsearch through the official client: the same documents and queries as the embedded engine."""
from __future__ import annotations

import time
from typing import Any, Iterable

from elasticsearch import Elasticsearch, helpers

from catalog.search.elastic_query import (MAPPINGS, SETTINGS, result_of, search_body, source_of, suggest_body,
                                          suggestions_of)
from catalog.search.query import Query, Result

INDEX = "catalog-public"


class IndexingRefused(RuntimeError):
    """Elasticsearch refused some documents; the others were written. `refused` maps id → the item's error."""

    def __init__(self, refused: dict[str, Any]):
        self.refused = refused
        first = next(iter(refused.items()))
        super().__init__(f"Elasticsearch refused {len(refused)} document(s), e.g. {first[0]}: {first[1]}")


class ElasticBackend:
    def __init__(self, url: str, index: str = INDEX, client: Elasticsearch | None = None):
        self.index_name = index
        self.client = client or Elasticsearch(url, request_timeout=10, max_retries=2, retry_on_timeout=True)

    def ensure_index(self) -> None:
        """The name everyone reads and writes is an alias over a versioned physical index, so a rebuild can
        fill a fresh index while searches go on, then move the alias in one atomic step."""
        if not self.client.indices.exists(index=self.index_name):
            physical = self._new_physical_index()
            self.client.indices.put_alias(index=physical, name=self.index_name)

    def drop(self) -> None:
        """Delete the index for good: every physical index behind the alias, and its template."""
        self.client.options(ignore_status=404).indices.delete_index_template(name=self.index_name)
        if self.client.indices.exists_alias(name=self.index_name):
            for index in self.client.indices.get_alias(name=self.index_name):
                self.client.indices.delete(index=index, ignore_unavailable=True)
        elif self.client.indices.exists(index=self.index_name):
            self.client.indices.delete(index=self.index_name)

    def _new_physical_index(self) -> str:
        """A new versioned index; its settings and mappings come from the index template, which is put
        (again) first, so every physical index behind the alias is made from the current declarations."""
        self.client.indices.put_index_template(name=self.index_name, index_patterns=[f"{self.index_name}-*"],
                                               template={"settings": SETTINGS, "mappings": MAPPINGS})
        physical = f"{self.index_name}-{time.time_ns()}"
        self.client.indices.create(index=physical)
        return physical

    def replace_all(self, documents: Iterable[dict[str, Any]]) -> int:
        """Rebuild into a new physical index, then swap the alias atomically and drop the old index."""
        old = list(self.client.indices.get_alias(name=self.index_name)) \
            if self.client.indices.exists_alias(name=self.index_name) else []
        physical = self._new_physical_index()
        try:
            written = ElasticBackend(url="", index=physical, client=self.client).index(documents)
            self.client.indices.refresh(index=physical)
        except BaseException:  # the alias still points at the old index, which goes on answering
            self.client.indices.delete(index=physical, ignore_unavailable=True)
            raise
        actions = [{"remove": {"index": index, "alias": self.index_name}} for index in old]
        self.client.indices.update_aliases(actions=actions + [{"add": {"index": physical, "alias": self.index_name}}])
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return written

    def index(self, documents: Iterable[dict[str, Any]]) -> int:
        """Bulk-index with the database version as external version, so a stale write never wins."""
        actions = ({"_op_type": "index", "_index": self.index_name, "_id": doc["id"], "_source": source_of(doc),
                    "version": doc["version"], "version_type": "external"} for doc in documents)
        written, refused = 0, {}
        # Every item's own status is read (HTTP 200 can carry failed items); the helper retries only 429s,
        # with backoff, and every other item still gets its chance before the failures are reported.
        for ok, item in helpers.streaming_bulk(self.client, actions, raise_on_error=False, max_retries=3,
                                               refresh="wait_for"):
            outcome = item.get("index", {})
            if ok:
                written += 1
            elif outcome.get("status") != 409:  # 409: the index already holds a newer version
                refused[outcome.get("_id")] = outcome.get("error")
        if refused:
            raise IndexingRefused(refused)
        return written

    def delete(self, ids: Iterable[str]) -> int:
        actions = ({"_op_type": "delete", "_index": self.index_name, "_id": identifier} for identifier in ids)
        deleted = 0
        for ok, item in helpers.streaming_bulk(self.client, actions, raise_on_error=False, max_retries=3,
                                               refresh="wait_for"):
            outcome = item.get("delete", {})
            if ok:
                deleted += 1
            elif outcome.get("status") != 404:
                raise RuntimeError(f"Elasticsearch could not delete {outcome.get('_id')}: {outcome.get('error')}")
        return deleted

    def search(self, query: Query) -> Result:
        return result_of(query, self.client.search(index=self.index_name, **search_body(query)).body)

    def suggest(self, text: str, size: int = 10) -> list[dict[str, Any]]:
        body = suggest_body(text)
        if body is None:
            return []
        return suggestions_of(text, self.client.search(index=self.index_name, **body).body, size)

    def count(self) -> int:
        self.client.indices.refresh(index=self.index_name)
        return self.client.count(index=self.index_name)["count"]

    def ids(self) -> set[str]:
        self.client.indices.refresh(index=self.index_name)
        return {hit["_id"] for hit in helpers.scan(self.client, index=self.index_name, _source=False,
                                                   query={"query": {"match_all": {}}})}

    def clear(self) -> None:
        self.client.delete_by_query(index=self.index_name, query={"match_all": {}}, refresh=True,
                                    conflicts="proceed")

    def ping(self) -> None:
        if not self.client.ping():
            raise RuntimeError("Elasticsearch does not answer")
        self.client.cluster.health(index=self.index_name, timeout="2s")

    def close(self) -> None:
        self.client.close()
