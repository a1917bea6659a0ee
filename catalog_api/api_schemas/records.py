"""Search, records, centers and domain schemas: the read side of the catalogue (catalog_api.records,
citations, centers, schemas). The query parameters come from catalog.search, so limits and field names stay
those the search enforces."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from catalog.enums import CenterStatus, SharingMode
from catalog.search.fields import FACET_FIELDS, FIELDS, RANGE_FIELDS, SORT_FIELDS
from catalog.search.query import MAX_OFFSET, MAX_PAGE_SIZE, RELEVANCE
from catalog.search.service import DEFAULT_FACETS, MAX_POINTS, MAX_SUGGESTIONS
from catalog_api.api_schemas.common import DOMAINS, Document, Links, items_of, moment

NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
FILTER = rf"^({'|'.join(FIELDS)}|attributes\.\w+)="
RANGE = rf"^({'|'.join(RANGE_FIELDS)}):[^,]*,"
SHARING_MODES = [mode.value for mode in SharingMode]
SORTS = [RELEVANCE, *SORT_FIELDS, *(f"-{name}" for name in SORT_FIELDS)]


def _nullable_string(description: str = "") -> fields.String:
    return fields.String(allow_none=True, metadata={"description": description} if description else {})


def _nullable_number(description: str = "") -> fields.Float:
    return fields.Float(allow_none=True, metadata={"description": description} if description else {})


# ---------------------------------------------------------------------- query parameters
class SearchArgs(Schema):
    """The search parameters of catalog.search.params, shared by /api/records and /api/records/points."""

    q = fields.String(metadata={"description": "Words to find in names, taxon, locality and remarks (Chinese or "
                                               "English). With text the default order is relevance."})
    filter = fields.List(fields.String(validate=validate.Regexp(FILTER)), metadata={
        "description": "`field=value`; repeat the parameter for more. Values of one field are alternatives (OR), "
                       f"fields combine (AND). Fields: {', '.join(FIELDS)}, or `attributes.<field>` for a "
                       "domain field that is not free text."})
    range = fields.List(fields.String(validate=validate.Regexp(RANGE)), metadata={
        "description": "`field:low,high`, inclusive, either side may be empty; dates as YYYY, YYYY-MM or YYYY-MM-DD. "
                       f"Fields: {', '.join(RANGE_FIELDS)} (`age_ma` matches records whose geologic age range "
                       "overlaps)."})
    bbox = fields.String(validate=validate.Regexp(rf"^{NUMBER}(,{NUMBER}){{3}}$"), metadata={
        "description": "`south,west,north,east` in decimal degrees; west > east crosses the antimeridian. "
                       "Not with `near`."})
    near = fields.String(validate=validate.Regexp(rf"^{NUMBER}(,{NUMBER}){{2}}$"), metadata={
        "description": "`latitude,longitude,km`: records within km of the point. Not with `bbox`."})
    facet = fields.List(fields.String(validate=validate.OneOf(FACET_FIELDS)), metadata={
        "description": f"Count the values of these fields; repeat for more. Default: {', '.join(DEFAULT_FACETS)}."})
    sort = fields.String(validate=validate.OneOf(SORTS), metadata={
        "description": "A field, `-field` for descending, or `relevance`. Default: relevance with `q`, else id."})
    offset = fields.Integer(validate=validate.Range(0, MAX_OFFSET), metadata={
        "description": f"Hits to skip (at most {MAX_OFFSET}); page further with `cursor`. Not with `cursor`."})
    size = fields.Integer(validate=validate.Range(0, MAX_PAGE_SIZE), metadata={
        "description": "Hits per page; default 20."})
    cursor = fields.String(metadata={
        "description": "`next_cursor` of the previous page: the next page of the same search and sort (no limit "
                       "on depth). Not with `offset`."})


class PointsArgs(SearchArgs):
    limit = fields.Integer(validate=validate.Range(0, MAX_POINTS), metadata={
        "description": f"At most this many points (default and ceiling {MAX_POINTS})."})

    class Meta:
        exclude = ("facet", "offset", "size", "cursor", "sort")


class SuggestArgs(Schema):
    q = fields.String(metadata={"description": "The beginning of a scientific or vernacular name."})
    size = fields.Integer(validate=validate.Range(1, MAX_SUGGESTIONS), metadata={
        "description": f"Suggestions wanted (default 10, at most {MAX_SUGGESTIONS})."})


class CitationArgs(Schema):
    format = fields.String(validate=validate.OneOf(["text", "bibtex", "ris"]), metadata={
        "description": "`text` (default): JSON with the zh and en texts; `bibtex` or `ris`: a file to download."})
    lang = fields.String(validate=validate.OneOf(["en", "zh"]), metadata={
        "description": "Language of a BibTeX or RIS file (default en)."})


# ---------------------------------------------------------------------- search results
class RecordHit(Document):
    """A record as the public search index holds it: restricted records with generalised coordinates and no
    locality; confidential records never."""

    id = fields.String(required=True, metadata={"description": "The platform identifier."})
    version = fields.Integer(required=True)
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    center = fields.String(required=True, metadata={"description": "The holding center's code."})
    sharing_mode = fields.String(required=True, validate=validate.OneOf(SHARING_MODES))
    title_zh = _nullable_string()
    title_en = _nullable_string()
    scientific_name = _nullable_string()
    taxon = _nullable_string()
    vernacular = fields.List(fields.String())
    family = _nullable_string()
    genus = _nullable_string()
    basis_of_record = _nullable_string()
    availability = _nullable_string()
    country_code = _nullable_string("ISO 3166-1 alpha-2.")
    province = _nullable_string("GB/T 2260 code of the province.")
    admin_division = _nullable_string("GB/T 2260 code.")
    geologic_period = _nullable_string()
    locality = _nullable_string()
    year = fields.Integer(allow_none=True)
    event_date = _nullable_string("The first day of the date or period given, YYYY-MM-DD.")
    age_min_ma = _nullable_number("Million years.")
    age_max_ma = _nullable_number("Million years.")
    latitude = _nullable_number()
    longitude = _nullable_number()
    text = _nullable_string("The record's other words, as searched.")
    attributes = fields.Dict(keys=fields.String(), metadata={
        "description": "The domain's fields that are not free text, as filtered with `attributes.<field>`."})
    updated_at = moment("ISO 8601 date and time, UTC, without an offset.", allow_none=True)


class SearchLinks(Links):
    next = fields.String(metadata={"description": "The next page (the same search with `cursor`); absent on the "
                                                  "last page."})


class SearchResult(Document):
    total = fields.Integer(required=True, metadata={"description": "Hits in all, not only on this page."})
    items = fields.List(fields.Nested(RecordHit), required=True)
    facets = fields.Dict(keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.Integer()),
                         required=True, metadata={"description": "Facet field → value → count of hits."})
    highlights = fields.Dict(keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.String()),
                             metadata={"description": "Identifier → field → HTML with the searched words in "
                                                      "<mark>, everything else escaped."})
    next_cursor = fields.String(allow_none=True, metadata={"description": "Pass as `cursor` for the next page; "
                                                                          "null on the last page."})
    links = fields.Nested(SearchLinks, required=True)


class Suggestion(Document):
    value = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["scientific", "vernacular"]))
    count = fields.Integer(required=True, metadata={"description": "Public records carrying the name."})


class Point(Document):
    id = fields.String(required=True)
    lat = fields.Float(required=True)
    lon = fields.Float(required=True)
    title = fields.String(required=True)
    title_en = fields.String(allow_none=True)


class Points(Document):
    points = fields.List(fields.Nested(Point), required=True)
    truncated = fields.Boolean(required=True, metadata={"description": "More records matched than `limit`."})


class SameTaxon(Document):
    total = fields.Integer(required=True)
    items = fields.List(fields.Nested(RecordHit), required=True)
    centers = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class Related(Document):
    same_taxon = fields.Nested(SameTaxon, required=True, metadata={
        "description": "Other public records of the same taxon, in every center."})
    possible_duplicates = fields.List(fields.Nested(RecordHit), required=True, metadata={
        "description": "Records of other centers with the same taxon, date and place."})


# ---------------------------------------------------------------------- one record
class Record(Document):
    """A record as the caller may see it: restricted records generalised for outsiders (0.1° cell, no locality,
    `payload.data_generalizations` says so)."""

    id = fields.String(required=True, metadata={"description": "`<center>-<domain>-<local id>`."})
    identifier = fields.String(required=True)
    uri = fields.String(required=True, metadata={"description": "Its persistent URI (HTML or RDF by content "
                                                                "negotiation)."})
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    center = fields.String(required=True)
    local_id = fields.String(required=True)
    version = fields.Integer(required=True)
    updated_at = moment("ISO 8601 date and time, UTC, without an offset.", allow_none=True)
    name_zh = _nullable_string()
    name_en = _nullable_string()
    scientific_name = _nullable_string()
    country_code = _nullable_string()
    admin_division = _nullable_string()
    locality = _nullable_string()
    decimal_latitude = _nullable_number()
    decimal_longitude = _nullable_number()
    coordinate_uncertainty_m = _nullable_number()
    geodetic_datum = _nullable_string()
    event_date = _nullable_string("ISO 8601 date, reduced precision or interval.")
    preservation_method = _nullable_string()
    preservation_place = _nullable_string()
    preservation_status = _nullable_string()
    availability = _nullable_string()
    sharing_mode = fields.String(required=True, validate=validate.OneOf(SHARING_MODES))
    quantity = _nullable_string()
    licence = _nullable_string()
    rights_holder = _nullable_string()
    quality_flags = fields.List(fields.String(), required=True, metadata={
        "description": "Codes of the warnings validation raised (GBIF-style flags)."})
    payload = fields.Dict(required=True, metadata={"description": "The domain's other fields (see the "
                                                                  "<Domain>Fields schemas)."})


class Citation(Document):
    zh = fields.String(required=True)
    en = fields.String(required=True)


# ---------------------------------------------------------------------- centers and domain schemas
class Center(Document):
    code = fields.String(required=True)
    name_zh = fields.String(required=True)
    name_en = fields.String(required=True)
    domain = fields.String(allow_none=True, validate=validate.OneOf(DOMAINS))
    host_institution_zh = _nullable_string()
    host_institution_en = _nullable_string()
    department_code = _nullable_string("The supervising department.")
    status = fields.String(required=True, validate=validate.OneOf([status.value for status in CenterStatus]))
    is_demo = fields.Boolean(required=True)
    holdings = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True, metadata={
        "description": "Domain → records the caller may see."})


CenterList = items_of(Center, "CenterList")


class DomainSchemaLink(Document):
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    schema = fields.String(required=True, metadata={"description": "URL of the domain's JSON Schema."})


DomainSchemaList = items_of(DomainSchemaLink, "DomainSchemaList")
SuggestionList = items_of(Suggestion, "SuggestionList")
