"""Readers for the shared standards files (GBIF thesauri, transcribed code lists, ICS chart, ISO 3166).

Build-time only: nothing here runs when the platform loads a vocabulary.
"""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

THESAURUS = "{http://rs.gbif.org/thesaurus/}"
DC = "{http://purl.org/dc/terms/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISCHART = "http://resource.geosciml.org/classifier/ics/ischart/"


@dataclass
class GbifConcept:
    identifier: str
    uri: str
    subject: str
    description: str
    preferred: list[tuple[str, str]]  # (title, xml:lang)
    alternative: list[tuple[str, str]]


def gbif_thesaurus(path: Path) -> tuple[dict[str, str], list[GbifConcept]]:
    """The thesaurus attributes (dc: local names) and its concepts in file order."""
    root = ET.parse(path).getroot()
    attributes = {k.removeprefix(DC): v for k, v in root.attrib.items() if k.startswith(DC)}
    concepts = []
    for node in root.findall(f"{THESAURUS}concept"):
        def terms(kind: str) -> list[tuple[str, str]]:
            return [(t.get(f"{DC}title", "").strip(), t.get(XML_LANG, ""))
                    for t in node.findall(f"{THESAURUS}{kind}/{THESAURUS}term")]
        concepts.append(GbifConcept(
            identifier=node.get(f"{DC}identifier", ""), uri=node.get(f"{DC}URI", ""),
            subject=node.get(f"{DC}subject", ""), description=(node.get(f"{DC}description") or "").strip(),
            preferred=terms("preferred"), alternative=terms("alternative")))
    return attributes, concepts


def codelist(path: Path, scheme: str) -> list[dict[str, str]]:
    """Rows of transcribed/codelists.csv for one scheme, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["scheme"] == scheme]


def iso_countries(folder: Path) -> list[dict[str, str]]:
    """iso_3166-1_en_zh.csv rows, each with `common_name` added from the iso-codes JSON."""
    common = {e["alpha_2"]: e.get("common_name", "")
              for e in json.loads((folder / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]}
    with (folder / "iso_3166-1_en_zh.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["common_name"] = common.get(row["alpha_2"], "")
    return rows


@dataclass
class ChartUnit:
    name: str  # ischart local name
    rank: str
    broader: str | None
    begin: Decimal
    end: Decimal
    order: int
    short_code: str
    labels: dict[str, str] = field(default_factory=dict)  # en/zh prefLabels as in the chart
    definition: dict[str, str] = field(default_factory=dict)
    fallback: dict[str, str] = field(default_factory=dict)  # isc2020 prefLabels en/zh and rdfs:label "label"


def ics_chart(folder: Path) -> list[ChartUnit]:
    """All skos:Concepts of chart.ttl, with isc2020.ttl labels for those the chart leaves unlabelled."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.term import Node
    from rdflib.namespace import SKOS

    chart, older = Graph(), Graph()
    chart.parse(folder / "chart.ttl")
    older.parse(folder / "isc2020.ttl")
    ischart = Namespace(ISCHART)
    gts = Namespace("http://resource.geosciml.org/ontology/timescale/gts#")
    time = Namespace("http://www.w3.org/2006/time#")
    order = URIRef("http://www.w3.org/ns/shacl#order")

    def by_lang(graph: Graph, subject: Node, predicate: Node) -> dict[str, str]:
        return {str(o.language): str(o) for o in graph.objects(subject, predicate)
                if isinstance(o, Literal) and o.language in ("en", "zh")}

    def local(node: object) -> str:
        return str(node).removeprefix(ISCHART)

    units = []
    for subject in chart.subjects(RDF.type, SKOS.Concept):
        broader = chart.value(subject, SKOS.broader)
        position = chart.value(subject, order)
        if not isinstance(position, Literal):
            raise ValueError(f"{subject} has no sh:order literal in chart.ttl")
        fallback: dict[str, str] = {}
        labels = by_lang(chart, subject, SKOS.prefLabel)
        if not labels:  # isc2020 altLabels are not used: some zh ones are machine-translation errors
            fallback = by_lang(older, subject, SKOS.prefLabel)
            fallback["label"] = by_lang(older, subject, RDFS.label).get("en", "")
        units.append(ChartUnit(
            name=local(subject),
            rank=local(chart.value(subject, gts.rank)).rsplit("/", 1)[-1].lower().replace("-", ""),
            broader=local(broader) if broader is not None else None,
            begin=Decimal(str(chart.value(chart.value(subject, time.hasBeginning), ischart.inMYA))),
            end=Decimal(str(chart.value(chart.value(subject, time.hasEnd), ischart.inMYA))),
            order=int(position),
            short_code=str(chart.value(subject, SKOS.notation) or ""),
            labels=labels, definition=by_lang(chart, subject, SKOS.definition), fallback=fallback))
    return sorted(units, key=lambda u: u.order)
