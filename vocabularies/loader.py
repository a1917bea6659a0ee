"""Load vocabularies/data/<name>.ttl once per (name, base_url), optionally through a compiled JSON cache.

rdflib is imported only when a vocabulary has to be parsed; a warm cache never touches it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from .matching import LabelIndex
from .model import Concept, Vocabulary

DATA_DIR = Path(__file__).resolve().parent / "data"
CAT = "http://purl.org/catalog/terms#"
CACHE_FORMAT = 1
NOTES = {"definition": "definition", "scopeNote": "scope_note", "editorialNote": "editorial_note"}

_lock = threading.Lock()
_loaded: dict[tuple[str, str], Vocabulary] = {}
_cache_dir: Path | None = None


def names() -> list[str]:
    return sorted(path.stem for path in DATA_DIR.glob("*.ttl"))


def configure(cache_dir: Path | None) -> None:
    """Use (or stop using, with None) an on-disk compiled cache for vocabularies loaded from now on. Those already
    loaded stay: they are the same whichever way they were read."""
    global _cache_dir
    with _lock:
        _cache_dir = Path(cache_dir) if cache_dir is not None else None


def forget() -> None:
    """Drop every loaded vocabulary, so the next get() reads it again (through the cache, if one is set)."""
    with _lock:
        _loaded.clear()


def get(name: str, base_url: str = "http://127.0.0.1:5000") -> Vocabulary:
    """The vocabulary `name` with IRIs under `base_url`, cached per (name, base_url)."""
    base = base_url.rstrip("/")
    with _lock:
        key = (name, base)
        if key not in _loaded:
            _loaded[key] = _load(name, base)
        return _loaded[key]


def scheme_uri(name: str, base: str) -> str:
    return f"{base}/vocabularies/{name}/"


def _load(name: str, base: str) -> Vocabulary:
    path = DATA_DIR / f"{name}.ttl"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.is_file():
        raise KeyError(f"unknown vocabulary {name!r}; known: {', '.join(names())}")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    cache_file = None
    if _cache_dir is not None:
        digest = hashlib.sha256(raw + b"\0" + base.encode() + b"\0" + str(CACHE_FORMAT).encode()).hexdigest()
        base_tag = hashlib.sha256(base.encode()).hexdigest()[:8]
        cache_file = _cache_dir / f"{name}.{base_tag}.{digest[:32]}.json"
        if cache_file.is_file():
            try:
                return from_json(json.loads(cache_file.read_text(encoding="utf-8")), text)
            except (ValueError, KeyError, TypeError):
                pass  # unreadable or foreign cache file: rebuild it below
    vocabulary = parse(name, text, base)
    if cache_file is not None:
        _write_cache(cache_file, to_json(vocabulary))
    return vocabulary


def parse(name: str, text: str, base: str) -> Vocabulary:
    """Build a Vocabulary from Turtle with rdflib (the slow path)."""
    from rdflib import RDF, Graph, Literal
    from rdflib.namespace import DCTERMS, OWL, SKOS, XSD
    from rdflib.term import Node

    graph = Graph()
    graph.parse(data=text, format="turtle", publicID=scheme_uri(name, base))
    scheme = next(graph.subjects(RDF.type, SKOS.ConceptScheme))
    notation = {s: str(graph.value(s, SKOS.notation)) for s in graph.subjects(RDF.type, SKOS.Concept)}

    def as_literal(subject: Node, predicate: Node, obj: Node) -> Literal:
        if not isinstance(obj, Literal):
            raise ValueError(f"{name}: {predicate} of {subject} is {obj}, not a literal")
        return obj

    def by_lang(subject: Node, predicate: Node) -> dict[str, str]:
        return {as_literal(subject, predicate, o).language or "": str(o) for o in graph.objects(subject, predicate)}

    def value(literal: Literal) -> Any:
        if literal.datatype == XSD.integer:
            return int(literal)
        if literal.datatype == XSD.decimal:
            return float(literal)
        return str(literal)

    concepts = []
    for subject, code in notation.items():
        properties: dict[str, Any] = {}
        for predicate, obj in graph.predicate_objects(subject):
            if str(predicate).startswith(CAT):
                properties[snake(str(predicate)[len(CAT):])] = value(as_literal(subject, predicate, obj))
        if "bbox" in properties:
            properties["bbox"] = tuple(float(part) for part in str(properties["bbox"]).split(","))
        for local, key in NOTES.items():
            notes = by_lang(subject, SKOS[local])
            if notes:
                properties[key] = notes
        broader = graph.value(subject, SKOS.broader)
        concepts.append(Concept(
            code=code, uri=str(subject), labels=by_lang(subject, SKOS.prefLabel),
            alt_labels=tuple(sorted({str(o) for o in graph.objects(subject, SKOS.altLabel)})),
            broader=notation.get(broader) if broader is not None else None,
            exact_match=tuple(sorted(str(o) for o in graph.objects(subject, SKOS.exactMatch))),
            properties=dict(sorted(properties.items()))))
    return Vocabulary(name, str(scheme), by_lang(scheme, DCTERMS.title), concepts, text,
                      version=str(graph.value(scheme, OWL.versionInfo) or ""))


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def to_json(vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "format": CACHE_FORMAT, "name": vocabulary.name, "uri": vocabulary.uri, "labels": vocabulary.labels,
        "version": vocabulary.version, "index": vocabulary.index.to_json(),
        "concepts": [{"code": c.code, "uri": c.uri, "labels": dict(c.labels), "alt_labels": list(c.alt_labels),
                      "broader": c.broader, "exact_match": list(c.exact_match), "properties": dict(c.properties)}
                     for c in vocabulary],
    }


def from_json(data: dict[str, Any], text: str) -> Vocabulary:
    if data.get("format") != CACHE_FORMAT:
        raise ValueError("cache format")
    concepts = []
    for item in data["concepts"]:
        properties = {k: tuple(v) if isinstance(v, list) else v for k, v in item["properties"].items()}
        concepts.append(Concept(item["code"], item["uri"], item["labels"], tuple(item["alt_labels"]),
                                item["broader"], tuple(item["exact_match"]), properties))
    return Vocabulary(data["name"], data["uri"], data["labels"], concepts, text, version=data["version"],
                      index=LabelIndex.from_json(data["index"]))


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    name, base_tag, _ = path.name.split(".", 2)
    for stale in path.parent.glob(f"{name}.{base_tag}.*.json"):  # older .ttl versions, same base URL
        stale.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
    os.replace(temporary, path)
