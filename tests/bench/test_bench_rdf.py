"""The RDF benchmark runs end to end on a small catalogue and reports every figure on the same records."""
from __future__ import annotations

from bench import bench_rdf


def test_the_rdf_benchmark_reports_both_paths_on_the_same_records(monkeypatch):
    monkeypatch.setenv("BENCH_RDF_RECORDS", "120")
    figures = {measure: (value, unit) for measure, value, unit in bench_rdf.run()}
    published, public = figures["records published"][0], figures["public records in the dump"][0]
    assert published >= 120 and 0 < public < published   # confidential demo records are left out
    for measure in ("(a) N-Triples lines to a file", "(a) N-Triples lines, gzip",
                    "(b) rdflib Graph.add + serialize nt", "(c) dump end to end from the database"):
        assert figures[measure][1] == "records/s" and figures[measure][0] > 0
    assert figures["(a) / (b), CPU"][1] == "ratio"
