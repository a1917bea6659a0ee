"""What accompanies a sharing request besides its state: messages between requester and center, the
requester's biosafety documents (kept in object storage), and the outputs reported back (regulation Art. 18)."""
from __future__ import annotations

import io
import logging
import re
import uuid
from typing import Any, BinaryIO, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.enums import Domain
from catalog.errors import Forbidden, InvalidInput, parse_choice, InvalidState, NotFound, PayloadTooLarge, StorageFailed
from catalog.models import Resource
from catalog.sharing.models import Output, OutputResource, RequestDocument, RequestMessage, SharingRequest
from catalog.permissions import Actor
from catalog.services.audit import record
from catalog.services.notifications import Notifier
from catalog.services.resources import visible_resource
from catalog.sharing.access import announce, load_request
from catalog.sharing.states import Party
from catalog.sharing.enums import DOCUMENT_KIND_LABELS, DocumentKind, OutputKind, RequestState as State
from catalog.storage import STORAGE_FAILURES, ObjectStore, safe_file_name

log = logging.getLogger(__name__)

DOCUMENT_LIMIT_BYTES = 20 << 20
MESSAGE_LIMIT = 5000
HIGHER_RISK_GROUP = 2
# Documents can be added until a curator decides; after that they would change nothing.
DOCUMENT_STATES = (State.DRAFT, State.SUBMITTED, State.UNDER_REVIEW)
OUTPUT_STATES = (State.COMPLETED, State.FEEDBACK)
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def risk_group(resource: Resource) -> int | None:
    value = (resource.payload or {}).get("risk_group")
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def documents_required(request: SharingRequest) -> list[DocumentKind]:
    """Both documents when any strain of the request is of risk group 2 or higher, else none."""
    higher_risk = any(item.resource.domain == Domain.MICROBIAL_STRAIN and (risk_group(item.resource) or 0)
                      >= HIGHER_RISK_GROUP for item in request.items)
    return list(DocumentKind) if higher_risk else []


class AttachmentService:
    def __init__(self, session_factory: sessionmaker[Session], store: ObjectStore, notifier: Notifier,
                 max_upload_bytes: int = 1 << 30):
        self.session_factory = session_factory
        self.store = store
        self.notifier = notifier
        self.document_limit = min(DOCUMENT_LIMIT_BYTES, max_upload_bytes)

    # ------------------------------------------------------------------ messages
    def messages(self, actor: Actor, request_id: int) -> list[RequestMessage]:
        with self.session_factory() as session:
            load_request(session, actor, request_id)
            return list(session.scalars(select(RequestMessage).where(RequestMessage.request_id == request_id)
                                        .order_by(RequestMessage.id)))

    def post_message(self, actor: Actor, request_id: int, body: Any) -> RequestMessage:
        """A message to the other side of a submitted request (the requester, or the center's curators)."""
        self._visible(actor, request_id)
        if not isinstance(body, str) or not body.strip() or len(body.strip()) > MESSAGE_LIMIT:
            raise InvalidInput(f"A message needs a body of 1 to {MESSAGE_LIMIT} characters.",
                               f"留言内容须为 1 到 {MESSAGE_LIMIT} 个字符。", field="body")
        with transaction(self.session_factory) as session:
            request, standing = load_request(session, actor, request_id)
            if request.state == State.DRAFT:
                raise InvalidState("Submit the request before writing to the center.", "请先提交申请，再给资源库留言。")
            message = RequestMessage(request_id=request.id, author_id=actor.user_id, author_name=actor.username,
                                     body=body.strip())
            session.add(message)
            session.flush()
            record(session, actor, "request.message", "sharing_request", request.id, message=message.id)
            event = "message_to_center" if Party.REQUESTER in standing else "message_to_requester"
            notified = announce(session, self.notifier, request, event, author=actor.username, text=message.body)
        self.notifier.deliver(notified)
        return message

    # ------------------------------------------------------------------ documents
    def upload_document(self, actor: Actor, request_id: int, kind: Any, file_name: str, stream: BinaryIO,
                        content_type: str | None = None) -> RequestDocument:
        """Keep a document of the requester's in object storage, before a curator decides on the request."""
        self._visible(actor, request_id)
        kind_value = parse_choice(DocumentKind, kind, "document kind", "文件类型", field="kind")
        with self.session_factory() as session:
            request, standing = load_request(session, actor, request_id)
        self._check_document_step(request, standing)
        name = safe_file_name(file_name)
        data = stream.read(self.document_limit + 1)
        if len(data) > self.document_limit:
            raise PayloadTooLarge(f"{name} is larger than the {self.document_limit >> 20} MiB limit for documents.",
                                  f"{name} 超过证明文件 {self.document_limit >> 20} MiB 的上限。")
        if not data:
            raise InvalidInput(f"{name} is empty.", f"{name} 是空文件。", field="file")
        key = f"sharing/{request.center.code}/{request.id}/{uuid.uuid4().hex}/{name}"
        try:
            stored = self.store.put(key, io.BytesIO(data), content_type=content_type)
        except STORAGE_FAILURES as exc:
            log.error("storing document %s of request %s failed: %s", name, request_id, exc)
            raise StorageFailed(f"The file store is unavailable, so {name} was not kept. Try again later.",
                                f"文件存储暂不可用，{name} 未能保存。请稍后重试。") from exc
        with transaction(self.session_factory) as session:
            request, standing = load_request(session, actor, request_id, lock=True)
            self._check_document_step(request, standing)
            document = RequestDocument(request_id=request.id, kind=kind_value, file_name=name,
                                       content_type=content_type, size_bytes=stored.size, sha256=stored.sha256,
                                       storage_key=key, uploaded_by_id=actor.user_id)
            session.add(document)
            session.flush()
            record(session, actor, "request.document", "sharing_request", request.id, document=document.id,
                   kind=kind_value.value, file=name, sha256=stored.sha256)
            labels = DOCUMENT_KIND_LABELS[kind_value]
            notified = [] if request.state == State.DRAFT else announce(
                session, self.notifier, request, "document", kind_zh=labels["zh"], kind_en=labels["en"], file=name)
        self.notifier.deliver(notified)
        return document

    def open_document(self, actor: Actor, request_id: int, document_id: int) -> tuple[RequestDocument, BinaryIO]:
        with self.session_factory() as session:
            load_request(session, actor, request_id)
            document = session.get(RequestDocument, document_id)
            if document is None or document.request_id != request_id:
                raise NotFound(f"No document {document_id} on request {request_id}.",
                               f"申请 {request_id} 没有编号为 {document_id} 的文件。")
        return document, self.store.open(document.storage_key)

    def _visible(self, actor: Actor, request_id: int) -> None:
        """NotFound before anything else is checked, so an outsider learns nothing from a malformed call."""
        with self.session_factory() as session:
            load_request(session, actor, request_id)

    @staticmethod
    def _check_document_step(request: SharingRequest, standing: frozenset[Party]) -> None:
        if Party.REQUESTER not in standing:
            raise Forbidden("Only the requester may upload documents to a request.", "只有申请人可以上传证明文件。")
        if request.state not in DOCUMENT_STATES:
            raise InvalidState(f"Request {request.id} is {request.state.value}: documents are taken only until a "
                               "curator decides.", f"申请 {request.id} 状态为 {request.state.value}：审核决定后不再接收证明文件。")

    # ------------------------------------------------------------------ outputs
    def report_output(self, actor: Actor, request_id: int, kind: Any, title: Any, doi: Any = None,
                      number: Any = None, year: Any = None, resources: Iterable[str] | None = None) -> Output:
        """Report a paper, patent, product or other output of a completed request, linked to the resources of
        the request it used (all of them unless named). Papers and patents need a DOI or a number."""
        self._visible(actor, request_id)
        kind_value = _output_kind(kind)
        title_text = _text(title, "title", 1000)
        if not title_text:
            raise InvalidInput("An output needs a title.", "成果须有标题。", field="title")
        doi_value = _doi(doi)
        number_value = _text(number, "number", 200)
        if kind_value in (OutputKind.PAPER, OutputKind.PATENT) and not (doi_value or number_value):
            raise InvalidInput(f"A {kind_value.value} needs a DOI or a number (e.g. the patent number).",
                               "论文或专利须有 DOI 或编号（如专利号）。", field="doi")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
            raise InvalidInput(f"year must be a year such as 2026, not {year!r}.",
                               f"年份须为如 2026 的年份，而不是 {year!r}。", field="year")
        with transaction(self.session_factory) as session:
            request, standing = load_request(session, actor, request_id, lock=True)
            if Party.REQUESTER not in standing:
                raise Forbidden("Only the requester may report outputs of a request.", "只有申请人可以报告成果。")
            if request.state not in OUTPUT_STATES:
                raise InvalidState(f"Request {request.id} is {request.state.value}: outputs are reported once it "
                                   "is completed.", f"申请 {request.id} 状态为 {request.state.value}：完成后方可报告成果。")
            by_identifier = {item.resource.identifier: item.resource for item in request.items}
            named = list(by_identifier) if resources is None else list(dict.fromkeys(resources))
            unknown = [identifier for identifier in named if identifier not in by_identifier]
            if not named or unknown:
                raise InvalidInput(f"Link the output to resources of this request; not in it: {', '.join(unknown)}.",
                                   f"成果须关联本申请中的资源；不在本申请中：{'、'.join(unknown)}。", field="resources")
            output = Output(request_id=request.id, reported_by_id=actor.user_id, kind=kind_value, title=title_text,
                            doi=doi_value, number=number_value, year=year,
                            resources=[OutputResource(resource=by_identifier[i]) for i in named])
            session.add(output)
            session.flush()
            record(session, actor, "request.output", "sharing_request", request.id, output=output.id,
                   kind=kind_value.value, doi=doi_value, number=number_value, resources=named)
            return output

    def outputs(self, actor: Actor, request_id: int) -> list[Output]:
        with self.session_factory() as session:
            load_request(session, actor, request_id)
            return list(session.scalars(select(Output).where(Output.request_id == request_id).order_by(Output.id)))

    def outputs_for_resource(self, actor: Actor, identifier: str) -> list[Output]:
        """The outputs that used a resource, for its page; NotFound for a record the actor may not see."""
        with self.session_factory() as session:
            resource = visible_resource(session, actor, identifier)
            return list(session.scalars(select(Output).join(OutputResource)
                                        .where(OutputResource.resource_id == resource.id)
                                        .order_by(Output.reported_at.desc(), Output.id.desc())))


def _output_kind(value: Any) -> OutputKind:
    return parse_choice(OutputKind, value, "output kind", "成果类型", field="kind")


def _doi(value: Any) -> str | None:
    text = _text(value, "doi", 200)
    if text is None:
        return None
    for prefix in DOI_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
    if not DOI.match(text):
        raise InvalidInput(f"{value!r} is not a DOI (10.xxxx/…).", f"{value!r} 不是有效的 DOI（10.xxxx/…）。",
                           field="doi")
    return text


def _text(value: Any, field: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) > limit:
        raise InvalidInput(f"{field} must be text of at most {limit} characters.",
                           f"{field} 须为不超过 {limit} 个字符的文本。", field=field)
    return value.strip() or None
