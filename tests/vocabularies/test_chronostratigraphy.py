"""chronostratigraphy against ics/chart.ttl itself: counts, ages, labels, nesting of age ranges."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from rdflib import Graph, Namespace, URIRef

import vocabularies

from .conftest import STANDARDS

ISCHART = Namespace("http://resource.geosciml.org/classifier/ics/ischart/")
TIME = Namespace("http://www.w3.org/2006/time#")


@pytest.fixture(scope="module")
def chart() -> Graph:
    if not (STANDARDS / "ics/chart.ttl").is_file():
        pytest.skip("shared ics/chart.ttl does not exist")
    return Graph().parse(STANDARDS / "ics/chart.ttl")


def chart_age(chart: Graph, name: str, edge: URIRef) -> float:
    return float(Decimal(str(chart.value(chart.value(ISCHART[name], edge), ISCHART.inMYA))))


@pytest.fixture(scope="module")
def units() -> vocabularies.Vocabulary:
    return vocabularies.get("chronostratigraphy")


def test_counts_and_ranks(units):
    assert len(units) == 178
    assert Counter(c.properties["rank"] for c in units) == {
        "supereon": 1, "eon": 4, "era": 10, "period": 22, "subperiod": 2, "epoch": 37, "age": 102}


def test_ages_come_from_the_chart(units, chart):
    jurassic = units.get("Jurassic")
    assert jurassic.properties["begin_ma"] == chart_age(chart, "Jurassic", TIME.hasBeginning)
    assert jurassic.properties["end_ma"] == chart_age(chart, "Jurassic", TIME.hasEnd)
    for concept in units:
        assert concept.exact_match == (str(ISCHART[concept.code]),)
        assert concept.properties["begin_ma"] == chart_age(chart, concept.code, TIME.hasBeginning)
        assert concept.properties["end_ma"] == chart_age(chart, concept.code, TIME.hasEnd)


def test_children_lie_within_their_broader_unit(units):
    for concept in units:
        assert concept.properties["begin_ma"] > concept.properties["end_ma"], concept.code
        if concept.broader:
            parent = units.get(concept.broader)
            assert parent.properties["begin_ma"] >= concept.properties["begin_ma"], concept.code
            assert parent.properties["end_ma"] <= concept.properties["end_ma"], concept.code


@pytest.mark.parametrize("value, code", [
    ("Jurassic", "Jurassic"), ("侏罗系", "Jurassic"), ("侏罗纪", "Jurassic"), ("侏 罗 系", "Jurassic"),
    ("中侏罗世", "MiddleJurassic"), ("中侏罗统", "MiddleJurassic"), ("Middle Jurassic", "MiddleJurassic"),
    ("Early Jurassic", "LowerJurassic"), ("Lower Jurassic", "LowerJurassic"), ("下侏罗统", "LowerJurassic"),
    ("Late Cretaceous", "UpperCretaceous"), ("上白垩统", "UpperCretaceous"), ("晚白垩世", "UpperCretaceous"),
    ("显生宇", "Phanerozoic"), ("显生宙", "Phanerozoic"), ("新生代", "Cenozoic"), ("寒武纪", "Cambrian"),
    ("阿林期", "Aalenian"), ("Olenekian", "Olenekian"), ("第二统", "CambrianSeries2"),
    ("寒武纪第二世", "CambrianSeries2"), ("第十阶", "CambrianStage10"), ("Cambrian Stage 10", "CambrianStage10"),
    ("晚更新世", "UpperPleistocene"), ("上更新统", "UpperPleistocene"), ("前寒武纪", "Precambrian"),
    ("http://resource.geosciml.org/classifier/ics/ischart/MiddleJurassic", "MiddleJurassic"),
])
def test_labels_in_both_languages_and_both_forms(units, value, code):
    assert units.match(value).code == code


def test_zh_labels_have_no_stray_spaces(units):
    assert units.get("Phanerozoic").labels["zh"] == "显生宇"
    assert all(" " not in c.labels["zh"] for c in units)


def test_unlabelled_chart_units_are_labelled(units, chart):
    from rdflib.namespace import SKOS
    unlabelled = [c for c in units if chart.value(ISCHART[c.code], SKOS.prefLabel) is None]
    assert len(unlabelled) == 26
    assert all(c.labels["en"] and c.labels["zh"] for c in unlabelled)
    assert units.get("MiddleJurassic").labels == {"en": "Middle Jurassic", "zh": "中侏罗世"}
