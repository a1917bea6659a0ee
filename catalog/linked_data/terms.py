"""The RDF building blocks every module here shares: namespaces, the two kinds of object (IRI and
literal) as light values, and the URIs of the platform's own things."""
from __future__ import annotations

import re
from typing import NamedTuple, Union
from urllib.parse import quote

from schemas.fields import NAMESPACES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOID = "http://rdfs.org/ns/void#"
DCMITYPE = "http://purl.org/dc/dcmitype/"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
FORMATS = "http://www.w3.org/ns/formats/"
DWC = NAMESPACES["dwc"]
DWCIRI = NAMESPACES["dwciri"]
DCTERMS = NAMESPACES["dcterms"]
SCHEMA = NAMESPACES["schema"]
GERMPLASM = NAMESPACES["germplasm"]

# Prefixes offered to Turtle, JSON-LD and RDF/XML writers; the platform's own terms are added per base URL.
PREFIXES = {**NAMESPACES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": RDFS, "xsd": XSD,
            "skos": SKOS, "void": VOID, "dcmitype": DCMITYPE, "xmpRights": XMP_RIGHTS}

# Characters an IRI may not carry as they are (RFC 3987 excludes them; N-Triples forbids them in IRIREF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
# In a path segment taken from data, also those that would end the path or start an escape.
_NOT_IN_SEGMENT = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f#?%\ud800-\udfff]')
_SURROGATE = re.compile("[\ud800-\udfff]")


class Iri(str):
    """An IRI object: a str, so it costs nothing to build, marked so that writers tell it from a literal."""
    __slots__ = ()


class Literal(NamedTuple):
    value: str
    datatype: str | None = None
    language: str | None = None


Term = Union[Iri, Literal]
Triple = tuple[str, str, Term]   # subject IRI, predicate IRI, object


def iri_safe(text: str) -> str:
    """`text` with the characters an IRI may not carry percent-encoded (a space in a local id, a quote…);
    the web routes decode them again, so the IRI still resolves."""
    if not _NOT_IN_IRI.search(text):
        return text
    return _NOT_IN_IRI.sub(lambda match: quote(match.group(0), safe=""), text)


def path_segment(text: str) -> str:
    """A value from the data (an identifier) made safe inside an IRI path: what an IRI may not carry, and
    '#', '?' and '%' (which would change what the IRI names), are percent-encoded; the routes decode them."""
    if not _NOT_IN_SEGMENT.search(text):
        return text
    return _NOT_IN_SEGMENT.sub(lambda match: quote(scalar_text(match.group(0)), safe=""), text)


def scalar_text(text: str) -> str:
    """`text` with each lone surrogate (which no RDF syntax can carry) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def platform_terms(base_url: str) -> str:
    """The namespace of the platform's own terms (fields no standard defines), as schemas/mappings uses it."""
    return f"{base_url}/terms/"


def resource_uri(base_url: str, identifier: str) -> str:
    """The resource's URI, as ResourceService.view gives it, with an identifier of any characters made safe."""
    return f"{base_url}/resources/{path_segment(identifier)}"


def center_uri(base_url: str, code: str) -> str:
    return f"{base_url}/centers/{path_segment(code)}"


def dataset_uri(base_url: str, center_code: str, domain: str) -> str:
    """A dataset is what one center holds in one domain."""
    return f"{base_url}/datasets/{path_segment(center_code)}/{domain}"


def catalogue_uri(base_url: str) -> str:
    """The catalogue as a whole: the dataset the VoID description describes."""
    return f"{base_url}/void#catalogue"


def void_document_uri(base_url: str) -> str:
    return f"{base_url}/void"


def dump_uri(base_url: str) -> str:
    return f"{base_url}/dump.nt.gz"


def vocabularies_uri(base_url: str) -> str:
    return f"{base_url}/vocabularies/"
