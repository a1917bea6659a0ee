"""SQLAlchemy tables of the system of record: the same schema on SQLite and PostgreSQL.

Departments, centers, users with role grants, hashed API tokens, submissions, resources with
their history, the index outbox, the append-only audit log, notifications and exports. The tables of sharing
requests are catalog.sharing.models'.
"""
from __future__ import annotations

from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, Enum, Float, ForeignKey, Index, Integer,
                        MetaData, String, Text, TypeDecorator, UniqueConstraint)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from catalog.enums import (CenterStatus, ChangeKind, Domain, ExportFormat, ExportState, OutboxOperation, Role,
                           SharingMode, SubmissionState)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONData = JSON().with_variant(JSONB(), "postgresql")
Id = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER keys only


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def enum_of(enum_class: type[StrEnum]) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK constraint, stored as the member's value."""
    return Enum(enum_class, native_enum=False, create_constraint=True, length=32,
                values_callable=lambda members: [member.value for member in members],
                name=enum_class.__name__.lower(), validate_strings=True)


class Timestamp(TypeDecorator):
    """A moment, stored in UTC and read back as an aware UTC datetime on every database: PostgreSQL keeps the
    zone (timestamptz), SQLite keeps the wall time alone, which is UTC because every moment is turned into UTC
    before it is stored."""
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime ({value.isoformat()}) is not a moment: give its time zone")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Department(Base):
    """A supervising department (主管部门): reviews its centers' submissions."""
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)

    centers: Mapped[list[Center]] = relationship(back_populates="department")


class Center(Base):
    """A resource center (省资源库) run by a host institution under a supervising department."""
    __tablename__ = "centers"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    domain: Mapped[Domain | None] = mapped_column(enum_of(Domain))
    host_institution_zh: Mapped[str | None] = mapped_column(String(200))
    host_institution_en: Mapped[str | None] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"))
    status: Mapped[CenterStatus] = mapped_column(enum_of(CenterStatus), default=CenterStatus.RECOGNISED)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow, onupdate=utcnow)

    department: Mapped[Department | None] = relationship(back_populates="centers")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(256))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)

    grants: Mapped[list[RoleGrant]] = relationship(back_populates="user", cascade="all, delete-orphan",
                                                   lazy="selectin")


class RoleGrant(Base):
    """One role of a user; curators are scoped to a center, reviewers to a department."""
    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("user_id", "role", "center_id", "department_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_of(Role))
    center_id: Mapped[int | None] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))

    user: Mapped[User] = relationship(back_populates="grants")


class ApiToken(Base):
    """An API token: only its SHA-256 is kept; the prefix lets a user tell tokens apart."""
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(Timestamp())
    last_used_at: Mapped[datetime | None] = mapped_column(Timestamp())
    revoked_at: Mapped[datetime | None] = mapped_column(Timestamp())


class Submission(Base):
    """One uploaded file of one center and domain, from upload to review."""
    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="RESTRICT"), index=True)
    domain: Mapped[Domain] = mapped_column(enum_of(Domain))
    state: Mapped[SubmissionState] = mapped_column(enum_of(SubmissionState), default=SubmissionState.UPLOADED)
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    storage_key: Mapped[str | None] = mapped_column(String(500))
    report_key: Mapped[str | None] = mapped_column(String(500))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    options: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    changes: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    dataset: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    phase: Mapped[str | None] = mapped_column(String(32))
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    rows_total: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    review_reason: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow, onupdate=utcnow)

    center: Mapped[Center] = relationship(lazy="joined")


class StagedRecord(Base):
    """A valid row of a submission waiting for review; published (or discarded) as a whole."""
    __tablename__ = "staged_records"
    __table_args__ = (UniqueConstraint("submission_id", "row_number"),
                      Index("ix_staged_records_submission_local_id", "submission_id", "local_id"))

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    row_number: Mapped[int] = mapped_column(Integer)
    local_id: Mapped[str] = mapped_column(String(128))
    record: Mapped[dict[str, Any]] = mapped_column(JSONData)


class Resource(Base):
    """A published resource: common core columns for search and display, the domain payload as JSON."""
    __tablename__ = "resources"
    __table_args__ = (UniqueConstraint("center_id", "domain", "local_id"),
                      Index("ix_resources_domain_sharing", "domain", "sharing_mode"))

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    identifier: Mapped[str] = mapped_column(String(200), unique=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="RESTRICT"), index=True)
    domain: Mapped[Domain] = mapped_column(enum_of(Domain))
    local_id: Mapped[str] = mapped_column(String(128))
    name_zh: Mapped[str | None] = mapped_column(String(500))
    name_en: Mapped[str | None] = mapped_column(String(500))
    scientific_name: Mapped[str | None] = mapped_column(String(500), index=True)
    country_code: Mapped[str | None] = mapped_column(String(2))
    admin_division: Mapped[str | None] = mapped_column(String(12))
    locality: Mapped[str | None] = mapped_column(Text)
    decimal_latitude: Mapped[float | None] = mapped_column(Float)
    decimal_longitude: Mapped[float | None] = mapped_column(Float)
    coordinate_uncertainty_m: Mapped[float | None] = mapped_column(Float)
    geodetic_datum: Mapped[str | None] = mapped_column(String(32))
    event_date: Mapped[str | None] = mapped_column(String(32))
    preservation_method: Mapped[str | None] = mapped_column(String(100))
    preservation_place: Mapped[str | None] = mapped_column(String(200))
    preservation_status: Mapped[str | None] = mapped_column(String(100))
    availability: Mapped[str | None] = mapped_column(String(32))
    sharing_mode: Mapped[SharingMode] = mapped_column(enum_of(SharingMode), default=SharingMode.OPEN)
    quantity: Mapped[str | None] = mapped_column(String(100))
    licence: Mapped[str | None] = mapped_column(String(200))
    rights_holder: Mapped[str | None] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    quality_flags: Mapped[list[str]] = mapped_column(JSONData, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow, onupdate=utcnow)

    center: Mapped[Center] = relationship(lazy="joined")


class ResourceHistory(Base):
    """Every published version of a resource, as it was, never changed afterwards."""
    __tablename__ = "resource_history"
    __table_args__ = (UniqueConstraint("resource_id", "version"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    change: Mapped[ChangeKind] = mapped_column(enum_of(ChangeKind))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONData)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id", ondelete="SET NULL"))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class IndexOutbox(Base):
    """Index work written in the same transaction as the change it reflects; the indexer drains it."""
    __tablename__ = "index_outbox"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    resource_id: Mapped[int] = mapped_column(BigInteger, index=True)
    version: Mapped[int] = mapped_column(Integer)
    operation: Mapped[OutboxOperation] = mapped_column(enum_of(OutboxOperation))
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class AuditEntry(Base):
    """Append-only record of who did what (regulation Art. 19); triggers refuse updates and deletes."""
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_name: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)


class Notification(Base):
    """An in-app notice to one user; also sent by e-mail (SMTP or the file outbox) when the user has an address."""
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("sharing_requests.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(64))
    subject_zh: Mapped[str] = mapped_column(String(300))
    subject_en: Mapped[str] = mapped_column(String(300))
    body_zh: Mapped[str] = mapped_column(Text)
    body_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(Timestamp())
    emailed_at: Mapped[datetime | None] = mapped_column(Timestamp())
    email_error: Mapped[str | None] = mapped_column(String(300))


class IndexFailure(Base):
    """A resource whose index document the search engine refused (a mapping it breaks, not an outage).

    Set aside here so later changes keep flowing; `catalog index check` lists these and `--repair` retries
    them. A later version the engine accepts removes the row."""
    __tablename__ = "index_failures"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"), unique=True)
    identifier: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_failed_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    last_failed_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)


class Export(Base):
    """A file built in the background from a selection of published records, as its requester may see them.

    The id is random and unguessable: it is all an anonymous requester holds. An export of a user goes with
    the user (CASCADE), never to nobody, since it may hold what only that user may see."""
    __tablename__ = "exports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    format: Mapped[ExportFormat] = mapped_column(enum_of(ExportFormat))
    state: Mapped[ExportState] = mapped_column(enum_of(ExportState), default=ExportState.QUEUED)
    selection: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    records_written: Mapped[int] = mapped_column(Integer, default=0)
    records_expected: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str | None] = mapped_column(String(255))
    storage_key: Mapped[str | None] = mapped_column(String(500))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    failure: Mapped[dict[str, Any] | None] = mapped_column(JSONData)
    created_at: Mapped[datetime] = mapped_column(Timestamp(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(Timestamp())
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp())
