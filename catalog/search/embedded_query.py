"""A Query as SQL over the embedded engine's tables (see catalog.search.embedded), and its result."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

from catalog.search.analysis import completes, fold, match_expression, text_without_cjk
from catalog.search.fields import AGE_RANGE, FACET_SIZE, FIELDS, HISTOGRAMS, attribute_name
from catalog.search.geo import covering_boxes, distance_km
from catalog.search.query import (BoundingBox, Distance, Query, Range, Result, RELEVANCE, day_after,
                                  decode_cursor, encode_cursor)

TEXT_WEIGHTS = "4.0, 3.0, 2.0, 1.0"  # bm25 weights of the FTS columns title, name, place, body
SUGGEST_CANDIDATES = 200


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("distance_km", 4, distance_km, deterministic=True)


@dataclass
class Compiled:
    source: str
    column: str = "d.{}"  # how a condition names a column: "+d.{}" when the FTS index drives
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def clause(self, *extra: str) -> str:
        conditions = self.where + list(extra)
        return " WHERE " + " AND ".join(conditions) if conditions else ""


def compile_query(query: Query) -> Compiled:
    """The FROM and WHERE of a query. With text, the FTS index drives: the column filters are written
    `+d.column`, which keeps SQLite from starting at a column index and probing FTS once per row."""
    match = match_expression(query.text)
    column = "+d.{}" if match else "d.{}"
    if match:
        compiled = Compiled("documents_fts JOIN documents d ON d.docid = documents_fts.rowid", column)
        compiled.add("documents_fts MATCH ?", match)
    else:
        compiled = Compiled("documents d", column)
    for name, values in query.filters.items():
        if not values:  # an empty tuple selects nothing, so it does not restrict
            continue
        marks = ", ".join("?" * len(values))
        attribute = attribute_name(name)
        if attribute:
            compiled.add(f"EXISTS (SELECT 1 FROM bodies b, json_each(b.doc, ?) WHERE b.docid = d.docid "
                         f"AND json_each.value IN ({marks}))",
                         f"$.attributes.{attribute}", *values)
        else:
            compiled.add(f"{column.format(name)} IN ({marks})", *values)
    for name, bounds in query.ranges.items():
        _add_range(compiled, name, bounds, column)
    if query.geo is not None:
        _add_geo(compiled, query.geo)
    return compiled


def _add_range(compiled: Compiled, name: str, bounds: Range, column: str) -> None:
    if name == AGE_RANGE:  # the record's age range overlaps the asked one
        if bounds.low is not None:
            compiled.add(f"{column.format('age_max_ma')} >= ?", bounds.low)
        if bounds.high is not None:
            compiled.add(f"{column.format('age_min_ma')} <= ?", bounds.high)
        return
    if bounds.low is not None:
        compiled.add(f"{column.format(name)} >= ?", bounds.low)
    if bounds.high is not None:
        if FIELDS[name].kind == "date":  # the whole last day, also for timestamps
            compiled.add(f"{column.format(name)} < ?", day_after(bounds.high))
        else:
            compiled.add(f"{column.format(name)} <= ?", bounds.high)


def _add_geo(compiled: Compiled, geo: BoundingBox | Distance) -> None:
    # The R*Tree keeps 32-bit bounds rounded outwards: it finds candidates, the exact columns decide.
    boxes = covering_boxes(geo)
    candidates = " OR ".join("(max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)" for _ in boxes)
    compiled.add(f"d.docid IN (SELECT id FROM documents_geo WHERE {candidates})",
                 *(value for box in boxes for value in (box.south, box.north, box.west, box.east)))
    exact = " OR ".join("(d.latitude BETWEEN ? AND ? AND d.longitude BETWEEN ? AND ?)" for _ in boxes)
    compiled.add(f"({exact})", *(value for box in boxes for value in (box.south, box.north, box.west, box.east)))
    if isinstance(geo, Distance):
        compiled.add("distance_km(?, ?, d.latitude, d.longitude) <= ?", geo.latitude, geo.longitude, geo.km)


def run(conn: sqlite3.Connection, query: Query,
        cached: Callable[[tuple[Hashable, ...], Callable[[], Any]], Any] | None = None) -> Result:
    """The query's total, page and facets; `cached(key, count)` may answer the total and facets from earlier
    counts of the same question (the embedded backend keys them by the index's version)."""
    compiled = compile_query(query)
    if query.facets:
        key = (compiled.source, tuple(compiled.where), tuple(compiled.params), query.facets)
        count = lambda: _total_and_facets(conn, compiled, query.facets)  # noqa: E731
        total, counted = cached(key, count) if cached else count()
        facets = {name: dict(values) for name, values in counted.items()}  # callers may change their copy
    else:
        total = conn.execute(f"SELECT count(*) FROM {compiled.source}{compiled.clause()}", compiled.params).fetchone()[0]
        facets = {}
    rows = []
    if query.size and (query.cursor or query.offset < total):
        sql, params = _page(query, compiled)
        rows = conn.execute(sql, params).fetchall()
    more, rows = len(rows) > query.size, rows[:query.size]
    next_cursor = encode_cursor(query, [rows[-1][1], rows[-1][2]]) if more and rows else None
    bodies = dict(conn.execute(f"SELECT docid, doc FROM bodies WHERE docid IN ({', '.join('?' * len(rows))})",
                               [row[0] for row in rows]).fetchall()) if rows else {}
    return Result(total=total, items=[json.loads(bodies[row[0]]) for row in rows], facets=facets,
                  next_cursor=next_cursor)


def _page(query: Query, compiled: Compiled) -> tuple[str, list[Any]]:
    """The page's rows (docid, sort value, id) in sort order, one more than the page holds."""
    if query.sort_field not in (RELEVANCE, "id"):
        return _field_page(query, compiled)
    sort_value, order = _order(query)
    page = f"SELECT d.docid AS docid, {sort_value} AS sort_value, d.id AS id FROM {compiled.source}{compiled.clause()}"
    params = list(compiled.params)
    if query.cursor:
        condition, extra = _after(query, decode_cursor(query))
        page = f"SELECT * FROM ({page}) WHERE {condition}"
        params += extra
    return f"SELECT * FROM ({page}) ORDER BY {order} LIMIT ? OFFSET ?", [*params, query.size + 1, query.offset]


def _field_page(query: Query, compiled: Compiled) -> tuple[str, list[Any]]:
    """A page sorted on a field, missing values last and ties by id. Records with a value and records without
    one are read as two branches, each in index order and stopped where the page ends, so SQLite walks the
    field's (value, id) index from the cursor on instead of sorting everything after it: at depth 100,000 of
    a million records a page is a seek, not a sort of 900,000 rows."""
    name, direction = query.sort_field, ("DESC" if query.descending else "ASC")
    column = compiled.column.format(name)
    valued, valued_params = [f"{column} IS NOT NULL"], []
    missing, missing_params = [f"{column} IS NULL"], []
    if query.cursor:
        value, last_id = decode_cursor(query)
        if value is None:  # the cursor is among the records without a value: only those after it are left
            valued = ["0"]
            missing.append("d.id > ?")
            missing_params.append(last_id)
        elif query.descending:  # value below, or the same value and a later id (ties go up by id)
            valued += [f"{column} <= ?", f"NOT ({column} = ? AND d.id <= ?)"]
            valued_params += [value, value, last_id]
        else:
            valued.append(f"({column}, d.id) > (?, ?)")
            valued_params += [value, last_id]
    enough = query.offset + query.size + 1
    select = f"SELECT d.docid AS docid, d.{name} AS sort_value, d.id AS id FROM {compiled.source}"
    sql = (f"SELECT * FROM (SELECT * FROM ({select}{compiled.clause(*valued)} ORDER BY d.{name} {direction}, d.id "
           f"LIMIT ?) UNION ALL SELECT * FROM ({select}{compiled.clause(*missing)} ORDER BY d.id LIMIT ?)) "
           f"ORDER BY sort_value IS NULL, sort_value {direction}, id LIMIT ? OFFSET ?")
    return sql, [*compiled.params, *valued_params, enough, *compiled.params, *missing_params, enough,
                 query.size + 1, query.offset]


def _order(query: Query) -> tuple[str, str]:
    """The sort expression and the ORDER BY clause of a relevance or id sort."""
    if query.sort_field == "id":
        return "d.id", f"id {'DESC' if query.descending else 'ASC'}"
    if not match_expression(query.text):
        return "NULL", "id"
    return f"bm25(documents_fts, {TEXT_WEIGHTS})", "sort_value, id"


def _after(query: Query, after: list[Any]) -> tuple[str, list[Any]]:
    """The keyset condition for the rows after the cursor's last hit (sort_value, id)."""
    value, last_id = after
    if query.sort_field == "id":
        return ("id < ?" if query.descending else "id > ?"), [last_id]
    if value is None:
        return "id > ?", [last_id]
    return "(sort_value > ? OR (sort_value = ? AND id > ?))", [value, value, last_id]


def _total_and_facets(conn: sqlite3.Connection, compiled: Compiled,
                      names: tuple[str, ...]) -> tuple[int, dict[str, dict[str, int]]]:
    """The total and every facet from one pass over the result set (grouped by all facet keys at once),
    instead of one pass per facet; ordered as Elasticsearch's terms: count descending, then value."""
    keys = [_facet_key(name) for name in names]
    rows = conn.execute(f"SELECT {', '.join(keys)}, count(*) FROM {compiled.source}{compiled.clause()} "
                        f"GROUP BY {', '.join(str(n + 1) for n in range(len(keys)))}", compiled.params).fetchall()
    counts: list[dict[Any, int]] = [{} for _ in names]
    for row in rows:
        for position, value in enumerate(row[:-1]):
            if value is not None:
                counts[position][value] = counts[position].get(value, 0) + row[-1]
    facets = {}
    for name, values in zip(names, counts):
        order = (lambda kv: kv[0]) if name in HISTOGRAMS else (lambda kv: (-kv[1], kv[0]))
        facets[name] = {str(value): count for value, count in sorted(values.items(), key=order)[:FACET_SIZE]}
    return sum(row[-1] for row in rows), facets


def _facet_key(name: str) -> str:
    if name in HISTOGRAMS:
        column, interval = HISTOGRAMS[name]
        return f"(d.{column} - (d.{column} % {interval}))"
    return f"d.{name}"


def suggest(conn: sqlite3.Connection, text: str, size: int) -> list[dict[str, Any]]:
    """Names that complete `text`, most frequent first; counted by triggers as documents come and go."""
    typed = fold(text).strip()
    if not typed:
        return []
    escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # The same test as completes() (LIKE ignores ASCII case), which then settles the rest of Unicode.
    patterns = [f"%{escaped}%"] if typed != text_without_cjk(typed) else [f"{escaped}%", f"% {escaped}%"]
    condition = " OR ".join("value LIKE ? ESCAPE '\\'" for _ in patterns)
    rows = conn.execute(f"SELECT kind, value, count FROM names WHERE {condition} "
                        "ORDER BY count DESC, value LIMIT ?", (*patterns, SUGGEST_CANDIDATES)).fetchall()
    found = [{"value": value, "kind": kind, "count": count} for kind, value, count in rows if completes(value, typed)]
    return sorted(found, key=lambda s: (-s["count"], s["value"], s["kind"]))[:size]

