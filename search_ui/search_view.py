"""The results page's parts: the query from the URL (the API's parameters), facet titles and value labels
in the reader's language, removable filter chips, and links that change one thing of the search."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

import vocabularies
from catalog.enums import DOMAIN_LABELS, SHARING_MODE_LABELS
from catalog.search.fields import FIELDS
from catalog.search.params import parse_range, query_from
from catalog.search.query import MAX_OFFSET, Query

PAGE_SIZE = 20
FACETS = ("domain", "center", "sharing_mode", "availability", "basis_of_record", "family", "genus", "province",
          "geologic_period", "decade")
FACET_VALUES_SHOWN = 12
FIXED_LABELS = {"domain": DOMAIN_LABELS, "sharing_mode": SHARING_MODE_LABELS,
                "availability": {"available": {"zh": "可提供", "en": "Available"},
                                 "limited": {"zh": "有限提供", "en": "Limited"},
                                 "unavailable": {"zh": "暂不可提供", "en": "Unavailable"}}}


def query_from_request() -> tuple[Query, int]:
    """The Query of the results page and its page number (pages by offset up to the hard limit)."""
    page = max(request.args.get("page", 1, type=int), 1)
    args = MultiDict(request.args)
    args.setlist("offset", [str(min((page - 1) * PAGE_SIZE, MAX_OFFSET))] if not args.get("cursor") else [])
    return query_from(args.get, args.getlist, default_facets=FACETS, size=PAGE_SIZE), page


def facet_title(name: str, language: str) -> str:
    if name == "decade":
        return _("Decade")
    field = FIELDS[name]
    return field.label_zh if language == "zh" else field.label_en


def value_label(name: str, value: str | None, language: str, centers: dict[str, Any] | None = None) -> str:
    """A facet or filter value as people read it: vocabulary labels, center names, decades."""
    if value is None:
        return ""
    if name in FIXED_LABELS:
        return FIXED_LABELS[name].get(value, {}).get(language, value)
    if name == "center" and centers and value in centers:
        return centers[value]
    if name == "decade":
        return _("%(decade)ss", decade=value)
    vocabulary = FIELDS[name].vocabulary if name in FIELDS else None
    concept = vocabularies.get(vocabulary).get(value) if vocabulary else None
    return concept.label(language) if concept else value


def link(drop: tuple[str, str] | None = None, add: tuple[str, str] | None = None, **replace: Any) -> str:
    """This page's URL with one parameter value dropped or added, or parameters replaced (None removes);
    any change but paging starts again at the first page."""
    args = MultiDict(request.args)
    if drop:
        args.setlist(drop[0], [value for value in args.getlist(drop[0]) if value != drop[1]])
    if add and add[1] not in args.getlist(add[0]):
        args.add(*add)
    for name, value in replace.items():
        args.setlist(name, [] if value is None else [str(value)])
    if "page" not in replace and "cursor" not in replace:
        args.setlist("page", [])
        args.setlist("cursor", [])
    return url_for("pages.search", **args.to_dict(flat=False))


def facet_link(name: str, value: str) -> tuple[str, bool]:
    """The link that toggles a facet value, and whether it is active now."""
    if name == "decade":
        item = f"year:{value},{int(value) + 9}"
        active = item in request.args.getlist("range")
        return link(drop=("range", item)) if active else link(add=("range", item)), active
    item = f"{name}={value}"
    active = item in request.args.getlist("filter")
    return link(drop=("filter", item)) if active else link(add=("filter", item)), active


@dataclass(frozen=True)
class Chip:
    text: str
    remove: str


def active_filters(language: str, centers: dict[str, Any]) -> list[Chip]:
    chips = []
    for item in request.args.getlist("filter"):
        name, _equals, value = item.partition("=")
        title = facet_title(name, language) if name in FIELDS else name
        chips.append(Chip(f"{title}: {value_label(name, value, language, centers)}", link(drop=("filter", item))))
    for item in request.args.getlist("range"):
        name, bounds = parse_range(item)
        title = facet_title(name, language) if name in FIELDS else _("Geologic age (Ma)")
        chips.append(Chip(f"{title}: {bounds.low or '…'} – {bounds.high or '…'}", link(drop=("range", item))))
    for name in ("bbox", "near"):
        if request.args.get(name):
            title = _("Map area") if name == "bbox" else _("Near")
            chips.append(Chip(f"{title}: {request.args[name]}", link(**{name: None})))
    return chips


def sort_labels() -> dict[str, str]:
    return {"": _("Relevance"), "-updated_at": _("Recently updated"), "-year": _("Year, newest first"),
            "year": _("Year, oldest first"), "taxon": _("Scientific name"),
            "-age_max_ma": _("Geologic age, oldest first")}


def top_values(facets: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """The most frequent values of each facet; decades in time order."""
    shown = {}
    for name, buckets in facets.items():
        values = sorted(buckets.items()) if name == "decade" else list(buckets.items())
        shown[name] = values[:FACET_VALUES_SHOWN]
    return shown


def year_range() -> tuple[str, str]:
    for item in request.args.getlist("range"):
        if item.startswith("year:"):
            low, _comma, high = item[len("year:"):].partition(",")
            return low, high
    return "", ""


def year_range_link(low: str, high: str) -> str:
    """The canonical URL for the year boxes of the form: one `range=year:LOW,HIGH` parameter."""
    args = MultiDict(request.args)
    for name in ("year_from", "year_to", "page", "cursor"):
        args.setlist(name, [])
    args.setlist("range", [item for item in args.getlist("range") if not item.startswith("year:")])
    if low.strip() or high.strip():
        args.add("range", f"year:{low.strip()},{high.strip()}")
    return url_for("pages.search", **args.to_dict(flat=False))
