"""/api/cart, /api/requests, /api/notifications, /api/outputs, /api/agreements and the service figures of a
center. Parses requests and renders documents; who may see or do what, and when, is SharingService's."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from flask import Blueprint, jsonify, request, url_for

from catalog.errors import InvalidInput
from catalog.models import Notification, Resource
from catalog.sharing.models import Agreement, CartItem, Output, RequestDocument, RequestMessage, SharingRequest
from catalog.sharing.service import RequestDossier
from catalog.sharing.inputs import yuan
from catalog.sharing.figures import CHINA_TIME
from catalog.sharing.enums import DOCUMENT_KIND_LABELS, REQUEST_STATE_LABELS
from catalog.web import current_actor, services, streamed
from catalog_api.callers import require_caller
from catalog_api.bodies import json_body

bp = Blueprint("api_sharing", __name__, url_prefix="/api")

SAFE_TYPES = {"application/pdf", "image/png", "image/jpeg"}
# Public reads: the outputs shown on a resource page, and the agreement text a request would have to accept.
PUBLIC_ENDPOINTS = {"api_sharing.resource_outputs", "api_sharing.current_agreement"}
TIMES = ("created_at", "submitted_at", "agreement_accepted_at", "decided_at", "approved_at", "rejected_at",
         "fulfilled_at", "completed_at", "cancelled_at")


require_caller(bp, PUBLIC_ENDPOINTS)


# ---------------------------------------------------------------------- cart
@bp.get("/cart")
def cart():
    return jsonify({"items": [_cart_item(item) for item in services().sharing.cart.items(current_actor())]})


@bp.post("/cart/items")
def add_to_cart():
    body = json_body("resource", "quantity")
    if not isinstance(body.get("resource"), str) or not body["resource"].strip():
        raise InvalidInput("Name the resource to add: {\"resource\": \"<identifier>\"}.",
                           "请指明要添加的资源：{\"resource\": \"<资源编号>\"}。", field="resource")
    item = services().sharing.cart.add(current_actor(), body["resource"].strip(), body.get("quantity", 1))
    return jsonify(_cart_item(item)), 201


@bp.delete("/cart/items/<path:identifier>")
def remove_from_cart(identifier: str):
    services().sharing.cart.remove(current_actor(), identifier)
    return "", 204


@bp.delete("/cart")
def clear_cart():
    services().sharing.cart.clear(current_actor())
    return "", 204


@bp.post("/cart/checkout")
def checkout():
    created = services().sharing.checkout(current_actor(), json_body(None))
    return jsonify({"items": [_request(r) for r in created]}), 201


# ---------------------------------------------------------------------- requests
@bp.get("/requests")
def list_requests():
    found = services().sharing.list(current_actor(), scope=request.args.get("scope", "mine"),
                                    state=request.args.get("state") or None,
                                    center_code=request.args.get("center") or None)
    return jsonify({"items": [_request(r) for r in found]})


@bp.get("/requests/<int:request_id>")
def show_request(request_id: int):
    return jsonify(_detail(services().sharing.dossier(current_actor(), request_id)))


@bp.patch("/requests/<int:request_id>")
def update_request(request_id: int):
    services().sharing.update_draft(current_actor(), request_id, json_body(None))
    return jsonify(_detail(services().sharing.dossier(current_actor(), request_id)))


@bp.post("/requests/<int:request_id>/<action>")
def act(request_id: int, action: str):
    services().sharing.perform(current_actor(), request_id, action, json_body(None))
    return jsonify(_detail(services().sharing.dossier(current_actor(), request_id)))


@bp.get("/requests/<int:request_id>/messages")
def messages(request_id: int):
    return jsonify({"items": [_message(m) for m in services().sharing.attachments.messages(current_actor(),
                                                                                           request_id)]})


@bp.post("/requests/<int:request_id>/messages")
def post_message(request_id: int):
    body = json_body("body")
    return jsonify(_message(services().sharing.attachments.post_message(current_actor(), request_id,
                                                                        body.get("body")))), 201


@bp.get("/requests/<int:request_id>/documents")
def documents(request_id: int):
    return jsonify({"items": [_document(d) for d in services().sharing.dossier(current_actor(), request_id).documents]})


@bp.post("/requests/<int:request_id>/documents")
def upload_document(request_id: int):
    services().sharing.get(current_actor(), request_id)  # not found comes before any complaint about the form
    if request.mimetype != "multipart/form-data":
        raise InvalidInput("Send the document as multipart/form-data with the fields 'file' and 'kind'.",
                           "请以 multipart/form-data 格式上传，包含 file 和 kind 字段。", field="file")
    unknown = sorted((set(request.form) | set(request.files)) - {"file", "kind"})
    if unknown:
        raise InvalidInput(f"Unknown field(s): {', '.join(unknown)}; the fields are file and kind.",
                           f"未知字段：{'、'.join(unknown)}；可用字段为 file 和 kind。", field=unknown[0])
    file = request.files.get("file")
    if file is None or not file.filename:
        raise InvalidInput("Send the document in the field 'file'.", "请在 file 字段中上传文件。", field="file")
    document = services().sharing.attachments.upload_document(current_actor(), request_id, request.form.get("kind"),
                                                              file.filename, file.stream, file.content_type)
    return jsonify(_document(document)), 201


@bp.get("/requests/<int:request_id>/documents/<int:document_id>")
def download_document(request_id: int, document_id: int):
    document, handle = services().sharing.attachments.open_document(current_actor(), request_id, document_id)
    # The type is the uploader's claim: anything but a few inert formats goes out as bytes, never as a page.
    mimetype = document.content_type if document.content_type in SAFE_TYPES else "application/octet-stream"
    return streamed(handle, mimetype, headers={
        "Content-Disposition": f"attachment; filename=\"document\"; filename*=UTF-8''{quote(document.file_name)}",
        "X-Content-Type-Options": "nosniff"})


@bp.get("/requests/<int:request_id>/outputs")
def outputs(request_id: int):
    return jsonify({"items": [_output(o) for o in services().sharing.attachments.outputs(current_actor(),
                                                                                         request_id)]})


@bp.post("/requests/<int:request_id>/outputs")
def report_output(request_id: int):
    body = json_body("kind", "title", "doi", "number", "year", "resources")
    resources = body.get("resources")
    if resources is not None and (not isinstance(resources, list) or not all(isinstance(r, str) for r in resources)):
        raise InvalidInput("resources must list resource identifiers.", "resources 须列出资源编号。", field="resources")
    output = services().sharing.attachments.report_output(
        current_actor(), request_id, body.get("kind"), body.get("title"), doi=body.get("doi"),
        number=body.get("number"), year=body.get("year"), resources=resources)
    return jsonify(_output(output)), 201


@bp.get("/outputs")
def resource_outputs():
    identifier = (request.args.get("resource") or "").strip()
    if not identifier:
        raise InvalidInput("Name the resource: /api/outputs?resource=<identifier>.",
                           "请指明资源：/api/outputs?resource=<资源编号>。", field="resource")
    return jsonify({"items": [_output(o) for o in services().sharing.attachments.outputs_for_resource(
        current_actor(), identifier)]})


# ---------------------------------------------------------------------- notifications, agreements, figures
@bp.get("/notifications")
def notifications():
    unread = request.args.get("unread", "false").lower() in ("1", "true", "yes")
    return jsonify({"items": [_notification(n) for n in services().sharing.notifications.list(
        current_actor(), unread_only=unread)]})


@bp.post("/notifications/<int:notification_id>/read")
def mark_read(notification_id: int):
    json_body()
    return jsonify(_notification(services().sharing.notifications.mark_read(current_actor(), notification_id)))


@bp.get("/agreements/current")
def current_agreement():
    center, domain = request.args.get("center") or "", request.args.get("domain") or ""
    return jsonify(_agreement(services().sharing.agreements.current(center, domain)))


@bp.post("/agreements")
def publish_agreement():
    body = json_body("center", "domain", "title_zh", "title_en", "text_zh", "text_en")
    agreement = services().sharing.agreements.publish(
        current_actor(), body.get("center"), body.get("domain"), body.get("title_zh"), body.get("title_en"),
        body.get("text_zh"), body.get("text_en"))
    return jsonify(_agreement(agreement)), 201


@bp.get("/centers/<code>/service-figures")
def service_figures(code: str):
    raw = request.args.get("year") or str(datetime.now(CHINA_TIME).year)
    if not raw.isdigit():
        raise InvalidInput(f"year must be a year such as 2026, not {raw!r}.",
                           f"year 须为如 2026 的年份，而不是 {raw!r}。", field="year")
    return jsonify(services().sharing.service_figures(current_actor(), code, int(raw)))


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


