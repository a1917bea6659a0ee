"""The default, server-less search engine: SQLite FTS5 in one file, with CJK bigram analysis.

No daemon to run; the index is a cache rebuilt from the system of record, so WAL + NORMAL sync is enough.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from catalog.search.query import Query, Result

FILTER_FIELDS = ("domain", "center", "sharing_mode", "country_code", "admin_division", "year")
# FTS columns and their bm25 weights: a hit in the title counts more than one in the free text.
TEXT_COLUMNS = {"title": 4.0, "name": 3.0, "place": 2.0, "body": 1.0}

# Han (with 々〆〇 and compatibility ideographs), kana (not the ・ middle dot) and hangul.
_CJK = (
    "\u1100-\u11ff\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
    "\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_CJK_RUN = re.compile(f"([{_CJK}]+)")
_WORD = re.compile(r"[^\W_]+")


def _segments(text: str) -> Iterator[tuple[bool, list[str]]]:
    """Yield (is_cjk, tokens) per word or CJK run, in text order."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    for i, part in enumerate(_CJK_RUN.split(text)):
        if i % 2:  # split() with a group puts the CJK runs at the odd positions
            # Overlapping bigrams, then the run's last character on its own: every character is then
            # the first character of some token (so a one-character query is a prefix search), and two
            # runs never sit bigram-to-bigram, so a bigram phrase cannot match across a run boundary.
            yield True, [part[j : j + 2] for j in range(len(part) - 1)] + [part[-1]]
        elif part.strip():
            plain = "".join(c for c in unicodedata.normalize("NFKD", part) if not unicodedata.combining(c))
            for word in _WORD.findall(plain):
                yield False, [word]


def analyse(text: str | None) -> list[str]:
    """Tokens of `text`, the same for indexing and querying: folded words and CJK bigrams."""
    return [token for _, tokens in _segments(text or "") for token in tokens]


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(text: str) -> str:
    """The FTS5 MATCH string for user text: every token required, each one quoted as an FTS5 string."""
    parts: list[str] = []
    for cjk, tokens in _segments(text):
        if cjk and len(tokens) > 1:
            parts.append(_quote(" ".join(tokens[:-1])))  # the bigrams as one phrase, i.e. consecutive
        elif cjk:
            parts.append(_quote(tokens[0]) + " *")  # one character: any token starting with it
        else:
            parts.append(_quote(tokens[0]))
    return " AND ".join(dict.fromkeys(parts))


# External content: the analysed text lives in `documents` (the FTS table stores only its inverted
# index), so the FTS rows are deleted from the exact stored tokens by triggers, and 'rebuild' and
# 'integrity-check' work.  `docid` aliases the rowid so the FTS mapping survives VACUUM; a TEXT
# PRIMARY KEY would leave the rowid implicit and renumberable, hence `id` is UNIQUE instead.
_COLS = ", ".join(TEXT_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in TEXT_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in TEXT_COLUMNS)
SCHEMA = [
    """CREATE TABLE IF NOT EXISTS documents (
        docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,
        domain TEXT, center TEXT, sharing_mode TEXT, country_code TEXT, admin_division TEXT,
        year INTEGER, latitude REAL, longitude REAL,
        title TEXT NOT NULL, name TEXT NOT NULL, place TEXT NOT NULL, body TEXT NOT NULL,
        doc TEXT NOT NULL)""",
    *(f"CREATE INDEX IF NOT EXISTS documents_{f} ON documents ({f})" for f in FILTER_FIELDS),
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5({_COLS}, content='documents',
        content_rowid='docid', tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, {_COLS}) VALUES (new.docid, {_NEW}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, {_COLS}) VALUES ('delete', old.docid, {_OLD}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, {_COLS}) VALUES ('delete', old.docid, {_OLD});
        INSERT INTO documents_fts (rowid, {_COLS}) VALUES (new.docid, {_NEW}); END""",
]
_FIELDS = ("id", "version", *FILTER_FIELDS, "latitude", "longitude", *TEXT_COLUMNS, "doc")
_UPSERT = (
    f"INSERT INTO documents ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))}) "
    f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{f} = excluded.{f}' for f in _FIELDS[1:])} "
    "WHERE excluded.version >= documents.version"  # a stale write never wins
)


def _row(doc: dict[str, Any]) -> tuple[Any, ...]:
    def text(*keys: str) -> str:
        return " ".join(t for key in keys for t in analyse(doc.get(key)))

    keywords = [doc.get(f) for f in FILTER_FIELDS]
    return (str(doc["id"]), int(doc["version"]), *keywords, doc.get("latitude"), doc.get("longitude"),
            text("title_zh", "title_en"), text("scientific_name"), text("locality"), text("text"),
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")))


def _check_fields(fields: Iterable[str], what: str) -> None:
    for field in fields:
        if field not in FILTER_FIELDS:
            raise ValueError(f"unknown {what} field {field!r}; allowed: {', '.join(FILTER_FIELDS)}")


class EmbeddedBackend:
    """SearchBackend over `folder / "index.sqlite3"`.

    Threads: one connection per thread (threading.local), so readers run in parallel under WAL and
    SQLite's own file lock serialises writers (BEGIN IMMEDIATE plus a busy timeout); no Python lock
    is held during queries.  Every connection is also registered so close() can close them all.
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

    def _conn(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "generation", None) == self._generation:
            return local.conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
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
    def _transaction(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        conn.execute(begin)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # also after a failed COMMIT, so the connection stays usable
                conn.execute("ROLLBACK")
            raise

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA:
                conn.execute(statement)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        self._schema_ready = True

    def ensure_index(self) -> None:
        self._create(self._conn())

    def index(self, documents: Iterable[dict[str, Any]]) -> int:
        with self._transaction() as conn:
            return conn.executemany(_UPSERT, (_row(doc) for doc in documents)).rowcount

    def delete(self, ids: Iterable[str]) -> int:
        with self._transaction() as conn:
            return conn.executemany("DELETE FROM documents WHERE id = ?", ((i,) for i in ids)).rowcount

    def count(self) -> int:
        return self._conn().execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> set[str]:
        return {row[0] for row in self._conn().execute("SELECT id FROM documents")}

    def clear(self) -> None:
        # Dropping is much faster than a row-by-row delete through the triggers, and is transactional.
        with self._transaction() as conn:
            conn.execute("DROP TABLE IF EXISTS documents_fts")
            conn.execute("DROP TABLE IF EXISTS documents")
            for statement in SCHEMA:
                conn.execute(statement)

    def replace_all(self, documents: Iterable[dict[str, Any]]) -> int:
        """Swap the whole content in one write transaction: readers (WAL) see the old index until the commit."""
        with self._transaction() as conn:
            conn.execute("DROP TABLE IF EXISTS documents_fts")
            conn.execute("DROP TABLE IF EXISTS documents")
            for statement in SCHEMA:
                conn.execute(statement)
            return conn.executemany(_UPSERT, (_row(doc) for doc in documents)).rowcount

    def ping(self) -> None:
        try:
            self._conn().execute("SELECT 1 FROM documents LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise RuntimeError(f"search index {self.path} is unusable: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
            self._generation += 1
        for conn in connections:
            conn.close()

    def search(self, query: Query) -> Result:
        _check_fields(query.filters, "filter")
        _check_fields(query.facets, "facet")
        where: list[str] = []
        params: list[Any] = []
        match = match_expression(query.text)
        if match:
            source = "documents_fts JOIN documents d ON d.docid = documents_fts.rowid"
            where.append("documents_fts MATCH ?")
            params.append(match)
            order = f"bm25(documents_fts, {', '.join(map(str, TEXT_COLUMNS.values()))}), d.id"
        else:
            source, order = "documents d", "d.id"
        for field, values in query.filters.items():
            if values:  # an empty tuple selects nothing, so it does not restrict
                where.append(f"d.{field} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        clause = " WHERE " + " AND ".join(where) if where else ""
        # One read transaction, so total, page and facets all see the same snapshot.
        with self._transaction("BEGIN") as conn:
            total = conn.execute(f"SELECT count(*) FROM {source}{clause}", params).fetchone()[0]
            rows = []
            if query.size and query.offset < total:
                rows = conn.execute(
                    f"SELECT d.doc FROM {source}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, query.size, query.offset],
                ).fetchall()
            facets: dict[str, dict[str, int]] = {}
            for field in query.facets:
                counts = conn.execute(
                    f"SELECT d.{field}, count(*) FROM {source}{clause}{' AND' if where else ' WHERE'} "
                    f"d.{field} IS NOT NULL GROUP BY d.{field}",
                    params,
                ).fetchall()
                pairs = sorted(((str(value), n) for value, n in counts), key=lambda kv: (-kv[1], kv[0]))
                facets[field] = dict(pairs)
        return Result(total=total, items=[json.loads(row[0]) for row in rows], facets=facets)
