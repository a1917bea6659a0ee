"""SharingService: sharing requests from checkout to feedback, moved only along the transition table
(sharing_states), each step audited and announced; plus the lists, the dossier a page shows, and the
service figures. Carts, agreements, notifications and attachments are its parts in sibling modules."""
from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.enums import Domain, Role
from catalog.errors import Forbidden, InvalidInput, InvalidState, NotFound, Unauthenticated
from catalog.mail import Mailer
from catalog.models import Center, utcnow
from catalog.sharing.models import AcceptedAgreement, Agreement, Delivery, Quote, RequestDocument, SharingRequest
from catalog.permissions import Actor
from catalog.services.audit import record
from catalog.services.notifications import Notifier
from catalog.sharing.access import announce, load_request
from catalog.sharing.agreements import AgreementService, required_agreements
from catalog.sharing.attachments import AttachmentService, documents_required
from catalog.sharing.cart import CartService, RequestDetails, may_request
from catalog.sharing.citation import cite_resources
from catalog.sharing.figures import service_figures
from catalog.sharing.inputs import fee_lines, optional_text, request_state, required_text, yuan
from catalog.sharing.states import Party, available, transition_for
from catalog.sharing.enums import DocumentKind, RequestAction as Action, RequestState as State
from catalog.storage import ObjectStore

FIRST_YEAR, LAST_YEAR = 2000, 2100
# Timestamps each step sets; decided_at keeps the first curator decision, for the median response time.
STAMPS: dict[Action, tuple[str, ...]] = {
    Action.SUBMIT: ("submitted_at",), Action.APPROVE: ("approved_at", "decided_at"),
    Action.REJECT: ("rejected_at", "decided_at"), Action.SHIP: ("fulfilled_at",), Action.DELIVER: ("fulfilled_at",),
    Action.COMPLETE: ("completed_at",), Action.CANCEL: ("cancelled_at",)}


@dataclass(frozen=True)
class AgreementTerms:
    """An agreement of one domain of a request: the accepted version once submitted, else the one to accept."""
    domain: Domain
    agreement: Agreement
    accepted_at: datetime | None


@dataclass(frozen=True)
class RequestDossier:
    """Everything a request page or API document shows, as this actor may see it."""
    request: SharingRequest
    standing: frozenset[Party]
    actions: list[str]
    agreements: list[AgreementTerms]
    quote: Quote | None
    delivery: Delivery | None
    documents: list[RequestDocument]
    documents_required: list[DocumentKind]
    documents_missing: list[DocumentKind]


Effect = Callable[[Session, SharingRequest, datetime], dict[str, Any]]


class SharingService:
    def __init__(self, session_factory: sessionmaker[Session], store: ObjectStore, mailer: Mailer, base_url: str,
                 max_upload_bytes: int = 1 << 30):
        self.session_factory = session_factory
        self.base_url = base_url
        self.notifications = Notifier(session_factory, mailer, base_url)
        self.cart = CartService(session_factory)
        self.agreements = AgreementService(session_factory)
        self.attachments = AttachmentService(session_factory, store, self.notifications, max_upload_bytes)

    # ------------------------------------------------------------------ creating and reading
    def checkout(self, actor: Actor, details: Mapping[str, Any]) -> list[SharingRequest]:
        """One draft request per center of the cart, sharing the details given; the cart is emptied."""
        ids = self.cart.checkout(actor, RequestDetails.parse(details))
        return [self.get(actor, request_id) for request_id in ids]

    def update_draft(self, actor: Actor, request_id: int, details: Mapping[str, Any]) -> SharingRequest:
        """Replace the details of a draft (the requester only, before submitting)."""
        with transaction(self.session_factory) as session:
            request, standing = load_request(session, actor, request_id, lock=True)
            parsed = RequestDetails.parse(details)
            if Party.REQUESTER not in standing:
                raise Forbidden("Only the requester may edit a request.", "只有申请人可以修改申请。")
            if request.state != State.DRAFT:
                raise InvalidState(f"Request {request_id} is {request.state.value}; only drafts can be edited.",
                                   f"申请 {request_id} 状态为 {request.state.value}，只有草稿可以修改。")
            parsed.apply_to(request)
            record(session, actor, "request.update", "sharing_request", request.id)
        return self.get(actor, request_id)

    def get(self, actor: Actor, request_id: int) -> SharingRequest:
        """The request if it concerns the actor (requester, its center's curators, admins), else NotFound."""
        with self.session_factory() as session:
            return load_request(session, actor, request_id)[0]

    def list(self, actor: Actor, scope: str = "mine", state: str | None = None,
             center_code: str | None = None) -> list[SharingRequest]:
        """Newest first. scope "mine": the actor's own requests; "center": the submitted requests of the centers
        the actor curates (every center for an admin)."""
        if actor.user_id is None and not actor.system:
            raise Unauthenticated("Please sign in first.", "请先登录。")
        query = select(SharingRequest).order_by(SharingRequest.id.desc())
        if scope == "mine":
            query = query.where(SharingRequest.requester_id == actor.user_id)
        elif scope == "center":
            query = query.where(SharingRequest.state != State.DRAFT)
            if not actor.is_admin:
                query = query.where(SharingRequest.center_id.in_(
                    [grant.center_id for grant in actor.grants if grant.role == Role.CURATOR]))
        else:
            raise InvalidInput(f"scope must be mine or center, not {scope!r}.",
                               f"scope 须为 mine 或 center，而不是 {scope!r}。", field="scope")
        if state:
            query = query.where(SharingRequest.state == request_state(state))
        if center_code:
            query = query.join(Center, SharingRequest.center_id == Center.id).where(Center.code == center_code)
        with self.session_factory() as session:
            return list(session.scalars(query))

    def dossier(self, actor: Actor, request_id: int) -> RequestDossier:
        with self.session_factory() as session:
            request, standing = load_request(session, actor, request_id)
            if request.state == State.DRAFT:
                terms = [AgreementTerms(domain, agreement, None)
                         for domain, agreement in required_agreements(session, request).items()]
            else:
                terms = [AgreementTerms(row.domain, row.agreement, row.accepted_at) for row in session.scalars(
                    select(AcceptedAgreement).where(AcceptedAgreement.request_id == request.id)
                    .order_by(AcceptedAgreement.domain))]
            documents = list(session.scalars(select(RequestDocument).where(RequestDocument.request_id == request.id)
                                             .order_by(RequestDocument.id)))
            required = documents_required(request)
            return RequestDossier(
                request=request, standing=standing,
                actions=[a.value for a in available(request.state, request.purpose, request.request_type, standing)],
                agreements=terms, quote=session.scalar(select(Quote).where(Quote.request_id == request.id)),
                delivery=session.scalar(select(Delivery).where(Delivery.request_id == request.id)),
                documents=documents, documents_required=required,
                documents_missing=[kind for kind in required if kind not in {d.kind for d in documents}])

    # ------------------------------------------------------------------ the steps
    # Below the method named list, builtins.list names the type.
    def submit(self, actor: Actor, request_id: int, accepted_agreements: builtins.list[int]) -> SharingRequest:
        """Send a draft to its center; the requester accepts exactly the agreement versions that govern it now."""
        if not isinstance(accepted_agreements, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) for n in accepted_agreements):
            raise InvalidInput("accept_agreements must list the ids of the agreements you accept.",
                               "accept_agreements 须列出您接受的协议编号。", field="accept_agreements")

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            gone = [item.resource.identifier for item in request.items if not may_request(actor, item.resource)]
            if gone:
                raise InvalidState(f"No longer available for request: {', '.join(gone)}. Cancel this request and "
                                   "request the others again.",
                                   f"以下资源已不可申请：{'、'.join(gone)}。请取消本申请后重新申请其余资源。")
            required = required_agreements(session, request)
            if set(accepted_agreements) != {a.id for a in required.values()}:
                listed_en = ", ".join(f"{d.value} → {a.id} (version {a.version})" for d, a in required.items())
                listed_zh = "，".join(f"{d.value} → {a.id}（第 {a.version} 版）" for d, a in required.items())
                raise InvalidState(f"Accept the agreements that govern this request now: {listed_en}.",
                                   f"请接受本申请现行适用的协议：{listed_zh}。",
                                   field="accept_agreements", required=[a.id for a in required.values()])
            session.add_all(AcceptedAgreement(request_id=request.id, agreement_id=agreement.id, domain=domain,
                                              accepted_at=now) for domain, agreement in required.items())
            request.agreement_accepted_at = now
            return {"agreements": [{"domain": d.value, "id": a.id, "version": a.version} for d, a in required.items()]}
        return self._step(actor, request_id, Action.SUBMIT, effect)

    def start_review(self, actor: Actor, request_id: int) -> SharingRequest:
        return self._step(actor, request_id, Action.START_REVIEW)

    def approve(self, actor: Actor, request_id: int) -> SharingRequest:
        """Approve a request under review; strains of risk group 2 or higher need the requester's institutional
        approval and lab qualification on file first."""
        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            present = set(session.scalars(select(RequestDocument.kind).where(RequestDocument.request_id == request.id)))
            missing = [kind for kind in documents_required(request) if kind not in present]
            if missing:
                names = ", ".join(kind.value for kind in missing)
                raise InvalidState(f"Request {request.id} includes strains of risk group 2 or higher: the requester "
                                   f"must upload {names} before it can be approved.",
                                   f"申请 {request.id} 含危害等级 2 级及以上的菌种：申请人须先上传 {names}，方可批准。",
                                   missing=[kind.value for kind in missing])
            return {}
        return self._step(actor, request_id, Action.APPROVE, effect)

    def reject(self, actor: Actor, request_id: int, reason: str) -> SharingRequest:
        reason = required_text(reason, "reason", "A rejection needs a reason.", "拒绝须说明理由。")

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            request.rejection_reason = reason
            return {"reason": reason}
        return self._step(actor, request_id, Action.REJECT, effect)

    def quote(self, actor: Actor, request_id: int, line_items: builtins.list[Mapping[str, Any]],
              note: str | None = None) -> SharingRequest:
        """Quote the cost-based fee of a commercial request: each line a cost and its amount in yuan; the total
        is their sum, never a figure of its own (regulation Art. 18: priced at cost, not for profit)."""
        lines = fee_lines(line_items)
        total = sum(line["amount_fen"] for line in lines)

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            session.add(Quote(request_id=request.id, line_items=lines, total_fen=total, note=optional_text(note),
                              quoted_by_id=actor.user_id, quoted_at=now))
            return {"total": yuan(total), "lines": len(lines)}
        return self._step(actor, request_id, Action.QUOTE, effect)

    def accept_contract(self, actor: Actor, request_id: int) -> SharingRequest:
        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            quote = _quote_of(session, request)
            quote.contract_accepted_at, quote.contract_accepted_by_id = now, actor.user_id
            return {"total": yuan(quote.total_fen)}
        return self._step(actor, request_id, Action.ACCEPT_CONTRACT, effect)

    def confirm_payment(self, actor: Actor, request_id: int, reference: str) -> SharingRequest:
        reference = required_text(reference, "reference", "Give the payment reference (invoice or transfer number).",
                                   "请填写付款凭证号（发票号或转账流水号）。", limit=200)

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            quote = _quote_of(session, request)
            quote.payment_confirmed_at, quote.payment_reference = now, reference
            quote.payment_confirmed_by_id = actor.user_id
            return {"reference": reference, "total": yuan(quote.total_fen)}
        return self._step(actor, request_id, Action.CONFIRM_PAYMENT, effect)

    def ship(self, actor: Actor, request_id: int, tracking_number: str, carrier: str | None = None,
             note: str | None = None) -> SharingRequest:
        tracking_number = required_text(tracking_number, "tracking_number", "Give the shipment's tracking number.",
                                         "请填写快递单号。", limit=100)
        carrier = optional_text(carrier, "carrier", 100)

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            session.add(Delivery(request_id=request.id, carrier=carrier, tracking_number=tracking_number,
                                 note=optional_text(note), by_id=actor.user_id, at=now))
            return {"carrier": carrier, "tracking": tracking_number}
        return self._step(actor, request_id, Action.SHIP, effect)

    def deliver(self, actor: Actor, request_id: int, data_link: str, note: str | None = None) -> SharingRequest:
        link = required_text(data_link, "data_link", "Give the link where the requester can fetch the data.",
                              "请填写数据获取链接。", limit=1000)
        if urlsplit(link).scheme not in ("http", "https") or not urlsplit(link).hostname:
            raise InvalidInput(f"data_link must be an http(s) URL, not {link!r}.",
                               f"data_link 须为 http(s) 链接，而不是 {link!r}。", field="data_link")

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            session.add(Delivery(request_id=request.id, data_link=link, note=optional_text(note),
                                 by_id=actor.user_id, at=now))
            return {"link": link}
        return self._step(actor, request_id, Action.DELIVER, effect)

    def complete(self, actor: Actor, request_id: int) -> SharingRequest:
        """The requester confirms receipt; they are sent the citation text with the resource identifiers."""
        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            request.citation_text = cite_resources([item.resource for item in request.items], self.base_url)
            return {"identifiers": [item.resource.identifier for item in request.items]}
        return self._step(actor, request_id, Action.COMPLETE, effect,
                          extra_events=lambda request: [("completed", {})],
                          notice_values=lambda request: {"citation": request.citation_text})

    def give_feedback(self, actor: Actor, request_id: int, rating: int, text: str | None = None) -> SharingRequest:
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            raise InvalidInput(f"rating must be a whole number from 1 to 5, not {rating!r}.",
                               f"评分须为 1 到 5 的整数，而不是 {rating!r}。", field="rating")
        text = optional_text(text, "text", 5000)

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            request.feedback_rating, request.feedback_text = rating, text
            return {"rating": rating, "text": text or ""}
        return self._step(actor, request_id, Action.FEEDBACK, effect)

    def cancel(self, actor: Actor, request_id: int, reason: str | None = None) -> SharingRequest:
        """The requester withdraws the request, at any point before the material or data has been sent."""
        reason = optional_text(reason, "reason", 5000)

        def effect(session: Session, request: SharingRequest, now: datetime) -> dict[str, Any]:
            request.cancel_reason = reason
            return {"reason": reason or "", "was_submitted": request.submitted_at is not None}
        return self._step(actor, request_id, Action.CANCEL, effect)

    def perform(self, actor: Actor, request_id: int, action: str, body: Mapping[str, Any]) -> SharingRequest:
        """Any step by name with its parameters (the API's POST /api/requests/<id>/<action>)."""
        steps: dict[str, tuple[Callable[..., SharingRequest], dict[str, str]]] = {
            Action.SUBMIT: (self.submit, {"accept_agreements": "accepted_agreements"}),
            Action.START_REVIEW: (self.start_review, {}), Action.APPROVE: (self.approve, {}),
            Action.REJECT: (self.reject, {"reason": "reason"}),
            Action.QUOTE: (self.quote, {"line_items": "line_items", "note": "note"}),
            Action.ACCEPT_CONTRACT: (self.accept_contract, {}),
            Action.CONFIRM_PAYMENT: (self.confirm_payment, {"reference": "reference"}),
            Action.SHIP: (self.ship, {"tracking_number": "tracking_number", "carrier": "carrier", "note": "note"}),
            Action.DELIVER: (self.deliver, {"data_link": "data_link", "note": "note"}),
            Action.COMPLETE: (self.complete, {}), Action.FEEDBACK: (self.give_feedback, {"rating": "rating",
                                                                                         "text": "text"}),
            Action.CANCEL: (self.cancel, {"reason": "reason"})}
        self.get(actor, request_id)  # a request the actor may not see is not found, whatever the body says
        if action not in steps:
            raise NotFound(f"No action {action!r}; the actions are {', '.join(steps)}.",
                           f"没有操作 {action!r}；可用操作：{', '.join(steps)}。")
        method, parameters = steps[Action(action)]
        unknown = sorted(set(body) - set(parameters))
        if unknown:
            accepted = ", ".join(parameters) or "none"
            raise InvalidInput(f"Unknown member(s) for {action}: {', '.join(unknown)}; accepted: {accepted}.",
                               f"{action} 的未知字段：{'、'.join(unknown)}；可用字段：{accepted}。", field=unknown[0])
        arguments = {parameters[name]: value for name, value in body.items()}
        if action in (Action.SUBMIT, Action.REJECT, Action.QUOTE, Action.CONFIRM_PAYMENT, Action.SHIP, Action.DELIVER,
                      Action.FEEDBACK):
            first = next(iter(parameters))
            if first not in body:
                raise InvalidInput(f"{action} needs {first}.", f"{action} 须提供 {first}。", field=first)
        return method(actor, request_id, **arguments)

    # ------------------------------------------------------------------ figures
    def service_figures(self, actor: Actor, center_code: str, year: int) -> dict[str, Any]:
        """A center's figures for a year, for its curators, its department's reviewers and administrators."""
        if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise InvalidInput(f"year must be between {FIRST_YEAR} and {LAST_YEAR}, not {year!r}.",
                               f"年份须在 {FIRST_YEAR} 到 {LAST_YEAR} 之间，而不是 {year!r}。", field="year")
        with self.session_factory() as session:
            center = session.scalar(select(Center).where(Center.code == center_code))
            if center is None:
                raise NotFound(f"No center with code {center_code!r}.", f"没有代码为 {center_code!r} 的资源库。")
            if not actor.is_authenticated:
                raise Unauthenticated("Please sign in first.", "请先登录。")
            if not (actor.curates(center.id) or actor.reviews(center.department_id)):
                raise Forbidden(f"Only {center_code}'s curators, its department's reviewers and administrators may "
                                "read its service figures.",
                                f"只有 {center_code} 的管理员、其主管部门审核人和平台管理员可以查看服务统计。")
            return {"center": center.code, **service_figures(session, center.id, year)}

    # ------------------------------------------------------------------ the one way a state changes
    def _step(self, actor: Actor, request_id: int, action: Action, effect: Effect | None = None,
              extra_events: Callable[[SharingRequest], builtins.list[tuple[str, dict[str, Any]]]] | None = None,
              notice_values: Callable[[SharingRequest], dict[str, Any]] | None = None) -> SharingRequest:
        """Check the step against the table (InvalidState when the state, purpose or type does not allow it,
        Forbidden when the actor's part does not), apply its effect, stamp the time, audit and announce it,
        all in one transaction; mail the notifications after commit."""
        with transaction(self.session_factory) as session:
            request, standing = load_request(session, actor, request_id, lock=True)
            source = request.state
            transition = transition_for(source, action, request.purpose, request.request_type)
            if transition is None:
                raise InvalidState(f"A {request.purpose.value} {request.request_type.value} request that is "
                                   f"{source.value} cannot {action.value.replace('_', ' ')}.",
                                   f"{source.value} 状态的申请（{request.purpose.value}/{request.request_type.value}）"
                                   f"不能执行 {action.value}。", state=source.value, action=action.value)
            if not transition.parties & standing:
                who = " or ".join(party.value for party in sorted(transition.parties))
                raise Forbidden(f"Only the {who} may {action.value.replace('_', ' ')} this request.",
                                f"只有{who}可以对该申请执行 {action.value}。", action=action.value)
            now = utcnow()
            detail = effect(session, request, now) if effect else {}
            request.state = transition.target
            for column in STAMPS.get(action, ()):
                if getattr(request, column) is None:
                    setattr(request, column, now)
            session.flush()
            record(session, actor, f"request.{action.value}", "sharing_request", request.id,
                   from_state=source.value, to_state=transition.target.value, at=now.isoformat(), **detail)
            values = {**detail, **(notice_values(request) if notice_values else {})}
            notified = []
            if not (action == Action.CANCEL and source == State.DRAFT):
                notified += announce(session, self.notifications, request, action.value, **values)
            for event, extra in (extra_events(request) if extra_events else []):
                notified += announce(session, self.notifications, request, event, **values, **extra)
        self.notifications.deliver(notified)
        return self.get(actor, request_id)


def _quote_of(session: Session, request: SharingRequest) -> Quote:
    """The request's quote; the transition table reaches the steps that read it only through QUOTE."""
    quote = session.scalar(select(Quote).where(Quote.request_id == request.id))
    if quote is None:
        raise InvalidState(f"Request {request.id} has no quote.", f"申请 {request.id} 尚无报价。")
    return quote
