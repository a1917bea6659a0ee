"""The words and times the sharing screens show: labels of states, steps, types, purposes, documents and
outputs in the page language, and times in China time (UTC+8), where the centers and their users are."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from catalog.sharing.figures import CHINA_TIME
from catalog.sharing.enums import DOCUMENT_KIND_LABELS, REQUEST_STATE_LABELS
from search_ui.screen_errors import language


def request_label(kind: str, code: str | None) -> str:
    """The label of a value of one of the closed sets of sharing requests; the code itself if unknown."""
    if code is None:
        return ""
    code = str(code)
    if kind == "state":
        return REQUEST_STATE_LABELS.get(code, {}).get(language(), code)
    if kind == "document":
        return DOCUMENT_KIND_LABELS.get(code, {}).get(language(), code)
    table = {"type": request_types, "purpose": purposes, "action": actions, "output": output_kinds,
             "event": events}[kind]()
    return table.get(code, code)


def request_types() -> dict[str, str]:
    return {"material": _("Physical material"), "data": _("Data"), "service": _("Custom service")}


def purposes() -> dict[str, str]:
    return {"academic": _("Academic research"), "commercial": _("Commercial use")}


def actions() -> dict[str, str]:
    return {"submit": _("Submit the request"), "start_review": _("Start the review"), "approve": _("Approve"),
            "reject": _("Reject the request"), "quote": _("Send the fee quote"),
            "accept_contract": _("Accept the service contract"), "confirm_payment": _("Confirm the payment"), "ship": _("Mark as shipped"), "deliver": _("Deliver the data"),
            "complete": _("Confirm receipt and complete"), "feedback": _("Send feedback"),
            "cancel": _("Cancel the request")}


def output_kinds() -> dict[str, str]:
    return {"paper": _("Paper"), "patent": _("Patent"), "product": _("Product"), "other": _("Other output")}


def events() -> dict[str, str]:
    """What each entry of a request's history records: its steps, and what accompanies them."""
    done = {"submit": _("Submitted"), "start_review": _("Review started"), "approve": _("Approved"),
            "reject": _("Request rejected"), "quote": _("Fee quoted"), "accept_contract": _("Contract accepted"),
            "confirm_payment": _("Payment confirmed"), "ship": _("Shipped"), "deliver": _("Data delivered"),
            "complete": _("Completed"), "feedback": _("Feedback given"), "cancel": _("Cancelled")}
    return {"create": _("Created at checkout"), "update": _("Details changed"), "message": _("Message posted"),
            "document": _("Document uploaded"), "output": _("Output reported"), **done}


def china_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
