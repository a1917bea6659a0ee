"""Reading exports back: archives through python-dwca-reader, XML against the schemas in ../shared."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from catalog.exports.selection import Selection
from tests.conftest import SHARED

STANDARDS = SHARED / "data" / "standards"
TEXT_XSD = STANDARDS / "dwc" / "tdwg_dwc_text.xsd"
EML_XSD = STANDARDS / "eml" / "eml.xsd"
LOCAL_XML_XSD = STANDARDS / "gbif-schema" / "xml.xsd"
DWC = "http://rs.tdwg.org/dwc/terms/"


def export_file(services, actor, format: str, folder: Path, selection: Selection = Selection()) -> Path:
    path = folder / f"export-{format}-{actor.username}-{abs(hash(selection))}.{'zip' if format == 'dwca' else 'csv'}"
    with path.open("wb") as stream:
        services.exports.write(actor, format, selection, stream)
    return path


def read_archive(path: Path) -> dict[str, dict[str, Any]]:
    """Core id → {"data": core term → value, "extensions": [(row type, term → value)]}, as DwCAReader reads it."""
    from dwca.read import DwCAReader
    with DwCAReader(str(path)) as archive:
        return {row.id: {"data": dict(row.data),
                         "extensions": [(extension.rowtype, dict(extension.data)) for extension in row.extensions]}
                for row in archive}


def read_mcpd(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def schema(path: Path):
    """An XML Schema compiled offline: xml.xsd comes from ../shared instead of the web."""
    etree = pytest.importorskip("lxml.etree")
    if not path.exists():
        pytest.skip(f"{path} is not there")

    class LocalXml(etree.Resolver):
        def resolve(self, url, public_id, context):
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(LOCAL_XML_XSD), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXml())
    return etree.XMLSchema(etree.parse(str(path), parser))


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def texts(path: Path) -> str:
    """Every file of an export as one text, to look for what must not be there."""
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as archive:
        return "\n".join(io.TextIOWrapper(archive.open(name), encoding="utf-8").read() for name in archive.namelist())
