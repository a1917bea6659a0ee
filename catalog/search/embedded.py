"""The default, server-less search engine: one SQLite file with FTS5 (CJK bigram analysis), B-tree
indexes for filters, facets and sorting, an R*Tree for coordinates and a table of names for autocomplete.

Durable: every write is one transaction (WAL, synchronous FULL), so an interrupted write leaves the
index as it was before it; a file that fails its integrity check is set aside and rebuilt from the
database (see catalog.search.indexer).
"""
from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from catalog.search import embedded_query
from catalog.search.analysis import analyse
from catalog.search.counts_cache import CountsCache
from catalog.search.fields import FIELDS
from catalog.search.query import Query, Result

# FTS columns (with their bm25 weights) and the document fields analysed into each.
TEXT_COLUMNS = {"title": 4.0, "name": 3.0, "place": 2.0, "body": 1.0}
TEXT_SOURCES = {"title": ("title_zh", "title_en"), "name": ("scientific_name", "vernacular"),
                "place": ("locality",), "body": ("text",)}
SQL_TYPES = {"keyword": "TEXT", "integer": "INTEGER", "float": "REAL", "date": "TEXT"}
COLUMNS = tuple(name for name in FIELDS if name != "id")
INDEXED = tuple(name for name in COLUMNS if name not in ("latitude", "longitude", "age_min_ma", "age_max_ma"))

_FTS = ", ".join(TEXT_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in TEXT_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in TEXT_COLUMNS)
_NAMES_OF = "SELECT json_extract(j.value, '$[0]') AS kind, json_extract(j.value, '$[1]') AS value FROM json_each({}) j"
_ADD_NAMES = (f"INSERT INTO names (kind, value, count) SELECT kind, value, 1 FROM ({_NAMES_OF.format('new.names')}) "
              "WHERE true ON CONFLICT (kind, value) DO UPDATE SET count = count + 1;")
_REMOVE_NAMES = (f"UPDATE names SET count = count - 1 WHERE (kind, value) IN ({_NAMES_OF.format('old.names')}); "
                 "DELETE FROM names WHERE count <= 0;")
_ADD_POINT = ("INSERT INTO documents_geo SELECT new.docid, new.latitude, new.latitude, new.longitude, new.longitude "
              "WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;")
_REMOVE_POINT = "DELETE FROM documents_geo WHERE id = old.docid;"
_ADD_TEXT = f"INSERT INTO documents_fts (rowid, {_FTS}) VALUES (new.docid, {_NEW});"
_REMOVE_TEXT = f"INSERT INTO documents_fts (documents_fts, rowid, {_FTS}) VALUES ('delete', old.docid, {_OLD});"

# Two tables: `documents` is narrow (the filter, facet and sort columns), so counting and faceting
# large result sets reads few pages; `bodies` holds the wide part (analysed text, names, the JSON
# document) and is FTS5's external content, so FTS rows are deleted from the exact stored tokens by
# triggers, and 'rebuild' and 'integrity-check' work.  `docid` aliases the rowid so the FTS mapping
# survives VACUUM; a TEXT PRIMARY KEY would leave the rowid implicit and renumberable.
SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS documents (
        docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,
        {', '.join(f'{name} {SQL_TYPES[FIELDS[name].kind]}' for name in COLUMNS)})""",
    f"""CREATE TABLE IF NOT EXISTS bodies (docid INTEGER PRIMARY KEY,
        {', '.join(f'{column} TEXT NOT NULL' for column in TEXT_COLUMNS)}, names TEXT NOT NULL, doc TEXT NOT NULL)""",
    *(f"CREATE INDEX IF NOT EXISTS documents_{name} ON documents ({name}, id)" for name in INDEXED),
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5({_FTS}, content='bodies',
        content_rowid='docid', tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon)",
    """CREATE TABLE IF NOT EXISTS names (kind TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (kind, value)) WITHOUT ROWID""",
    f"CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN {_ADD_POINT} END",
    f"""CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN {_REMOVE_POINT}
        DELETE FROM bodies WHERE docid = old.docid; END""",
    f"CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN {_REMOVE_POINT} {_ADD_POINT} END",
    f"CREATE TRIGGER IF NOT EXISTS bodies_ai AFTER INSERT ON bodies BEGIN {_ADD_TEXT} {_ADD_NAMES} END",
    f"CREATE TRIGGER IF NOT EXISTS bodies_ad AFTER DELETE ON bodies BEGIN {_REMOVE_TEXT} {_REMOVE_NAMES} END",
    f"""CREATE TRIGGER IF NOT EXISTS bodies_au AFTER UPDATE ON bodies BEGIN
        {_REMOVE_TEXT} {_REMOVE_NAMES} {_ADD_TEXT} {_ADD_NAMES} END""",
]
TABLES = ("documents_fts", "documents_geo", "names", "bodies", "documents")
_FIELDS = ("id", "version", *COLUMNS)
_BODY = ("docid", *TEXT_COLUMNS, "names", "doc")
_UPSERT = (
    f"INSERT INTO documents ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))}) "
    f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{f} = excluded.{f}' for f in _FIELDS[1:])} "
    "WHERE excluded.version >= documents.version "  # a stale write never wins, and returns no row
    "RETURNING docid"
)
_UPSERT_BODY = (
    f"INSERT INTO bodies ({', '.join(_BODY)}) VALUES ({', '.join('?' * len(_BODY))}) "
    f"ON CONFLICT (docid) DO UPDATE SET {', '.join(f'{f} = excluded.{f}' for f in _BODY[1:])}"
)


def names_of(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """The names autocomplete offers for a document: its scientific name and its vernacular names."""
    names = [("scientific", doc["taxon"])] if doc.get("taxon") else []
    return names + [("vernacular", name) for name in dict.fromkeys(doc.get("vernacular") or ())]


def _fields(doc: dict[str, Any]) -> tuple[Any, ...]:
    return (str(doc["id"]), int(doc["version"]), *(doc.get(name) for name in COLUMNS))


def _body(docid: int, doc: dict[str, Any]) -> tuple[Any, ...]:
    def text(fields: tuple[str, ...]) -> str:
        values = (doc.get(f) for f in fields)
        return " ".join(t for v in values for item in (v if isinstance(v, list) else [v]) for t in analyse(item))

    return (docid, *(text(TEXT_SOURCES[column]) for column in TEXT_COLUMNS),
            json.dumps(names_of(doc), ensure_ascii=False),
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")))


def _write(conn: sqlite3.Connection, documents: Iterable[dict[str, Any]]) -> int:
    """Upsert each document unless the index holds a newer version; returns the documents written."""
    written = 0
    for doc in documents:
        row = conn.execute(_UPSERT, _fields(doc)).fetchone()
        if row is not None:
            conn.execute(_UPSERT_BODY, _body(row[0], doc))
            written += 1
    return written


def _raise_version(conn: sqlite3.Connection) -> None:
    """Every write raises the file's version (see catalog.search.counts_cache). A new file starts at a random
    one, so a file set aside and started afresh never repeats the versions of the one it replaces."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version + 1 if version else secrets.randbelow(2**30) + 1}")


class EmbeddedBackend:
    """SearchBackend over `folder / "index.sqlite3"`.

    Threads: one connection per thread (threading.local), so readers run in parallel under WAL and
    SQLite's own file lock serialises writers (BEGIN IMMEDIATE plus a busy timeout), also across the
    web server, the CLI and workers; no Python lock is held during queries.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / "index.sqlite3"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._generation = 0  # bumped by close(): threads then reconnect on their next call
        self._schema_ready = False
        self.counts = CountsCache()

    def _conn(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "generation", None) == self._generation:
            return local.conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # the outbox is acknowledged only after the commit
            conn.execute("PRAGMA mmap_size = 1073741824")  # facet and count scans read mapped pages
            conn.execute("PRAGMA cache_size = -65536")
            embedded_query.register_functions(conn)
            if not self._schema_ready:
                self._create(conn)
        except BaseException:
            conn.close()
            raise
        with self._lock:
            self._connections.append(conn)
        local.conn, local.generation = conn, self._generation
        return conn

    @contextmanager
    def _transaction(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction (it takes the file's write lock at once and raises the index version), or a read
        transaction: one snapshot for all its statements."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
            if write:
                _raise_version(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # also after a failed COMMIT, so the connection stays usable
                conn.execute("ROLLBACK")
            raise

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self._outdated(conn):
                self._drop(conn)
            for statement in SCHEMA:
                conn.execute(statement)
            _raise_version(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        self._schema_ready = True

    @staticmethod
    def _outdated(conn: sqlite3.Connection) -> bool:
        """An index file written by an older layout: it is dropped and rebuilt from the database."""
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        return bool(columns) and columns != {"docid", *_FIELDS}

    @staticmethod
    def _drop(conn: sqlite3.Connection) -> None:
        for table in TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")

    def ensure_index(self) -> None:
        """Create the tables; a file SQLite cannot read is set aside and started afresh (then rebuilt)."""
        try:
            self._create(self._conn())
        except sqlite3.DatabaseError:
            self.reset()

    def reset(self) -> None:
        """Start again from an empty file, setting a damaged one aside (index.sqlite3.damaged)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            path = self.path.with_name(self.path.name + suffix)
            if path.exists():
                path.replace(path.with_name(path.name + ".damaged"))
        self._schema_ready = False
        self._create(self._conn())

    def index(self, documents: Iterable[dict[str, Any]]) -> int:
        with self._transaction() as conn:
            return _write(conn, documents)

    def delete(self, ids: Iterable[str]) -> int:
        with self._transaction() as conn:
            return conn.executemany("DELETE FROM documents WHERE id = ?", ((i,) for i in ids)).rowcount

    def count(self) -> int:
        return self._conn().execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> set[str]:
        return {row[0] for row in self._conn().execute("SELECT id FROM documents")}

    def clear(self) -> None:
        self.replace_all(())

    def replace_all(self, documents: Iterable[dict[str, Any]]) -> int:
        """Swap the whole content in one write transaction: readers (WAL) see the old index until the commit.
        Dropping is much faster than a row-by-row delete through the triggers."""
        with self._transaction() as conn:
            self._drop(conn)
            for statement in SCHEMA:
                conn.execute(statement)
            written = _write(conn, documents)
            conn.execute("ANALYZE")  # statistics, so the planner knows which filters are selective
            return written

    def ping(self) -> None:
        try:
            self._conn().execute("SELECT 1 FROM documents LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise RuntimeError(f"search index {self.path} is unusable: {exc}") from exc

    def close(self) -> None:
        self.counts.clear()
        with self._lock:
            connections, self._connections = self._connections, []
            self._generation += 1
        for conn in connections:
            try:
                conn.execute("PRAGMA optimize")  # refreshes planner statistics only where they went stale
            except sqlite3.Error:
                pass
            conn.close()

    def search(self, query: Query) -> Result:
        # One read transaction, so total, page and facets all see the same snapshot.
        with self._transaction(write=False) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            return embedded_query.run(conn, query, lambda key, count: self.counts.get((version, *key), count))

    def suggest(self, text: str, size: int = 10) -> list[dict[str, Any]]:
        with self._transaction(write=False) as conn:
            return embedded_query.suggest(conn, text, size)
