"""One record, one story: the search document, the Darwin Core Archive and the RDF of every published record
give the same basis of record, scientific name and coordinates (the basis of record a record does not state
is decided once, in its domain's schema)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from catalog.exports.selection import Selection
from catalog.linked_data.resources import resource_triples
from catalog.models import Resource
from catalog.permissions import Actor
from catalog.search.documents import public_document
from schemas import describe
from tests.exports.helpers import DWC, read_archive

BASE = "http://127.0.0.1:5000"


def number(value) -> float | None:
    return None if value in (None, "") else round(float(value), 6)


def assert_one_story(services, center: str, domain: str, folder: Path) -> int:
    """Check every published record of the center; the number of records checked."""
    out = folder / f"{center}.zip"
    with out.open("wb") as stream:
        services.exports.write(Actor.anonymous(), "dwca", Selection(center=center), stream)
    archive = read_archive(out)
    views = {view["id"]: view for view in services.resources.views(Actor.anonymous()) if view["center"] == center}
    with services.session_factory() as session:
        documents = {document["id"]: document for resource in session.scalars(
            select(Resource).options(selectinload(Resource.center)))
            if (document := public_document(resource)) is not None and document["center"] == center}
    assert set(archive) == set(views) == set(documents)
    for identifier, view in views.items():
        row, document = archive[identifier]["data"], documents[identifier]
        triples = {predicate: term for _, predicate, term in resource_triples(view, BASE)}
        basis = describe(domain).basis_of_record(view.get("payload") or {})
        assert document["basis_of_record"] == row[DWC + "basisOfRecord"] == triples[DWC + "basisOfRecord"].value \
            == basis, identifier
        name = view.get("scientific_name") or ""
        assert (document.get("scientific_name") or "") == row.get(DWC + "scientificName", "") == name, identifier
        if DWC + "scientificName" in triples:
            assert triples[DWC + "scientificName"].value == name
        for ours, term in (("latitude", "decimalLatitude"), ("longitude", "decimalLongitude")):
            expected = number(view.get(f"decimal_{ours}"))
            assert number(document.get(ours)) == number(row.get(DWC + term)) == expected, (identifier, term)
            if DWC + term in triples:
                assert number(triples[DWC + term].value) == expected, (identifier, term)
    return len(views)
