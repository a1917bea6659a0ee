"""Darwin Core Archives read back by python-dwca-reader with the same records and values, core and extensions;
meta.xml valid against the TDWG text schema; the extension terms those GBIF declares."""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest

from catalog.exports.cells import cell, field_values
from catalog.exports.dwca import ArchiveLayout
from catalog.exports.selection import Selection
from catalog.permissions import Actor
from schemas import describe
from schemas.registry import DOMAINS
from tests.exports.conftest import OPERATOR, catalogue, publish_rows
from tests.exports.helpers import DWC, STANDARDS, TEXT_XSD, export_file, member, read_archive, schema

GBIF_EXTENSIONS = STANDARDS / "gbif-extensions"
OCCURRENCE = DWC + "Occurrence"
GERMPLASM = "http://purl.org/germplasm/germplasmTerm#GermplasmAccession"
CHRONO = "http://rs.tdwg.org/chrono/terms/ChronometricAge"
MEASUREMENT = DWC + "MeasurementOrFact"


def declared_terms(file_name: str) -> dict[str, str]:
    """local name → qualName of the properties an IPT extension definition in ../shared declares."""
    path = GBIF_EXTENSIONS / file_name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return {element.get("name"): element.get("qualName")
            for element in ElementTree.parse(path).getroot() if element.tag.endswith("property")}


def extension_rows(row: dict, row_type: str) -> list[dict[str, str]]:
    return [data for kind, data in row["extensions"] if kind == row_type]


def test_every_record_reads_back_with_every_value(demo, tmp_path):
    """Each declared value of each record is in the archive, where its term says: the core for dwc: and
    dcterms: terms, the germplasm and chronometric age extensions for theirs, MeasurementOrFact for the rest."""
    admin = Actor.operator()
    archive = read_archive(export_file(demo, admin, "dwca", tmp_path))
    shown = list(demo.resources.views(admin))
    assert sorted(archive) == sorted(view["id"] for view in shown) and len(shown) == 320
    germplasm_iris = declared_terms("GermplasmAccession.xml")
    chrono_iris = declared_terms("ChronometricAge_2024-03-11.xml")
    checked = 0
    for view in shown:
        row = archive[view["id"]]
        core = row["data"]
        assert core[DWC + "occurrenceID"] == (view["payload"].get("occurrence_id") or view["uri"])
        assert core[DWC + "catalogNumber"] == view["local_id"]
        assert core["http://purl.org/dc/terms/modified"] == view["updated_at"]
        assert core["http://purl.org/dc/terms/accessRights"] == view["sharing_mode"]
        germplasm = extension_rows(row, GERMPLASM)
        chrono = extension_rows(row, CHRONO)
        facts = {(data[DWC + "measurementType"], data[DWC + "measurementValue"])
                 for data in extension_rows(row, MEASUREMENT)}
        assert len(germplasm) <= 1 and len(chrono) <= 1
        for declaration in describe(view["domain"]).fields:
            expected = cell(field_values(view)[declaration.name])
            if not expected:
                continue
            prefix, _, local = declaration.term.partition(":")
            if prefix in ("dwc", "dcterms"):
                assert core[declaration.term_uri] == expected, (view["id"], declaration.name)
            elif prefix == "germplasm":
                assert germplasm[0][germplasm_iris[local]] == expected, (view["id"], declaration.name)
            elif prefix == "chrono":
                assert chrono[0][chrono_iris[local]] == expected, (view["id"], declaration.name)
            else:
                iri = declaration.term_uri or f"{demo.settings.base_url}/terms/{local}"
                assert (iri, expected) in facts, (view["id"], declaration.name)
            checked += 1
    assert checked > 5000


CRAFTED = {
    "plant_germplasm": {
        "local_id": "HB-00042", "name_zh": "鄂早18", "scientific_name": "Oryza sativa L.", "country_code": "CN",
        "locality": "湖北省武汉市洪山区\t南湖", "decimal_latitude": "30.4812", "decimal_longitude": "114.3539",
        "event_date": "199611--", "genus": "Oryza", "specific_epithet": "sativa", "storage": "13;20",
        "biological_status": "300", "elevation": "25", "institute_code": "CHN021",
        "remarks": "COLLSRC:riverside\nsecond line", "sharing_mode": "open", "licence": "CC-BY-NC-4.0",
        "acquisition_source": "20", "mls_status": "1", "ancestral_data": "IR8/Zhenzhu", "breeding_year": "2009",
        "crop_name": "rice", "other_numbers": "CHN001:A1;:B2", "verbatim_latitude": "302852N"},
    "geological_specimen": {
        "local_id": "F-1", "sample_type": "fossil", "scientific_name": "Lystrosaurus murrayi",
        "min_age_ma": "247.2", "max_age_ma": "251.2", "dating_method": "biostratigraphy",
        "verbatim_geological_age": "Early Triassic", "weight_g": "120.5", "country_code": "CN",
        "decimal_latitude": "31.1", "decimal_longitude": "110.9", "sharing_mode": "open"},
    "microbial_strain": {
        "local_id": "CCTCC AB 2012001", "scientific_name": "Bacillus subtilis", "growth_temperature_c": "37",
        "organism_type": "bacteria", "sharing_mode": "open", "licence": "CC0-1.0"},
}


@pytest.fixture(scope="module")
def crafted(database, tmp_path_factory):
    """Three centers with one hand-made record each, validated as an upload would be."""
    with catalogue(database, tmp_path_factory) as services:
        publish_rows(services, {(f"C{number}", domain): row for number, (domain, row) in enumerate(CRAFTED.items())})
        yield services


def test_values_are_written_as_darwin_core_expects(crafted, tmp_path):
    archive = read_archive(export_file(crafted, Actor.anonymous(), "dwca", tmp_path))
    plant = archive["C0-plant_germplasm-HB-00042"]
    core = plant["data"]
    assert {term[len(DWC):]: core[term] for term in (
        DWC + "basisOfRecord", DWC + "catalogNumber", DWC + "eventDate", DWC + "decimalLatitude",
        DWC + "locality", DWC + "occurrenceRemarks", DWC + "otherCatalogNumbers", DWC + "minimumElevationInMeters",
        DWC + "maximumElevationInMeters", DWC + "institutionCode", DWC + "vernacularName")} == {
        "basisOfRecord": "LivingSpecimen", "catalogNumber": "HB-00042", "eventDate": "1996-11",
        "decimalLatitude": "30.4812", "locality": "湖北省武汉市洪山区 南湖",
        "occurrenceRemarks": "COLLSRC:riverside second line", "otherCatalogNumbers": "CHN001:A1 | :B2",
        "minimumElevationInMeters": "25", "maximumElevationInMeters": "25", "institutionCode": "CHN021",
        "vernacularName": "rice"}
    [germplasm] = extension_rows(plant, GERMPLASM)
    assert germplasm["http://purl.org/germplasm/germplasmType#storageCondition"] == "13 | 20"
    assert germplasm["http://purl.org/germplasm/germplasmTerm#biologicalStatus"] == "300"
    assert germplasm["http://purl.org/germplasm/germplasmTerm#breedingYear"] == "2009"
    assert germplasm["http://purl.org/germplasm/germplasmTerm#germplasmIdentifier"] == "鄂早18"
    fossil = archive["C1-geological_specimen-F-1"]
    assert fossil["data"][DWC + "basisOfRecord"] == "FossilSpecimen"
    [age] = extension_rows(fossil, CHRONO)
    assert {key.rsplit("/", 1)[1]: value for key, value in age.items()} == {
        "verbatimChronometricAge": "Early Triassic", "latestChronometricAge": "247.2",
        "earliestChronometricAge": "251.2", "chronometricAgeProtocol": "biostratigraphy",
        "earliestChronometricAgeReferenceSystem": "Ma", "latestChronometricAgeReferenceSystem": "Ma"}
    assert [(data[DWC + "measurementType"], data[DWC + "measurementValue"], data[DWC + "measurementUnit"])
            for data in extension_rows(fossil, MEASUREMENT)] == [
        ("http://127.0.0.1:5000/terms/weightInGrams", "120.5", "g")]
    strain = archive["C2-microbial_strain-CCTCC AB 2012001"]
    assert strain["data"][DWC + "catalogNumber"] == "CCTCC AB 2012001"
    assert strain["data"][DWC + "basisOfRecord"] == "LivingSpecimen"
    assert sorted((data[DWC + "measurementType"], data[DWC + "measurementValue"], data[DWC + "measurementUnit"])
                  for data in extension_rows(strain, MEASUREMENT)) == [
        ("http://127.0.0.1:5000/terms/organismType", "bacteria", ""),
        ("http://www.straininfo.net/ns/mcl/2.0/growthTemperature", "37", "°C"),
        ("http://www.straininfo.net/ns/mcl/2.0/strainNumber", "CCTCC AB 2012001", "")]


def test_no_value_breaks_a_row(crafted, tmp_path):
    """Tabs and line breaks inside values would split fields and rows of an unenclosed file."""
    path = export_file(crafted, Actor.anonymous(), "dwca", tmp_path)
    with zipfile.ZipFile(path) as archive:
        for name in ("occurrence.txt", "germplasm.txt", "chronometricage.txt", "measurementorfact.txt"):
            lines = archive.read(name).decode("utf-8").split("\n")
            assert lines[-1] == ""
            widths = {len(line.split("\t")) for line in lines[:-1]}
            assert len(widths) == 1, name


@pytest.mark.parametrize("selection", [Selection(), Selection(center="HBAASPG", domain="plant_germplasm"),
                                       Selection(center="CUGGEO"), Selection(text="水稻")])
def test_meta_xml_is_valid_against_the_tdwg_text_schema(demo, tmp_path, selection):
    path = export_file(demo, Actor.anonymous(), "dwca", tmp_path, selection)
    document = pytest.importorskip("lxml.etree").fromstring(member(path, "meta.xml"))
    text_schema = schema(TEXT_XSD)
    assert text_schema.validate(document), text_schema.error_log
    with zipfile.ZipFile(path) as archive:
        locations = [element.text for element in document.iter("{http://rs.tdwg.org/dwc/text/}location")]
        assert sorted(locations + ["meta.xml", "eml.xml"]) == sorted(archive.namelist())


def test_an_empty_selection_is_a_valid_archive(services, tmp_path):
    services.centers.create_center(OPERATOR, "EMPTY", "空资源库", "Empty center", domain="biological_specimen")
    path = export_file(services, Actor.anonymous(), "dwca", tmp_path, Selection(center="EMPTY"))
    document = pytest.importorskip("lxml.etree").fromstring(member(path, "meta.xml"))
    assert schema(TEXT_XSD).validate(document)
    assert read_archive(path) == {}


def test_extension_terms_are_the_ones_gbif_declares(demo):
    """Every extension column uses a term IRI its IPT definition declares (storageCondition's odd namespace
    included), and every core term is a Darwin Core or Dublin Core IRI."""
    layout = ArchiveLayout(DOMAINS, demo.settings.base_url)
    declared = {GERMPLASM: set(declared_terms("GermplasmAccession.xml").values()),
                CHRONO: set(declared_terms("ChronometricAge_2024-03-11.xml").values()),
                MEASUREMENT: set(declared_terms("measurements_or_facts_2025-07-10.xml").values())}
    for data_file in layout.extensions:
        assert {column.term for column in data_file.columns} <= declared[data_file.row_type], data_file.location
    assert {extension.row_type for extension in layout.extensions} == set(declared)
    assert all(column.term.startswith((DWC, "http://purl.org/dc/terms/")) for column in layout.core.columns)
    assert len({column.term for column in layout.core.columns}) == len(layout.core.columns)


def test_one_domain_gets_only_the_extensions_it_needs(demo):
    files = {domain: sorted(f.location for f in ArchiveLayout([domain], demo.settings.base_url).extensions)
             for domain in DOMAINS}
    assert files == {
        "plant_germplasm": ["germplasm.txt", "measurementorfact.txt"],
        "animal_germplasm": ["germplasm.txt", "measurementorfact.txt"],
        "microbial_strain": ["measurementorfact.txt"],
        "biological_specimen": ["measurementorfact.txt"],
        "geological_specimen": ["chronometricage.txt", "measurementorfact.txt"],
        "experimental_material": ["measurementorfact.txt"]}


def test_the_archive_streams_into_an_unseekable_target(crafted):
    """The writer never seeks back, so it can write into a pipe or a socket."""

    class Unseekable(io.RawIOBase):
        def __init__(self):
            self.buffer = bytearray()

        def writable(self):
            return True

        def write(self, data):
            self.buffer += data
            return len(data)

    target = Unseekable()
    written = crafted.exports.write(Actor.anonymous(), "dwca", Selection(), target)
    assert written.records == 3
    with zipfile.ZipFile(io.BytesIO(bytes(target.buffer))) as archive:
        assert archive.testzip() is None
        assert archive.read("occurrence.txt").decode().count("\n") == 4
