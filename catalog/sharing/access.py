"""Who may see a sharing request, and who hears of its events; shared by the modules of the sharing service."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.db import lock as lock_row
from catalog.enums import Role
from catalog.errors import NotFound
from catalog.models import RoleGrant
from catalog.sharing.models import SharingRequest
from catalog.permissions import Actor
from catalog.services.notifications import Notifier
from catalog.sharing.notices import Audience, notice
from catalog.sharing.states import Party, parties
from catalog.sharing.enums import RequestState


def load_request(session: Session, actor: Actor, request_id: int,
                 lock: bool = False) -> tuple[SharingRequest, frozenset[Party]]:
    """The request and how the actor stands to it. Anyone else, and anyone but the requester for a draft,
    gets NotFound: a request's existence is not revealed to people it does not concern."""
    request = lock_row(session, SharingRequest, request_id) if lock else session.get(SharingRequest, request_id)
    standing = parties(actor, request.requester_id, request.center_id) if request is not None else frozenset()
    if request is None or not standing or (request.state == RequestState.DRAFT and Party.REQUESTER not in standing):
        raise NotFound(f"No sharing request {request_id}.", f"没有编号为 {request_id} 的共享申请。")
    return request, standing


def curator_ids(session: Session, center_id: int) -> list[int]:
    return list(session.scalars(select(RoleGrant.user_id).where(RoleGrant.role == Role.CURATOR,
                                                                RoleGrant.center_id == center_id)
                                .order_by(RoleGrant.user_id)))


def announce(session: Session, notifier: Notifier, request: SharingRequest, event: str, **values) -> list[int]:
    """Add the in-app notifications of one event in the caller's transaction; returns their ids for delivery."""
    audience, text = notice(event, request, **values)
    users: list[int] = []
    for group in audience:
        users += [request.requester_id] if group == Audience.REQUESTER else curator_ids(session, request.center_id)
    return [row.id for row in notifier.add(session, users, text, request_id=request.id)]
