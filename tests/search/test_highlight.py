"""Highlighting: the searched words marked in a page's documents, folded as the index folds them."""
from __future__ import annotations

from catalog.search.highlight import SNIPPET, highlights


def test_latin_words_are_marked_whole_and_regardless_of_case():
    marked = highlights("camellia", {"scientific_name": "Camellia sinensis", "title_en": "Camellias of Enshi"})
    assert marked == {"scientific_name": "<mark>Camellia</mark> sinensis"}


def test_chinese_runs_are_marked_as_typed():
    assert highlights("恩施 茶", {"title_zh": "恩施玉露茶树", "locality": "湖北省武汉市"}) == \
        {"title_zh": "<mark>恩施</mark>玉露<mark>茶</mark>树"}


def test_accented_and_decomposed_forms_are_marked_as_the_index_finds_them():
    document = {"scientific_name": "Rhododendron simsii Müller", "text": "leg. Mu\u0308ller & FÜLLER",
                "title_en": "Ｗｉｄｅ Camellia"}
    assert highlights("muller", document) == {"scientific_name": "Rhododendron simsii <mark>Müller</mark>",
                                              "text": "leg. <mark>Mu\u0308ller</mark> &amp; FÜLLER"}
    assert highlights("wide", document) == {"title_en": "<mark>Ｗｉｄｅ</mark> Camellia"}
    assert highlights("Müller", {"text": "muller"}) == {"text": "<mark>muller</mark>"}


def test_everything_else_is_escaped():
    assert highlights("tea", {"text": "<b>tea</b> & <script>alert(1)</script>"}) == \
        {"text": "&lt;b&gt;<mark>tea</mark>&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"}


def test_long_values_are_cut_to_a_snippet_around_the_first_match():
    value = "α " * 200 + "dolphin " + "β " * 200
    marked = highlights("dolphin", {"text": value})["text"]
    assert marked.startswith("…") and marked.endswith("…") and "<mark>dolphin</mark>" in marked
    assert len(marked.replace("<mark>", "").replace("</mark>", "")) <= SNIPPET + 2


def test_nothing_is_marked_when_no_word_occurs():
    assert highlights("sturgeon", {"title_en": "Chinese sturgeons", "text": None}) == {}
    assert highlights("  ", {"title_en": "anything"}) == {}
