"""Encodings: re-encoded real files read identically; Latin text is never taken for GB18030; late errors."""
from __future__ import annotations

import codecs

import pytest

from ingest.readers import Limits, ReadError, open_table
from ingest.readers.encoding import detect_encoding, gb18030_plausible

from .helpers import codes, note_of, read_all, real_file

MINERALS = "geological_specimen/personal_mineral_museum_zh.csv"
EUROPEAN = ("recordedBy,locality,remarks\r\nJörg Müller,Köln,Bäckerei\r\nMännlein Kröger,Würzburg,Grüne Aue\r\n"
            "François Lefèvre,Besançon,Fôret\r\nÅsa Östberg,Göteborg,Skärgården\r\n")


def rows_of(path, **options):
    table, rows = read_all(path, **options)
    return table, [(r.number, r.line, r.cells) for r in rows]


@pytest.mark.parametrize("codec, bom", [("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
                                        ("utf-8", b""), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_re_encoded_chinese_csv_reads_identically(tmp_path, codec, bom):
    original = real_file(MINERALS)
    text = original.read_bytes().decode("utf-8-sig")
    path = tmp_path / f"minerals-{codec}{'-bom' if bom else ''}.csv"
    path.write_bytes(bom + text.encode(codec))
    base, expected = rows_of(original)
    table, got = rows_of(path)
    assert table.encoding == codec and table.header == base.header and got == expected
    assert ("BOM_REMOVED" in codes(table)) == bool(bom)


def test_gbk_subset_is_read_as_gb18030(tmp_path):
    text = "编号,名称,产地\n1,石英,湖北 武汉\n2,方解石,湖北 宜昌\n3,萤石,浙江 武义\n"
    path = tmp_path / "gbk-no-bom.csv"
    path.write_bytes(text.encode("gbk"))
    table, rows = read_all(path)
    assert table.encoding == "gb18030" and rows[1].cells == {"编号": "2", "名称": "方解石", "产地": "湖北 宜昌"}


def test_cp1252_european_names_are_not_read_as_gb18030(tmp_path):
    data = EUROPEAN.encode("cp1252")
    data.decode("gb18030")  # the pitfall: this succeeds, giving mojibake such as 'J鰎g M黮ler'
    path = tmp_path / "cp1252-european-names.csv"
    path.write_bytes(data)
    table, rows = read_all(path)
    assert table.encoding == "cp1252"
    assert rows[0].cells == {"recordedBy": "Jörg Müller", "locality": "Köln", "remarks": "Bäckerei"}
    assert rows[3].cells["recordedBy"] == "Åsa Östberg"
    assert "GB18030" in note_of(table, "ENCODING_ASSUMED").message["en"]


def test_plausibility_check():
    assert gb18030_plausible("湖北省武汉市，石英晶簇")
    assert not gb18030_plausible("Jörg Müller, Köln".encode("cp1252").decode("gb18030"))
    assert not gb18030_plausible("plain ascii")


def test_encoding_override(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(EUROPEAN.encode("latin-1"))
    table, rows = read_all(path, encoding="latin-1")
    assert table.encoding == "iso8859-1" and rows[0].cells["recordedBy"] == "Jörg Müller"


def test_utf8_file_with_a_pasted_gbk_line_is_refused_naming_the_line(tmp_path):
    lines = ["编号,名称", "1,石英", "2,方解石", "3,萤石"]
    data = "\n".join(lines).encode("utf-8") + "\n4,黄铁矿\n".encode("gbk") + "5,辰砂\n".encode("utf-8")
    path = tmp_path / "utf8-with-gbk-line-5.csv"
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert (caught.value.code, caught.value.line) == ("encoding_invalid", 5)


def test_decoding_error_after_the_sample_names_its_line(tmp_path):
    good = "".join(f"{i},Müller {i}\n" for i in range(1, 500))
    path = tmp_path / "late-bad-byte.csv"
    path.write_bytes(b"id,name\n" + good.encode("utf-8") + b"500,M\xfcller\n501,ok\n")
    seen = []
    with pytest.raises(ReadError) as caught:
        with open_table(path, limits=Limits(sample_bytes=1024)) as table:
            assert table.encoding == "utf-8"
            for row in table.rows:
                seen.append(row.number)
    assert (caught.value.code, caught.value.line) == ("encoding_invalid", 501)
    assert seen == list(range(1, 500))  # every row before the bad line was delivered, none replaced
    assert "fc" in caught.value.message["en"]


def test_binary_garbage_is_undetectable(tmp_path):
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(1, 32)) * 50 + b"\x81\x8d\x90" * 20)
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert caught.value.code == "encoding_undetectable"


def test_detect_incomplete_sample_cut_inside_a_character():
    data = "名称,产地\n石英,湖北\n".encode("utf-8")
    assert detect_encoding(data[:-4], complete=False, file_name="x").encoding == "utf-8"
    with pytest.raises(ReadError):
        detect_encoding(codecs.BOM_UTF8 + b"\xff\xfe\xfd", complete=True, file_name="x")
