"""How the sharing screens' form fields become the arguments of SharingService calls. Values pass through as
typed, so the service's own checks (and their bilingual messages) judge them; only numbers are converted."""
from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

DETAIL_FIELDS = ("request_type", "purpose", "project", "funding", "intended_use", "shipping_address")
# The form fields each step takes; steps missing here take none. Submitting and quoting are built apart.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "reject": ("reason",), "confirm_payment": ("reference",), "ship": ("tracking_number", "carrier", "note"),
    "deliver": ("data_link", "note"), "feedback": ("rating", "text"), "cancel": ("reason",)}
QUOTE_LINES = 3  # empty rows the quote form offers; rows left blank are ignored


def details(form: MultiDict[str, str]) -> dict[str, Any]:
    """The request details of the checkout and draft forms."""
    return {name: form.get(name) for name in DETAIL_FIELDS}


def step_body(action: str, form: MultiDict[str, str]) -> dict[str, Any]:
    """The body SharingService.perform() takes for `action`, from the fields of its form."""
    if action == "submit":
        return {"accept_agreements": [whole_number(value) for value in form.getlist("accept_agreements")]}
    if action == "quote":
        lines = [{"description": description, "amount": amount.strip()} for description, amount
                 in zip(form.getlist("line_description"), form.getlist("line_amount"))
                 if description.strip() or amount.strip()]
        return {"line_items": lines, "note": form.get("note")}
    body = {name: form.get(name) for name in STEP_FIELDS.get(action, ()) if name in form}
    if "rating" in body:
        body["rating"] = whole_number(body["rating"])
    return body


def output(form: MultiDict[str, str]) -> dict[str, Any]:
    """The keyword arguments of AttachmentService.report_output()."""
    year = form.get("year", "").strip()
    return {"kind": form.get("kind"), "title": form.get("title"), "doi": form.get("doi"),
            "number": form.get("number"), "year": whole_number(year) if year else None,
            "resources": form.getlist("resources")}


def whole_number(value: str) -> int | str:
    """An int when the text is one; otherwise the text itself, for the service to refuse by name."""
    text = value.strip()
    return int(text) if text.isdigit() else text
