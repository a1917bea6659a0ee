"""Ready citations of shared resources (regulation Art. 18): Chinese and English text, BibTeX and RIS.

- resource_citation(view, center_name, accessed) cites one record as ResourceService.view() returns it;
  center_name is {"zh": …, "en": …} (or one string for both).
- dataset_citation(center, domain, base_url, accessed) cites a center's records of one domain (the dataset at
  /datasets/<center>/<domain>), for exports; `center` has code, name_zh and name_en (a Center or CenterSummary).
Both return a Citation: .text(language), .texts() → {"zh", "en"}, .bibtex(language), .ris(language).
cite_record(resources, actor, identifier) looks the record and its center up, for the API and the pages.
CITATION_REQUEST is the sentence asking users to cite. Rendering escapes what each format needs; callers pass
plain text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping, Protocol

from catalog.enums import DOMAIN_LABELS
from catalog.linked_data.terms import dataset_uri
from catalog.permissions import Actor

if TYPE_CHECKING:
    from catalog.services.resources import ResourceService

LANGUAGES = ("zh", "en")
PLATFORM = {"zh": "湖北省自然科技资源库公共平台",
            "en": "Public Platform of the Hubei Natural Science & Technology Resource Bank"}
CITATION_REQUEST = {
    "zh": "根据《湖北省自然科技资源库管理办法》第十八条，使用本资源形成的著作、论文等发表时，请引用本资源，"
          "明确标注资源标识和利用情况。",
    "en": "Under Article 18 of the Measures for the Administration of the Hubei Natural Science and Technology "
          "Resource Bank, works and papers that use this resource must cite it, stating its identifier and how "
          "it was used.",
}
# China has kept one offset without daylight saving since 1991, so "accessed" needs no time zone database.
CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")

# BibTeX counts braces even when escaped, so a lone brace of the text is written as a command, not as \{.
BIBTEX_SPECIAL = str.maketrans({"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                                "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                                "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"})
BIBTEX_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")
WHITESPACE = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CenterLike(Protocol):
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Citation:
    """One cited thing, in both languages; `key` is the BibTeX key, stable for the thing cited."""
    key: str
    creator: Mapping[str, str]
    title: Mapping[str, str]
    identifier: str
    uri: str
    year: int
    accessed: date
    version: int | None = None

    def text(self, language: str) -> str:
        """GB/T 7714 style in Chinese, DataCite's recommended form in English."""
        creator, title, platform = self.creator[language], self.title[language], PLATFORM[language]
        accessed = self.accessed.isoformat()
        if language == "zh":
            version = f"版本 {self.version}. " if self.version else ""
            return (f"{creator}. {title}[DB/OL]. {version}{platform}, {self.year}[{accessed}]. "
                    f"资源标识: {self.identifier}. {self.uri}.")
        version = f" Version {self.version}." if self.version else ""
        return (f"{creator} ({self.year}). {title}.{version} {platform}. Dataset. "
                f"Identifier {self.identifier}. {self.uri} (accessed {accessed}).")

    def texts(self) -> dict[str, str]:
        return {language: self.text(language) for language in LANGUAGES}

    def bibtex(self, language: str = "en") -> str:
        """A biblatex/BibTeX @misc entry; the creator is a corporate name in double braces, so it is never
        split into given and family names."""
        fields = [("author", "{" + bibtex_escape(self.creator[language]) + "}"),
                  ("title", bibtex_escape(self.title[language])),
                  ("year", str(self.year)),
                  ("version", str(self.version) if self.version else None),
                  ("publisher", bibtex_escape(PLATFORM[language])),
                  ("howpublished", bibtex_escape(PLATFORM[language])),
                  ("note", bibtex_escape(("资源标识: " if language == "zh" else "Identifier: ") + self.identifier)),
                  ("url", bibtex_url(self.uri)),
                  ("urldate", self.accessed.isoformat()),
                  ("langid", "chinese" if language == "zh" else "english")]
        lines = [f"  {name} = {{{value}}}," for name, value in fields if value is not None]
        return f"@misc{{{self.key},\n" + "\n".join(lines) + "\n}\n"

    def ris(self, language: str = "en") -> str:
        """One RIS record (TY DATA … ER), CRLF line ends, every value on one line."""
        tags = [("TY", "DATA"), ("AU", self.creator[language]), ("TI", self.title[language]),
                ("PY", str(self.year)), ("ET", str(self.version) if self.version else None),
                ("PB", PLATFORM[language]), ("DB", PLATFORM[language]), ("AN", self.identifier),
                ("UR", self.uri), ("Y2", self.accessed.strftime("%Y/%m/%d")), ("LA", language),
                ("N1", ("资源标识: " if language == "zh" else "Identifier: ") + self.identifier)]
        lines = [f"{tag}  - {ris_value(value)}" for tag, value in tags if value]
        return "\r\n".join([*lines, "ER  - ", ""])


def resource_citation(view: Mapping[str, Any], center_name: Mapping[str, str] | str,
                      accessed: date | None = None) -> Citation:
    """The citation of one record as the actor sees it (ResourceService.view): the rights holder when the
    record names one, else its center; the name in each language, with the scientific name."""
    centers = _both(center_name)
    holder = (view.get("rights_holder") or "").strip()
    identifier = view.get("identifier") or view["id"]
    title = {language: _title(view, language, identifier) for language in LANGUAGES}
    accessed = accessed or today()
    return Citation(key=bibtex_key(identifier), creator={lang: holder or centers[lang] for lang in LANGUAGES},
                    title=title, identifier=identifier, uri=view["uri"], version=view.get("version"),
                    year=_year(view.get("updated_at")) or accessed.year, accessed=accessed)


def cite_record(resources: ResourceService, actor: Actor, identifier: str,
                view: Mapping[str, Any] | None = None) -> Citation:
    """The citation of a record the actor may see (NotFound otherwise); pass `view` when already read."""
    view = view if view is not None else resources.view(actor, identifier)
    center = resources.get(actor, identifier).center
    return resource_citation(view, {"zh": center.name_zh, "en": center.name_en})


def dataset_citation(center: CenterLike, domain: str, base_url: str, accessed: date | None = None) -> Citation:
    """The citation of a center's records of one domain, e.g. for an export of them. Its identifier is the
    prefix every identifier of those records starts with; its URI the dataset's linked-data URI."""
    labels = DOMAIN_LABELS[domain]
    identifier = f"{center.code}-{domain}"
    accessed = accessed or today()
    return Citation(key=bibtex_key(identifier), creator={"zh": center.name_zh, "en": center.name_en},
                    title={"zh": f"{center.name_zh}{labels['zh']}数据集",
                           "en": f"{labels['en']} of {center.name_en}"},
                    identifier=identifier, uri=dataset_uri(base_url, center.code, domain),
                    year=accessed.year, accessed=accessed)


def today() -> date:
    return datetime.now(CHINA_STANDARD_TIME).date()


def bibtex_escape(value: str) -> str:
    """Plain text as a BibTeX field value: the ten special characters escaped, whitespace on one line."""
    return _one_line(value).translate(BIBTEX_SPECIAL)


def bibtex_url(uri: str) -> str:
    """url is read verbatim by biblatex, so it is left as it is, save braces and spaces, percent-encoded."""
    return _one_line(uri).replace("{", "%7B").replace("}", "%7D").replace(" ", "%20").replace("\\", "%5C")


def bibtex_key(identifier: str) -> str:
    """The identifier itself when it is a safe key; otherwise its safe characters plus a short digest, so
    two identifiers never share a key."""
    safe = BIBTEX_KEY_UNSAFE.sub("_", identifier)
    if safe == identifier:
        return safe
    return f"{safe}_{hashlib.sha256(identifier.encode('utf-8')).hexdigest()[:8]}"


def ris_value(value: str) -> str:
    """A RIS value cannot span lines: a line break inside it would start a new tag."""
    return _one_line(value)


def _one_line(value: str) -> str:
    return WHITESPACE.sub(" ", CONTROL.sub("", value)).strip()


def _both(name: Mapping[str, str] | str) -> dict[str, str]:
    if isinstance(name, str):
        return {language: name for language in LANGUAGES}
    return {language: name.get(language) or next(v for v in name.values() if v) for language in LANGUAGES}


def _title(view: Mapping[str, Any], language: str, identifier: str) -> str:
    other = "en" if language == "zh" else "zh"
    scientific = (view.get("scientific_name") or "").strip()
    name = (view.get(f"name_{language}") or view.get(f"name_{other}") or "").strip()
    if not name:
        return scientific or identifier
    if scientific and scientific != name:
        return f"{name}（{scientific}）" if language == "zh" else f"{name} ({scientific})"
    return name


def _year(moment: str | None) -> int | None:
    try:
        return datetime.fromisoformat(moment).year if moment else None
    except ValueError:
        return None
