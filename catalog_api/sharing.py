"""/api/cart, /api/requests, /api/notifications, /api/outputs, /api/agreements and the service figures of a
center. Renders documents; who may see or do what, and when, is SharingService's."""
from __future__ import annotations

from datetime import datetime
from functools import wraps
from typing import Any, Callable
from urllib.parse import quote

from flask import Response, url_for

from catalog.enums import Scope
from catalog.models import Notification, Resource
from catalog.sharing.models import Agreement, CartItem, Output, RequestDocument, RequestMessage, SharingRequest
from catalog.sharing.service import RequestDossier
from catalog.sharing.inputs import yuan
from catalog.sharing.figures import CHINA_TIME
from catalog.sharing.enums import DOCUMENT_KIND_LABELS, REQUEST_STATE_LABELS
from catalog.web import current_actor, services, streamed
from catalog_api.api_schemas import sharing as schemas
from catalog_api.api_schemas.submissions import EmptyBody
from catalog_api.callers import require_caller
from catalog_api.openapi import response_headers
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_sharing", __name__, url_prefix="/api", tag="sharing")

SAFE_TYPES = {"application/pdf", "image/png", "image/jpeg"}
# Public reads: the outputs shown on a resource page, and the agreement text a request would have to accept.
PUBLIC_ENDPOINTS = {"api_sharing.resource_outputs", "api_sharing.current_agreement"}
TIMES = ("created_at", "submitted_at", "agreement_accepted_at", "decided_at", "approved_at", "rejected_at",
         "fulfilled_at", "completed_at", "cancelled_at")
# Sharing requests need `share`; SharingService decides who may take which step (requester, the center's
# curators, admins).
SHARE = frozenset({Scope.SHARE})
DETAIL = "The request, with the steps this caller may take now."
NO_CONTENT = "Done; no content."


require_caller(bp, PUBLIC_ENDPOINTS)


def not_found_first(view: Callable) -> Callable:
    """A request the caller may not see is not found, before any complaint about what was sent."""
    @wraps(view)
    def checked(*args, request_id: int, **kwargs):
        services().sharing.get(current_actor(), request_id)
        return view(*args, request_id=request_id, **kwargs)
    return checked


# ---------------------------------------------------------------------- cart
@bp.get("/cart")
@bp.access(Access.SIGNED_IN)
@bp.response(200, schemas.CartItemList, description="The resources collected, from any centers.")
def cart():
    """My cart"""
    return {"items": [_cart_item(item) for item in services().sharing.cart.items(current_actor())]}


@bp.post("/cart/items")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404))
@bp.arguments(schemas.CartAddition)
@bp.response(201, schemas.CartItem, description="The cart item.")
def add_to_cart(body: dict[str, Any]):
    """Add to the cart

    A confidential record never enters a cart (404, or 403 for its own center's curators).
    """
    return _cart_item(services().sharing.cart.add(current_actor(), body["resource"].strip(), body.get("quantity", 1)))


@bp.delete("/cart/items/<path:identifier>")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(404,))
@bp.response(204, description=NO_CONTENT)
def remove_from_cart(identifier: str):
    """Remove from the cart"""
    services().sharing.cart.remove(current_actor(), identifier)
    return Response(status=204)


@bp.delete("/cart")
@bp.access(Access.TOKEN, scopes=SHARE)
@bp.response(204, description=NO_CONTENT)
def clear_cart():
    """Empty the cart"""
    services().sharing.cart.clear(current_actor())
    return Response(status=204)


@bp.post("/cart/checkout")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 409))
@bp.arguments(schemas.RequestDetails)
@bp.response(201, schemas.SharingRequestList, description="One draft request per center of the cart.")
def checkout(details: dict[str, Any]):
    """Check out"""
    return {"items": [_request(r) for r in services().sharing.checkout(current_actor(), details)]}


# ---------------------------------------------------------------------- requests
@bp.get("/requests")
@bp.access(Access.SIGNED_IN, problems=(400,))
@bp.arguments(schemas.RequestFilter, location="query")
@bp.response(200, schemas.SharingRequestList, description="Newest first.")
def list_requests(args: dict[str, Any]):
    """Requests"""
    found = services().sharing.list(current_actor(), scope=args.get("scope", "mine"), state=args.get("state"),
                                    center_code=args.get("center"))
    return {"items": [_request(r) for r in found]}


@bp.get("/requests/<int:request_id>")
@bp.access(Access.SIGNED_IN, problems=(404,))
@bp.response(200, schemas.SharingRequestDetail, description=DETAIL)
def show_request(request_id: int):
    """A request"""
    return _detail(services().sharing.dossier(current_actor(), request_id))


@bp.patch("/requests/<int:request_id>")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404, 409))
@bp.arguments(schemas.RequestDetails)
@bp.response(200, schemas.SharingRequestDetail, description=DETAIL)
def update_request(details: dict[str, Any], request_id: int):
    """Edit a draft"""
    services().sharing.update_draft(current_actor(), request_id, details)
    return _detail(services().sharing.dossier(current_actor(), request_id))


@bp.post("/requests/<int:request_id>/<action>")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404, 409))
@bp.arguments(schemas.StepBody, required=False)
@bp.response(200, schemas.SharingRequestDetail, description=DETAIL)
def act(body: dict[str, Any], request_id: int, action: str):
    """Take a step

    draft -submit→ submitted -start_review→ under_review -approve→ approved; submitted or under_review -reject→
    rejected. Academic: approved -ship→ shipped or -deliver→ delivered. Commercial: approved -quote→ quoted
    -accept_contract→ contracted -confirm_payment→ paid, then ship or deliver. shipped or delivered -complete→
    completed -feedback→ feedback; cancel before shipping. 409 when the step does not fit the state, 403 when
    the caller's part may not take it.
    """
    services().sharing.perform(current_actor(), request_id, action, body)
    return _detail(services().sharing.dossier(current_actor(), request_id))


@bp.get("/requests/<int:request_id>/messages")
@bp.access(Access.SIGNED_IN, problems=(404,))
@bp.response(200, schemas.MessageList, description="Oldest first.")
def messages(request_id: int):
    """Messages of a request"""
    return {"items": [_message(m) for m in services().sharing.attachments.messages(current_actor(), request_id)]}


@bp.post("/requests/<int:request_id>/messages")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404))
@bp.arguments(schemas.MessageBody)
@bp.response(201, schemas.Message, description="The message.")
def post_message(body: dict[str, Any], request_id: int):
    """Write a message"""
    return _message(services().sharing.attachments.post_message(current_actor(), request_id, body["body"]))


@bp.get("/requests/<int:request_id>/documents")
@bp.access(Access.SIGNED_IN, problems=(404,))
@bp.response(200, schemas.RequestDocumentList, description="The documents uploaded.")
def documents(request_id: int):
    """Documents of a request"""
    return {"items": [_document(d) for d in services().sharing.dossier(current_actor(), request_id).documents]}


@bp.post("/requests/<int:request_id>/documents")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404, 409, 413))
@not_found_first
@bp.arguments(schemas.DocumentForm, location="multipart")
@bp.response(201, schemas.RequestDocument, description="The document.")
def upload_document(form: dict[str, Any], request_id: int):
    """Upload a document

    An institutional approval or a laboratory qualification, which strains of risk group 2 or higher need before
    approval.
    """
    file = form["file"]
    return _document(services().sharing.attachments.upload_document(
        current_actor(), request_id, form["kind"], file.filename, file.stream, file.content_type))


@bp.get("/requests/<int:request_id>/documents/<int:document_id>")
@bp.access(Access.SIGNED_IN, problems=(404,))
@bp.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf", headers=response_headers(
    "ContentDisposition"), description="The file; anything but PDF, PNG or JPEG as application/octet-stream.")
@bp.doc(responses={200: {"content": {kind: {"schema": {"type": "string", "format": "binary"}}
                                     for kind in ("image/png", "image/jpeg", "application/octet-stream")}}})
def download_document(request_id: int, document_id: int) -> Response:
    """Download a document"""
    document, handle = services().sharing.attachments.open_document(current_actor(), request_id, document_id)
    # The type is the uploader's claim: anything but a few inert formats goes out as bytes, never as a page.
    mimetype = document.content_type if document.content_type in SAFE_TYPES else "application/octet-stream"
    return streamed(handle, mimetype, headers={
        "Content-Disposition": f"attachment; filename=\"document\"; filename*=UTF-8''{quote(document.file_name)}",
        "X-Content-Type-Options": "nosniff"})


@bp.get("/requests/<int:request_id>/outputs")
@bp.access(Access.SIGNED_IN, problems=(404,))
@bp.response(200, schemas.OutputList, description="Papers, patents and products reported.")
def outputs(request_id: int):
    """Outputs of a request"""
    return {"items": [_output(o) for o in services().sharing.attachments.outputs(current_actor(), request_id)]}


@bp.post("/requests/<int:request_id>/outputs")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404, 409))
@bp.arguments(schemas.OutputReport)
@bp.response(201, schemas.Output, description="The output.")
def report_output(body: dict[str, Any], request_id: int):
    """Report an output"""
    output = services().sharing.attachments.report_output(
        current_actor(), request_id, body["kind"], body["title"], doi=body.get("doi"), number=body.get("number"),
        year=body.get("year"), resources=body.get("resources"))
    return _output(output)


@bp.get("/outputs")
@bp.access(Access.PUBLIC, problems=(400, 404))
@bp.arguments(schemas.ResourceOutputsArgs, location="query")
@bp.response(200, schemas.OutputList, description="The outputs reported with this record.")
def resource_outputs(args: dict[str, Any]):
    """Outputs citing a record"""
    return {"items": [_output(o) for o in services().sharing.attachments.outputs_for_resource(
        current_actor(), args["resource"].strip())]}


# ---------------------------------------------------------------------- notifications, agreements, figures
@bp.get("/notifications")
@bp.access(Access.SIGNED_IN)
@bp.arguments(schemas.NotificationFilter, location="query")
@bp.response(200, schemas.NotificationList, description="Newest first.")
def notifications(args: dict[str, Any]):
    """My notifications"""
    return {"items": [_notification(n) for n in services().sharing.notifications.list(
        current_actor(), unread_only=args.get("unread", False))]}


@bp.post("/notifications/<int:notification_id>/read")
@bp.access(Access.TOKEN, scopes=SHARE, problems=(400, 404))
@bp.arguments(EmptyBody, required=False)
@bp.response(200, schemas.Notification, description="The notification.")
def mark_read(_body: dict[str, Any], notification_id: int):
    """Mark a notification read"""
    return _notification(services().sharing.notifications.mark_read(current_actor(), notification_id))


@bp.get("/agreements/current")
@bp.access(Access.PUBLIC, problems=(400, 404, 409))
@bp.arguments(schemas.AgreementArgs, location="query")
@bp.response(200, schemas.Agreement, description="The agreement a request to this center for this domain must "
             "accept now.")
def current_agreement(args: dict[str, Any]):
    """The agreement in force"""
    return _agreement(services().sharing.agreements.current(args["center"], args["domain"]))


@bp.post("/agreements")
@bp.access(Access.TOKEN, scopes={Scope.SUBMIT, Scope.ADMIN}, problems=(400, 404))
@bp.arguments(schemas.AgreementText)
@bp.response(201, schemas.Agreement, description="The new version.")
def publish_agreement(body: dict[str, Any]):
    """Publish an agreement

    A center's curators publish its agreements; administrators also the platform's.
    """
    return _agreement(services().sharing.agreements.publish(
        current_actor(), body.get("center"), body.get("domain"), body["title_zh"], body["title_en"], body["text_zh"],
        body["text_en"]))


@bp.get("/centers/<code>/service-figures")
@bp.access(Access.SIGNED_IN, problems=(400, 404))
@bp.arguments(schemas.FiguresArgs, location="query")
@bp.response(200, schemas.ServiceFigures, description="Requests, decisions and outputs of the year.")
def service_figures(args: dict[str, Any], code: str):
    """A center's service figures

    For the center's curators, its department's reviewers and administrators (403 for others).
    """
    year = args.get("year") or datetime.now(CHINA_TIME).year
    return services().sharing.service_figures(current_actor(), code, year)


# ---------------------------------------------------------------------- rendering
def _request(shared: SharingRequest) -> dict[str, Any]:
    return {"id": shared.id, "state": shared.state.value, "state_label": REQUEST_STATE_LABELS[shared.state],
            "request_type": shared.request_type.value, "purpose": shared.purpose.value,
            "center": {"code": shared.center.code, "name_zh": shared.center.name_zh,
                       "name_en": shared.center.name_en},
            "requester": shared.requester.username, "project": shared.project, "funding": shared.funding,
            "intended_use": shared.intended_use, "shipping_address": shared.shipping_address,
            "rejection_reason": shared.rejection_reason, "cancel_reason": shared.cancel_reason,
            "items": [dict(_resource(item.resource), quantity=item.quantity) for item in shared.items],
            "times": {name: _iso(getattr(shared, name)) for name in TIMES},
            "feedback": ({"rating": shared.feedback_rating, "text": shared.feedback_text}
                         if shared.feedback_rating else None),
            "citation": shared.citation_text,
            "links": {"self": url_for(".show_request", request_id=shared.id)}}


def _detail(dossier: RequestDossier) -> dict[str, Any]:
    shared, quote, delivery = dossier.request, dossier.quote, dossier.delivery
    links = {"self": url_for(".show_request", request_id=shared.id),
             "messages": url_for(".messages", request_id=shared.id),
             "documents": url_for(".documents", request_id=shared.id),
             "outputs": url_for(".outputs", request_id=shared.id)}
    links.update({action: url_for(".act", request_id=shared.id, action=action) for action in dossier.actions})
    return _request(shared) | {
        "actions": dossier.actions,
        "agreements": [_agreement(t.agreement) | {"domain": t.domain.value, "accepted_at": _iso(t.accepted_at)}
                       for t in dossier.agreements],
        "quote": None if quote is None else {
            "currency": quote.currency, "total": yuan(quote.total_fen), "note": quote.note,
            "line_items": [{"description": line["description"], "amount": yuan(line["amount_fen"])}
                           for line in quote.line_items],
            "quoted_at": _iso(quote.quoted_at), "contract_accepted_at": _iso(quote.contract_accepted_at),
            "payment_confirmed_at": _iso(quote.payment_confirmed_at), "payment_reference": quote.payment_reference},
        "delivery": None if delivery is None else {
            "carrier": delivery.carrier, "tracking_number": delivery.tracking_number,
            "data_link": delivery.data_link, "note": delivery.note, "at": _iso(delivery.at)},
        "documents": [_document(d) for d in dossier.documents],
        "documents_required": [kind.value for kind in dossier.documents_required],
        "documents_missing": [kind.value for kind in dossier.documents_missing],
        "links": links}


def _resource(resource: Resource) -> dict[str, Any]:
    return {"resource": resource.identifier, "domain": resource.domain.value, "center": resource.center.code,
            "name_zh": resource.name_zh, "name_en": resource.name_en, "scientific_name": resource.scientific_name,
            "sharing_mode": resource.sharing_mode.value,
            "uri": f"{services().settings.base_url}/resources/{resource.identifier}"}


def _cart_item(item: CartItem) -> dict[str, Any]:
    return _resource(item.resource) | {"quantity": item.quantity, "added_at": _iso(item.added_at)}


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {"id": agreement.id, "version": agreement.version, "scope": "center" if agreement.center_id else "platform",
            "title_zh": agreement.title_zh, "title_en": agreement.title_en, "text_zh": agreement.text_zh,
            "text_en": agreement.text_en, "published_at": _iso(agreement.created_at)}


def _message(message: RequestMessage) -> dict[str, Any]:
    return {"id": message.id, "author": message.author_name, "body": message.body, "at": _iso(message.created_at)}


def _document(document: RequestDocument) -> dict[str, Any]:
    return {"id": document.id, "kind": document.kind.value, "kind_label": DOCUMENT_KIND_LABELS[document.kind],
            "file": document.file_name, "size": document.size_bytes, "sha256": document.sha256,
            "uploaded_at": _iso(document.uploaded_at),
            "link": url_for(".download_document", request_id=document.request_id, document_id=document.id)}


def _output(output: Output) -> dict[str, Any]:
    return {"id": output.id, "request": output.request_id, "kind": output.kind.value, "title": output.title,
            "doi": output.doi, "number": output.number, "year": output.year,
            "resources": [link.resource.identifier for link in output.resources],
            "reported_at": _iso(output.reported_at)}


def _notification(notification: Notification) -> dict[str, Any]:
    return {"id": notification.id, "event": notification.event, "request": notification.request_id,
            "subject": {"zh": notification.subject_zh, "en": notification.subject_en},
            "body": {"zh": notification.body_zh, "en": notification.body_en},
            "created_at": _iso(notification.created_at), "read_at": _iso(notification.read_at),
            "emailed_at": _iso(notification.emailed_at)}


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat()


