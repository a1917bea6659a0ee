"""The sharing screens: the request cart, checkout, the request form with its agreements and documents, the
requester's and the curators' lists, a request's page with the steps its viewer may take now, and the in-app
notifications. Every call goes to SharingService, which decides who may see and do what (and answers NotFound
for a request that does not concern the viewer); these views only read forms and render."""
from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.enums import Role, SharingMode
from catalog.errors import CatalogError, InvalidInput, NotFound, PayloadTooLarge, Unauthenticated
from catalog.sharing.attachments import DOCUMENT_STATES, OUTPUT_STATES
from catalog.sharing.cart import RequestDetails
from catalog.sharing.history import RequestHistory
from catalog.sharing.inputs import yuan
from catalog.sharing.states import Party
from catalog.sharing.enums import OutputKind, Purpose, RequestState, RequestType
from catalog.web import current_actor, services
from search_ui import request_forms, screen_errors
from search_ui.request_labels import china_time, request_label
from search_ui.screen_errors import language, wants_json

bp = Blueprint("requesting", __name__, template_folder="templates")


# ---------------------------------------------------------------------- shared by every page
@bp.app_context_processor
def sharing_context() -> dict[str, Any]:
    """What base.html and the record page need: the header links with the unread count, whether the record
    shown may be requested, and the outputs reported for it."""
    actor = current_actor()

    def unread_notifications() -> int:
        return len(services().sharing.notifications.list(actor, unread_only=True)) if actor.user_id else 0

    def may_request_record(record: dict[str, Any]) -> bool:
        # The page was shown, so the viewer may see the record; only confidentiality stops a request.
        return actor.user_id is not None and record.get("sharing_mode") != SharingMode.CONFIDENTIAL

    def resource_outputs(identifier: str) -> list:
        return services().sharing.attachments.outputs_for_resource(actor, identifier)
    return {"unread_notifications": unread_notifications, "may_request_record": may_request_record,
            "resource_outputs": resource_outputs, "request_label": request_label, "china_time": china_time,
            "yuan": yuan, "quote_lines": request_forms.QUOTE_LINES,
            "curates_requests": bool(actor.roles & {Role.CURATOR, Role.ADMIN})}


@bp.before_request
def _require_sign_in():
    if not current_actor().is_authenticated:
        raise Unauthenticated("Please sign in to request resources.", "请先登录，再申请资源。")


def show_error(error: CatalogError):
    """A problem with a form goes back, as a flash message, to the page the form came from; anything else is
    shown as the submission screens show it (a page, the sign-in page, a 404 for what the viewer may not see)."""
    if request.method == "POST" and not wants_json() and not isinstance(error, (NotFound, Unauthenticated)):
        flash(error.message[language()], "error")
        return redirect(back())
    return screen_errors.show_error(error)


bp.register_error_handler(CatalogError, show_error)
bp.register_error_handler(RequestEntityTooLarge,
                          lambda _error: show_error(PayloadTooLarge.over(request.max_content_length)))
bp.register_error_handler(CSRFError, lambda _error: show_error(InvalidInput(
    "The form had expired or came from another site; it was not sent. Please try again.",
    "表单已过期或来自其他网站，未被提交。请重试。", field="csrf_token")))


def back() -> str:
    """Where a form returns: its `next` field when that is a path on this site, else the request's page."""
    try:
        target = request.form.get("next", "")
    except RequestEntityTooLarge:  # the body that was too large to read holds the field too
        target = ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    request_id = (request.view_args or {}).get("request_id")
    return url_for(".show_request", request_id=request_id) if request_id else url_for(".cart")


# ---------------------------------------------------------------------- cart and checkout
@bp.get("/cart")
def cart():
    items = services().sharing.cart.items(current_actor())
    groups = [list(rows) for _center, rows in groupby(items, key=lambda item: item.resource.center_id)]
    return render_template("cart.html", groups=groups, types=RequestType, purposes=Purpose)


@bp.post("/cart/items")
def add_to_cart():
    identifier = (request.form.get("resource") or "").strip()
    if not identifier:
        raise InvalidInput("Name the resource to add to the cart.", "请指明要加入申请单的资源。", field="resource")
    item = services().sharing.cart.add(current_actor(), identifier,
                                       request_forms.whole_number(request.form.get("quantity") or "1"))
    flash(_("%(identifier)s is in your request cart (quantity %(quantity)s).", identifier=identifier,
            quantity=item.quantity), "info")
    return redirect(back())


@bp.post("/cart/remove")
def remove_from_cart():
    identifier = request.form.get("resource") or ""
    services().sharing.cart.remove(current_actor(), identifier)
    flash(_("%(identifier)s was removed from your request cart.", identifier=identifier), "info")
    return redirect(url_for(".cart"))


@bp.post("/cart/checkout")
def checkout():
    drafts = services().sharing.checkout(current_actor(), request_forms.details(request.form))
    flash(_("Checkout made %(count)s draft requests, one per center. Read each center's agreement and submit "
            "each request.", count=len(drafts)), "info")
    return redirect(url_for(".edit_request", request_id=drafts[0].id))


# ---------------------------------------------------------------------- the request form of a draft
@bp.get("/requests/<int:request_id>/edit")
def edit_request(request_id: int):
    actor = current_actor()
    dossier = services().sharing.dossier(actor, request_id)
    if dossier.request.state != RequestState.DRAFT:
        return redirect(url_for(".show_request", request_id=request_id))
    others = [r for r in services().sharing.list(actor, state=RequestState.DRAFT.value) if r.id != request_id]
    return render_template("request_form.html", dossier=dossier, shared=dossier.request, other_drafts=others,
                           types=RequestType, purposes=Purpose, may_upload=documents_open(dossier))


@bp.post("/requests/<int:request_id>/edit")
def save_request(request_id: int):
    """Save the draft's details; with the submit button, also accept the agreements and submit it."""
    actor = current_actor()
    draft, wanted = services().sharing.get(actor, request_id), request_forms.details(request.form)
    # Only a real change is saved, so the request's audit trail does not record an edit nobody made.
    if RequestDetails.parse(wanted) != RequestDetails.parse({name: getattr(draft, name) for name in wanted}):
        services().sharing.update_draft(actor, request_id, wanted)
    if request.form.get("send") != "submit":
        flash(_("The draft was saved."), "info")
        return redirect(url_for(".edit_request", request_id=request_id))
    services().sharing.perform(actor, request_id, "submit", request_forms.step_body("submit", request.form))
    flash(_("Request %(id)s was submitted to the center.", id=request_id), "info")
    return redirect(url_for(".show_request", request_id=request_id))


@bp.post("/requests/<int:request_id>/documents")
def upload_document(request_id: int):
    file = request.files.get("file")
    if file is None or not file.filename:
        raise InvalidInput("Choose the document to upload.", "请选择要上传的证明文件。", field="file")
    document = services().sharing.attachments.upload_document(current_actor(), request_id, request.form.get("kind"),
                                                              file.filename, file.stream, file.content_type)
    flash(_("%(file)s was uploaded.", file=document.file_name), "info")
    return redirect(back())


# ---------------------------------------------------------------------- lists
@bp.get("/requests")
def my_requests():
    state = request.args.get("state") or None
    shown = services().sharing.list(current_actor(), scope="mine", state=state)
    return render_template("requests.html", requests=shown, state=state, states=list(RequestState))


@bp.get("/requests/queue")
def queue():
    """The requests to the centers the viewer curates, grouped by state, each with the steps they may take."""
    actor = current_actor()
    state = request.args.get("state") or None
    found = services().sharing.list(actor, scope="center", state=state)
    dossiers = [services().sharing.dossier(actor, r.id) for r in found]
    order = list(RequestState)
    dossiers.sort(key=lambda d: (order.index(d.request.state), -d.request.id))
    groups = [(group_state, list(rows)) for group_state, rows in groupby(dossiers, key=lambda d: d.request.state)]
    return render_template("request_queue.html", groups=groups, state=state, states=order[1:])


# ---------------------------------------------------------------------- one request
@bp.get("/requests/<int:request_id>")
def show_request(request_id: int):
    actor = current_actor()
    sharing = services().sharing
    dossier = sharing.dossier(actor, request_id)
    shared = dossier.request
    requester = Party.REQUESTER in dossier.standing
    return render_template(
        "request.html", dossier=dossier, shared=shared, requester=requester,
        history=RequestHistory(services().session_factory).entries(actor, request_id),
        messages=sharing.attachments.messages(actor, request_id),
        outputs=sharing.attachments.outputs(actor, request_id), may_upload=documents_open(dossier),
        may_report=requester and shared.state in OUTPUT_STATES, output_kinds=OutputKind)


def documents_open(dossier) -> bool:
    """Whether the requester should be offered the document upload now (the service checks it again)."""
    return (Party.REQUESTER in dossier.standing and bool(dossier.documents_required)
            and dossier.request.state in DOCUMENT_STATES)


@bp.post("/requests/<int:request_id>/actions/<action>")
def take_step(request_id: int, action: str):
    body = request_forms.step_body(action, request.form)
    shared = services().sharing.perform(current_actor(), request_id, action, body)
    flash(_("Request %(id)s: %(step)s — now %(state)s.", id=request_id, step=request_label("action", action),
            state=request_label("state", shared.state)), "info")
    return redirect(back())


@bp.post("/requests/<int:request_id>/messages")
def post_message(request_id: int):
    services().sharing.attachments.post_message(current_actor(), request_id, request.form.get("body"))
    flash(_("Your message was sent."), "info")
    return redirect(url_for(".show_request", request_id=request_id) + "#messages")


@bp.post("/requests/<int:request_id>/outputs")
def report_output(request_id: int):
    output = services().sharing.attachments.report_output(current_actor(), request_id,
                                                          **request_forms.output(request.form))
    flash(_("Thank you: “%(title)s” is recorded as an output of this request.", title=output.title), "info")
    return redirect(url_for(".show_request", request_id=request_id) + "#outputs")


# ---------------------------------------------------------------------- notifications
@bp.get("/notifications")
def notifications():
    return render_template("notifications.html", notifications=services().sharing.notifications.list(
        current_actor(), unread_only=request.args.get("unread") == "1"))


@bp.post("/notifications/<int:notification_id>/read")
def read_notification(notification_id: int):
    """Mark a notification read; with `open`, go on to its request."""
    notification = services().sharing.notifications.mark_read(current_actor(), notification_id)
    if request.form.get("open") and notification.request_id:
        return redirect(url_for(".show_request", request_id=notification.request_id))
    return redirect(url_for(".notifications"))
