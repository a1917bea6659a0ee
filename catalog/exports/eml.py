"""eml.xml of an export (GBIF Metadata Profile 1.3 on EML 2.2.0): titles in English and Chinese, the centers
as creators and contacts, an abstract, the licence, coverage, and a citation with the persistent identifier
and the request to cite it (regulation Art. 18). The facts it states are gathered while the records stream.

The dataset licence is one of the three GBIF accepts, the most restrictive among the records': CC0 1.0 <
CC BY 4.0 < CC BY-NC 4.0. A record without a licence counts as CC BY 4.0 (the regulation asks users to cite,
nothing more); a licence that is none of the three counts as CC BY-NC 4.0, the most restrictive GBIF allows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Mapping
from urllib.parse import urlencode
from xml.etree import ElementTree

from catalog.citations import CITATION_REQUEST, PLATFORM, Citation, CenterLike, bibtex_key, dataset_citation
from catalog.enums import DOMAIN_LABELS
from catalog.exports.selection import Selection
from catalog.linked_data.terms import center_uri
from schemas.parsing import ParseError, parse_date
from schemas.registry import DOMAINS
from vocabularies.loader import scheme_uri

EML = "https://eml.ecoinformatics.org/eml-2.2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LICENCES = {  # SPDX id → (name, legal code URL, the title GBIF's IPT writes in intellectualRights)
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "http://creativecommons.org/publicdomain/zero/1.0/legalcode",
                "Public Domain (CC0 1.0)"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International",
                  "http://creativecommons.org/licenses/by/4.0/legalcode",
                  "Creative Commons Attribution (CC-BY) 4.0 License"),
    "CC-BY-NC-4.0": ("Creative Commons Attribution Non Commercial 4.0 International",
                     "http://creativecommons.org/licenses/by-nc/4.0/legalcode",
                     "Creative Commons Attribution Non Commercial (CC-BY-NC) 4.0 License"),
}
UNSTATED_LICENCE, UNKNOWN_LICENCE = "CC-BY-4.0", "CC-BY-NC-4.0"
LICENCE_PATTERNS = (("CC0-1.0", re.compile(r"(cc)?(0|zero)(10)?(universal)?|publicdomain")),
                    ("CC-BY-4.0", re.compile(r"(cc)?by(40)?(international)?|attribution(40)?(international)?")),
                    ("CC-BY-NC-4.0", re.compile(r"(cc)?bync(40)?(international)?")))
CREATIVE_COMMONS_URL = re.compile(r"^(https?)?(www)?creativecommonsorg(licenses|publicdomain)?")
REQUEST_TO_CITE_RECORDS = {
    "en": "Cite each record you use by its persistent identifier (for example {example}), which resolves at "
          "{base_url}/resources/<identifier>.",
    "zh": "请以资源标识引用所用的每条资源（如 {example}），资源标识可在 {base_url}/resources/<资源标识> 解析。",
}


def gbif_licence(text: str | None) -> str:
    """The SPDX id of the GBIF licence a record's licence text amounts to (see the module docstring)."""
    if text is None or not text.strip():
        return UNSTATED_LICENCE
    key = re.sub(r"[^a-z0-9]", "", text.lower())
    key = CREATIVE_COMMONS_URL.sub("", key).removesuffix("legalcode").removesuffix("deed")
    return next((spdx for spdx, pattern in LICENCE_PATTERNS if pattern.fullmatch(key)), UNKNOWN_LICENCE)


@dataclass
class DatasetFacts:
    """What eml.xml states about the records written, gathered as they stream past: a few values each."""
    records: int = 0
    centers: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    licences: set[str] = field(default_factory=set)
    box: list[float] | None = None           # west, east, south, north
    begin: date | None = None
    end: date | None = None
    example: str | None = None               # one identifier, to show how records are cited

    def add(self, shown: Mapping[str, Any]) -> None:
        self.records += 1
        self.centers.add(shown["center"])
        self.domains.add(shown["domain"])
        self.licences.add(gbif_licence(shown.get("licence")))
        self.example = self.example or shown["id"]
        latitude, longitude = shown.get("decimal_latitude"), shown.get("decimal_longitude")
        if latitude is not None and longitude is not None:
            west, east, south, north = self.box or (longitude, longitude, latitude, latitude)
            self.box = [min(west, longitude), max(east, longitude), min(south, latitude), max(north, latitude)]
        bounds = date_bounds(shown.get("event_date") or "")
        if bounds is not None:
            self.begin = min(self.begin or bounds[0], bounds[0])
            self.end = max(self.end or bounds[1], bounds[1])

    @property
    def licence(self) -> str:
        order = list(LICENCES)
        return max(self.licences or {UNSTATED_LICENCE}, key=order.index)


@lru_cache(maxsize=4096)  # records share dates; parsing each again would cost more than writing it
def date_bounds(text: str) -> tuple[date, date] | None:
    """The first and last day an ISO date or interval covers; None when it is not one."""
    try:
        _, start, finish = parse_date(text)
    except ParseError:
        return None
    return start.earliest(), finish.latest()


def selection_citation(selection: Selection, centers: Mapping[str, CenterLike], facts: DatasetFacts,
                       base_url: str, accessed: date) -> Citation:
    """The citation of what was exported: a center's dataset (center + domain) is cited by its persistent
    identifier and URI; any other selection by the center, the search or the catalogue it came from."""
    center = centers.get(selection.center or "")
    if center is not None and selection.domain and not selection.searches:
        return dataset_citation(center, selection.domain, base_url, accessed)
    only = centers.get(next(iter(facts.centers))) if len(facts.centers) == 1 else None
    creator = {"zh": only.name_zh, "en": only.name_en} if only else dict(PLATFORM)
    label = DOMAIN_LABELS.get(selection.domain or "")
    title = {"en": (label["en"] if label else "Resources") + (f" of {center.name_en}" if center else
                                                               f" of the {PLATFORM['en']}"),
             "zh": (center.name_zh if center else PLATFORM["zh"]) + (label["zh"] if label else "资源") + "数据集"}
    if selection.searches:
        query = urlencode([("q", selection.text)] * bool(selection.text) +
                          [("filter", f"{name}={value}") for name, value in selection.filters])
        terms = [f"“{selection.text}”"] * bool(selection.text) + [f"{n}={v}" for n, v in selection.filters]
        title = {"en": f"{title['en']}: search {', '.join(terms)}", "zh": f"{title['zh']}：检索 {'，'.join(terms)}"}
        identifier, uri = f"search:{query}", f"{base_url}/api/records?{query}"
    elif center is not None:
        identifier, uri = center.code, center_uri(base_url, center.code)
    else:
        identifier, uri = "catalogue", base_url
    return Citation(key=bibtex_key(identifier), creator=creator, title=title, identifier=identifier, uri=uri,
                    year=accessed.year, accessed=accessed)


def eml_document(facts: DatasetFacts, citation: Citation, centers: Mapping[str, CenterLike], base_url: str,
                 package_id: str, published: datetime) -> bytes:
    """eml.xml, valid against the GBIF profile; agents are the centers whose records were written."""
    ElementTree.register_namespace("eml", EML)
    root = ElementTree.Element(f"{{{EML}}}eml", {"packageId": package_id, "system": base_url, "scope": "system",
                                                 XML_LANG: "en"})
    dataset = _sub(root, "dataset")
    _sub(dataset, "alternateIdentifier", citation.uri)
    for language in ("en", "zh"):
        _sub(dataset, "title", citation.title[language], {XML_LANG: language})
    # The centers whose records were written; None (the platform) when none is known.
    agents: list[CenterLike | None] = [centers[code] for code in sorted(facts.centers) if code in centers] or [None]
    for agent in agents:
        _agent(_sub(dataset, "creator"), agent, base_url)
    _agent(_sub(dataset, "metadataProvider"), None, base_url)
    _sub(dataset, "pubDate", published.date().isoformat())
    _sub(dataset, "language", "zho")
    abstract = _sub(dataset, "abstract")
    for text in _abstract(facts, published.date()).values():
        _sub(abstract, "para", text)
    keywords = _sub(dataset, "keywordSet")
    for domain in (d for d in DOMAINS if d in facts.domains):
        _sub(keywords, "keyword", f"{DOMAIN_LABELS[domain]['en']} / {DOMAIN_LABELS[domain]['zh']}")
    if not len(keywords):
        _sub(keywords, "keyword", PLATFORM["en"])
    _sub(keywords, "keywordThesaurus", scheme_uri("domain", base_url))
    request = _sub(_sub(dataset, "additionalInfo"), "para")
    request.text = " ".join(_request(citation, facts, base_url, language) for language in ("en", "zh"))
    name, url, title = LICENCES[facts.licence]
    rights = _sub(_sub(dataset, "intellectualRights"), "para", "This work is licensed under a ")
    link = _sub(rights, "ulink", None, {"url": url})
    _sub(link, "citetitle", title)
    link.tail = "."
    licensed = _sub(dataset, "licensed")
    _sub(licensed, "licenseName", name)
    _sub(licensed, "url", url)
    _sub(licensed, "identifier", facts.licence)
    _sub(_sub(_sub(dataset, "distribution", None, {"scope": "document"}), "online"), "url", citation.uri,
         {"function": "information"})
    _coverage(dataset, facts)
    for agent in agents:
        _agent(_sub(dataset, "contact"), agent, base_url)
    _agent(_sub(dataset, "publisher"), None, base_url)
    gbif = _sub(_sub(_sub(root, "additionalMetadata"), "metadata"), "gbif")
    _sub(gbif, "dateStamp", published.replace(microsecond=0).isoformat())
    _sub(gbif, "hierarchyLevel", "dataset")
    _sub(gbif, "citation", citation.text("en"), {"identifier": citation.uri})
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _request(citation: Citation, facts: DatasetFacts, base_url: str, language: str) -> str:
    parts = [("Please cite this dataset as: " if language == "en" else "请按以下格式引用本数据集：")
             + citation.text(language), CITATION_REQUEST[language]]
    if facts.example:
        parts.append(REQUEST_TO_CITE_RECORDS[language].format(example=facts.example, base_url=base_url))
    return " ".join(parts)


def _abstract(facts: DatasetFacts, day: date) -> dict[str, str]:
    domains = [d for d in DOMAINS if d in facts.domains]
    return {
        "en": f"{facts.records} records ({', '.join(DOMAIN_LABELS[d]['en'] for d in domains) or 'none'}) of "
              f"{len(facts.centers)} resource center(s), exported on {day.isoformat()} from the {PLATFORM['en']}. "
              "Records appear as the requesting user may see them on the platform: restricted records seen from "
              "outside their center carry coordinates generalised to a 0.1 degree cell (see dataGeneralizations).",
        "zh": f"{PLATFORM['zh']}于 {day.isoformat()} 导出的 {len(facts.centers)} 个资源库的 {facts.records} 条记录"
              f"（{'、'.join(DOMAIN_LABELS[d]['zh'] for d in domains) or '无'}）。记录与申请导出的用户在平台上所见一致："
              "限制共享的记录对本库以外的用户仅给出概化到 0.1 度网格的坐标（见 dataGeneralizations）。",
    }


def _coverage(dataset: ElementTree.Element, facts: DatasetFacts) -> None:
    if facts.box is None and facts.begin is None:
        return
    coverage = _sub(dataset, "coverage")
    if facts.box is not None:
        geographic = _sub(coverage, "geographicCoverage")
        _sub(geographic, "geographicDescription", "The smallest box holding every exported coordinate.")
        box = _sub(geographic, "boundingCoordinates")
        for name, value in zip(("west", "east", "north", "south"),
                               (facts.box[0], facts.box[1], facts.box[3], facts.box[2])):
            _sub(box, f"{name}BoundingCoordinate", repr(float(value)))
    if facts.begin is not None and facts.end is not None:
        dates = _sub(_sub(coverage, "temporalCoverage"), "rangeOfDates")
        _sub(_sub(dates, "beginDate"), "calendarDate", facts.begin.isoformat())
        _sub(_sub(dates, "endDate"), "calendarDate", facts.end.isoformat())


def _agent(element: ElementTree.Element, center: CenterLike | None, base_url: str) -> None:
    """A center (English and Chinese names, its page), or the platform itself when `center` is None."""
    if center is None:
        _sub(element, "organizationName", PLATFORM["en"])
        _sub(element, "organizationName", PLATFORM["zh"])
        _sub(element, "onlineUrl", base_url)
        return
    _sub(element, "organizationName", center.name_en)
    _sub(element, "organizationName", center.name_zh)
    _sub(element, "onlineUrl", center_uri(base_url, center.code))


def _sub(parent: ElementTree.Element, tag: str, text: str | None = None,
         attributes: dict[str, str] | None = None) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes or {})
    if text is not None:
        element.text = text
    return element
