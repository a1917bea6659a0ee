"""Germplasm as MCPD V.2.1 CSV: the descriptors' names and order, MCPD's value formats, and germplasm only."""
from __future__ import annotations

import pytest

from catalog.errors import InvalidInput
from catalog.exports.mcpd import mcpd_date
from catalog.exports.selection import Selection
from catalog.permissions import Actor
from tests.exports.conftest import catalogue, publish_rows
from tests.exports.helpers import export_file, read_mcpd

# MCPD V.2.1 (December 2015), descriptors 0-28 in the standard's order (standards.md §4).
MCPD_2_1 = ["PUID", "INSTCODE", "ACCENUMB", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLINSTADDRESS", "COLLMISSID",
            "GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR", "CROPNAME", "ACCENAME", "ACQDATE", "ORIGCTY",
            "COLLSITE", "DECLATITUDE", "LATITUDE", "DECLONGITUDE", "LONGITUDE", "COORDUNCERT", "COORDDATUM",
            "GEOREFMETH", "ELEVATION", "COLLDATE", "BREDCODE", "BREDNAME", "SAMPSTAT", "ANCEST", "COLLSRC",
            "DONORCODE", "DONORNAME", "DONORNUMB", "OTHERNUMB", "DUPLSITE", "DUPLINSTNAME", "STORAGE", "MLSSTAT",
            "REMARKS"]


GERMPLASM = {
    ("HBPG", "plant_germplasm"): {
        "local_id": "ACC00042", "name_zh": "鄂早18;鄂早十八", "scientific_name": "Oryza sativa L.",
        "country_code": "CN", "locality": "Wuhan, Hongshan", "decimal_latitude": "30.4812",
        "decimal_longitude": "114.3539", "coordinate_uncertainty_m": "30", "geodetic_datum": "WGS84",
        "event_date": "199611--", "acquisition_date": "2001-03-05", "genus": "Oryza", "specific_epithet": "sativa",
        "species_authority": "L.", "storage": "13;20", "biological_status": "300", "elevation": "25",
        "institute_code": "CHN021", "remarks": "COLLSRC:riverside", "acquisition_source": "20",
        "mls_status": "1", "ancestral_data": "IR8/Zhenzhu", "crop_name": "rice",
        "other_numbers": "CHN001:A1;:B2", "collecting_institute_code": "CHN021;CHN001", "sharing_mode": "open"},
    ("HBAG", "animal_germplasm"): {
        "local_id": "AG-7", "scientific_name": "Sus scrofa domesticus", "country_code": "CN",
        "event_date": "2019-04-12", "pedigree": "YX12 x YX30", "vernacular_name": "pig",
        "other_identifiers": "HB-1 | HB-2", "material_type": "semen", "sharing_mode": "open"},
    ("HBBS", "biological_specimen"): {
        "local_id": "S-1", "basis_of_record": "PreservedSpecimen", "scientific_name": "Acipenser sinensis Gray",
        "sharing_mode": "open"},
}


@pytest.fixture(scope="module")
def germplasm(database, tmp_path_factory):
    with catalogue(database, tmp_path_factory) as services:
        publish_rows(services, GERMPLASM)
        yield services


def test_columns_and_values_follow_mcpd(germplasm, tmp_path):
    path = export_file(germplasm, Actor.anonymous(), "mcpd", tmp_path)
    assert path.read_text(encoding="utf-8").splitlines()[0].split(",") == MCPD_2_1
    plant, animal = read_mcpd(path)
    assert {code: value for code, value in plant.items() if value} == {
        "PUID": "http://127.0.0.1:5000/resources/HBPG-plant_germplasm-ACC00042", "INSTCODE": "CHN021",
        "ACCENUMB": "ACC00042", "COLLCODE": "CHN021;CHN001", "GENUS": "Oryza", "SPECIES": "sativa",
        "SPAUTHOR": "L.", "CROPNAME": "rice", "ACCENAME": "鄂早18;鄂早十八", "ACQDATE": "20010305", "ORIGCTY": "CHN",
        "COLLSITE": "Wuhan, Hongshan", "DECLATITUDE": "30.4812", "DECLONGITUDE": "114.3539", "COORDUNCERT": "30",
        "COORDDATUM": "WGS84", "ELEVATION": "25", "COLLDATE": "199611--", "SAMPSTAT": "300",
        "ANCEST": "IR8/Zhenzhu", "COLLSRC": "20", "OTHERNUMB": "CHN001:A1;:B2", "STORAGE": "13;20", "MLSSTAT": "1",
        "REMARKS": "COLLSRC:riverside"}
    # Animal germplasm declares no MCPD codes: its fields fill the columns of the same standard terms.
    assert {code: value for code, value in animal.items() if value} == {
        "PUID": "http://127.0.0.1:5000/resources/HBAG-animal_germplasm-AG-7", "ACCENUMB": "AG-7",
        "GENUS": "Sus", "SPECIES": "scrofa", "CROPNAME": "pig", "ORIGCTY": "CHN", "COLLDATE": "20190412",
        "ANCEST": "YX12 x YX30", "OTHERNUMB": "HB-1;HB-2"}


def test_mcpd_is_for_germplasm_only(germplasm, tmp_path):
    with pytest.raises(InvalidInput, match="plant_germplasm, animal_germplasm only") as raised:
        export_file(germplasm, Actor.anonymous(), "mcpd", tmp_path, Selection(domain="biological_specimen"))
    assert raised.value.detail == {"field": "domain"}
    assert [row["ACCENUMB"] for row in read_mcpd(export_file(germplasm, Actor.anonymous(), "mcpd", tmp_path,
                                                            Selection(text="Acipenser")))] == []


@pytest.mark.parametrize("iso, mcpd", [("1996-11-05", "19961105"), ("1996-11", "199611--"), ("1996", "1996----"),
                                       ("2007-11-13/2007-11-15", "20071113"), ("not a date", "")])
def test_dates_are_written_as_mcpd_writes_them(iso, mcpd):
    assert mcpd_date(iso) == mcpd
