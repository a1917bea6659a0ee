"""Recent totals and facet counts of the embedded engine, each kept for the version of the index it was counted on.

Counting facets over most of a large index is the one search that grows with the catalogue (seconds at a
million records), and the same counts are asked for again and again: the search page with no filter, a
popular facet. The index file carries its version in SQLite's `user_version` header, which every write
transaction raises before it commits, whatever process writes, so a count is reused only while the index
is exactly as it was. The public index holds only what the public may see, so a reused count shows
nothing that a fresh one would not."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

ENTRIES = 256


class CountsCache:
    def __init__(self, entries: int = ENTRIES) -> None:
        self.entries = entries
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, count: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        counted = count()  # outside the lock: other threads go on searching meanwhile
        with self._lock:
            self._kept[key] = counted
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
        return counted

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
