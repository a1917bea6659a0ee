"""Every committed .ttl parses as one SKOS scheme with complete, relative, well-formed concepts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS, OWL, SKOS

import vocabularies
from vocabularies.loader import DATA_DIR

from .conftest import BASE, need_shared

REPO = Path(__file__).resolve().parents[2]
EXPECTED = {
    "admin_division": 150, "animal_material_type": 9, "basis_of_record": 9, "biosafety_level": 8,
    "chronostratigraphy": 178, "cn_pathogen_class": 4, "collsrc": 22, "country": 252, "domain": 6,
    "experimental_material_type": 8, "form_of_supply": 7, "geological_sample_type": 9, "mlsstat": 3,
    "nagoya_status": 3, "occurrence_status": 2, "organism_type": 9, "restrictions_on_use": 3, "risk_group": 4,
    "sampstat": 21, "sex": 4, "sharing_mode": 4, "storage": 9, "taxon_rank": 52, "type_status": 42,
}


def test_names_lists_every_file():
    assert vocabularies.names() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_is_one_complete_scheme(name):
    base = f"{BASE}/vocabularies/{name}/"
    graph = Graph().parse(DATA_DIR / f"{name}.ttl", format="turtle", publicID=base)
    schemes = list(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert [str(s) for s in schemes] == [base]
    titles = {lit.language for lit in graph.objects(schemes[0], DCTERMS.title)}
    assert titles == {"en", "zh"}
    assert graph.value(schemes[0], DCTERMS.source) and graph.value(schemes[0], OWL.versionInfo)
    concepts = list(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == EXPECTED[name]
    for concept in concepts:
        notation = graph.value(concept, SKOS.notation)
        assert notation is not None, concept
        assert str(concept) == base + str(concept)[len(base):] and unquote(str(concept)[len(base):]) == str(notation)
        assert graph.value(concept, SKOS.inScheme) == schemes[0]
        pref = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        assert set(pref) == {"en", "zh"} and all(pref.values()), (name, notation, pref)
        for broader in graph.objects(concept, SKOS.broader):
            assert (broader, RDF.type, SKOS.Concept) in graph


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_iris_follow_the_base_url(name):
    """Parsed under two bases, the graphs differ only by the base: nothing of ours is absolute."""
    text = (DATA_DIR / f"{name}.ttl").read_text(encoding="utf-8")
    first, second = "http://a.invalid", "https://b.invalid/sub"
    one = Graph().parse(data=text, format="turtle", publicID=f"{first}/vocabularies/{name}/")
    two = Graph().parse(data=text, format="turtle", publicID=f"{second}/vocabularies/{name}/")
    moved = {tuple(str(term).replace(first, second) for term in triple) for triple in one}
    assert moved == {tuple(str(term) for term in triple) for triple in two}
    assert not any(str(term).startswith(first) for triple in two for term in triple)


def test_no_ambiguous_labels_in_shipped_data():
    found = {name: vocabularies.get(name).collisions() for name in vocabularies.names()}
    assert {name: c for name, c in found.items() if c} == {}


def test_placeholder_zh_labels_are_flagged():
    """A zh label equal to the English one is a documented placeholder (DNA is the same in both)."""
    for name in vocabularies.names():
        for concept in vocabularies.get(name):
            if concept.labels["zh"] == concept.labels["en"] and concept.code != "dna":
                assert "editorial_note" in concept.properties, (name, concept.code)


def test_build_check_passes_on_committed_files():
    shared = need_shared()
    result = subprocess.run([sys.executable, "-m", "vocabularies.build", "--shared", str(shared), "--check"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_build_check_detects_a_stale_file(tmp_path, monkeypatch):
    shared = need_shared()
    from vocabularies import build

    copy = tmp_path / "data"
    copy.mkdir()
    for path in DATA_DIR.glob("*.ttl"):
        (copy / path.name).write_bytes(path.read_bytes())
    (copy / "sex.ttl").write_text((copy / "sex.ttl").read_text(encoding="utf-8").replace("雌雄同体", "X"),
                                  encoding="utf-8")
    monkeypatch.setattr(build, "DATA_DIR", copy)
    assert build.main(["--shared", str(shared), "--check"]) == 1
    assert build.main(["--shared", str(shared)]) == 0
    assert (copy / "sex.ttl").read_bytes() == (DATA_DIR / "sex.ttl").read_bytes()
