"""Leak tests: a confidential record has no URI answer, no triple in the dump and no count in VoID; a
restricted record shows outsiders only its generalised cell and no locality, in every format."""
from __future__ import annotations

import gzip
import io

import pytest
from rdflib import Literal, Namespace, URIRef

from catalog.linked_data.catalogue import write_dump
from tests.linked_data.conftest import BASE, CONFIDENTIAL_ID, RDF_FORMATS, RESTRICTED_ID, SUFFIXES, parsed

DWC = Namespace("http://rs.tdwg.org/dwc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PRECISE = ("30.7512", "111.2834", "葛洲坝船闸下游三百米")
CONFIDENTIAL = ("HIDDEN-001", "绝密标本", "Hidden specimen", "保密地点", "CONFIDENTIAL-MARKER", "保密种质", "P-1")


@pytest.mark.parametrize("suffix", ["", *SUFFIXES])
@pytest.mark.parametrize("accept", [None, *RDF_FORMATS])
def test_a_confidential_record_has_no_answer(reader, suffix, accept):
    response = reader.get(f"/resources/{CONFIDENTIAL_ID}{suffix}", headers={"Accept": accept} if accept else {})
    assert response.status_code == 404
    assert not any(secret in response.get_data(as_text=True) for secret in CONFIDENTIAL[1:])


def test_its_curator_sees_it(reader, curator_token):
    response = reader.get(f"/resources/{CONFIDENTIAL_ID}.ttl", headers={"Authorization": f"Bearer {curator_token}"})
    assert response.status_code == 200 and "CONFIDENTIAL-MARKER" in response.get_data(as_text=True)


def test_confidential_records_are_absent_from_the_dump_void_and_datasets(reader, published):
    dump = io.StringIO()
    write_dump(published, dump)
    served = gzip.decompress(reader.get("/dump.nt.gz").data).decode("utf-8")
    void = reader.get("/void.nt").get_data(as_text=True)
    for text in (dump.getvalue(), served, void):
        assert not [secret for secret in CONFIDENTIAL if secret in text]
    # CUG holds nothing public in plant germplasm: the dataset does not exist for anyone outside
    assert reader.get("/datasets/CUG/plant_germplasm.ttl").status_code == 404
    assert "/datasets/CUG/plant_germplasm" not in void
    assert "/datasets/CUG/plant_germplasm" not in reader.get("/centers/CUG.nt").get_data(as_text=True)


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_a_restricted_record_shows_only_its_generalised_cell(reader, suffix):
    response = reader.get(f"/resources/{RESTRICTED_ID}{suffix}")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert not [precise for precise in PRECISE if precise in text]
    graph = parsed(response.data, SUFFIXES[suffix])
    subject = URIRef(f"{BASE}/resources/{RESTRICTED_ID}")
    assert graph.value(subject, DWC.decimalLatitude) == Literal("30.75", datatype=XSD.decimal)
    assert graph.value(subject, DWC.decimalLongitude) == Literal("111.25", datatype=XSD.decimal)
    assert graph.value(subject, DWC.coordinateUncertaintyInMeters) == Literal("7850.0", datatype=XSD.decimal)
    assert graph.value(subject, DWC.locality) is None and graph.value(subject, DWC.verbatimLocality) is None
    assert "generalised" in str(graph.value(subject, DWC.dataGeneralizations))


def test_restricted_records_are_generalised_in_the_dump_and_export(reader, published):
    served = gzip.decompress(reader.get("/dump.nt.gz").data).decode("utf-8")
    lines = [line for line in served.splitlines() if line.startswith(f"<{BASE}/resources/{RESTRICTED_ID}>")]
    assert lines and not [line for line in lines if any(precise in line for precise in PRECISE)]
    assert not [line for line in lines if "/locality>" in line or "/verbatimLocality>" in line]
    # every restricted awkward record too: no locality triple at all, coordinates on 0.05 cell centres
    restricted = [f"<{BASE}/resources/IHB-biological_specimen-T{number:04d}>" for number in range(2, 300, 4)]
    for subject in restricted:
        own = [line for line in served.splitlines() if line.startswith(subject + " ")]
        assert own and not [line for line in own if "/locality>" in line]
        latitude = next(line for line in own if "/decimalLatitude>" in line)
        assert round(float(latitude.split('"')[1]) * 100) % 10 == 5


def test_the_curator_sees_the_precise_place(reader, curator_token):
    response = reader.get(f"/resources/{RESTRICTED_ID}.ttl", headers={"Authorization": f"Bearer {curator_token}"})
    assert "30.7512" in response.get_data(as_text=True)
