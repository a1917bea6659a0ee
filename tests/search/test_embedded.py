"""The embedded SQLite FTS5 search backend: analysis, matching, filters, facets, writes, durability."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.search.analysis import analyse, match_expression
from catalog.search.embedded import EmbeddedBackend
from catalog.search.query import Query

ROOT = Path(__file__).resolve().parents[2]


def doc(key: str, version: int = 1, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"HBPGR-plant_germplasm-{key}", "version": version, "domain": "plant_germplasm",
        "center": "HBPGR", "sharing_mode": "open", "title_zh": None, "title_en": None,
        "scientific_name": None, "country_code": "CN", "admin_division": None, "year": None,
        "latitude": None, "longitude": None, "locality": None, "text": "",
        "updated_at": "2026-11-25T12:00:00+00:00",
    }
    base.update(fields)
    return base


TEA = doc("TEA", title_zh="恩施玉露茶树种质", title_en="Enshi Yulu tea germplasm",
          scientific_name="Camellia sinensis (L.) Kuntze", admin_division="422800", year=2019,
          latitude=30.29, longitude=108.93, locality="湖北省恩施州利川市毛坝镇")
LOTUS = doc("LOTUS", title_zh="洪湖莲藕", title_en="Honghu lotus root", scientific_name="Nelumbo nucifera Gaertn.",
            admin_division="420100", year=2020, locality="湖北省武汉市洪山区珞珈山", text="Café Rösti trial plot")
RICE = doc("RICE", title_zh="水稻地方品种", title_en="Local rice landrace", scientific_name="Oryza sativa L.",
           admin_division="420100", year=2019, locality="Wuhan, Hubei", text="grown near tea gardens",
           center="WBG", sharing_mode="restricted")
MICROBE = doc("MICROBE", domain="microbial", center="CCTCC", title_en="Bacillus strain from Shanghai soil",
              scientific_name="Bacillus subtilis", country_code=None, year=None, locality="上海市", text="salt and pepper or not")
ALL = [TEA, LOTUS, RICE, MICROBE]


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[EmbeddedBackend]:
    engine = EmbeddedBackend(tmp_path / "search")
    engine.ensure_index()
    yield engine
    engine.close()


@pytest.fixture
def loaded(backend: EmbeddedBackend) -> EmbeddedBackend:
    assert backend.index(ALL) == 4
    return backend


def found(engine: EmbeddedBackend, text: str = "", **kwargs: Any) -> list[str]:
    return [item["id"].rsplit("-", 1)[1] for item in engine.search(Query(text=text, size=100, **kwargs)).items]


def fts_intact(engine: EmbeddedBackend) -> None:
    with sqlite3.connect(engine.path) as conn:  # raises if the FTS index disagrees with its content
        conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")


# --- analysis -------------------------------------------------------------------------------------

def test_analyse_makes_bigrams_words_and_folds():
    assert analyse("湖北省武汉") == ["湖北", "北省", "省武", "武汉", "汉"]
    assert analyse("茶") == ["茶"]
    assert analyse("Camellia sinensis (L.) Kuntze") == ["camellia", "sinensis", "l", "kuntze"]
    assert analyse("ＣＡＦÉ rösti_2019年") == ["cafe", "rosti", "2019", "年"]
    assert analyse("  ,.;()\"*  ") == [] and analyse(None) == []


def test_match_expression_quotes_every_token():
    assert match_expression('武汉市 茶 col:foo "') == '"武汉 汉市" AND "茶" * AND "col" AND "foo"'
    assert match_expression("AND OR NOT NEAR(") == '"and" AND "or" AND "not" AND "near"'
    assert match_expression("") == ""


# --- text search ----------------------------------------------------------------------------------

def test_chinese_substrings_match_and_others_do_not(loaded):
    assert found(loaded, "武汉") == ["LOTUS"]
    assert found(loaded, "洪山") == ["LOTUS"]
    assert found(loaded, "武汉市洪山区珞珈山") == ["LOTUS"]
    assert found(loaded, "上海") == ["MICROBE"]
    assert found(loaded, "北京") == []
    assert found(loaded, "汉市洪") == ["LOTUS"]
    assert found(loaded, "武山") == []  # both characters occur, but not next to each other


def test_chinese_phrase_needs_consecutive_characters(backend):
    backend.index([doc("SPLIT", locality="武汉 汉市"), doc("WHOLE", locality="武汉市")])
    assert found(backend, "武汉市") == ["WHOLE"]
    assert sorted(found(backend, "汉市")) == ["SPLIT", "WHOLE"]


def test_single_chinese_character(loaded):
    assert sorted(found(loaded, "茶")) == ["TEA"]  # inside a run: 玉露茶树
    assert sorted(found(loaded, "省")) == ["LOTUS", "TEA"]  # 省 in the middle of the run
    assert found(loaded, "山") == ["LOTUS"]  # run-final character of 珞珈山
    assert found(loaded, "藕") == ["LOTUS"]  # run-final in the title
    assert found(loaded, "鱼") == []


def test_mixed_chinese_and_latin_query(loaded):
    assert found(loaded, "茶 Camellia") == ["TEA"]
    assert found(loaded, "Camellia茶树") == ["TEA"]
    assert found(loaded, "茶 Oryza") == []


def test_english_is_case_and_diacritics_insensitive(loaded):
    for text in ("cafe", "CAFÉ", "Café", "rosti", "RÖSTI", "café rösti"):
        assert found(loaded, text) == ["LOTUS"], text
    assert found(loaded, "LOTUS") == ["LOTUS"]
    assert found(loaded, "lotuses") == []  # whole words, no stemming


def test_scientific_name_variants(loaded):
    for text in ("Camellia sinensis", "camellia", "Camellia sinensis (L.) Kuntze", "CAMELLIA SINENSIS", "kuntze"):
        assert found(loaded, text) == ["TEA"], text
    assert found(loaded, "Camellia japonica") == []


def test_all_tokens_must_match(loaded):
    assert sorted(found(loaded, "tea")) == ["RICE", "TEA"]  # RICE has "tea gardens" in its text
    assert found(loaded, "tea rice") == ["RICE"]
    assert found(loaded, "tea lotus") == []
    assert found(loaded, "Wuhan 武汉") == []  # the two spellings live in different documents


def test_text_ranking_prefers_title_hits(loaded):
    result = loaded.search(Query(text="tea"))
    assert [item["id"] for item in result.items] == [TEA["id"], RICE["id"]]


@pytest.mark.parametrize("text, expected", [
    ('"', ["LOTUS", "MICROBE", "RICE", "TEA"]),
    (")", ["LOTUS", "MICROBE", "RICE", "TEA"]),
    ("*", ["LOTUS", "MICROBE", "RICE", "TEA"]),
    ("   ", ["LOTUS", "MICROBE", "RICE", "TEA"]),
    ("AND OR NOT", ["MICROBE"]),
    ("salt AND", ["MICROBE"]),
    ("NEAR(", ["RICE"]),  # RICE: "grown near tea gardens"
    ("NEAR(salt pepper)", []),  # "near" is a word here, and MICROBE lacks it
    ("col:foo", []),
    ("title:tea", []),
    ("title_en:tea", []),
    ('"tea', ["RICE", "TEA"]),
    ('tea" OR "lotus', []),  # no quote escapes its token: this needs tea AND or AND lotus
    ("tea*", ["RICE", "TEA"]),
    ("-tea", ["RICE", "TEA"]),
    ("^tea", ["RICE", "TEA"]),
    ("{title name}: tea", []),
    ("''; DROP TABLE documents; --", []),
])
def test_fts_syntax_is_plain_text(loaded, text, expected):
    assert sorted(found(loaded, text)) == expected
    assert loaded.count() == 4


# --- filters, facets, paging ----------------------------------------------------------------------

def test_filters_or_within_and_across(loaded):
    assert found(loaded, filters={"center": ("HBPGR",)}) == ["LOTUS", "TEA"]
    assert found(loaded, filters={"center": ("WBG", "CCTCC")}) == ["MICROBE", "RICE"]
    assert found(loaded, filters={"center": ("HBPGR", "WBG"), "year": ("2019",)}) == ["RICE", "TEA"]
    assert found(loaded, filters={"admin_division": ("420100",), "sharing_mode": ("open",)}) == ["LOTUS"]
    assert found(loaded, "湖北", filters={"year": ("2019",)}) == ["TEA"]
    assert found(loaded, filters={"country_code": ("US",)}) == []
    assert found(loaded, filters={"domain": ()}) == ["LOTUS", "MICROBE", "RICE", "TEA"]


def test_unknown_filter_or_facet_field_is_rejected(loaded):
    with pytest.raises(ValueError, match="'title_en'"):
        loaded.search(Query(filters={"title_en": ("x",)}))
    with pytest.raises(ValueError, match="'doc; DROP'"):
        loaded.search(Query(facets=("doc; DROP",)))


def test_facets_are_exact_over_the_filtered_set_and_ignore_paging(loaded):
    facets = ("center", "year", "country_code", "domain")
    everything = loaded.search(Query(facets=facets, size=1))
    assert everything.total == 4 and len(everything.items) == 1
    assert everything.facets == {
        "center": {"HBPGR": 2, "CCTCC": 1, "WBG": 1},
        "year": {"2019": 2, "2020": 1},
        "country_code": {"CN": 3},
        "domain": {"plant_germplasm": 3, "microbial": 1},
    }
    assert list(everything.facets["center"]) == ["HBPGR", "CCTCC", "WBG"]  # count desc, then value
    narrowed = loaded.search(Query(text="湖北", filters={"center": ("HBPGR",)}, facets=facets, offset=1, size=1))
    assert narrowed.total == 2 and len(narrowed.items) == 1
    assert narrowed.facets == {"center": {"HBPGR": 2}, "year": {"2019": 1, "2020": 1},
                               "country_code": {"CN": 2}, "domain": {"plant_germplasm": 2}}
    assert loaded.search(Query(facets=facets, size=0)).facets == everything.facets


def test_paging(backend):
    backend.index(doc(f"ACC{n:05d}", text="common") for n in range(25))
    every = [f"ACC{n:05d}" for n in range(25)]
    assert found(backend) == every
    page = backend.search(Query(offset=10, size=10))
    assert page.total == 25 and [i["id"][-8:] for i in page.items] == every[10:20]
    last = backend.search(Query(text="common", offset=20, size=10))
    assert last.total == 25 and len(last.items) == 5
    beyond = backend.search(Query(offset=30, size=10))
    assert beyond.total == 25 and beyond.items == []
    assert backend.search(Query(size=0)).items == []


def test_items_are_the_stored_documents(loaded):
    assert loaded.search(Query(text="珞珈山")).items == [LOTUS]


# --- writes ---------------------------------------------------------------------------------------

def test_stale_version_is_ignored_and_newer_replaces(loaded):
    assert loaded.index([dict(TEA, version=0, title_en="stale title")]) == 0
    assert found(loaded, "stale") == [] and found(loaded, "Enshi") == ["TEA"]
    assert loaded.index([dict(TEA, version=1)]) == 1  # same version is rewritten
    assert loaded.index([dict(TEA, version=2, title_en="Newer title", locality="湖南省")]) == 1
    assert found(loaded, "newer") == ["TEA"]
    assert found(loaded, "Enshi") == [] and found(loaded, "利川") == []
    assert found(loaded, "湖南") == ["TEA"]
    assert loaded.index([dict(TEA, version=1, title_en="older again")]) == 0
    assert loaded.search(Query(text="newer")).items[0]["version"] == 2
    assert loaded.count() == 4
    fts_intact(loaded)


def test_versions_within_one_batch(backend):
    assert backend.index([doc("A", 2, text="second"), doc("A", 1, text="first"), doc("B", 1)]) == 2
    assert found(backend, "second") == ["A"] and found(backend, "first") == []


def test_delete_ids_and_count(loaded):
    assert loaded.ids() == {d["id"] for d in ALL} and loaded.count() == 4
    assert loaded.delete([LOTUS["id"], "no-such-id"]) == 1
    assert loaded.ids() == {TEA["id"], RICE["id"], MICROBE["id"]} and loaded.count() == 3
    assert found(loaded, "武汉") == [] and found(loaded, "lotus") == []
    assert loaded.delete([]) == 0
    fts_intact(loaded)


def test_clear(loaded):
    loaded.clear()
    assert loaded.count() == 0 and loaded.ids() == set() and found(loaded, "tea") == []
    assert loaded.index([TEA]) == 1 and found(loaded, "tea") == ["TEA"]


def test_reopen_keeps_documents(loaded, tmp_path):
    loaded.close()
    again = EmbeddedBackend(tmp_path / "search")
    again.ensure_index()
    assert again.count() == 4 and found(again, "武汉") == ["LOTUS"]
    again.close()
    assert loaded.count() == 4  # a closed backend reconnects on next use


def test_failing_generator_leaves_index_unchanged(loaded):
    def feed():
        yield dict(TEA, version=5, title_en="half written")
        yield doc("NEW", text="half written")
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError, match="went away"):
        loaded.index(feed())
    assert loaded.count() == 4 and found(loaded, "half") == [] and found(loaded, "Enshi") == ["TEA"]
    fts_intact(loaded)
    with pytest.raises(KeyError):
        loaded.index([doc("OK"), {"id": "no-version"}])
    assert loaded.count() == 4


def test_killed_writer_leaves_previous_state(loaded):
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from catalog.search.embedded import EmbeddedBackend
        from tests.search.test_embedded import doc
        def feed():
            for n in range(500):
                yield doc(f"K{{n}}", text="killed")
            os._exit(3)  # the process dies inside the write transaction
        EmbeddedBackend(Path({str(loaded.folder)!r})).index(feed())
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    assert loaded.count() == 4 and found(loaded, "killed") == []
    fts_intact(loaded)


def test_ping(loaded, tmp_path):
    loaded.ping()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "index.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(RuntimeError, match="unusable"):
        EmbeddedBackend(broken).ping()


def test_threads_share_one_backend(loaded):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                loaded.index([doc(f"T{n}-{i}", text=f"thread{n}")])
                assert len(found(loaded, f"thread{n}")) == i + 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and loaded.count() == 4 + 80
    fts_intact(loaded)


# --- property -------------------------------------------------------------------------------------

CJK = "湖北省武汉市洪山区茶树种质恩施"
ALPHABET = CJK + "abcXYZé019 -,.()\"*:"


@st.composite
def text_and_cjk_substring(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(st.text(alphabet=ALPHABET, max_size=40))
    runs = [r for r in "".join(c if c in CJK else " " for c in text).split() if len(r) >= 2]
    run = draw(st.sampled_from(runs)) if runs else draw(st.text(alphabet=CJK, min_size=2, max_size=6))
    if not runs:
        text += " " + run
    start = draw(st.integers(0, len(run) - 2))
    end = draw(st.integers(start + 2, len(run)))
    return text, run[start:end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=text_and_cjk_substring())
def test_any_cjk_substring_finds_its_document(backend, case):
    text, needle = case
    backend.index([doc("P", locality=text)])  # same version: rewritten each example
    assert found(backend, needle) == ["P"], (text, needle)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(alphabet=ALPHABET, max_size=25), min_size=1, max_size=6),
       needle=st.text(alphabet=CJK, min_size=1, max_size=4))
def test_cjk_matches_exactly_the_documents_containing_the_substring(texts, needle):
    with tempfile.TemporaryDirectory() as folder:
        engine = EmbeddedBackend(Path(folder))
        engine.index(doc(f"D{n}", locality=text) for n, text in enumerate(texts))
        expected = sorted(f"D{n}" for n, text in enumerate(texts) if needle in text)
        assert sorted(found(engine, needle)) == expected
        engine.close()
