"""Assemble chronostratigraphy (ICS chart), country (ISO 3166-1), geological sample types and hand CSV tables."""
from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

from . import zh_labels as zh
from .derive import numbered
from .readers import ISCHART, ChartUnit, codelist, ics_chart, iso_countries
from .turtle import Entry

HAND_DIR = Path(__file__).resolve().parent / "hand"
CHRONO_TO_GEOCHRON = {"系": "纪", "统": "世", "阶": "期", "宇": "宙", "界": "代"}
GEOCHRON_TO_CHRONO = {"世": "统", "期": "阶"}
SERIES_POSITION = {"早": "下", "中": "中", "晚": "上"}  # 早侏罗世 ↔ 下侏罗统
EN_POSITION = {"Lower": "Early", "Middle": "Middle", "Upper": "Late"}


def _chart_labels(unit: ChartUnit) -> tuple[str, str, list[tuple[str, str]]]:
    """(en, zh, alt) for one unit: chart labels, or isc2020's for the 26 the chart leaves unlabelled."""
    if unit.labels:
        zh_label = re.sub(r"\s+", "", unit.labels["zh"])
        alt = [(zh_label[:-1] + CHRONO_TO_GEOCHRON[zh_label[-1]], "zh")] if zh_label[-1] in CHRONO_TO_GEOCHRON else []
        return unit.labels["en"], zh_label, alt
    en = re.sub(r" (Epoch|Age)$", "", unit.fallback["label"])
    old_zh = unit.fallback["zh"]
    position = re.match(r"(Lower|Middle|Upper)(.+)$", unit.name)
    if position:
        # isc2020 zh altLabels contain machine-translation errors: build the 统 form ourselves
        period = position.group(2)
        alt = [(f"{position.group(1)} {period}", "en"), (f"{EN_POSITION[position.group(1)]} {period}", "en"),
               (SERIES_POSITION[old_zh[0]] + old_zh[1:-1] + "统", "zh")]
        return en, old_zh, alt
    # Cambrian Series 2 / Stages 2-4, 10: the Chinese chart writes 第二统, 第十阶 (chronostratigraphic)
    chrono = old_zh[:-1] + GEOCHRON_TO_CHRONO[old_zh[-1]]
    alt = [(old_zh, "zh"), (f"寒武系{chrono}", "zh"), (f"寒武纪{old_zh}", "zh")]
    return en, chrono, alt


def chronostratigraphy(data: Path) -> list[Entry]:
    entries = []
    for unit in ics_chart(data / "ics"):
        en, zh_label, alt = _chart_labels(unit)
        entry = Entry(unit.name, en, zh_label, alt=alt, definition=dict(unit.definition),
                      broader=unit.broader, exact_match=[ISCHART + unit.name])
        entry.props.update(rank=unit.rank, beginMa=unit.begin, endMa=unit.end)
        if unit.short_code:
            entry.props["shortCode"] = unit.short_code
        if not unit.labels:
            entry.editorial_note = ("Labels from CGI-IUGS isc2020.ttl (chart.ttl v2024-12 has none); "
                                    "zh 统/阶 forms built here.")
        entries.append(entry)
    return _chart_order(entries)


def _chart_order(entries: list[Entry]) -> list[Entry]:
    """cat:order as on the chart: each unit before its narrower units, youngest first at every level."""
    children: dict[str | None, list[Entry]] = {}
    for entry in entries:
        children.setdefault(entry.broader, []).append(entry)
    ordered: list[Entry] = []

    def visit(parent: str | None) -> None:
        for child in sorted(children.get(parent, []), key=lambda e: (e.props["endMa"], e.code)):
            ordered.append(child)
            visit(child.code)

    visit(None)
    return numbered(ordered)


GBT_2659 = {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"}
EXTRA_ZH = {"CN": ("中华人民共和国",)}
USER_ASSIGNED = "User-assigned code (not in ISO 3166-1) "
EXTRA_COUNTRIES = [
    Entry("ZZ", "Unknown or unspecified country", "未知", alt=[("Unknown", "en"), ("不详", "zh")],
          scope_note={"en": USER_ASSIGNED + "used by Darwin Core countryCode: unknown or not one country."}),
    Entry("XZ", "High seas", "公海", alt=[("International waters", "en")],
          scope_note={"en": USER_ASSIGNED + "used by Darwin Core countryCode for areas beyond national jurisdiction."}),
    Entry("XK", "Kosovo", "科索沃", scope_note={"en": USER_ASSIGNED + "used by GBIF and the EU."}),
]


def country(data: Path) -> list[Entry]:
    entries = []
    for row in iso_countries(data / "iso"):
        code = row["alpha_2"]
        entry = Entry(code, row["name_en"], GBT_2659.get(code, row["name_zh_Hans"]))
        entry.alt += [(row["alpha_3"], ""), (row["numeric"], "")]
        entry.alt += [(row[key], "en") for key in ("official_name_en", "common_name") if row[key]]
        entry.alt += [(text, "zh") for text in EXTRA_ZH.get(code, ())]
        extra_en, extra_zh = zh.COUNTRY_ALT.get(code, ((), ()))
        entry.alt += [(text, "en") for text in extra_en] + [(text, "zh") for text in extra_zh]
        if code in GBT_2659:
            entry.alt.append((row["name_zh_Hans"], "zh"))
            entry.scope_note["en"] = "zh prefLabel is the GB/T 2659 display name; iso-codes' name kept as altLabel."
        entry.props.update(alpha3=row["alpha_3"], numeric=row["numeric"])
        entries.append(entry)
    entries += [Entry(e.code, e.en, e.zh, alt=list(e.alt), scope_note=dict(e.scope_note)) for e in EXTRA_COUNTRIES]
    return numbered(sorted(entries, key=lambda e: e.code))


def geological_sample_type(data: Path) -> list[Entry]:
    path = data / "transcribed/codelists.csv"
    odm2 = {row["label_en"]: row["code"] for row in codelist(path, "IGSN:material")}
    provincial = {row["label_zh"]: row for row in codelist(path, "CN:rockPreservedType")}
    entries = []
    for code, en, zh_label, zh_alt in zh.GEOLOGICAL_SAMPLE_TYPE:
        entry = Entry(code, en, zh_label, alt=[(text, "zh") for text in zh_alt])
        if code in odm2:
            entry.exact_match.append(odm2[code])
        row = provincial.get(zh_label)
        if row:
            entry.scope_note["en"] = f"保存资源类型 code {row['code']} ({row['label_en']}) in the Shanxi provincial spec."
        entries.append(entry)
    return numbered(entries)


def hand_table(name: str) -> list[Entry]:
    """vocabularies/hand/<name>.csv: code,en,zh,alt_en,alt_zh,broader,exact_match,definition_en,scope_note_en,cat:*."""
    with (HAND_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entries = []
    for row in rows:
        entry = Entry(row["code"], row["en"], row["zh"], broader=row.get("broader") or None)
        for column, lang in (("alt_en", "en"), ("alt_zh", "zh")):
            entry.alt += [(text.strip(), lang) for text in (row.get(column) or "").split("|") if text.strip()]
        entry.exact_match = [iri for iri in (row.get("exact_match") or "").split("|") if iri]
        for column, target in (("definition_en", entry.definition), ("scope_note_en", entry.scope_note)):
            if row.get(column):
                target["en"] = row[column]
        for column, value in row.items():
            if column.startswith("cat:") and value:
                numeric = re.fullmatch(r"-?\d+\.\d+", value)
                entry.props[column[4:]] = Decimal(value) if numeric else value
        entries.append(entry)
    return numbered(entries)
