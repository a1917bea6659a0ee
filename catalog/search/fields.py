"""The fields of a public index document that searches filter, facet and sort on: declared once here,
for both engines (SQLite columns, Elasticsearch mapping), the API and the UI's labels.

Domain fields beyond these stay in the document's `attributes` (typed by the schema declarations) and
are filterable as `attributes.<name>`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from schemas.mappings import index_fields_all

Kind = Literal["keyword", "integer", "float", "date"]


@dataclass(frozen=True)
class SearchField:
    name: str
    kind: Kind
    label_en: str
    label_zh: str
    vocabulary: str | None = None  # facet values are concept codes of this vocabulary
    facet: bool = True
    sortable: bool = True

    @property
    def ranged(self) -> bool:
        return self.kind != "keyword"


FIELDS: dict[str, SearchField] = {f.name: f for f in (
    SearchField("id", "keyword", "Identifier", "标识符", facet=False),
    SearchField("domain", "keyword", "Resource domain", "资源类别", vocabulary="domain"),
    SearchField("center", "keyword", "Center", "资源库"),
    SearchField("sharing_mode", "keyword", "Sharing mode", "共享方式", vocabulary="sharing_mode"),
    SearchField("availability", "keyword", "Availability", "可获得性"),
    SearchField("taxon", "keyword", "Scientific name", "学名"),
    SearchField("family", "keyword", "Family", "科"),
    SearchField("genus", "keyword", "Genus", "属"),
    SearchField("basis_of_record", "keyword", "Basis of record", "记录类型", vocabulary="basis_of_record"),
    SearchField("country_code", "keyword", "Country", "国家或地区", vocabulary="country"),
    SearchField("province", "keyword", "Province", "省级行政区", vocabulary="admin_division"),
    SearchField("admin_division", "keyword", "Administrative division", "行政区划", vocabulary="admin_division"),
    SearchField("geologic_period", "keyword", "Geologic period", "地质年代（纪）", vocabulary="chronostratigraphy"),
    SearchField("year", "integer", "Year", "年份"),
    SearchField("event_date", "date", "Date collected or acquired", "采集或获取日期", facet=False),
    SearchField("latitude", "float", "Latitude", "纬度", facet=False),
    SearchField("longitude", "float", "Longitude", "经度", facet=False),
    SearchField("age_min_ma", "float", "Minimum age (Ma)", "最小年龄（百万年）", facet=False),
    SearchField("age_max_ma", "float", "Maximum age (Ma)", "最大年龄（百万年）", facet=False),
    SearchField("updated_at", "date", "Last updated", "最近更新", facet=False),
)}

# Facets that count ranges of a numeric field instead of its values: name → (field, interval).
HISTOGRAMS: dict[str, tuple[str, int]] = {"decade": ("year", 10)}

# A range over geologic time: a record matches when its [age_min_ma, age_max_ma] overlaps the asked range.
AGE_RANGE = "age_ma"

# Free-text fields, with their weight in relevance ranking.
TEXT_FIELDS: dict[str, float] = {"title_zh": 4.0, "title_en": 4.0, "scientific_name": 3.0, "vernacular": 3.0,
                                 "locality": 2.0, "text": 1.0}

ATTRIBUTE_PREFIX = "attributes."
ATTRIBUTE_TYPES = {name: kind for name, kind in index_fields_all().items() if kind != "text"}

KEYWORD_FIELDS = tuple(name for name, f in FIELDS.items() if f.kind == "keyword")
FACET_FIELDS = tuple(name for name, f in FIELDS.items() if f.facet) + tuple(HISTOGRAMS)
SORT_FIELDS = tuple(name for name, f in FIELDS.items() if f.sortable)
RANGE_FIELDS = tuple(name for name, f in FIELDS.items() if f.ranged) + (AGE_RANGE,)
FACET_SIZE = 100


def attribute_name(field: str) -> str | None:
    """`attributes.genus` → "genus" when that attribute is declared and not free text, else None."""
    if field.startswith(ATTRIBUTE_PREFIX):
        name = field[len(ATTRIBUTE_PREFIX):]
        return name if name in ATTRIBUTE_TYPES else None
    return None


def filter_value(field: str, value: str) -> int | float | bool | str:
    """A filter value as the field's type: "2019" → 2019 for integers; raises ValueError when it is not one
    (and KeyError for a field that is neither a search field nor a declared attribute)."""
    kind: str  # a search field's Kind, or an attribute's index type
    if field in FIELDS:
        kind = FIELDS[field].kind
    else:
        name = attribute_name(field)
        if name is None:
            raise KeyError(field)
        kind = ATTRIBUTE_TYPES[name]
    if kind in ("integer", "long"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "boolean":
        lowered = str(value).lower()
        if lowered not in ("true", "false"):
            raise ValueError(f"{field} takes true or false, not {value!r}")
        return lowered == "true"
    return str(value)
