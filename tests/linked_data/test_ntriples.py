"""The N-Triples writer: exact escapes, one line per triple, and rdflib reads back any text it is given."""
from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral

from catalog.linked_data import ntriples
from catalog.linked_data.graphs import to_rdflib
from catalog.linked_data.literals import decimal_lexical
from catalog.linked_data.terms import Iri, Literal, path_segment

SUBJECT, PREDICATE = "http://example.org/s", "http://example.org/p"


@pytest.mark.parametrize("text, escaped", [
    ('say "hi"', 'say \\"hi\\"'),
    ("a\\b", "a\\\\b"),
    ("one\ntwo\r\n", "one\\ntwo\\r\\n"),
    ("\t\b\f", "\\t\\b\\f"),
    ("\x00\x01\x1f\x7f", "\\u0000\\u0001\\u001F\\u007F"),
    ("\x85\u2028\u2029", "\\u0085\\u2028\\u2029"),
    ("湖北 🦋", "湖北 🦋"),
    ("lone \ud800", "lone \ufffd"),
])
def test_escapes(text, escaped):
    assert ntriples.escape(text) == escaped


def test_lines_by_kind_of_object():
    triples = [(SUBJECT, PREDICATE, Iri("http://example.org/o")),
               (SUBJECT, PREDICATE, Literal("x")),
               (SUBJECT, PREDICATE, Literal("1.5", "http://www.w3.org/2001/XMLSchema#decimal")),
               (SUBJECT, PREDICATE, Literal("中华鲟", language="zh"))]
    assert list(ntriples.lines(triples)) == [
        "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n",
        '<http://example.org/s> <http://example.org/p> "x" .\n',
        '<http://example.org/s> <http://example.org/p> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n',
        '<http://example.org/s> <http://example.org/p> "中华鲟"@zh .\n']


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
       st.sampled_from([None, "en", "zh"]))
def test_rdflib_reads_back_any_text(text, language):
    line = "".join(ntriples.lines([(SUBJECT, PREDICATE, Literal(text, language=language))]))
    assert line.count("\n") == 1
    graph = Graph().parse(data=line, format="nt")
    assert set(graph) == {(URIRef(SUBJECT), URIRef(PREDICATE), RdfLiteral(text, lang=language))}


def test_a_lone_surrogate_is_the_same_replacement_in_both_writers():
    term = Literal("lone \udc00 surrogate")
    parsed = Graph().parse(data="".join(ntriples.lines([(SUBJECT, PREDICATE, term)])), format="nt")
    assert next(parsed.objects()) == to_rdflib(term) == RdfLiteral("lone \ufffd surrogate")


def test_gzipped_chunks_are_one_gzip_stream():
    chunks = ["a\n", "", "b" * 100_000, "湖北\n"]
    assert gzip.decompress(b"".join(ntriples.gzipped(chunks))).decode("utf-8") == "".join(chunks)


@pytest.mark.parametrize("number, lexical", [(30.7, "30.7"), (1e-05, "0.00001"), (1000, "1000.0"),
                                             (1e21, "1000000000000000000000.0"), (-0.5, "-0.5")])
def test_decimals_never_carry_an_exponent(number, lexical):
    assert decimal_lexical(number) == lexical


@pytest.mark.parametrize("identifier, segment", [
    ("HBPG-plant_germplasm-ACC00042", "HBPG-plant_germplasm-ACC00042"),
    ("A 1#2?3%4", "A%201%232%3F3%254"), ('x"<>{}|\\^`', "x%22%3C%3E%7B%7D%7C%5C%5E%60"),
    ("湖北/标本", "湖北/标本")])
def test_identifiers_become_safe_path_segments(identifier, segment):
    assert path_segment(identifier) == segment
