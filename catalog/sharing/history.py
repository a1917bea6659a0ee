"""The history of one sharing request as its append-only audit trail records it (regulation Art. 19): each step,
message, document and output with its time and author, shown only to the people the request concerns."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from catalog.models import AuditEntry
from catalog.permissions import Actor
from catalog.sharing.access import load_request

PREFIX = "request."


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    author: str | None
    event: str  # the audit action without its "request." prefix: create, submit, approve, message…
    from_state: str | None
    to_state: str | None


class RequestHistory:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def entries(self, actor: Actor, request_id: int) -> list[HistoryEntry]:
        """Oldest first; NotFound for a request that does not concern the actor, as everywhere else."""
        with self.session_factory() as session:
            load_request(session, actor, request_id)
            rows = session.scalars(select(AuditEntry).where(AuditEntry.object_type == "sharing_request",
                                                            AuditEntry.object_id == str(request_id))
                                   .order_by(AuditEntry.id))
            return [HistoryEntry(at=row.at, author=row.actor_name, event=row.action.removeprefix(PREFIX),
                                 from_state=(row.detail or {}).get("from_state"),
                                 to_state=(row.detail or {}).get("to_state") or (row.detail or {}).get("state"))
                    for row in rows if row.action.startswith(PREFIX)]
