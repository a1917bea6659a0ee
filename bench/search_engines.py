"""The two embedded engines as bench_engines drives them: the same documents, the same questions, bare engines.

SQLite follows catalog.search.embedded (external-content FTS5 over analysed text, B-tree indexes, an R*Tree
with an exact recheck, a trigger-kept table of names, WAL + synchronous FULL). tantivy-py gets the same
analysed text in whitespace-tokenised fields and keywords and numbers as fast fields. Every question
returns an answer both engines must agree on (a total, facet counts, a page of ids, suggestions).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from catalog.search.analysis import analyse, match_expression
from catalog.search.embedded import TEXT_COLUMNS
from catalog.search.geo import covering_boxes, distance_km
from catalog.search.query import Distance

PAGE = 20
KEYWORDS = ("domain", "center", "sharing_mode", "country_code", "admin_division", "basis_of_record", "family",
            "genus")
NUMBERS = ("year", "latitude", "longitude", "min_age", "max_age")
FACETS = ("domain", "center", "sharing_mode", "country_code", "year")
WRITER_MEMORY = 128_000_000  # bytes: tantivy's default writer heap, and SQLite's page cache here
SORT_BASE = 10_000_000  # sort key = year * SORT_BASE + seq: one integer that tantivy can order and range on


def analysed(doc: dict[str, Any]) -> tuple[str, ...]:
    """embedded.py's four FTS columns as space-joined tokens, which both engines index unchanged."""
    def text(*keys: str) -> str:
        return " ".join(token for key in keys for token in analyse(doc.get(key)))
    return text("title_zh", "title_en"), text("scientific_name"), text("locality"), text("text")


def name_key(doc: dict[str, Any]) -> str | None:
    return (doc["scientific_name"] or "").casefold() or None


def stored(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def around(lat: float, lon: float, km: float):
    box, = covering_boxes(Distance(lat, lon, km))  # one box: no circle in the corpus crosses the antimeridian
    return box


_TEXT = ", ".join(TEXT_COLUMNS)
_ADD = (f"INSERT INTO documents_fts (rowid, {_TEXT}) VALUES (new.docid, {', '.join('new.' + c for c in TEXT_COLUMNS)});"
        " INSERT INTO documents_geo SELECT new.docid, new.latitude, new.latitude, new.longitude, new.longitude"
        " WHERE new.latitude IS NOT NULL;"
        " INSERT INTO names SELECT new.name_key, 1 WHERE new.name_key IS NOT NULL"
        " ON CONFLICT (value) DO UPDATE SET count = count + 1;")
_REMOVE = (f"INSERT INTO documents_fts (documents_fts, rowid, {_TEXT}) VALUES ('delete', old.docid, "
           f"{', '.join('old.' + c for c in TEXT_COLUMNS)}); DELETE FROM documents_geo WHERE id = old.docid;"
           " UPDATE names SET count = count - 1 WHERE value = old.name_key; DELETE FROM names WHERE count <= 0;")
SQLITE_SCHEMA = [
    f"""CREATE TABLE documents (docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,
        {', '.join(k + ' TEXT' for k in KEYWORDS)}, year INTEGER, latitude REAL, longitude REAL, min_age REAL,
        max_age REAL, name_key TEXT, {', '.join(c + ' TEXT NOT NULL' for c in TEXT_COLUMNS)}, doc TEXT NOT NULL)""",
    *(f"CREATE INDEX documents_{f} ON documents ({f})" for f in (*KEYWORDS, "year", "min_age", "max_age")),
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5({_TEXT}, content='documents', content_rowid='docid',
        tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE documents_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon)",
    "CREATE TABLE names (value TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE INDEX names_count ON names (count)",
    f"CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN {_ADD} END",
    f"CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN {_REMOVE} END",
    f"CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN {_REMOVE} {_ADD} END",
]
_COLUMNS = ("docid", "id", "version", *KEYWORDS, *NUMBERS, "name_key", *TEXT_COLUMNS, "doc")
_UPSERT = (f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
           f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _COLUMNS[2:])} "
           "WHERE excluded.version > documents.version")  # a stale write never wins
_BM25 = f"bm25(documents_fts, {', '.join(map(str, TEXT_COLUMNS.values()))})"
# The R*Tree keeps 32-bit bounds rounded outwards: it finds candidates, the exact columns decide.
_IN_BOX = ("d.docid IN (SELECT id FROM documents_geo WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? "
           "AND min_lon <= ?) AND d.latitude BETWEEN ? AND ? AND d.longitude BETWEEN ? AND ?")


class SqliteEngine:
    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / "index.sqlite3", isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
        # The default 2 MiB page cache rewrites the same index pages over and over during a large build;
        # 128 MiB is the memory tantivy's writer gets by default.
        self.db.execute(f"PRAGMA cache_size = -{WRITER_MEMORY // 1024}")
        self.db.create_function("distance_km", 4, distance_km, deterministic=True)
        for statement in SQLITE_SCHEMA:
            self.db.execute(statement)

    def upsert(self, docs: Iterable[dict[str, Any]]) -> None:
        """One transaction; a version that is not newer than the stored one changes nothing."""
        rows = ((d["seq"], d["id"], d["version"], *(d[k] for k in (*KEYWORDS, *NUMBERS)), name_key(d),
                 *analysed(d), stored(d)) for d in docs)
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany(_UPSERT, rows)
        self.db.execute("COMMIT")

    def build(self, docs: Iterable[dict[str, Any]]) -> None:
        self.upsert(docs)
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def versions(self, ids: list[str]) -> list[int]:
        return [self.db.execute("SELECT version FROM documents WHERE id = ?", (i,)).fetchone()[0] for i in ids]

    def _docs(self, sql: str, params: Iterable) -> list[dict]:
        return [json.loads(row[0]) for row in self.db.execute(sql, tuple(params))]

    def _count_and_top(self, source: str, where: str, params: Iterable, order: str = "") -> int:
        """The total and the first page of documents, as a result page needs them."""
        params = tuple(params)
        self._docs(f"SELECT d.doc FROM {source} WHERE {where} {order} LIMIT {PAGE}", params)
        return self.db.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]

    def _text(self, text: str, where: str = "", params: tuple = ()) -> int:
        return self._count_and_top("documents_fts CROSS JOIN documents d ON d.docid = documents_fts.rowid",
                                   f"documents_fts MATCH ?{where}", (match_expression(text), *params),
                                   f"ORDER BY {_BM25}")

    def latin_term(self, word: str) -> int:
        return self._text(word)

    chinese_word = latin_term

    def text_two_filters(self, word: str, domain: str, centers: list[str]) -> int:
        return self._text(word, " AND d.domain = ? AND d.center IN (?, ?)", (domain, *centers))

    def facets_large(self, field: str, values: list[str]) -> list:
        where = f"{field} IN ({', '.join('?' * len(values))})"
        total = self.db.execute(f"SELECT count(*) FROM documents WHERE {where}", values).fetchone()[0]
        return [total, {f: sorted([str(value), n] for value, n in self.db.execute(
            f"SELECT {f}, count(*) FROM documents WHERE {where} AND {f} IS NOT NULL GROUP BY {f}", values))
            for f in FACETS}]

    def box(self, south: float, north: float, west: float, east: float) -> int:
        return self._count_and_top("documents d", _IN_BOX, [south, north, west, east] * 2)

    def distance(self, lat: float, lon: float, km: float) -> list:
        box = around(lat, lon, km)
        near = self.db.execute(
            f"SELECT d.docid, distance_km(?, ?, d.latitude, d.longitude) AS km FROM documents d WHERE {_IN_BOX} "
            "AND km <= ? ORDER BY km, d.docid", (lat, lon, *[box.south, box.north, box.west, box.east] * 2, km)
        ).fetchall()
        nearest = [docid for docid, _ in near[:PAGE]]
        self._docs(f"SELECT doc FROM documents WHERE docid IN ({', '.join('?' * len(nearest))})", nearest)
        return [len(near), nearest]

    def keyset_page(self, key: int) -> list[str]:
        return [d["id"] for d in self._docs(f"SELECT doc FROM documents WHERE (year, docid) > (?, ?) "
                                            f"ORDER BY year, docid LIMIT {PAGE}", divmod(key, SORT_BASE))]

    def offset_page(self, depth: int) -> list[str]:
        return [d["id"] for d in self._docs(f"SELECT doc FROM documents WHERE year IS NOT NULL "
                                            f"ORDER BY year, docid LIMIT {PAGE} OFFSET ?", (depth,))]

    def autocomplete(self, prefix: str) -> list:
        return [list(row) for row in self.db.execute(
            "SELECT value, count FROM names WHERE value >= ? AND value < ? ORDER BY count DESC, value LIMIT 10",
            (prefix, prefix + "\U0010ffff"))]

    def age_overlap(self, low: float, high: float) -> int:
        return self._count_and_top("documents d", "min_age <= ? AND max_age >= ?", (high, low))


class TantivyEngine:
    def __init__(self, folder: Path) -> None:
        import tantivy  # the bench extra
        self.t = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        for field in (*KEYWORDS, "name_key"):
            builder.add_text_field(field, fast=True, tokenizer_name="raw")
        for field in ("seq", "version", "year", "sort_key"):
            builder.add_integer_field(field, indexed=True, fast=True)
        for field in ("latitude", "longitude", "min_age", "max_age"):
            builder.add_float_field(field, indexed=True, fast=True)
        for field in TEXT_COLUMNS:
            builder.add_text_field(field, tokenizer_name="analysed")
        builder.add_bytes_field("doc", stored=True)
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(folder))
        self.index.register_tokenizer("analysed", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())

    def _document(self, d: dict[str, Any]):
        fields = {k: d[k] for k in ("id", "seq", "version", *KEYWORDS, *NUMBERS, "sort_key")}
        fields.update(zip(TEXT_COLUMNS, analysed(d)), name_key=name_key(d), doc=stored(d).encode())
        return self.t.Document.from_dict({k: v for k, v in fields.items() if v not in (None, "")}, self.schema)

    def _write(self, docs: Iterable[dict[str, Any]], check_version: bool) -> None:
        writer = self.index.writer(WRITER_MEMORY)  # one writer per index: another process gets LockBusy
        for d in docs:
            # No conditional write: read the committed version, then delete + add; the commit publishes all.
            if check_version and d["version"] <= self.versions([d["id"]])[0]:
                continue
            if check_version:
                writer.delete_documents_by_term("id", d["id"])
            writer.add_document(self._document(d))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def build(self, docs: Iterable[dict[str, Any]]) -> None:
        self._write(docs, check_version=False)

    def upsert(self, docs: Iterable[dict[str, Any]]) -> None:
        self._write(docs, check_version=True)

    def versions(self, ids: list[str]) -> list[int]:
        hits = [self.searcher.search(self.t.Query.term_query(self.schema, "id", i), 1).hits[0][1] for i in ids]
        return self.searcher.fast_field_values("version", hits)

    def _range(self, field: str, low=None, high=None, include_low: bool = True):
        kind = self.t.FieldType.Integer if field in ("year", "sort_key") else self.t.FieldType.Float
        return self.t.Query.range_query(self.schema, field, kind, low, high, include_lower=include_low)

    def _all(self, *queries):
        return self.t.Query.boolean_query([(self.t.Occur.Must, query) for query in queries])

    def _docs(self, addresses: list) -> list[dict]:
        return [json.loads(self.searcher.doc(address)["doc"][0]) for address in addresses]

    def _count_and_top(self, query) -> int:
        result = self.searcher.search(query, PAGE, count=True)
        self._docs([address for _, address in result.hits])
        return result.count

    def _text(self, text: str):
        return self.index.parse_query(match_expression(text), list(TEXT_COLUMNS), field_boosts=dict(TEXT_COLUMNS),
                                      conjunction_by_default=True)

    def latin_term(self, word: str) -> int:
        return self._count_and_top(self._text(word))

    chinese_word = latin_term

    def text_two_filters(self, word: str, domain: str, centers: list[str]) -> int:
        return self._count_and_top(self._all(self._text(word), self.t.Query.term_query(self.schema, "domain", domain),
                                             self.t.Query.term_set_query(self.schema, "center", centers)))

    def facets_large(self, field: str, values: list[str]) -> list:
        query = self.t.Query.term_set_query(self.schema, field, values)
        total = self.searcher.search(query, 1).count
        counts = self.searcher.aggregate(query, {f: {"terms": {"field": f, "size": 1000}} for f in FACETS})
        return [total, {f: sorted([str(b["key"]), b["doc_count"]] for b in counts[f]["buckets"]) for f in FACETS}]

    def _in_box(self, south: float, north: float, west: float, east: float):
        return self._all(self._range("latitude", south, north), self._range("longitude", west, east))

    def box(self, south: float, north: float, west: float, east: float) -> int:
        return self._count_and_top(self._in_box(south, north, west, east))

    def distance(self, lat: float, lon: float, km: float) -> list:
        """No geo field in tantivy-py: the box by two range queries, then distance and order in Python."""
        box = around(lat, lon, km)
        query = self._in_box(box.south, box.north, box.west, box.east)
        hits = self.searcher.search(query, max(1, self.searcher.search(query, 1).count), count=False).hits
        addresses = [address for _, address in hits]
        columns = [self.searcher.fast_field_values(f, addresses) for f in ("latitude", "longitude", "seq")]
        near = sorted((d, seq, n) for n, (la, lo, seq) in enumerate(zip(*columns))
                      if (d := distance_km(lat, lon, la, lo)) <= km)
        self._docs([addresses[n] for _, _, n in near[:PAGE]])
        return [len(near), [seq for _, seq, _ in near[:PAGE]]]

    def _page(self, query, offset: int = 0) -> list[str]:
        result = self.searcher.search(query, PAGE, count=False, order_by_field="sort_key", order=self.t.Order.Asc,
                                      offset=offset)
        return [d["id"] for d in self._docs([address for _, address in result.hits])]

    def keyset_page(self, key: int) -> list[str]:
        """No search_after in tantivy-py: a range query on the one-integer sort key, ordered by it."""
        return self._page(self._range("sort_key", key, None, include_low=False))

    def offset_page(self, depth: int) -> list[str]:
        return self._page(self._range("sort_key", 0, None), depth)

    def autocomplete(self, prefix: str) -> list:
        return [list(pair) for pair in self.searcher.terms_with_prefix("name_key", prefix, limit=10)]

    def age_overlap(self, low: float, high: float) -> int:
        return self._count_and_top(self._all(self._range("min_age", None, high), self._range("max_age", low, None)))


ENGINES = {"sqlite": SqliteEngine, "tantivy": TantivyEngine}
