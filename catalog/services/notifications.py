"""In-app notifications, and their e-mail copies once the change that caused them is committed.

Rows are added inside the caller's transaction; deliver() mails them afterwards, so a slow or failing mail
server never undoes or delays a step, and a rolled-back step never sends mail."""
from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.errors import NotFound, Unauthenticated
from catalog.mail import Mailer, compose
from catalog.models import Notification, User, utcnow
from catalog.permissions import Actor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    event: str
    subject_zh: str
    subject_en: str
    body_zh: str
    body_en: str


class Notifier:
    def __init__(self, session_factory: sessionmaker[Session], mailer: Mailer, base_url: str):
        self.session_factory = session_factory
        self.mailer = mailer
        self.base_url = base_url

    def add(self, session: Session, user_ids: Iterable[int], notice: Notice,
            request_id: int | None = None) -> list[Notification]:
        """One in-app notification per user, in the caller's transaction; hand their ids to deliver() after commit."""
        rows = [Notification(user_id=user_id, request_id=request_id, event=notice.event,
                             subject_zh=notice.subject_zh, subject_en=notice.subject_en,
                             body_zh=notice.body_zh, body_en=notice.body_en) for user_id in dict.fromkeys(user_ids)]
        session.add_all(rows)
        session.flush()
        return rows

    def deliver(self, notification_ids: Iterable[int]) -> None:
        """E-mail each notification whose user has an address; failures are kept on the row, never raised."""
        for notification_id in notification_ids:
            with transaction(self.session_factory) as session:
                notification = session.get(Notification, notification_id)
                user = session.get(User, notification.user_id) if notification else None
                if notification is None or user is None or not user.email or notification.emailed_at:
                    continue
                try:
                    self.mailer.send(compose(self.mailer.sender, user.email, user.display_name or user.username,
                                             f"{notification.subject_zh} / {notification.subject_en}",
                                             self._body(notification)))
                except (OSError, smtplib.SMTPException) as error:
                    log.warning("mailing notification %s failed: %s", notification_id, error)
                    notification.email_error = f"{type(error).__name__}: {error}"[:300]
                else:
                    notification.emailed_at = utcnow()
                    notification.email_error = None

    def list(self, actor: Actor, unread_only: bool = False, limit: int = 100) -> list[Notification]:
        """The actor's own notifications, newest first."""
        user_id = _signed_in(actor)
        with self.session_factory() as session:
            query = select(Notification).where(Notification.user_id == user_id)
            if unread_only:
                query = query.where(Notification.read_at.is_(None))
            return list(session.scalars(query.order_by(Notification.id.desc()).limit(limit)))

    def mark_read(self, actor: Actor, notification_id: int) -> Notification:
        user_id = _signed_in(actor)
        with transaction(self.session_factory) as session:
            notification = session.get(Notification, notification_id)
            if notification is None or notification.user_id != user_id:
                raise NotFound(f"No notification {notification_id}.", f"没有编号为 {notification_id} 的通知。")
            notification.read_at = notification.read_at or utcnow()
            return notification

    def _body(self, notification: Notification) -> str:
        link = f"{self.base_url}/requests/{notification.request_id}" if notification.request_id else self.base_url
        return f"{notification.body_zh}\n\n{notification.body_en}\n\n{link}\n"


def _signed_in(actor: Actor) -> int:
    if actor.user_id is None:
        raise Unauthenticated("Please sign in first.", "请先登录。")
    return actor.user_id
