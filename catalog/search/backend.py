"""The SearchBackend protocol every engine implements."""
from __future__ import annotations

from typing import Any, Iterable, Protocol

from catalog.search.query import Query, Result


class SearchBackend(Protocol):
    def ensure_index(self) -> None:
        """Create the index if it does not exist yet; never drops data."""

    def index(self, documents: Iterable[dict[str, Any]]) -> int:
        """Add or replace documents by their "id"; a document whose stored version is newer is kept."""

    def delete(self, ids: Iterable[str]) -> int:
        """Remove documents by id; ids that are not there are ignored."""

    def search(self, query: Query) -> Result: ...

    def suggest(self, text: str, size: int = 10) -> list[dict[str, Any]]:
        """Names completing `text` (see analysis.completes): [{"value", "kind", "count"}], most frequent first."""

    def count(self) -> int: ...

    def ids(self) -> set[str]:
        """Every document id in the index, for consistency checks."""

    def clear(self) -> None:
        """Remove every document (a full rebuild follows)."""

    def replace_all(self, documents: Iterable[dict[str, Any]]) -> int:
        """Replace the whole content so that searches never see a partial index; returns documents written."""

    def ping(self) -> None:
        """Raise if the engine cannot answer."""

    def close(self) -> None: ...
