"""Darwin Core Archives and zip safety: meta.xml rules, locations, entities, zip-slip, bombs, truncation."""
from __future__ import annotations

import time
import zipfile

import pytest

import ingest.readers.dwc_archive  # noqa: F401  (imported before the audit-hooked blocks)
from ingest.readers import Limits, ReadError, open_table
from ingest.readers._archive import SafeZip

from .helpers import codes, make_zip, note_of, raw_zip, read_all, real_file, watch_files, zeros_deflate

DWC = "http://rs.tdwg.org/dwc/terms/"
CORE = f"""<core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy=""
  ignoreHeaderLines="1" rowType="{DWC}Occurrence">
    <files><location>occurrence.txt</location></files>
    <id index="0"/>
    <field index="0" term="{DWC}occurrenceID"/>
    <field index="1" term="{DWC}scientificName"/>
    <field index="2" term="{DWC}country" default="China"/>
    <field term="{DWC}basisOfRecord" default="PreservedSpecimen"/>
  </core>"""
EXTENSION = f"""<extension encoding="UTF-8" fieldsTerminatedBy="," ignoreHeaderLines="1"
  rowType="{DWC}MeasurementOrFact">
    <files><location>measurements.csv</location></files>
    <coreid index="0"/>
    <field index="1" term="{DWC}measurementType"/>
    <field index="2" term="{DWC}measurementValue"/>
  </extension>"""
META = f'<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">{CORE}{EXTENSION}</archive>'
OCCURRENCES = "id\tscientificName\tcountry\nHB:1\tPinus massoniana\t\nHB:2\tQuercus variabilis\tJapan\n"
MEASUREMENTS = 'coreid,type,value\nHB:1,height,"12,5 m"\nHB:1,dbh,30 cm\nHB:2,height,8 m\n'
EML = """<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0" packageId="hb-1" system="x" scope="system">
<dataset><title xml:lang="zh">湖北标本</title><creator><individualName><givenName>Li</givenName>
<surName>Wei</surName></individualName></creator><abstract><para>Specimens of Hubei.</para></abstract>
<intellectualRights><para>CC BY 4.0</para></intellectualRights>
<licensed><licenseName>CC-BY-4.0</licenseName><url>https://creativecommons.org/licenses/by/4.0/</url></licensed>
</dataset></eml:eml>"""
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + ']><archive xmlns="http://rs.tdwg.org/dwc/text/">&lol9;</archive>')


def archive(tmp_path, name="hubei-dwca.zip", meta=META, **members):
    files = {"meta.xml": meta, "occurrence.txt": OCCURRENCES, "measurements.csv": MEASUREMENTS, "eml.xml": EML}
    files.update({k.replace("__", "/"): v for k, v in members.items()})
    return make_zip(tmp_path / name, {k: v for k, v in files.items() if v is not None})


def fails(path, code, **options):
    with pytest.raises(ReadError) as caught:
        read_all(path, **options)
    assert caught.value.code == code, caught.value.message
    return caught.value


def test_core_extension_defaults_constants_and_eml(tmp_path):
    with open_table(archive(tmp_path)) as table:
        rows = list(table.rows)
        [extension] = table.extensions
        extension_rows = list(extension.rows())
        extension_lines = [r.line for r in extension.raw_rows()]
    assert table.format == "dwca" and table.delimiter == "\t"
    assert table.header == [DWC + "occurrenceID", DWC + "scientificName", DWC + "country", DWC + "basisOfRecord"]
    assert rows[0].cells == {DWC + "occurrenceID": "HB:1", DWC + "scientificName": "Pinus massoniana",
                             DWC + "country": "China", DWC + "basisOfRecord": "PreservedSpecimen"}
    assert rows[1].cells[DWC + "country"] == "Japan" and [r.line for r in rows] == [2, 3]
    assert table.dataset["title"] == "湖北标本" and table.dataset["creators"] == ["Li Wei"]
    assert table.dataset["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert extension.row_type == DWC + "MeasurementOrFact" and extension.file == "measurements.csv"
    assert extension_rows == [
        ("HB:1", {"coreid": "HB:1", DWC + "measurementType": "height", DWC + "measurementValue": "12,5 m"}),
        ("HB:1", {"coreid": "HB:1", DWC + "measurementType": "dbh", DWC + "measurementValue": "30 cm"}),
        ("HB:2", {"coreid": "HB:2", DWC + "measurementType": "height", DWC + "measurementValue": "8 m"})]
    assert extension_lines == [2, 3, 4] and extension.core_id_column == "coreid"


def test_archive_wrapped_in_a_folder(tmp_path):
    source = real_file("biological_specimen/sant_bryophytes_dwca.zip")
    with zipfile.ZipFile(source) as original:
        members = {f"dwca-santbryo/{i.filename}": original.read(i) for i in original.infolist()}
    members["__MACOSX/dwca-santbryo/._meta.xml"] = b"\0\5\26\7"
    table, rows = read_all(make_zip(tmp_path / "wrapped.zip", members))
    assert len(rows) == 2423 and table.dataset["title"] == "SANT-Bryo" and "ARCHIVE_FOLDER" in codes(table)


@pytest.mark.parametrize("location", ["../../etc/passwd", "/etc/passwd", "file:///etc/passwd",
                                      "http://example.org/occurrence.txt", "C:\\data\\occ.txt", "missing.txt"])
def test_location_outside_or_missing(tmp_path, location):
    meta = META.replace("<location>occurrence.txt</location>", f"<location>{location}</location>")
    with watch_files() as opened:
        error = fails(archive(tmp_path, meta=meta), "meta_xml_location_not_in_archive")
    assert error.attribute == "<location> of <core>" and error.entry == "meta.xml"
    assert {path for path, _ in opened} == {str(tmp_path / "hubei-dwca.zip")}


def test_metadata_attribute_outside(tmp_path):
    error = fails(archive(tmp_path, meta=META.replace('metadata="eml.xml"', 'metadata="../eml.xml"')),
                  "meta_xml_location_not_in_archive")
    assert error.attribute == "metadata attribute"


@pytest.mark.parametrize("meta, fragment", [
    (META.replace("</archive>", ""), "not well-formed"),
    (META.replace("http://rs.tdwg.org/dwc/text/", "http://example.org/other"), "root element"),
    (f'<archive xmlns="http://rs.tdwg.org/dwc/text/">{EXTENSION}</archive>', "exactly one"),
    (f'<archive xmlns="http://rs.tdwg.org/dwc/text/">{CORE}{CORE}</archive>', "exactly one"),
    (META.replace('index="2" term', 'index="9" term'), "only 3 column"),
    (META.replace('ignoreHeaderLines="1" rowType', 'ignoreHeaderLines="one" rowType'), "ignoreHeaderLines"),
    (META.replace('encoding="UTF-8" fieldsTerminatedBy="\\t"', 'encoding="klingon" fieldsTerminatedBy="\\t"'),
     "klingon"),
    (META.replace(f' rowType="{DWC}Occurrence"', ""), "rowType"),
    (META.replace('<coreid index="0"/>', ""), "coreid"),
    (META.replace(f'<field index="1" term="{DWC}scientificName"/>', '<field index="1"/>'), "term"),
])
def test_invalid_meta_xml(tmp_path, meta, fragment):
    error = fails(archive(tmp_path, meta=meta), "meta_xml_invalid")
    assert fragment in error.message["en"] and "hubei-dwca.zip" in error.message["en"]
    assert "meta.xml" in error.message["zh"]


def test_billion_laughs_and_external_entities_are_refused_fast(tmp_path):
    external = ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                '<archive xmlns="http://rs.tdwg.org/dwc/text/">&x;</archive>')
    for name, members in [("laughs.zip", {"meta": LAUGHS}), ("external.zip", {"meta": external}),
                          ("eml-laughs.zip", {"eml.xml": LAUGHS.replace("archive", "eml")})]:
        meta = members.pop("meta", META)
        started = time.perf_counter()
        with watch_files() as opened:
            error = fails(archive(tmp_path, name, meta=meta, **members), "xml_entities_forbidden")
        assert time.perf_counter() - started < 1.0
        assert "/etc/passwd" not in {p for p, _ in opened}
        assert error.entry in ("meta.xml", "eml.xml")


def test_declared_encoding_differs_from_the_bytes(tmp_path):
    occurrences = "id\tscientificName\tcountry\nHB:1\tPinus\t\nHB:2\tLegit Müller\tJapan\n".encode("cp1252")
    error = fails(archive(tmp_path, **{"occurrence.txt": occurrences}), "encoding_invalid")
    assert (error.entry, error.line) == ("occurrence.txt", 3) and "encoding" in error.message["en"]


@pytest.mark.parametrize("evil", ["../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "dir\\evil.txt",
                                  "a/../../evil.txt", "Occurrence.txt", "link.txt", "nul\x00name.txt"])
def test_unsafe_entry_names_even_when_not_referenced(tmp_path, evil):
    path = tmp_path / "slip.zip"
    if "\x00" in evil:  # zipfile cuts names at NUL when writing: patch the bytes afterwards
        archive(tmp_path, "slip.zip", **{"nulXname.txt": "x"})
        path.write_bytes(path.read_bytes().replace(b"nulXname.txt", b"nul\x00name.txt"))
    else:
        files = {"meta.xml": META, "occurrence.txt": OCCURRENCES, "measurements.csv": MEASUREMENTS, evil: "x"}
        make_zip(path, files, symlinks=("link.txt",))
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    with watch_files() as opened:
        error = fails(path, "unsafe_archive_entry")
    assert all(mode == "read" for _, mode in opened)
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before
    assert "unsafe entry name" in error.message["en"] and "\x00" not in error.message["en"]


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.99])
def test_truncated_zip(tmp_path, fraction):
    data = real_file("biological_specimen/sant_bryophytes_dwca.zip").read_bytes()
    path = tmp_path / "cut.zip"
    path.write_bytes(data[:int(len(data) * fraction)])
    error = fails(path, "truncated_file")
    assert "cut.zip" in error.message["en"]


def test_zip_bomb_refused_fast_without_writing(tmp_path):
    data = zeros_deflate(1024)  # 1 GiB of zeros in about 1 MB
    path = raw_zip(tmp_path / "bomb.zip", [("meta.xml", data, 0, len(data), 1 << 30)])
    assert path.stat().st_size < 2 << 20
    started = time.perf_counter()
    with watch_files() as opened:
        error = fails(path, "archive_bomb")
    assert time.perf_counter() - started < 2.0 and "ratio above 200:1" in error.message["en"]
    assert all(mode == "read" for _, mode in opened) and [p.name for p in tmp_path.iterdir()] == ["bomb.zip"]
    error = fails(path, "archive_too_large", limits=Limits(max_ratio=10 ** 6, max_uncompressed_bytes=256 << 20))
    assert "268435456" in error.message["en"]


def test_lying_sizes_are_caught(tmp_path):
    data = zeros_deflate(64)
    path = raw_zip(tmp_path / "liar.zip", [("occurrence.csv", data, 0, len(data), 1000)])
    fails(path, "archive_corrupt")


def test_streaming_counter_stops_decompression(tmp_path):
    path = archive(tmp_path)
    zipped = SafeZip(path, file_name="hubei-dwca.zip", limits=Limits())
    zipped.limits = Limits(max_uncompressed_bytes=50)  # what the directory claimed no longer matters
    with pytest.raises(ReadError) as caught:
        zipped.read("occurrence.txt", 10_000)
    assert caught.value.code == "archive_too_large" and caught.value.entry == "occurrence.txt"
    zipped.close()


def test_too_many_entries_and_nested_archives(tmp_path):
    many = {f"dataset/{i}.xml": "<x/>" for i in range(30)}
    fails(archive(tmp_path, "many.zip", **many), "archive_bomb", limits=Limits(max_entries=20))
    make_zip(tmp_path / "inner.zip", {"a.txt": "a"})
    inner = (tmp_path / "inner.zip").read_bytes()
    error = fails(archive(tmp_path, "nested.zip", **{"more/inner.zip": inner}), "archive_bomb")
    assert "nested archive" in error.message["en"]


def test_simple_darwin_core_zip(tmp_path):
    path = make_zip(tmp_path / "simple.zip", {"occurrence.csv": "occurrenceID,scientificName\nA1,Pinus\nA2,Abies\n",
                                             "__MACOSX/._occurrence.csv": b"\0\5"})
    table, rows = read_all(path)
    assert table.format == "dwca" and table.header == ["occurrenceID", "scientificName"] and len(rows) == 2
    assert "SIMPLE_DWC" in codes(table)
    fails(make_zip(tmp_path / "plain.zip", {"data.csv": "a,b\n1,2\n"}), "unsupported_format")
    fails(make_zip(tmp_path / "two.zip", {"a.csv": "occurrenceID\n1\n", "b.csv": "occurrenceID\n2\n"}),
          "unsupported_format")


def test_no_header_core_names_columns_from_meta(tmp_path):
    meta = META.replace('ignoreHeaderLines="1" rowType', 'ignoreHeaderLines="0" rowType')
    table, rows = read_all(archive(tmp_path, meta=meta, **{"occurrence.txt": "HB:9\tAbies\t\textra\n"}))
    assert note_of(table, "NO_HEADER_ROW").lines == (1,) and note_of(table, "COLUMNS_WITHOUT_TERM").count == 1
    assert table.header[3] == "column_4" and rows[0].cells["column_4"] == "extra"
    assert rows[0].cells[DWC + "country"] == "China"


def test_two_terms_on_one_column(tmp_path):
    meta = META.replace(f'<field index="1" term="{DWC}scientificName"/>',
                        f'<field index="1" term="{DWC}scientificName"/><field index="0" term="{DWC}catalogNumber"/>')
    table, rows = read_all(archive(tmp_path, meta=meta))
    assert table.header[3:] == [DWC + "catalogNumber", DWC + "basisOfRecord"]
    assert rows[0].cells[DWC + "catalogNumber"] == rows[0].cells[DWC + "occurrenceID"] == "HB:1"


def test_malformed_eml_is_a_note_not_a_failure(tmp_path):
    table, rows = read_all(archive(tmp_path, **{"eml.xml": "<eml><dataset><title>broken"}))
    assert len(rows) == 2 and table.dataset == {} and "METADATA_UNREADABLE" in codes(table)
