"""match()/suggest()/ancestors(): round trips for every concept, normalisation, ambiguity, known cases."""
from __future__ import annotations

import pytest

import vocabularies
from vocabularies import Concept, Vocabulary
from vocabularies.loader import parse
from vocabularies.matching import normalise

from .conftest import BASE

NAMES = vocabularies.names()


@pytest.mark.parametrize("name", NAMES)
def test_every_code_iri_and_label_round_trips(name):
    vocabulary = vocabularies.get(name, BASE)
    assert vocabulary.uri == f"{BASE}/vocabularies/{name}/"
    for concept in vocabulary:
        assert vocabulary.get(concept.code) is concept
        assert concept.code in vocabulary
        assert concept.uri.startswith(vocabulary.uri)
        assert vocabulary.match(concept.uri) is concept
        for iri in concept.exact_match:
            assert vocabulary.match(iri) is concept, iri
        for label in (*concept.labels.values(), *concept.alt_labels, concept.code):
            assert vocabulary.match(label) is concept, (label, concept.code)
            assert vocabulary.match(f"  {label.upper()} ") is concept, (label, concept.code)


def test_base_url_decides_the_iris():
    local = vocabularies.get("domain")
    public = vocabularies.get("domain", "https://catalog.example.org/")
    assert local.get("plant_germplasm").uri == "http://127.0.0.1:5000/vocabularies/domain/plant_germplasm"
    assert public.get("plant_germplasm").uri == "https://catalog.example.org/vocabularies/domain/plant_germplasm"
    assert public.match(local.get("plant_germplasm").uri) is None
    assert vocabularies.get("domain") is local  # cached per (name, base_url)


@pytest.mark.parametrize("value", ["湖北省", "湖北 省", " 湖 北 ", "ＨＵＢＥＩ", " hubei province ", "Hubei\u3000Province",
                                   "鄂", "420000", "http://127.0.0.1:5000/vocabularies/admin_division/420000"])
def test_normalisation_width_case_and_spaces(value):
    assert vocabularies.get("admin_division").match(value).code == "420000"


def test_normalise():
    assert normalise("ＨＵＢＥＩ") == normalise(" hubei ") == "hubei"
    assert normalise("BSL-1") == normalise("bsl 1") == normalise("ＢＳＬ－１") == "bsl1"
    assert normalise("Xian\u2019an") == normalise("Xian'an") == "xianan"


@pytest.mark.parametrize("value, code", [
    ("CHN", "CN"), ("chn", "CN"), ("156", "CN"), ("中国", "CN"), ("People's Republic of China", "CN"),
    ("中国香港", "HK"), ("香港", "HK"), ("HKG", "HK"), ("中国台湾", "TW"), ("Taiwan", "TW"), ("ZZ", "ZZ"),
    ("XK", "XK"), ("South Korea", "KR"), ("KOR", "KR"), ("Viet Nam", "VN"), ("Vietnam", "VN"),
])
def test_country_codes_and_names(value, code):
    assert vocabularies.get("country").match(value).code == code


def test_mcpd_origcty_alpha3_to_alpha2():
    country = vocabularies.get("country")
    assert country.match("CHN").code == "CN"
    assert country.get("CN").properties["alpha3"] == "CHN"


@pytest.mark.parametrize("value, code", [("湖北省", "420000"), ("武汉市", "420100"), ("武汉", "420100"),
                                         ("洪山区", "420111"), ("Hongshan District", "420111"),
                                         ("神农架林区", "429021"), ("恩施州", "422800"), ("监利县", "421088")])
def test_admin_division_matches(value, code):
    assert vocabularies.get("admin_division").match(value).code == code


def test_admin_division_ancestors():
    admin = vocabularies.get("admin_division")
    assert [c.code for c in admin.ancestors("420111")] == ["420100", "420000"]
    assert [c.code for c in admin.ancestors("429021")] == ["420000"]
    assert admin.ancestors("420000") == [] and admin.ancestors("nope") == []


@pytest.mark.parametrize("name, value, code", [
    ("basis_of_record", "Presrved specimen", "PreservedSpecimen"),
    ("basis_of_record", "preserved specimens", "PreservedSpecimen"),
    ("type_status", "holotipe", "holotype"),
    ("country", "Chnia", "CN"),
    ("chronostratigraphy", "Jurasic", "Jurassic"),
])
def test_suggest_finds_near_misses(name, value, code):
    vocabulary = vocabularies.get(name)
    assert vocabulary.match(value) is None
    assert vocabulary.suggest(value).code == code


@pytest.mark.parametrize("value", ["", "   ", "completely unrelated words", "zzzzzz"])
def test_suggest_gives_up_when_nothing_is_close(value):
    assert vocabularies.get("basis_of_record").suggest(value) is None


@pytest.mark.parametrize("name, value, code", [
    ("basis_of_record", "保存标本", "PreservedSpecimen"), ("basis_of_record", "保存標本", "PreservedSpecimen"),
    ("basis_of_record", "http://rs.tdwg.org/dwc/terms/FossilSpecimen", "FossilSpecimen"),
    ("occurrence_status", "detected", "present"), ("occurrence_status", "notDetected", "absent"),
    ("occurrence_status", "not detected", "absent"),
    ("sampstat", "landrace", "300"), ("sampstat", "地方品种", "300"),
    ("sampstat", "http://purl.org/germplasm/germplasmType#wild", "100"),
    ("storage", "长期库", "13"), ("storage", "DNA collection", "50"),
    ("type_status", "正模", "holotype"), ("type_status", "Holotype", "holotype"),
    ("taxon_rank", "种", "species"), ("taxon_rank", "变型", "form"), ("taxon_rank", "regnum", "kingdom"),
    ("organism_type", "Filamentous Fungi", "filamentous_fungi"), ("form_of_supply", "Dry Ice", "dry_ice"),
    ("biosafety_level", "bsl3", "BSL-3"), ("biosafety_level", "ABSL 2", "ABSL-2"),
    ("cn_pathogen_class", "第一类", "1"), ("risk_group", "RG 4", "4"),
    ("sharing_mode", "依申请共享", "on_request"), ("sharing_mode", "On request", "on_request"),
    ("sex", "♀", "female"), ("geological_sample_type", "岩芯", "core"),
])
def test_known_values(name, value, code):
    assert vocabularies.get(name).match(value).code == code


def test_hierarchies():
    assert [c.code for c in vocabularies.get("sampstat").ancestors("411")] == ["410", "400"]
    assert [c.code for c in vocabularies.get("collsrc").ancestors("21")] == ["20"]
    assert [c.code for c in vocabularies.get("storage").ancestors("11")] == ["10"]


def test_opposite_biosafety_numberings_are_documented():
    risk, china = vocabularies.get("risk_group"), vocabularies.get("cn_pathogen_class")
    assert "unlikely to cause human disease" in risk.get("1").properties["definition"]["en"]
    assert "OPPOSITE" in china.get("1").properties["scope_note"]["en"]
    assert china.get("1").labels["zh"] == "第一类" and "highest" in china.get("1").labels["en"]


def _concept(code: str, *labels: str) -> Concept:
    return Concept(code, f"http://x.invalid/v/{code}", {"en": labels[0], "zh": labels[0]}, tuple(labels[1:]),
                   None, (), {})


def test_ambiguous_labels_never_pick_one():
    vocabulary = Vocabulary("t", "http://x.invalid/v/", {"en": "T"},
                            [_concept("a", "Alpha", "Shared"), _concept("b", "Beta", "SHARED ")], "")
    assert vocabulary.match("shared") is None and vocabulary.suggest("shared") is None
    assert vocabulary.collisions() == {"shared": ("a", "b")}
    assert vocabulary.match("alpha").code == "a" and vocabulary.match("b").code == "b"


def test_ambiguous_labels_from_turtle_are_listed():
    text = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<> a skos:ConceptScheme .
<x> a skos:Concept ; skos:notation "x" ; skos:prefLabel "Same"@en, "甲"@zh .
<y> a skos:Concept ; skos:notation "y" ; skos:prefLabel "Other"@en, "乙"@zh ; skos:altLabel "same "@en .
"""
    vocabulary = parse("t", text, "http://x.invalid")
    assert vocabulary.collisions() == {"same": ("x", "y")}
    assert vocabulary.match("Same") is None and vocabulary.match("甲").code == "x"


def test_label_language_fallback():
    concept = vocabularies.get("domain").get("geological_specimen")
    assert concept.label("zh") == concept.label("zh-Hans") == "岩矿化石标本"
    assert concept.label("en") == "Rock, mineral and fossil specimens"
    assert concept.label("fr") == "Rock, mineral and fossil specimens"
    bare = Concept("c", "u", {}, (), None, (), {})
    assert bare.label("zh") == "c"


def test_unknown_vocabulary():
    with pytest.raises(KeyError):
        vocabularies.get("nope")
    with pytest.raises(KeyError):
        vocabularies.get("../domain")
