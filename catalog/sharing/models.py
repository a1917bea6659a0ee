"""The tables of sharing requests (regulation Art. 16, 18, 19): carts, agreements, requests with their items,
quotes, deliveries, messages, documents and reported outputs."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog.enums import Domain
from catalog.models import Base, Center, Id, JSONData, Resource, Timestamp, User, enum_of, utcnow
from catalog.sharing.enums import DocumentKind, OutputKind, Purpose, RequestState, RequestType


class CartItem(Base):
    """A resource a user means to request, with the quantity; checkout turns the cart into requests."""
    __tablename__ = "cart_items"
    __table_args__ = (UniqueConstraint("user_id", "resource_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    added_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)

    resource: Mapped[Resource] = relationship(lazy="joined")


class Agreement(Base):
    """One version of a material/data transfer agreement (MTA): a center's for a domain, a center's for all
    its domains (no domain), or the platform default (no center). Versions are never changed, only added."""
    __tablename__ = "sharing_agreements"
    __table_args__ = (UniqueConstraint("center_id", "domain", "version"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("centers.id", ondelete="RESTRICT"))
    domain: Mapped[Domain | None] = mapped_column(enum_of(Domain))
    version: Mapped[int] = mapped_column(Integer)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class SharingRequest(Base):
    """A request to one center for material, data or a custom service; the times of its steps feed the
    center's service figures."""
    __tablename__ = "sharing_requests"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="RESTRICT"), index=True)
    request_type: Mapped[RequestType] = mapped_column(enum_of(RequestType))
    purpose: Mapped[Purpose] = mapped_column(enum_of(Purpose))
    state: Mapped[RequestState] = mapped_column(enum_of(RequestState), default=RequestState.DRAFT)
    project: Mapped[str | None] = mapped_column(String(500))
    funding: Mapped[str | None] = mapped_column(String(500))
    intended_use: Mapped[str | None] = mapped_column(Text)
    shipping_address: Mapped[str | None] = mapped_column(Text)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    agreement_accepted_at: Mapped[datetime | None] = mapped_column(Timestamp())
    submitted_at: Mapped[datetime | None] = mapped_column(Timestamp())
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp())
    approved_at: Mapped[datetime | None] = mapped_column(Timestamp())
    rejected_at: Mapped[datetime | None] = mapped_column(Timestamp())
    fulfilled_at: Mapped[datetime | None] = mapped_column(Timestamp())
    completed_at: Mapped[datetime | None] = mapped_column(Timestamp())
    cancelled_at: Mapped[datetime | None] = mapped_column(Timestamp())
    feedback_rating: Mapped[int | None] = mapped_column(Integer)
    feedback_text: Mapped[str | None] = mapped_column(Text)
    citation_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow, onupdate=utcnow)

    center: Mapped[Center] = relationship(lazy="joined")
    requester: Mapped[User] = relationship(lazy="joined")
    items: Mapped[list[RequestItem]] = relationship(back_populates="request", cascade="all, delete-orphan",
                                                    lazy="selectin", order_by="RequestItem.id")


class RequestItem(Base):
    __tablename__ = "sharing_request_items"
    __table_args__ = (UniqueConstraint("request_id", "resource_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)

    request: Mapped[SharingRequest] = relationship(back_populates="items")
    resource: Mapped[Resource] = relationship(lazy="joined")


class AcceptedAgreement(Base):
    """The agreement version a requester accepted for one domain of a request, and when."""
    __tablename__ = "sharing_accepted_agreements"
    __table_args__ = (UniqueConstraint("request_id", "domain"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("sharing_agreements.id", ondelete="RESTRICT"))
    domain: Mapped[Domain] = mapped_column(enum_of(Domain))
    accepted_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)

    agreement: Mapped[Agreement] = relationship(lazy="joined")


class Quote(Base):
    """The cost-based fee of a commercial request (line items at cost, no profit), then the contract the
    requester accepted on it and the payment the center confirmed. Amounts are in fen (0.01 CNY)."""
    __tablename__ = "sharing_quotes"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"), unique=True)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    line_items: Mapped[list[dict[str, Any]]] = mapped_column(JSONData, default=list)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)
    quoted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    quoted_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    contract_accepted_at: Mapped[datetime | None] = mapped_column(Timestamp())
    contract_accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    payment_confirmed_at: Mapped[datetime | None] = mapped_column(Timestamp())
    payment_reference: Mapped[str | None] = mapped_column(String(200))
    payment_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Delivery(Base):
    """How a request was fulfilled: a shipment with its tracking number, or a link to the data."""
    __tablename__ = "sharing_deliveries"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"), unique=True)
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_number: Mapped[str | None] = mapped_column(String(100))
    data_link: Mapped[str | None] = mapped_column(String(1000))
    note: Mapped[str | None] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class RequestMessage(Base):
    __tablename__ = "sharing_messages"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class RequestDocument(Base):
    """A document the requester uploaded (institutional approval, lab qualification), kept in object storage."""
    __tablename__ = "sharing_documents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(enum_of(DocumentKind))
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(500))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class Output(Base):
    """A paper, patent, product or other result a requester reports, linked to the resources it used."""
    __tablename__ = "sharing_outputs"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"), index=True)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[OutputKind] = mapped_column(enum_of(OutputKind))
    title: Mapped[str] = mapped_column(String(1000))
    doi: Mapped[str | None] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)

    resources: Mapped[list[OutputResource]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                           order_by="OutputResource.id")


class OutputResource(Base):
    __tablename__ = "sharing_output_resources"
    __table_args__ = (UniqueConstraint("output_id", "resource_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    output_id: Mapped[int] = mapped_column(ForeignKey("sharing_outputs.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="RESTRICT"), index=True)

    resource: Mapped[Resource] = relationship(lazy="joined")
