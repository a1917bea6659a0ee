"""Assemble the GBIF-, MCPD-, MIRRI- and China-biosafety-derived vocabularies as writer Entries."""
from __future__ import annotations

import re
from pathlib import Path

from . import zh_labels as zh
from .readers import GbifConcept, codelist, gbif_thesaurus
from .turtle import Entry

PLACEHOLDER = "No verified Simplified Chinese label yet: the English label is used as the zh prefLabel."
ANALOGY = "zh prefLabel built by analogy (iso- 等, para- 副), not checked against a Chinese glossary."
GBIF_LANG_FIX = {"lt": "la"}  # GBIF's rank file tags Latin names as Lithuanian


def with_zh(entry: Entry, table: zh.Table, key: str | None = None) -> Entry:
    found = table.get(key or entry.code)
    if found:
        entry.zh = found[0]
        entry.alt += [(text, "zh") for text in found[1]]
    else:
        entry.zh = entry.en
        entry.editorial_note = PLACEHOLDER
    return entry


def numbered(entries: list[Entry]) -> list[Entry]:
    for index, entry in enumerate(entries, start=1):
        entry.props["order"] = index
    return entries


def basis_of_record(data: Path) -> list[Entry]:
    _, concepts = gbif_thesaurus(data / "gbif-vocabularies/basis_of_record_2024-02-19.xml")
    entries = []
    for c in concepts:
        titles = dict((lang, title) for title, lang in c.preferred)
        entry = Entry(c.identifier, titles["en"], "", definition={"en": c.description},
                      exact_match=[c.subject])  # dwc:terms class IRI, not the deprecated dwctype one
        entry.alt += [(title, lang) for title, lang in c.alternative]
        if "zh" in titles:
            entry.alt.append((titles["zh"], "zh-Hant"))
        entries.append(with_zh(entry, zh.BASIS_OF_RECORD))
    return numbered(entries)


def occurrence_status(data: Path) -> list[Entry]:
    _, concepts = gbif_thesaurus(data / "gbif-vocabularies/occurrence_status_2020-07-15.xml")
    dwc_2026 = {"present": "detected", "absent": "notDetected"}
    note = ("Darwin Core 2026-05-26 examples use detected/notDetected; GBIF and the IPT use present/absent. "
            "Both are accepted on input; present/absent is stored and exported.")
    entries = [with_zh(Entry(c.identifier, c.identifier, "", alt=[(dwc_2026[c.identifier], "en")],
                             definition={"en": c.description}, scope_note={"en": note},
                             exact_match=[c.uri]), zh.OCCURRENCE_STATUS) for c in concepts]
    return numbered(entries)


def type_status(data: Path) -> list[Entry]:
    _, concepts = gbif_thesaurus(data / "gbif-vocabularies/type_status_2021-01-18.xml")
    entries = []
    for c in concepts:
        entry = Entry(c.identifier, c.preferred[0][0], "", definition={"en": c.description},
                      exact_match=[c.uri])
        if c.identifier in zh.TYPE_STATUS_BY_ANALOGY:
            with_zh(entry, zh.TYPE_STATUS_BY_ANALOGY)
            entry.editorial_note = ANALOGY
        else:
            with_zh(entry, zh.TYPE_STATUS)
        entries.append(entry)
    return numbered(entries)


def taxon_rank(data: Path) -> list[Entry]:
    _, concepts = gbif_thesaurus(data / "gbif-vocabularies/rank_2015-04-24.xml")
    entries = []
    for c in concepts:
        entry = Entry(c.identifier, c.identifier, "", exact_match=[c.uri])
        entry.alt += [(title, GBIF_LANG_FIX.get(lang, lang)) for title, lang in c.preferred + c.alternative
                      if title != c.identifier]
        if c.description:
            entry.definition["en"] = c.description
        entries.append(with_zh(entry, zh.TAXON_RANK))
    return numbered(entries)


def _short(label: str) -> str:
    """'Mutant (e.g. induced mutants)' → 'Mutant'; '' when there is no parenthetical."""
    short = re.sub(r"\s*\(.*\)\s*$", "", label)
    return short if short != label else ""


def _by_mcpd_code(concepts: list[GbifConcept]) -> dict[str, GbifConcept]:
    return {title: c for c in concepts for title, _ in c.alternative if title.isdigit()}


def mcpd(data: Path, name: str, scheme: str, gbif_file: str | None, table: zh.Table) -> list[Entry]:
    rows = codelist(data / "transcribed/codelists.csv", scheme)
    gbif = _by_mcpd_code(gbif_thesaurus(data / "gbif-vocabularies" / gbif_file)[1]) if gbif_file else {}
    entries = []
    for row in rows:
        code, label = row["code"], row["label_en"]
        entry = Entry(code, label, "", alt=[(_short(label), "en")])
        if code in gbif:
            c = gbif[code]
            entry.exact_match.append(c.uri)
            entry.alt += [(re.sub(r"\s*\(\d+\)$", "", c.preferred[0][0]), "en"), (c.identifier, "en")]
            if c.description:
                entry.definition["en"] = c.description
        elif gbif_file:
            entry.scope_note["en"] = f"MCPD 2.1 code missing from GBIF {gbif_file}; no external IRI."
        entry.broader = mcpd_broader(name, code)
        entry.alt += [(text, "en") for text in zh.MCPD_EN_ALT.get(name, {}).get(code, ())]
        entries.append(with_zh(entry, table))
    return numbered(entries)


def mcpd_broader(name: str, code: str) -> str | None:
    """SAMPSTAT 411→410→400 and 110→100; COLLSRC 21→20; STORAGE 11→10 (the x0/x00 codes group)."""
    if name == "sampstat" and code != "999":
        if code[1:] == "00":
            return None
        return code[:2] + "0" if code[2] != "0" else code[0] + "00"
    if name in ("collsrc", "storage") and code != "99" and code[1] != "0":
        return code[0] + "0"
    return None


def mirri(data: Path, scheme: str, table: zh.Table, snake: bool = False) -> list[Entry]:
    entries = []
    for row in codelist(data / "transcribed/codelists.csv", scheme):
        code = row["code"].lower().replace(" ", "_") if snake else row["code"]
        entries.append(with_zh(Entry(code, row["label_en"], ""), table, key=row["code"]))
    return numbered(entries)


ORGANISM_EN_ALT = {"algae": "Alga", "archaea": "Archaeon", "bacteria": "Bacterium", "cyanobacteria":
                   "Cyanobacterium", "filamentous_fungi": "Filamentous fungus", "phage": "Bacteriophage",
                   "plasmid": "Plasmids", "virus": "Viruses", "yeast": "Yeasts"}
EU_RISK_GROUPS = {
    "1": "A biological agent that is unlikely to cause human disease.",
    "2": "A biological agent that can cause human disease and might be a hazard to workers; it is unlikely "
         "to spread to the community; there is usually effective prophylaxis or treatment available.",
    "3": "A biological agent that can cause severe human disease and present a serious hazard to workers; "
         "it may present a risk of spreading to the community, but there is usually effective prophylaxis "
         "or treatment available.",
    "4": "A biological agent that causes severe human disease and is a serious hazard to workers; it may "
         "present a high risk of spreading to the community; there is usually no effective prophylaxis or "
         "treatment available.",
}
OPPOSITE = ("Numbering runs OPPOSITE to WHO/EU risk groups: class 1 (第一类) is the MOST dangerous, class 4 the "
            "least. Store both values; never infer one from the other.")


def microbial(data: Path, name: str) -> list[Entry]:
    if name == "organism_type":
        entries = mirri(data, "MIRRI:organismType", zh.ORGANISM_TYPE, snake=True)
        for entry in entries:
            entry.alt.append((ORGANISM_EN_ALT[entry.code], "en"))
    elif name == "form_of_supply":
        entries = mirri(data, "MIRRI:formOfSupply", zh.FORM_OF_SUPPLY, snake=True)
        by_code = {k.lower().replace(" ", "_"): v for k, v in zh.FORM_OF_SUPPLY_EN_ALT.items()}
        for entry in entries:
            entry.alt += [(text, "en") for text in by_code.get(entry.code, ())]
    elif name == "nagoya_status":
        entries = mirri(data, "MIRRI:nagoya", zh.NAGOYA_STATUS)
    elif name == "restrictions_on_use":
        entries = mirri(data, "MIRRI:restrictionsOnUse", zh.RESTRICTIONS_ON_USE)
    elif name == "risk_group":
        entries = mirri(data, "MIRRI:riskGroup", zh.RISK_GROUP)
        for entry in entries:
            entry.alt.append((f"RG{entry.code}", "en"))
            entry.definition["en"] = EU_RISK_GROUPS[entry.code]
    else:
        raise KeyError(name)
    return entries


def cn_biosafety(data: Path, name: str) -> list[Entry]:
    csv_path = data / "transcribed/codelists.csv"
    if name == "cn_pathogen_class":
        entries = []
        for row in codelist(csv_path, "CN:pathogenHazardClass"):
            code, roman = row["code"], row["label_en"].split()[1]
            entry = Entry(code, row["label_en"], "", alt=[(f"Class {roman}", "en"), (f"Class {code}", "en")],
                          definition={"zh": zh.CN_PATHOGEN_DEFINITIONS[code]}, scope_note={"en": OPPOSITE})
            if code in ("1", "2"):
                entry.scope_note["zh"] = "第一类、第二类病原微生物统称为高致病性病原微生物。"
            entries.append(with_zh(entry, zh.CN_PATHOGEN_CLASS))
        return numbered(entries)
    entries = [Entry(row["code"], row["label_en"], "") for row in codelist(csv_path, "CN:labBiosafetyLevel")]
    for level in "1234":
        entries.append(Entry(f"ABSL-{level}", f"Animal biosafety level {level}", "",
                             scope_note={"en": "Animal facility level (ABSL) of GB 19489 / the 2023 catalogue."}))
    for entry in entries:
        with_zh(entry, zh.BIOSAFETY_LEVEL)
    return numbered(entries)
