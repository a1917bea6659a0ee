"""The full dump: N-Triples written line by line parse, with rdflib, to exactly the graph rdflib builds from
the same catalogue, awkward text included; over HTTP it streams gzipped, and `catalog export rdf` writes it
in N-Triples, Turtle and JSON-LD."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from catalog.linked_data.catalogue import catalogue_graph, write_dump
from tests.linked_data.conftest import BASE, PUBLIC_RECORDS, TRICKY, create_centers, publish_catalogue


@pytest.fixture(scope="module")
def dumped(published) -> str:
    out = io.StringIO()
    write_dump(published, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def from_lines(dumped) -> Graph:
    return Graph().parse(data=dumped, format="nt")


def test_the_streamed_dump_parses_to_the_graph_rdflib_builds(published, dumped, from_lines):
    built, written = catalogue_graph(published)
    assert written.resources == PUBLIC_RECORDS
    assert len(from_lines) == len(built) == written.triples
    assert isomorphic(from_lines, built)
    # every awkward text came through unchanged (but for NUL, which no record keeps), and each triple is one line
    texts = {str(o) for o in from_lines.objects() if isinstance(o, Literal)}
    assert {text.replace("\x00", "") for text in TRICKY} <= texts
    assert dumped.count("\n") == len(from_lines)
    assert all(line.endswith(" .") for line in dumped.splitlines() if line)


def test_the_dump_carries_centers_datasets_and_vocabularies(from_lines):
    subjects = set(from_lines.subjects())
    assert {URIRef(BASE + "/centers/IHB"), URIRef(BASE + "/datasets/IHB/biological_specimen"),
            URIRef(BASE + "/vocabularies/sex/female")} <= subjects


def test_the_dump_over_http_is_the_same_gzipped_stream(reader, dumped):
    response = reader.get("/dump.nt.gz")
    assert response.status_code == 200 and response.mimetype == "application/gzip"
    assert response.is_streamed
    assert gzip.decompress(response.data).decode("utf-8") == dumped


def test_catalog_export_rdf_writes_each_format(runner, services, tmp_path):
    from catalog.cli import main
    create_centers(services)
    publish_catalogue(services)
    graphs = {}
    for file_format, name, rdflib_format in (("nt", "catalog.nt.gz", "nt"), ("nt", "catalog.nt", "nt"),
                                             ("ttl", "catalog.ttl", "turtle"), ("jsonld", "catalog.jsonld.gz", "json-ld")):
        out = tmp_path / name
        result = runner.invoke(main, ["export", "rdf", "--format", file_format, "--out", str(out), "--json"])
        assert result.exit_code == 0, result.output
        document = json.loads(result.stdout)
        assert document["records"] == PUBLIC_RECORDS and document["format"] == file_format
        data = gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()
        graphs[name] = Graph().parse(data=data, format=rdflib_format)
        assert len(graphs[name]) == document["triples"]
    reference = graphs.pop("catalog.nt.gz")
    for name, graph in graphs.items():
        assert isomorphic(graph, reference), name
    assert not list(tmp_path.glob(".catalog*"))   # no temporary file left behind


def test_catalog_export_rdf_explains_wrong_usage(runner, tmp_path):
    from catalog.cli import main
    assert runner.invoke(main, ["export", "rdf", "--format", "csv", "--out", str(tmp_path / "x")]).exit_code == 2
    missing = runner.invoke(main, ["export", "rdf", "--format", "nt", "--out", str(tmp_path / "no" / "x.nt")])
    assert missing.exit_code == 1 and "文件夹不存在" in missing.output
    assert "rdflib" in runner.invoke(main, ["export", "rdf", "--help"]).output
