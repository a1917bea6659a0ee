"""The compiled JSON cache gives the same vocabularies as rdflib and loads without importing rdflib."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from rdflib import Graph, compare

import vocabularies
from vocabularies.loader import DATA_DIR

REPO = Path(__file__).resolve().parents[2]


def snapshot(vocabulary: vocabularies.Vocabulary) -> tuple:
    return (vocabulary.name, vocabulary.uri, vocabulary.labels, vocabulary.version, list(vocabulary),
            vocabulary.index)


def test_cache_path_equals_rdflib_path(tmp_path):
    for name in vocabularies.names():
        vocabularies.configure(None)
        vocabularies.forget()
        parsed = vocabularies.get(name, "https://x.example")
        vocabularies.configure(tmp_path)
        vocabularies.forget()
        vocabularies.get(name, "https://x.example")  # parses and writes the cache
        vocabularies.configure(tmp_path)
        vocabularies.forget()
        cached = vocabularies.get(name, "https://x.example")  # reads the cache
        assert cached is not parsed
        assert snapshot(cached) == snapshot(parsed), name
        assert [c.properties for c in cached] == [c.properties for c in parsed]
        assert cached.turtle() == parsed.turtle()
    assert len(list(tmp_path.glob("*.json"))) == len(vocabularies.names())


def test_cache_is_keyed_by_content_and_base_url(tmp_path):
    vocabularies.configure(tmp_path)
    vocabularies.forget()
    vocabularies.get("sex", "http://a.invalid")
    vocabularies.get("sex", "http://b.invalid")
    files = sorted(tmp_path.glob("sex.*.json"))
    assert len(files) == 2
    uris = {json.loads(f.read_text(encoding="utf-8"))["uri"] for f in files}
    assert uris == {"http://a.invalid/vocabularies/sex/", "http://b.invalid/vocabularies/sex/"}


def test_broken_cache_file_is_rebuilt(tmp_path):
    vocabularies.configure(tmp_path)
    vocabularies.forget()
    vocabularies.get("sex")
    (cache_file,) = tmp_path.glob("sex.*.json")
    cache_file.write_text("{not json", encoding="utf-8")
    vocabularies.configure(tmp_path)
    vocabularies.forget()
    assert vocabularies.get("sex").match("♂").code == "male"
    assert json.loads(cache_file.read_text(encoding="utf-8"))["name"] == "sex"


def test_warm_cache_does_not_import_rdflib(tmp_path):
    script = textwrap.dedent(f"""
        import sys, vocabularies
        vocabularies.configure(__import__("pathlib").Path({str(tmp_path)!r}))
        vocab = vocabularies.get("chronostratigraphy")
        print("rdflib" in sys.modules, vocab.match("侏罗纪").code)
    """)
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run(run, cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert first == ["True", "Jurassic"]
    assert second == ["False", "Jurassic"]


def test_turtle_serves_absolute_iris():
    vocabulary = vocabularies.get("domain", "https://catalog.example.org")
    served = Graph().parse(data=vocabulary.turtle(), format="turtle")
    stored = Graph().parse(DATA_DIR / "domain.ttl", format="turtle",
                           publicID="https://catalog.example.org/vocabularies/domain/")
    assert compare.isomorphic(served, stored)
