"""The closed sets of values the system of record uses: roles, states, sharing modes, domains."""
from __future__ import annotations

from enum import StrEnum

from schemas.registry import Domain, describe

DOMAIN_LABELS: dict[str, dict[str, str]] = {domain: describe(domain.value).labels for domain in Domain}


class SharingMode(StrEnum):
    OPEN = "open"
    ON_REQUEST = "on_request"
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"


SHARING_MODE_LABELS: dict[str, dict[str, str]] = {
    SharingMode.OPEN: {"zh": "公开共享", "en": "Open"},
    SharingMode.ON_REQUEST: {"zh": "依申请共享", "en": "On request"},
    SharingMode.RESTRICTED: {"zh": "限制共享", "en": "Restricted"},
    SharingMode.CONFIDENTIAL: {"zh": "保密", "en": "Confidential"},
}


class Role(StrEnum):
    PUBLIC = "public"
    RESEARCHER = "researcher"
    CURATOR = "curator"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class CenterStatus(StrEnum):
    """Recognition lifecycle of a resource center (regulation Art. 10, 11, 21)."""
    APPLIED = "applied"
    UNDER_EVALUATION = "under_evaluation"
    PUBLIC_NOTICE = "public_notice"
    RECOGNISED = "recognised"
    SUSPENDED = "suspended"
    REMOVED = "removed"


class SubmissionState(StrEnum):
    UPLOADED = "uploaded"
    VALIDATING = "validating"
    VALIDATED = "validated"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    FAILED = "failed"


class ChangeKind(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class OutboxOperation(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Scope(StrEnum):
    """What an API token may be used for; within a scope it acts with its user's grants, never beyond them."""
    READ = "read"  # search, records, centers and vocabularies as the user sees them
    SUBMIT = "submit"  # upload, submit and withdraw submissions of the user's centers, and follow them
    REVIEW = "review"  # approve and reject submissions of the user's departments, and read them
    SHARE = "share"  # sharing requests: cart, requests, messages, documents, outputs, notifications, agreements
    ADMIN = "admin"  # the user's administrator grant (every center, department and token)


class ExportFormat(StrEnum):
    DWCA = "dwca"
    MCPD = "mcpd"


class ExportState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
