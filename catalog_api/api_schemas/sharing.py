"""Sharing requests (catalog_api.sharing): the cart, requests and their steps, messages, documents, outputs,
notifications, agreements and a center's service figures."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from catalog.enums import SharingMode
from catalog.sharing.enums import DocumentKind, OutputKind, Purpose, RequestAction, RequestState, RequestType
from catalog_api.api_schemas.common import (CENTER_CODE, DOMAINS, NOT_BLANK, Bilingual, Document, File, Links,
                                            items_of, moment)


def _choice(enum, **options) -> fields.String:
    return fields.String(validate=validate.OneOf([member.value for member in enum]), **options)


def _text(**options) -> fields.String:
    return fields.String(allow_none=True, **options)


# ---------------------------------------------------------------------- documents
class ResourceRef(Document):
    resource = fields.String(required=True, metadata={"description": "The record's identifier."})
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    center = fields.String(required=True)
    name_zh = _text()
    name_en = _text()
    scientific_name = _text()
    sharing_mode = _choice(SharingMode, required=True)
    uri = fields.String(required=True)


class CartItem(ResourceRef):
    quantity = fields.Integer(required=True)
    added_at = moment(allow_none=True)


class RequestItem(ResourceRef):
    quantity = fields.Integer(required=True)


class CenterRef(Document):
    code = fields.String(required=True)
    name_zh = fields.String(required=True)
    name_en = fields.String(required=True)


class Feedback(Document):
    rating = fields.Integer(required=True, validate=validate.Range(1, 5))
    text = _text()


class SharingRequest(Document):
    id = fields.Integer(required=True)
    state = _choice(RequestState, required=True)
    state_label = fields.Nested(Bilingual, required=True)
    request_type = _choice(RequestType, required=True)
    purpose = _choice(Purpose, required=True)
    center = fields.Nested(CenterRef, required=True)
    requester = fields.String(required=True, metadata={"description": "The requester's user name."})
    project = _text()
    funding = _text()
    intended_use = _text()
    shipping_address = _text()
    rejection_reason = _text()
    cancel_reason = _text()
    items = fields.List(fields.Nested(RequestItem), required=True)
    times = fields.Dict(keys=fields.String(), values=fields.String(allow_none=True), required=True, metadata={
        "description": "created_at, submitted_at, agreement_accepted_at, decided_at, approved_at, rejected_at, "
                       "fulfilled_at, completed_at, cancelled_at: ISO 8601 or null."})
    feedback = fields.Nested(Feedback, allow_none=True)
    citation = _text(metadata={"description": "How to cite the resources received (regulation Art. 18)."})
    links = fields.Nested(Links, required=True)


class Agreement(Document):
    id = fields.Integer(required=True)
    version = fields.Integer(required=True)
    scope = fields.String(required=True, validate=validate.OneOf(["center", "platform"]))
    title_zh = fields.String(required=True)
    title_en = fields.String(required=True)
    text_zh = fields.String(required=True)
    text_en = fields.String(required=True)
    published_at = moment(allow_none=True)


class AcceptedAgreement(Agreement):
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS))
    accepted_at = moment(allow_none=True)


class CostLine(Document):
    description = fields.String(required=True)
    amount = fields.String(required=True, metadata={"description": "Yuan, two decimals."})


class Quote(Document):
    currency = fields.String(required=True)
    total = fields.String(required=True, metadata={"description": "Yuan, two decimals."})
    note = _text()
    line_items = fields.List(fields.Nested(CostLine), required=True)
    quoted_at = moment(allow_none=True)
    contract_accepted_at = moment(allow_none=True)
    payment_confirmed_at = moment(allow_none=True)
    payment_reference = _text()


class Delivery(Document):
    carrier = _text()
    tracking_number = _text()
    data_link = _text()
    note = _text()
    at = moment(allow_none=True)


class RequestDocument(Document):
    id = fields.Integer(required=True)
    kind = _choice(DocumentKind, required=True)
    kind_label = fields.Nested(Bilingual, required=True)
    file = fields.String(required=True)
    size = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True)
    uploaded_at = moment(allow_none=True)
    link = fields.String(required=True, metadata={"description": "Where to download it."})


RequestLinks = Links.from_dict({
    "messages": fields.String(required=True), "documents": fields.String(required=True),
    "outputs": fields.String(required=True),
    **{action.value: fields.String(metadata={"description": "Take this step (POST); present while the caller may."})
       for action in RequestAction}}, name="RequestLinks")


class SharingRequestDetail(SharingRequest):
    actions = fields.List(_choice(RequestAction), required=True, metadata={
        "description": "The steps this caller may take now; each has its link in `links`."})
    agreements = fields.List(fields.Nested(AcceptedAgreement), required=True)
    quote = fields.Nested(Quote, allow_none=True)
    delivery = fields.Nested(Delivery, allow_none=True)
    documents = fields.List(fields.Nested(RequestDocument), required=True)
    documents_required = fields.List(_choice(DocumentKind), required=True)
    documents_missing = fields.List(_choice(DocumentKind), required=True)
    links = fields.Nested(RequestLinks, required=True)


class Message(Document):
    id = fields.Integer(required=True)
    author = _text()
    body = fields.String(required=True)
    at = moment(allow_none=True)


class Output(Document):
    id = fields.Integer(required=True)
    request = fields.Integer(required=True, metadata={"description": "The request it came from."})
    kind = _choice(OutputKind, required=True)
    title = fields.String(required=True)
    doi = _text()
    number = _text(metadata={"description": "Patent or product number."})
    year = fields.Integer(allow_none=True)
    resources = fields.List(fields.String(), required=True, metadata={"description": "Identifiers used."})
    reported_at = moment(allow_none=True)


class Notification(Document):
    id = fields.Integer(required=True)
    event = fields.String(required=True)
    request = fields.Integer(allow_none=True)
    subject = fields.Nested(Bilingual, required=True)
    body = fields.Nested(Bilingual, required=True)
    created_at = moment(allow_none=True)
    read_at = moment(allow_none=True)
    emailed_at = moment(allow_none=True)


class ServiceFigures(Document):
    center = fields.String(required=True)
    year = fields.Integer(required=True)
    received = fields.Integer(required=True)
    approved = fields.Integer(required=True)
    rejected = fields.Integer(required=True)
    fulfilled = fields.Integer(required=True, metadata={"description": "Shipped or delivered."})
    completed = fields.Integer(required=True)
    cancelled = fields.Integer(required=True, metadata={"description": "Cancelled after submission."})
    decided = fields.Integer(required=True)
    median_response_hours = fields.Float(allow_none=True, metadata={
        "description": "From submission to the first decision, over the requests decided in the year."})
    outputs = fields.Integer(required=True)
    outputs_by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


CartItemList = items_of(CartItem, "CartItemList")
SharingRequestList = items_of(SharingRequest, "SharingRequestList")
MessageList = items_of(Message, "MessageList")
RequestDocumentList = items_of(RequestDocument, "RequestDocumentList")
OutputList = items_of(Output, "OutputList")
NotificationList = items_of(Notification, "NotificationList")


# ---------------------------------------------------------------------- request bodies
class CartAddition(Schema):
    resource = fields.String(required=True, validate=NOT_BLANK, metadata={"description": "A record's identifier."})
    quantity = fields.Integer(validate=validate.Range(min=1), metadata={"description": "Default 1."})


class RequestDetails(Schema):
    """What a requester says about a request; a checkout gives it to every request it makes."""
    request_type = _choice(RequestType, required=True)
    purpose = _choice(Purpose, required=True)
    intended_use = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    project = fields.String(allow_none=True, validate=validate.Length(max=500))
    funding = fields.String(allow_none=True, validate=validate.Length(max=500))
    shipping_address = fields.String(allow_none=True, validate=validate.Length(max=1000), metadata={
        "description": "Required for material."})


class Amount(fields.Raw):
    """A sum in yuan, as a string or a number; the service checks it (positive, at most two decimals)."""

    def __init__(self, **options):
        super().__init__(**options)
        self.metadata = {"type": ["string", "number"], **self.metadata}

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValidationError("Not a valid number.")
        return str(value)


class FeeLine(Schema):
    description = fields.String(required=True)
    amount = Amount(required=True, metadata={"description": "Yuan, at most two decimals."})


class StepBody(Schema):
    """The members a step takes; a step refuses members that are not its own."""

    class Meta:
        description = ("submit: accept_agreements (required: the ids of the agreements in force, see "
                       "/api/agreements/current); reject: reason (required); quote: line_items (required), note; "
                       "confirm_payment: reference (required); ship: tracking_number (required), carrier, note; "
                       "deliver: data_link (required), note; feedback: rating (required, 1–5), text; cancel: "
                       "reason; start_review, approve, accept_contract, complete: nothing.")

    accept_agreements = fields.List(fields.Integer())
    reason = fields.String()
    line_items = fields.List(fields.Nested(FeeLine))
    note = fields.String(allow_none=True)
    reference = fields.String()
    tracking_number = fields.String()
    carrier = fields.String(allow_none=True)
    data_link = fields.String()
    rating = fields.Integer(validate=validate.Range(1, 5))
    text = fields.String(allow_none=True)


class MessageBody(Schema):
    body = fields.String(required=True)


class DocumentForm(Schema):
    """multipart/form-data of a request document."""
    file = File(required=True, metadata={"description": "PDF, PNG or JPEG."})
    kind = _choice(DocumentKind, required=True)


class OutputReport(Schema):
    kind = _choice(OutputKind, required=True)
    title = fields.String(required=True)
    doi = fields.String(allow_none=True)
    number = fields.String(allow_none=True)
    year = fields.Integer(allow_none=True)
    resources = fields.List(fields.String(), allow_none=True, metadata={"description": "Identifiers used."})


class AgreementText(Schema):
    center = fields.String(allow_none=True, metadata={"description": "A center's code; null or omitted: the "
                                                                     "platform's agreement (administrators)."})
    domain = fields.String(allow_none=True, validate=validate.OneOf(DOMAINS), metadata={
        "description": "Omitted: every domain of the center."})
    title_zh = fields.String(required=True)
    title_en = fields.String(required=True)
    text_zh = fields.String(required=True)
    text_en = fields.String(required=True)


# ---------------------------------------------------------------------- query parameters
class RequestFilter(Schema):
    scope = fields.String(validate=validate.OneOf(["mine", "center"]), metadata={
        "description": "`mine` (default): the caller's own; `center`: the submitted requests of the centers the "
                       "caller curates (every center for an administrator)."})
    state = _choice(RequestState, metadata={"description": "Only requests in this state."})
    center = fields.String(validate=CENTER_CODE, metadata={"description": "Only requests to this center."})


class ResourceOutputsArgs(Schema):
    resource = fields.String(required=True, validate=validate.Length(min=1), metadata={
        "description": "The record's identifier."})


class NotificationFilter(Schema):
    unread = fields.Boolean(metadata={"description": "`true`: only the unread ones."})


class AgreementArgs(Schema):
    center = fields.String(required=True, validate=CENTER_CODE, metadata={"description": "A center's code."})
    domain = fields.String(required=True, validate=validate.OneOf(DOMAINS), metadata={
        "description": "A resource domain."})


class FiguresArgs(Schema):
    year = fields.Integer(validate=validate.Range(1, 9999), metadata={
        "description": "Default: this year (China time)."})
