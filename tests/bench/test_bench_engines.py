"""The engine benchmark's corpus is seeded and public-only, and both engines answer its workload alike."""
from __future__ import annotations

import math

import pytest

from bench.bench_engines import QUERIES, corpus, make_plan
from catalog.generalise import cell_centre

RECORDS = 2_000


@pytest.fixture(scope="module")
def documents() -> list[dict]:
    return list(corpus(RECORDS, seed=7))


def test_corpus_is_seeded_and_holds_only_what_the_public_index_may(documents):
    assert documents == list(corpus(RECORDS, seed=7))
    assert documents != list(corpus(RECORDS, seed=8))
    assert len(documents) == RECORDS == len({d["id"] for d in documents})
    assert {d["sharing_mode"] for d in documents} == {"open", "on_request", "restricted"}
    assert len({d["domain"] for d in documents}) == 6
    assert len({d["center"] for d in documents}) == 32
    restricted = [d for d in documents if d["sharing_mode"] == "restricted" and d["latitude"] is not None]
    assert restricted and all(d["locality"] is None for d in restricted)
    assert all(math.isclose(d["latitude"], cell_centre(d["latitude"])) for d in restricted)
    fossils = [d for d in documents if d["min_age"] is not None]
    assert fossils and all(d["min_age"] <= d["max_age"] for d in fossils)


def test_both_engines_give_the_same_answers_to_every_question(documents, tmp_path):
    pytest.importorskip("tantivy", reason="tantivy is in the bench and test extras")
    from bench.search_engines import ENGINES

    sort_keys = sorted(d["sort_key"] for d in documents if d["sort_key"])
    plan = make_plan(documents[:500], sort_keys, seed=7)
    engines = {}
    for name, engine_class in ENGINES.items():
        (tmp_path / name).mkdir()
        engines[name] = engine_class(tmp_path / name)
        engines[name].build(documents)
    for kind in QUERIES:
        answers = {name: [getattr(engine, kind)(*parameters) for parameters in plan[kind]]
                   for name, engine in engines.items()}
        assert answers["sqlite"] == answers["tantivy"], kind
        assert any(answer not in (0, [], [0, []]) for answer in answers["sqlite"]), f"{kind} found nothing"


def test_a_stale_version_never_replaces_a_newer_one(documents, tmp_path):
    pytest.importorskip("tantivy", reason="tantivy is in the bench and test extras")
    from bench.search_engines import ENGINES

    batch = documents[:50]
    for name, engine_class in ENGINES.items():
        (tmp_path / name).mkdir()
        engine = engine_class(tmp_path / name)
        engine.build(documents[:200])
        engine.upsert([{**d, "version": 3} for d in batch])
        engine.upsert([{**d, "version": 2} for d in batch])
        assert engine.versions([d["id"] for d in batch]) == [3] * len(batch), name
        assert engine.versions([documents[100]["id"]]) == [1], name
