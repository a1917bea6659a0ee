"""One record, one story: for every record the real files publish, the search document, the Darwin Core
Archive and the RDF give the same basis of record, scientific name and coordinates (the basis of record a
record does not state is decided once, in its domain's schema)."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from catalog.exports.selection import Selection
from catalog.linked_data.resources import resource_triples
from catalog.models import Resource
from catalog.permissions import Actor
from catalog.search.documents import public_document
from schemas import describe
from tests.conftest import REAL_DATA
from tests.exports.helpers import DWC, read_archive
from tests.ingest.test_suggestions import WITH_SUGGESTIONS

OPERATOR = Actor.operator()
BASE = "http://127.0.0.1:5000"


def number(value) -> float | None:
    return None if value in (None, "") else round(float(value), 6)


@pytest.mark.slow
@pytest.mark.parametrize("relative", sorted(relative for relative, valid in WITH_SUGGESTIONS.items() if valid))
def test_search_dwca_and_rdf_tell_the_same_record(services, tmp_path, relative):
    path = REAL_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is not there")
    domain = relative.split("/")[0]
    services.centers.create_department(OPERATOR, "DEPT", "主管部门", "Department")
    services.centers.create_center(OPERATOR, "REAL", "测试资源库", "Test center", domain=domain, department_code="DEPT")
    submission = services.submissions.upload(OPERATOR, "REAL", path.name, io.BytesIO(path.read_bytes()),
                                             sharing_mode="open", accept_suggestions=0.8)
    services.jobs.wait(timeout=300)
    services.submissions.submit(OPERATOR, submission.id, valid_rows_only=True)
    services.submissions.approve(OPERATOR, submission.id)
    services.jobs.wait(timeout=300)

    out = tmp_path / "REAL.zip"
    with out.open("wb") as stream:
        services.exports.write(Actor.anonymous(), "dwca", Selection(center="REAL"), stream)
    archive = read_archive(out)
    views = {view["id"]: view for view in services.resources.views(Actor.anonymous())}
    with services.session_factory() as session:
        documents = {document["id"]: document for resource in session.scalars(
            select(Resource).options(selectinload(Resource.center)))
            if (document := public_document(resource)) is not None}
    assert set(archive) == set(views) == set(documents) and len(views) == WITH_SUGGESTIONS[relative]

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
