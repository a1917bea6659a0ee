"""SearchService: the one entry to search for the API, the UI, the CLI and exports."""
from __future__ import annotations

from catalog.permissions import Actor
from catalog.search.backend import SearchBackend
from catalog.search.query import Query, Result

DEFAULT_FACETS = ("domain", "center", "sharing_mode", "country_code", "year")


class SearchService:
    def __init__(self, backend: SearchBackend):
        self.backend = backend

    def search(self, actor: Actor, query: Query) -> Result:
        """Search what the public may see; the public index never holds confidential records."""
        return self.backend.search(query)
