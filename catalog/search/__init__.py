"""Search behind one interface: open_backend picks the engine from the configured URL."""
from __future__ import annotations

from pathlib import Path

from catalog.search.backend import SearchBackend


def open_backend(search_url: str) -> SearchBackend:
    """http(s):// means Elasticsearch; anything else is the embedded engine's folder."""
    if search_url.startswith(("http://", "https://")):
        from catalog.search.elastic import ElasticBackend
        return ElasticBackend(search_url)
    from catalog.search.embedded import EmbeddedBackend
    return EmbeddedBackend(Path(search_url))
