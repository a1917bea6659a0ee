"""Sharing agreements (MTAs): versions per center and domain, and which one governs a request.

The most specific applies: the center's for the domain, the center's for all domains, the platform's for the
domain, then the platform default (version 1 comes with the database migration)."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.enums import Domain
from catalog.errors import Forbidden, InvalidInput, parse_choice, InvalidState, NotFound, Unauthenticated
from catalog.models import Center
from catalog.sharing.models import Agreement, SharingRequest
from catalog.permissions import Actor
from catalog.services.audit import record


def current_agreement(session: Session, center_id: int, domain: Domain) -> Agreement:
    """The newest version of the most specific agreement for a center and domain."""
    for center_key, domain_key in ((center_id, domain), (center_id, None), (None, domain), (None, None)):
        found = session.scalar(select(Agreement).where(
            Agreement.center_id.is_(None) if center_key is None else Agreement.center_id == center_key,
            Agreement.domain.is_(None) if domain_key is None else Agreement.domain == domain_key)
            .order_by(Agreement.version.desc()).limit(1))
        if found is not None:
            return found
    raise InvalidState("No sharing agreement is configured on this platform; an administrator must publish one.",
                       "平台尚未配置共享协议，须由管理员发布。")


def required_agreements(session: Session, request: SharingRequest) -> dict[Domain, Agreement]:
    """The agreement governing each domain of the request's items, as the requester must accept them now."""
    domains = sorted({item.resource.domain for item in request.items})
    return {domain: current_agreement(session, request.center_id, domain) for domain in domains}


class AgreementService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def publish(self, actor: Actor, center_code: str | None, domain: str | None, title_zh: str, title_en: str,
                text_zh: str, text_en: str) -> Agreement:
        """Add the next version of a center's (its curators, admins) or the platform's (admins) agreement;
        requests already submitted keep the version their requester accepted."""
        if not actor.is_authenticated:
            raise Unauthenticated("Please sign in first.", "请先登录。")
        domain_value = _domain(domain)
        for name, value in (("title_zh", title_zh), ("title_en", title_en), ("text_zh", text_zh),
                            ("text_en", text_en)):
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput(f"An agreement needs {name} (both languages of the title and the text).",
                                   f"协议须有 {name}（标题和正文的中英文）。", field=name)
        with transaction(self.session_factory) as session:
            center_id = None
            if center_code:
                center_id = session.scalar(select(Center.id).where(Center.code == center_code))
                if center_id is None:
                    raise NotFound(f"No center with code {center_code!r}.", f"没有代码为 {center_code!r} 的资源库。")
                if not actor.curates(center_id):
                    raise Forbidden(f"Only curators of {center_code} may publish its agreements.",
                                    f"只有 {center_code} 的管理员可以发布其协议。")
            elif not actor.is_admin:
                raise Forbidden("Only a platform administrator may publish the platform's agreements.",
                                "只有平台管理员可以发布平台协议。")
            latest = session.scalar(select(func.max(Agreement.version)).where(
                Agreement.center_id.is_(None) if center_id is None else Agreement.center_id == center_id,
                Agreement.domain.is_(None) if domain_value is None else Agreement.domain == domain_value))
            agreement = Agreement(center_id=center_id, domain=domain_value, version=(latest or 0) + 1,
                                  title_zh=title_zh.strip(), title_en=title_en.strip(), text_zh=text_zh.strip(),
                                  text_en=text_en.strip(), created_by_id=actor.user_id)
            session.add(agreement)
            session.flush()
            record(session, actor, "agreement.publish", "agreement", agreement.id, center=center_code,
                   domain=domain, version=agreement.version)
            return agreement

    def current(self, center_code: str, domain: str) -> Agreement:
        """The agreement a request to this center for this domain would have to accept now (public text)."""
        domain_value = _domain(domain)
        if domain_value is None:
            raise InvalidInput("Name the domain of the agreement.", "请指明协议所属的资源领域。", field="domain")
        with self.session_factory() as session:
            center_id = session.scalar(select(Center.id).where(Center.code == center_code))
            if center_id is None:
                raise NotFound(f"No center with code {center_code!r}.", f"没有代码为 {center_code!r} 的资源库。")
            return current_agreement(session, center_id, domain_value)


def _domain(value: str | None) -> Domain | None:
    if not value:
        return None
    return parse_choice(Domain, value, "domain", "领域", field="domain")
