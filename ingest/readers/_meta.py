"""DwC-A meta.xml (structure checked, locations confined to the archive) and EML dataset metadata, via defusedxml."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ._model import ReadError

DWC_TEXT_NS = "http://rs.tdwg.org/dwc/text/"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ESCAPES = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\", "\\r\\n": "\r\n"}


@dataclass
class FileSpec:
    """One <core> or <extension> of meta.xml."""

    kind: str  # "core" or "extension"
    row_type: str
    locations: list[str]  # archive member names
    delimiter: str = ","
    quotechar: str | None = '"'
    encoding: str = "utf-8"
    ignore_header_lines: int = 0
    id_index: int | None = None
    fields: list[tuple[int | None, str, str | None]] = field(default_factory=list)  # index, term, default


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(data: bytes, *, file_name: str, entry: str) -> Element:
    """Parse untrusted XML: entities, external references and DTD-based attacks are refused."""
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ReadError("xml_entities_forbidden", f"XML entity or external reference declarations are not "
                        f"allowed ({type(error).__name__})", f"不允许 XML 实体或外部引用声明（{type(error).__name__}）",
                        file_name=file_name, entry=entry) from None
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise ReadError("meta_xml_invalid" if entry.endswith("meta.xml") else "xml_invalid",
                        f"is not well-formed XML ({error})", f"不是格式正确的 XML（{error}）",
                        file_name=file_name, entry=entry, line=line) from None


def resolve(location: str, base: str, members: set[str], *, file_name: str, entry: str, what: str) -> str:
    """An archive member named by meta.xml: relative, inside the archive, present."""
    value = location.strip()
    parts = value.split("/")
    if not value or _SCHEME.match(value) or value.startswith("/") or "\\" in value or ".." in parts:
        raise ReadError("meta_xml_location_not_in_archive", f"{what} {value!r} points outside the archive "
                        "(URL, absolute path or '..'); only files inside the archive are read",
                        f"{what} {value!r} 指向压缩包之外（URL、绝对路径或 '..'）；只读取压缩包内的文件",
                        file_name=file_name, entry=entry, attribute=what)
    name = base + "/".join(p for p in parts if p not in ("", "."))
    if name not in members:
        raise ReadError("meta_xml_location_not_in_archive", f"{what} {value!r} names a file that is not in the "
                        "archive", f"{what} {value!r} 指定的文件不在压缩包中", file_name=file_name, entry=entry,
                        attribute=what)
    return name


def _invalid(en: str, zh: str, file_name: str, entry: str, attribute: str | None = None) -> ReadError:
    return ReadError("meta_xml_invalid", en, zh, file_name=file_name, entry=entry, attribute=attribute)


def _unescape(value: str | None, default: str) -> str:
    if value is None:
        return default
    return _ESCAPES.get(value, value)


def _int(element: Element, name: str, default: int | None, file_name: str, entry: str) -> int | None:
    value = element.get(name)
    if value is None:
        return default
    if not value.strip().isdigit():
        raise _invalid(f"{name}={value!r} on <{local(element.tag)}> is not a non-negative integer",
                       f"<{local(element.tag)}> 的 {name}={value!r} 不是非负整数", file_name, entry, name)
    return int(value)


def file_spec(element: Element, base: str, members: set[str], *, file_name: str, entry: str) -> FileSpec:
    kind = local(element.tag)
    row_type = (element.get("rowType") or "").strip()
    if not row_type:
        raise _invalid(f"<{kind}> has no rowType", f"<{kind}> 缺少 rowType", file_name, entry, "rowType")
    files = [e for e in element if local(e.tag) == "files"]
    locations = [e.text or "" for f in files for e in f if local(e.tag) == "location"]
    if not locations:
        raise _invalid(f"<{kind}> has no <files><location>", f"<{kind}> 缺少 <files><location>", file_name, entry)
    spec = FileSpec(kind, row_type, [resolve(loc, base, members, file_name=file_name, entry=entry,
                                             what=f"<location> of <{kind}>") for loc in locations])
    spec.delimiter = _unescape(element.get("fieldsTerminatedBy"), ",")
    enclosure = _unescape(element.get("fieldsEnclosedBy"), '"')
    spec.quotechar = enclosure or None
    lines = _unescape(element.get("linesTerminatedBy"), "\n")
    if len(spec.delimiter) != 1 or len(enclosure) > 1 or lines not in ("\n", "\r\n", "\r"):
        raise _invalid(f"<{kind}> fieldsTerminatedBy={spec.delimiter!r} / fieldsEnclosedBy={enclosure!r} / "
                       f"linesTerminatedBy={lines!r} is not supported (one character each; lines end with "
                       "\\n, \\r\\n or \\r)", f"<{kind}> 的分隔符设置不受支持", file_name, entry, "fieldsTerminatedBy")
    encoding = (element.get("encoding") or "UTF-8").strip()
    try:
        spec.encoding = codecs.lookup(encoding).name
    except LookupError:
        raise _invalid(f"<{kind}> encoding={encoding!r} is unknown", f"<{kind}> 的编码 {encoding!r} 未知",
                       file_name, entry, "encoding") from None
    spec.ignore_header_lines = _int(element, "ignoreHeaderLines", 0, file_name, entry) or 0
    id_tag = "id" if kind == "core" else "coreid"
    ids = [e for e in element if local(e.tag) == id_tag]
    spec.id_index = _int(ids[0], "index", None, file_name, entry) if ids else None
    if kind == "extension" and spec.id_index is None:
        raise _invalid("<extension> needs <coreid index=…>", "<extension> 需要 <coreid index=…>", file_name, entry)
    terms: set[str] = set()
    for element_field in (e for e in element if local(e.tag) == "field"):
        term = (element_field.get("term") or "").strip()
        index = _int(element_field, "index", None, file_name, entry)
        default = element_field.get("default")
        if not term or (index is None and default is None) or term in terms:
            raise _invalid(f"<field term={term!r} index={index}> needs a unique term and an index or a default",
                           f"<field term={term!r}> 需要唯一的 term，以及 index 或 default", file_name, entry, "term")
        terms.add(term)
        spec.fields.append((index, term, default))
    return spec


def parse_meta(data: bytes, base: str, members: set[str], *, file_name: str, entry: str
               ) -> tuple[FileSpec, list[FileSpec], str | None]:
    """(core, extensions, metadata member or None) of meta.xml."""
    root = parse_xml(data, file_name=file_name, entry=entry)
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "archive" or namespace not in ("", DWC_TEXT_NS):
        raise _invalid(f"root element is {root.tag!r}, expected <archive xmlns=\"{DWC_TEXT_NS}\">",
                       f"根元素为 {root.tag!r}，应为 <archive xmlns=\"{DWC_TEXT_NS}\">", file_name, entry)
    cores = [e for e in root if local(e.tag) == "core"]
    if len(cores) != 1:
        raise _invalid(f"has {len(cores)} <core> elements, exactly one is required",
                       f"有 {len(cores)} 个 <core> 元素，必须恰好一个", file_name, entry)
    core = file_spec(cores[0], base, members, file_name=file_name, entry=entry)
    extensions = [file_spec(e, base, members, file_name=file_name, entry=entry)
                  for e in root if local(e.tag) == "extension"]
    if extensions and core.id_index is None:
        raise _invalid("<core> needs <id index=…> when there are extensions", "存在扩展时 <core> 需要 <id index=…>",
                       file_name, entry)
    metadata = root.get("metadata")
    if metadata is not None:
        metadata = resolve(metadata, base, members, file_name=file_name, entry=entry, what="metadata attribute")
    return core, extensions, metadata


def _text(element: Element | None) -> str:
    return " ".join(" ".join(element.itertext()).split()) if element is not None else ""


def _find(element: Element, *path: str) -> list[Element]:
    found = [element]
    for name in path:
        found = [child for parent in found for child in parent if local(child.tag) == name]
    return found


def _agent(element: Element) -> str:
    person = " ".join(_text(e) for name in ("givenName", "surName") for e in _find(element, "individualName", name))
    return person or _text(next(iter(_find(element, "organizationName")), None)) or \
        _text(next(iter(_find(element, "positionName")), None))


def dataset_metadata(root: Element, source: str) -> dict[str, Any]:
    """Title, abstract, agents, licence… from an EML document (namespace-agnostic)."""
    dataset = next(iter(_find(root, "dataset")), root)
    rights = next(iter(_find(dataset, "intellectualRights")), None)
    urls = [e.get("url") for e in rights.iter() if local(e.tag) == "ulink"] if rights is not None else []
    licensed = next(iter(_find(dataset, "licensed", "url")), None)
    first = lambda *p: _text(next(iter(_find(dataset, *p)), None))  # noqa: E731
    result: dict[str, Any] = {
        "source": source, "package_id": root.get("packageId", ""), "title": first("title"),
        "abstract": first("abstract"), "creators": [_agent(e) for e in _find(dataset, "creator")],
        "contacts": [_agent(e) for e in _find(dataset, "contact")],
        "metadata_providers": [_agent(e) for e in _find(dataset, "metadataProvider")],
        "publisher": first("publisher", "organizationName"), "pub_date": first("pubDate"),
        "language": first("language"), "licence": _text(rights),
        "licence_url": (licensed.text or "").strip() if licensed is not None else (urls[0] if urls else ""),
        "keywords": [_text(e) for e in _find(dataset, "keywordSet", "keyword")],
        "alternate_identifiers": [_text(e) for e in _find(dataset, "alternateIdentifier")],
        "geographic_description": first("coverage", "geographicCoverage", "geographicDescription"),
        "citation": _text(next((e for e in root.iter() if local(e.tag) == "citation"), None)),
    }
    return {key: value for key, value in result.items() if value not in ("", [])}
