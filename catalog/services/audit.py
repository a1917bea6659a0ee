"""The append-only audit trail (regulation Art. 19): one entry per action, in the action's transaction."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from catalog.models import AuditEntry
from catalog.permissions import Actor, require_admin


def record(session: Session, actor: Actor, action: str, object_type: str, object_id: Any,
           **detail: Any) -> None:
    """Add an audit entry to the caller's transaction, so it commits or rolls back with the change."""
    session.add(AuditEntry(actor_id=actor.user_id, actor_name=actor.username, action=action,
                           object_type=object_type, object_id=None if object_id is None else str(object_id),
                           detail=detail))


class AuditService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def recent(self, actor: Actor, limit: int = 100) -> list[AuditEntry]:
        require_admin(actor)
        with self.session_factory() as session:
            return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
