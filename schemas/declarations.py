"""Declaration: everything the platform knows about one field (its standard term, kind, level, vocabulary,
labels), as schemas/<domain>.py declare them with term() in schemas.fields."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from schemas import parsing

NAMESPACES = {
    "dwc": "http://rs.tdwg.org/dwc/terms/",
    "dwciri": "http://rs.tdwg.org/dwc/iri/",
    "dcterms": "http://purl.org/dc/terms/",
    "germplasm": "http://purl.org/germplasm/germplasmTerm#",
    "mcl": "http://www.straininfo.net/ns/mcl/2.0/",
    "chrono": "http://rs.tdwg.org/chrono/terms/",
    "igsn": "https://igsn.org/terms/",
    "schema": "https://schema.org/",
}
# Terms with no published IRI live in the platform's own namespace, resolved under the public base URL.
PLATFORM_PREFIX = "cat"
# The groups a field may belong to (term(group=…)), with their names (zh, en) for the pages that show a record.
GROUP_LABELS: dict[str, tuple[str, str]] = {
    "identification": ("标识", "Identification"), "taxon": ("分类", "Taxonomy"), "origin": ("产地", "Origin"),
    "collection": ("采集", "Collecting"), "preservation": ("保存", "Preservation"), "sharing": ("共享", "Sharing"),
    "geology": ("地质背景", "Geological context"), "breeding": ("育种", "Breeding"), "breed": ("品种", "Breed"),
    "donor": ("供体", "Donor"), "acquisition": ("获取", "Acquisition"), "biosafety": ("生物安全", "Biosafety"),
    "culture": ("培养", "Culture"), "genetics": ("遗传", "Genetics"), "material": ("材料", "Material"),
    "characteristics": ("特征", "Characteristics"), "quality": ("质量", "Quality"), "other": ("其他", "Other"),
}


class Kind(StrEnum):
    STRING = "string"
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    LIST = "list"


class Level(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    OPTIONAL = "optional"


@dataclass(frozen=True)
class Declaration:
    """Everything the platform knows about one field, read by validation, search, exports, RDF and docs."""
    name: str
    kind: Kind
    level: Level
    term: str                         # CURIE, e.g. "dwc:catalogNumber" or "cat:availability"
    labels: dict[str, str]            # {"en": ..., "zh": ...}
    description: dict[str, str]
    group: str
    vocabulary: str | None = None
    closed: bool = False              # an unknown vocabulary value is an error, not a warning
    core: str | None = None           # the Resource column this field fills, if any
    aliases: tuple[str, ...] = ()     # other names a column may carry: MCPD codes, MIRRI labels, local usage
    mcpd: str | None = None           # the MCPD 2.1 descriptor code, for germplasm exports and headers
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    separator: str = parsing.SEPARATOR

    @property
    def term_uri(self) -> str | None:
        prefix, _, local = self.term.partition(":")
        return NAMESPACES[prefix] + local if prefix in NAMESPACES else None

    @property
    def term_name(self) -> str:
        return self.term.partition(":")[2]

    @property
    def required(self) -> bool:
        return self.level == Level.REQUIRED
