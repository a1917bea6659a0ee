"""Darwin Core Archives: the layout of the star schema for the domains an export holds, meta.xml, and the
zip written as the records stream past (eml.xml, the dataset metadata, comes from eml.py).

One archive, whatever domains it mixes: one Occurrence core (occurrence.txt) whose columns are the union of
the Darwin Core and Dublin Core terms the domains declare (schemas.mappings.dwc_columns), empty where a
record's domain lacks the term, and extensions only for the terms no core column carries:
- germplasm.txt (GBIF GermplasmAccession) for germplasm: terms, plant and animal germplasm;
- chronometricage.txt (TDWG ChronometricAge) for chrono: terms, the numeric ages of geological material;
- measurementorfact.txt (MeasurementOrFact) for every other term (platform, MCL, IGSN, schema.org), a row per
  value with the term's IRI as measurementType.
Files are UTF-8, tab-delimited, not enclosed, one header line, "\\n" line ends (standards.md §2.2).
"""
from __future__ import annotations

import csv
import io
import shutil
import tempfile
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Literal, TypedDict
from xml.etree import ElementTree

from catalog.exports.cells import cell, field_values, unit_of
from catalog.linked_data.terms import platform_terms
from schemas import describe
from schemas.fields import NAMESPACES, Declaration
from schemas.mappings import DWC, dwc_columns
from vocabularies.loader import scheme_uri

TEXT_NAMESPACE = "http://rs.tdwg.org/dwc/text/"
DCTERMS = NAMESPACES["dcterms"]
CHRONO = NAMESPACES["chrono"]
CORE_ROW_TYPE = DWC + "Occurrence"
GERMPLASM_ROW_TYPE = NAMESPACES["germplasm"] + "GermplasmAccession"
CHRONO_ROW_TYPE = CHRONO + "ChronometricAge"
MEASUREMENT_ROW_TYPE = DWC + "MeasurementOrFact"
# The GBIF germplasm extension publishes storageCondition in the germplasmType namespace, unlike its other
# terms (standards.md §9, pitfall 4): an archive must use the IRI the extension declares.
EXTENSION_TERM_IRIS = {"germplasm:storageCondition": "http://purl.org/germplasm/germplasmType#storageCondition"}
# A domain with one elevation fills both bounds (MCPD ELEVATION → minimum and maximum elevation).
SAME_AS = {DWC + "maximumElevationInMeters": DWC + "minimumElevationInMeters"}


class WriterFormat(TypedDict):
    """The csv.writer keywords of a data file."""
    delimiter: str
    quoting: Literal[0, 1, 2, 3]  # a csv.QUOTE_* constant
    quotechar: str | None
    escapechar: str | None
    lineterminator: str


DIALECT: WriterFormat = dict(delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None,
                             lineterminator="\n")


@dataclass
class Column:
    """One column of a data file: its term, the field that fills it in each domain, and what fills it when
    that field is empty (a value derived from the shown record, or a constant declared in meta.xml)."""
    term: str
    fields: dict[str, str] = field(default_factory=dict)
    vocabulary: str | None = None
    fallback: Callable[[dict[str, Any]], Any] | None = None
    constant: str | None = None


@dataclass
class DataFile:
    row_type: str
    location: str
    columns: list[Column]
    core: bool = False
    plans: dict[str, tuple] = field(default_factory=dict, repr=False)

    def header(self) -> list[str]:
        first = "id" if self.core else "coreid"
        return [first] + [local_name(column.term) for column in self.columns if column.constant is None]

    def rows(self, shown: dict[str, Any], values: dict[str, Any]) -> Iterator[list[str]]:
        """The rows this file holds for one record: the core row, or an extension row if any value is there."""
        width, plan = self._plan(shown["domain"])
        cells = [""] * width
        cells[0] = shown["id"]
        filled = False
        for index, name, fallback in plan:
            value = values.get(name) if name else None
            text = "" if value is None else cell(value)
            if not text and fallback is not None:
                text = cell(fallback(shown))
            if text:
                cells[index] = text
                filled = True
        if self.core or filled:
            yield cells

    def _plan(self, domain: str) -> tuple[int, list[tuple[int, str | None, Callable | None]]]:
        """The row width, and (position, field, fallback) of the columns a domain can fill, worked out once:
        a mixed archive's core has hundreds of columns, of which one record's domain fills a few dozen."""
        plan = self.plans.get(domain)
        if plan is None:
            written = [column for column in self.columns if column.constant is None]
            plan = self.plans[domain] = (1 + len(written), [
                (position, column.fields.get(domain), column.fallback)
                for position, column in enumerate(written, start=1) if column.fields.get(domain) or column.fallback])
        return plan


@dataclass
class MeasurementFile(DataFile):
    """measurementorfact.txt: one row per value of the terms no other file carries."""
    declarations: dict[str, list[tuple[Declaration, str]]] = field(default_factory=dict)  # domain → (field, type)

    def header(self) -> list[str]:
        return ["coreid", "measurementType", "measurementValue", "measurementUnit"]

    def rows(self, shown: dict[str, Any], values: dict[str, Any]) -> Iterator[list[str]]:
        for declaration, measurement_type in self.declarations.get(shown["domain"], ()):
            text = cell(values.get(declaration.name))
            if text:
                yield [shown["id"], measurement_type, text, unit_of(declaration) or ""]


class ArchiveLayout:
    """The files of an archive holding records of `domains`, fixed before the first row is written."""

    def __init__(self, domains: Iterable[str], base_url: str):
        self.domains = tuple(domains)
        self.base_url = base_url
        self.core = DataFile(CORE_ROW_TYPE, "occurrence.txt", self._core_columns(), core=True)
        germplasm = DataFile(GERMPLASM_ROW_TYPE, "germplasm.txt", self._prefixed_columns("germplasm"))
        chrono = DataFile(CHRONO_ROW_TYPE, "chronometricage.txt", self._chrono_columns())
        measurements = MeasurementFile(MEASUREMENT_ROW_TYPE, "measurementorfact.txt",
                                       [Column(DWC + name) for name in ("measurementType", "measurementValue",
                                                                        "measurementUnit")],
                                       declarations=self._measured())
        self.extensions = [file for file in (germplasm, chrono) if file.columns]
        if any(measurements.declarations.values()):
            self.extensions.append(measurements)

    @property
    def files(self) -> list[DataFile]:
        return [self.core, *self.extensions]

    def meta_xml(self) -> bytes:
        """meta.xml, valid against the TDWG text schema: every column with its full term IRI."""
        ElementTree.register_namespace("", TEXT_NAMESPACE)
        archive = ElementTree.Element(_tag("archive"), {"metadata": "eml.xml"})
        for data_file in self.files:
            element = ElementTree.SubElement(archive, _tag("core" if data_file.core else "extension"), {
                "encoding": "UTF-8", "fieldsTerminatedBy": "\\t", "linesTerminatedBy": "\\n",
                "fieldsEnclosedBy": "", "ignoreHeaderLines": "1", "rowType": data_file.row_type})
            files = ElementTree.SubElement(element, _tag("files"))
            ElementTree.SubElement(files, _tag("location")).text = data_file.location
            ElementTree.SubElement(element, _tag("id" if data_file.core else "coreid"), {"index": "0"})
            index = 1
            for column in data_file.columns:
                attributes = {"term": column.term}
                if column.constant is not None:
                    attributes["default"] = column.constant
                else:
                    attributes["index"] = str(index)
                    index += 1
                if column.vocabulary:
                    attributes["vocabulary"] = column.vocabulary
                ElementTree.SubElement(element, _tag("field"), attributes)
        ElementTree.indent(archive)
        return ElementTree.tostring(archive, encoding="utf-8", xml_declaration=True)

    def _core_columns(self) -> list[Column]:
        columns: dict[str, Column] = {
            DWC + "occurrenceID": Column(DWC + "occurrenceID", fallback=lambda shown: shown["uri"]),
            # The center's own number is the catalogue number, whatever term a domain declares it under.
            DWC + "catalogNumber": Column(DWC + "catalogNumber", fallback=lambda shown: shown["local_id"]),
            DWC + "basisOfRecord": Column(DWC + "basisOfRecord", fallback=basis_of_record,
                                          vocabulary=scheme_uri("basis_of_record", self.base_url)),
        }
        for domain in self.domains:
            declared = describe(domain).by_name
            for name, term in dwc_columns(domain):
                column = columns.setdefault(term, Column(term))
                column.fields.setdefault(domain, name)
                vocabulary = declared[name].vocabulary
                if vocabulary and column.vocabulary is None:
                    column.vocabulary = scheme_uri(vocabulary, self.base_url)
            for term, source in SAME_AS.items():
                if source in columns and domain in columns[source].fields:
                    columns.setdefault(term, Column(term)).fields.setdefault(domain, columns[source].fields[domain])
        columns.setdefault(DWC + "dataGeneralizations", Column(DWC + "dataGeneralizations")).fallback = \
            lambda shown: (shown.get("payload") or {}).get("data_generalizations")
        columns.setdefault(DCTERMS + "modified", Column(DCTERMS + "modified")).fallback = \
            lambda shown: shown.get("updated_at")
        return list(columns.values())

    def _prefixed_columns(self, prefix: str) -> list[Column]:
        columns: dict[str, Column] = {}
        for domain in self.domains:
            for declaration in describe(domain).fields:
                uri = declaration.term_uri  # a known prefix, so every term under it has one
                if declaration.term.partition(":")[0] == prefix and uri is not None:
                    term = EXTENSION_TERM_IRIS.get(declaration.term, uri)
                    columns.setdefault(term, Column(term)).fields.setdefault(domain, declaration.name)
        return list(columns.values())

    def _chrono_columns(self) -> list[Column]:
        """The chrono: terms, plus the reference system of each numeric age (its unit, e.g. Ma) as a constant."""
        columns = self._prefixed_columns("chrono")
        units: dict[str, str | None] = {}
        for domain in self.domains:
            for declaration in describe(domain).fields:
                if declaration.term_uri in (CHRONO + "earliestChronometricAge", CHRONO + "latestChronometricAge"):
                    units.setdefault(declaration.term_uri + "ReferenceSystem", unit_of(declaration))
        return columns + [Column(term, constant=unit) for term, unit in units.items() if unit]

    def _measured(self) -> dict[str, list[tuple[Declaration, str]]]:
        carried = {"dwc", "dcterms", "germplasm", "chrono"}
        return {domain: [(declaration, declaration.term_uri or platform_terms(self.base_url) + declaration.term_name)
                         for declaration in describe(domain).fields
                         if declaration.term.partition(":")[0] not in carried]
                for domain in self.domains}


def basis_of_record(shown: dict[str, Any]) -> str:
    return describe(shown["domain"]).basis_of_record(shown.get("payload") or {})


def local_name(term: str) -> str:
    return term.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _tag(name: str) -> str:
    return f"{{{TEXT_NAMESPACE}}}{name}"


def write_dwca(records: Iterable[dict[str, Any]], layout: ArchiveLayout, out: Any,
               metadata: Callable[[], bytes], on_record: Callable[[dict[str, Any]], None] = lambda shown: None
               ) -> int:
    """Write the archive to the binary stream `out`, one record at a time; returns the records written.

    The core streams straight into its zip entry. A zip takes one entry at a time, so extension rows wait in
    temporary files on disk and are copied in after it: memory holds one record, never the selection.
    `metadata` is called once every record is written (eml.xml describes what was written)."""
    written = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive, ExitStack() as stack:
        archive.writestr("meta.xml", layout.meta_xml())
        spools = {data_file.location: stack.enter_context(tempfile.TemporaryFile()) for data_file in layout.extensions}
        texts = {location: io.TextIOWrapper(spool, encoding="utf-8", newline="") for location, spool in spools.items()}
        writers = {location: csv.writer(text, **DIALECT) for location, text in texts.items()}
        for data_file in layout.extensions:
            writers[data_file.location].writerow(data_file.header())
        with archive.open(layout.core.location, "w", force_zip64=True) as entry:
            core_text = io.TextIOWrapper(entry, encoding="utf-8", newline="")
            core_writer = csv.writer(core_text, **DIALECT)
            core_writer.writerow(layout.core.header())
            for shown in records:
                values = field_values(shown)
                core_writer.writerows(layout.core.rows(shown, values))
                for data_file in layout.extensions:
                    writers[data_file.location].writerows(data_file.rows(shown, values))
                written += 1
                on_record(shown)
            core_text.flush()
            core_text.detach()
        for location, spool in spools.items():
            texts[location].flush()
            texts[location].detach()
            spool.seek(0)
            with archive.open(location, "w", force_zip64=True) as entry:
                shutil.copyfileobj(spool, entry, 1 << 20)
        archive.writestr("eml.xml", metadata())
    return written
