"""Citations of records and datasets: the zh/en text, BibTeX and RIS, read back by pybtex and rispy."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import rispy
from hypothesis import given, strategies as st
from pybtex.database import parse_string

from catalog.citations import (PLATFORM, bibtex_escape, bibtex_key, dataset_citation, resource_citation)

ACCESSED = date(2026, 3, 8)
CENTER = {"zh": "湖北省植物种质资源库", "en": "Hubei Plant Germplasm Center"}


def view(**changes) -> dict:
    shown = {"id": "HBPG-plant_germplasm-ACC00042", "identifier": "HBPG-plant_germplasm-ACC00042",
             "uri": "https://resources.example.cn/resources/HBPG-plant_germplasm-ACC00042",
             "name_zh": "恩施玉露茶树种质", "name_en": "Enshi Yulu tea germplasm",
             "scientific_name": "Camellia sinensis (L.) Kuntze", "rights_holder": None, "version": 3,
             "updated_at": "2025-06-30T08:00:00+00:00"}
    shown.update(changes)
    return shown


def test_text_in_both_languages():
    cited = resource_citation(view(), CENTER, ACCESSED)
    assert cited.texts() == {
        "zh": "湖北省植物种质资源库. 恩施玉露茶树种质（Camellia sinensis (L.) Kuntze）[DB/OL]. 版本 3. "
              "湖北省自然科技资源库公共平台, 2025[2026-03-08]. 资源标识: HBPG-plant_germplasm-ACC00042. "
              "https://resources.example.cn/resources/HBPG-plant_germplasm-ACC00042.",
        "en": "Hubei Plant Germplasm Center (2025). Enshi Yulu tea germplasm (Camellia sinensis (L.) Kuntze). "
              "Version 3. Public Platform of the Hubei Natural Science & Technology Resource Bank. Dataset. "
              "Identifier HBPG-plant_germplasm-ACC00042. "
              "https://resources.example.cn/resources/HBPG-plant_germplasm-ACC00042 (accessed 2026-03-08)."}


def test_the_rights_holder_is_the_creator_and_names_fall_back():
    cited = resource_citation(view(rights_holder="中国科学院武汉植物园", name_en=None, scientific_name=None),
                              CENTER, ACCESSED)
    assert cited.creator == {"zh": "中国科学院武汉植物园", "en": "中国科学院武汉植物园"}
    assert cited.title == {"zh": "恩施玉露茶树种质", "en": "恩施玉露茶树种质"}
    nameless = resource_citation(view(name_zh=None, name_en=None, scientific_name="Bacillus subtilis"), "IHB",
                                 ACCESSED)
    assert nameless.title == {"zh": "Bacillus subtilis", "en": "Bacillus subtilis"}
    assert nameless.creator == {"zh": "IHB", "en": "IHB"}


def test_bibtex_escapes_special_characters_and_parses():
    nasty = "R&D 50% {lab} #2 $x$ a_b ~c^ back\\slash"
    cited = resource_citation(view(name_en=nasty, scientific_name=None, rights_holder="Smith & Sons"), CENTER,
                              ACCESSED)
    entry = parse_string(cited.bibtex(), "bibtex").entries["HBPG-plant_germplasm-ACC00042"]
    assert entry.type == "misc"
    assert entry.fields["title"] == (r"R\&D 50\% \textbraceleft{}lab\textbraceright{} \#2 \$x\$ a\_b "
                                     r"\textasciitilde{}c\textasciicircum{} back\textbackslash{}slash")
    assert [str(person) for person in entry.persons["author"]] == [r"{Smith \& Sons}"]  # one corporate name
    assert entry.fields["publisher"] == r"Public Platform of the Hubei Natural Science \& Technology Resource Bank"
    assert entry.fields["note"] == r"Identifier: HBPG-plant\_germplasm-ACC00042"
    assert entry.fields["url"] == "https://resources.example.cn/resources/HBPG-plant_germplasm-ACC00042"
    assert (entry.fields["year"], entry.fields["version"], entry.fields["urldate"]) == ("2025", "3", "2026-03-08")


def test_bibtex_in_chinese():
    entry = parse_string(resource_citation(view(), CENTER, ACCESSED).bibtex("zh"), "bibtex").entries[
        "HBPG-plant_germplasm-ACC00042"]
    assert entry.fields["title"] == "恩施玉露茶树种质（Camellia sinensis (L.) Kuntze）"
    assert entry.fields["publisher"] == "湖北省自然科技资源库公共平台" and entry.fields["langid"] == "chinese"


@given(st.text().filter(str.strip))
def test_any_text_keeps_a_bibtex_entry_well_formed(text):
    cited = resource_citation(view(name_en=text, scientific_name=None), CENTER, ACCESSED)
    entry = parse_string(cited.bibtex(), "bibtex").entries["HBPG-plant_germplasm-ACC00042"]
    assert entry.fields["title"] == bibtex_escape(text)
    assert entry.fields["year"] == "2025"  # nothing in the title ran over into the next field


def test_bibtex_keys_are_stable_and_distinct():
    assert bibtex_key("HBPG-plant_germplasm-ACC00042") == "HBPG-plant_germplasm-ACC00042"
    assert bibtex_key("IHB-biological_specimen-标本 1,2") == "IHB-biological_specimen-___1_2_3346ffa8"
    assert bibtex_key("IHB-biological_specimen-标本 1;2") != bibtex_key("IHB-biological_specimen-标本 1,2")


def test_ris_record_reads_back():
    cited = resource_citation(view(name_en="Tea\r\nER  - injected", scientific_name=None), CENTER, ACCESSED)
    text = cited.ris()
    assert text.startswith("TY  - DATA\r\n") and text.endswith("ER  - \r\n")
    assert all(line[2:6] == "  - " for line in text.split("\r\n")[:-1])
    [record] = rispy.loads(text)
    assert {key: record[key] for key in ("type_of_reference", "authors", "title", "year", "edition",
                                         "accession_number", "urls", "access_date", "language")} == {
        "type_of_reference": "DATA", "authors": ["Hubei Plant Germplasm Center"], "title": "Tea ER - injected",
        "year": "2025", "edition": "3", "accession_number": "HBPG-plant_germplasm-ACC00042",
        "urls": ["https://resources.example.cn/resources/HBPG-plant_germplasm-ACC00042"],
        "access_date": "2026/03/08", "language": "en"}
    [chinese] = rispy.loads(cited.ris("zh"))
    assert chinese["publisher"] == PLATFORM["zh"] and chinese["authors"] == ["湖北省植物种质资源库"]


@given(st.text(min_size=1))
def test_any_text_stays_one_ris_value(text):
    [record] = rispy.loads(resource_citation(view(name_en=text, scientific_name=None), CENTER, ACCESSED).ris())
    assert record["accession_number"] == "HBPG-plant_germplasm-ACC00042"
    assert "\n" not in record.get("title", "") and "\r" not in record.get("title", "")


@dataclass
class Center:
    code: str
    name_zh: str
    name_en: str


def test_dataset_citation():
    cited = dataset_citation(Center("IHB", "水生生物标本馆", "Hydrobiology Specimens"), "biological_specimen",
                             "https://resources.example.cn", ACCESSED)
    assert cited.identifier == "IHB-biological_specimen"
    assert cited.uri == "https://resources.example.cn/datasets/IHB/biological_specimen"
    assert cited.texts() == {
        "zh": "水生生物标本馆. 水生生物标本馆生物标本数据集[DB/OL]. 湖北省自然科技资源库公共平台, 2026[2026-03-08]. "
              "资源标识: IHB-biological_specimen. https://resources.example.cn/datasets/IHB/biological_specimen.",
        "en": "Hydrobiology Specimens (2026). Biological specimens of Hydrobiology Specimens. Public Platform of the "
              "Hubei Natural Science & Technology Resource Bank. Dataset. Identifier IHB-biological_specimen. "
              "https://resources.example.cn/datasets/IHB/biological_specimen (accessed 2026-03-08)."}
    assert parse_string(cited.bibtex(), "bibtex").entries["IHB-biological_specimen"].fields["title"] == \
        "Biological specimens of Hydrobiology Specimens"
