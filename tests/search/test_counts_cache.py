"""The embedded engine reuses a query's total and facet counts only while the index is exactly as it was
counted: any write, by this backend or by another process's, counts afresh."""
from __future__ import annotations

from catalog.search.embedded import EmbeddedBackend
from catalog.search.query import Query
from tests.search.test_query_features import CORPUS, doc

FACETED = Query(filters={"country_code": ("CN",)}, facets=("domain", "center", "decade"))


def grouped_counts(backend: EmbeddedBackend, query: Query) -> tuple[object, int]:
    """The result, and how many GROUP BY statements the backend ran for it."""
    statements: list[str] = []
    conn = backend._conn()
    conn.set_trace_callback(statements.append)
    try:
        result = backend.search(query)
    finally:
        conn.set_trace_callback(None)
    return result, sum("GROUP BY" in statement for statement in statements)


def test_the_same_question_on_the_same_index_is_counted_once(tmp_path):
    backend = EmbeddedBackend(tmp_path)
    backend.ensure_index()
    backend.index(CORPUS)
    first, counted = grouped_counts(backend, FACETED)
    again, recounted = grouped_counts(backend, FACETED)
    assert (counted, recounted) == (1, 0)
    assert (again.total, again.facets) == (first.total, first.facets) == (7, first.facets)
    assert first.facets["domain"] == {"biological_specimen": 3, "geological_specimen": 3, "plant_germplasm": 1}
    again.facets["domain"]["biological_specimen"] = 99  # a caller's copy, not the kept counts
    assert grouped_counts(backend, FACETED)[0].facets["domain"]["biological_specimen"] == 3
    other, counted_other = grouped_counts(backend, Query(filters={"center": ("CUG",)}, facets=("domain",)))
    assert counted_other == 1 and other.facets == {"domain": {"geological_specimen": 3}}
    backend.close()


def test_a_write_by_this_backend_or_another_process_counts_afresh(tmp_path):
    reader, writer = EmbeddedBackend(tmp_path), EmbeddedBackend(tmp_path)  # two processes' handles on one file
    reader.ensure_index()
    reader.index(CORPUS)
    assert reader.search(FACETED).facets["center"] == {"CUG": 3, "IHB": 2, "HBPG": 1, "WHU": 1}

    writer.index([doc(8, center="HZAU", year=2021)])
    after_other, counted = grouped_counts(reader, FACETED)
    assert counted == 1 and after_other.total == 8 and after_other.facets["center"]["HZAU"] == 1

    reader.delete(["R08", "R01"])
    after_own, counted = grouped_counts(reader, FACETED)
    assert counted == 1 and after_own.total == 6 and "HZAU" not in after_own.facets["center"]

    writer.replace_all(CORPUS[:2])
    assert reader.search(FACETED).facets["domain"] == {"biological_specimen": 1, "plant_germplasm": 1}
    reader.close()
    writer.close()


def test_a_file_started_afresh_never_repeats_the_versions_it_replaces(tmp_path):
    backend = EmbeddedBackend(tmp_path)
    backend.ensure_index()
    backend.index(CORPUS)
    version = backend._conn().execute("PRAGMA user_version").fetchone()[0]
    backend.reset()
    assert backend._conn().execute("PRAGMA user_version").fetchone()[0] not in (0, version)
    assert backend.search(FACETED).total == 0
    backend.close()
