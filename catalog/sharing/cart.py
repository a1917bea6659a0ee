"""The request cart: resources a user means to request, across centers; checkout makes one draft per center.

Confidential records, deleted ones and any the user may not see never enter a cart or a request."""
from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import groupby
from typing import Any, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import lock, transaction
from catalog.enums import SharingMode
from catalog.errors import Forbidden, InvalidInput, parse_choice, InvalidState, NotFound, Unauthenticated
from catalog.models import Resource, User
from catalog.sharing.models import CartItem, RequestItem, SharingRequest
from catalog.permissions import Actor, may_see
from catalog.services.audit import record
from catalog.sharing.enums import Purpose, RequestState, RequestType
from catalog.services.resources import visible_resource

MAX_QUANTITY = 10_000
TEXT_LIMITS = {"project": 500, "funding": 500, "intended_use": 5000, "shipping_address": 1000}


@dataclass(frozen=True)
class RequestDetails:
    """What a requester says about a request; shared by every request of one checkout."""
    request_type: RequestType
    purpose: Purpose
    intended_use: str
    project: str | None = None
    funding: str | None = None
    shipping_address: str | None = None

    @classmethod
    def parse(cls, values: Mapping[str, Any]) -> "RequestDetails":
        """Check every field; errors name the field and say what is expected, in both languages."""
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise InvalidInput(f"Unknown field(s): {', '.join(unknown)}.", f"未知字段：{'、'.join(unknown)}。",
                               field=unknown[0])
        request_type = _choice(RequestType, values.get("request_type"), "request_type", "申请类型")
        purpose = _choice(Purpose, values.get("purpose"), "purpose", "用途")
        texts = {name: _text(values.get(name), name, limit) for name, limit in TEXT_LIMITS.items()}
        intended_use = texts["intended_use"]
        if not intended_use:
            raise InvalidInput("Say what the resources will be used for (intended_use).",
                               "请说明资源的预期用途（intended_use）。", field="intended_use")
        if request_type == RequestType.MATERIAL and not texts["shipping_address"]:
            raise InvalidInput("A request for physical material needs a shipping address (shipping_address).",
                               "实物申请须填写收货地址（shipping_address）。", field="shipping_address")
        return cls(request_type=request_type, purpose=purpose, intended_use=intended_use, project=texts["project"],
                   funding=texts["funding"], shipping_address=texts["shipping_address"])

    def apply_to(self, request: SharingRequest) -> None:
        for field in fields(self):
            setattr(request, field.name, getattr(self, field.name))


def requestable_resource(session: Session, actor: Actor, identifier: str) -> Resource:
    """The published resource, if the actor may request it: NotFound when they may not see it, Forbidden when
    it is confidential (which its own curators can see, but nobody may request)."""
    resource = visible_resource(session, actor, identifier, field="resource")
    if resource.sharing_mode == SharingMode.CONFIDENTIAL:
        raise Forbidden(f"{identifier} is confidential and cannot be requested.",
                        f"{identifier} 为保密资源，不可申请。", field="resource")
    return resource


def may_request(actor: Actor, resource: Resource) -> bool:
    return (not resource.is_deleted and resource.sharing_mode != SharingMode.CONFIDENTIAL
            and may_see(actor, resource.sharing_mode, resource.center_id, resource.center.department_id))


class CartService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def items(self, actor: Actor) -> list[CartItem]:
        """The actor's cart, by center then resource; items whose record has since become confidential or
        been withdrawn are left out (checkout drops them)."""
        user_id = _signed_in(actor)
        with self.session_factory() as session:
            return [item for item in self._rows(session, user_id) if may_request(actor, item.resource)]

    def add(self, actor: Actor, identifier: str, quantity: int = 1) -> CartItem:
        """Put a resource in the cart, or set its quantity if it is there already."""
        user_id = _signed_in(actor)
        quantity = _quantity(quantity)
        with transaction(self.session_factory) as session:
            resource = requestable_resource(session, actor, identifier)
            item = session.scalar(select(CartItem).where(CartItem.user_id == user_id,
                                                         CartItem.resource_id == resource.id))
            if item is None:
                item = CartItem(user_id=user_id, resource_id=resource.id, quantity=quantity)
                session.add(item)
            else:
                item.quantity = quantity
            session.flush()
            item.resource = resource
            return item

    def remove(self, actor: Actor, identifier: str) -> None:
        user_id = _signed_in(actor)
        with transaction(self.session_factory) as session:
            item = session.scalar(select(CartItem).join(Resource).where(CartItem.user_id == user_id,
                                                                        Resource.identifier == identifier))
            if item is None:
                raise NotFound(f"{identifier} is not in your cart.", f"{identifier} 不在您的申请单中。",
                               field="resource")
            session.delete(item)

    def clear(self, actor: Actor) -> None:
        user_id = _signed_in(actor)
        with transaction(self.session_factory) as session:
            session.execute(delete(CartItem).where(CartItem.user_id == user_id))

    def checkout(self, actor: Actor, details: RequestDetails) -> list[int]:
        """Turn the cart into one draft request per center, all in one transaction, and empty the cart;
        returns the ids of the drafts."""
        user_id = _signed_in(actor)
        with transaction(self.session_factory) as session:
            lock(session, User, user_id)  # one checkout of a cart at a time: a second finds it empty
            rows = self._rows(session, user_id)
            kept = [item for item in rows if may_request(actor, item.resource)]
            if not kept:
                raise InvalidState("Your cart is empty: add resources before checking out.",
                                   "申请单为空：请先添加资源再提交。")
            requests = []
            for center_id, group in groupby(kept, key=lambda item: item.resource.center_id):
                request = SharingRequest(requester_id=user_id, center_id=center_id, state=RequestState.DRAFT)
                details.apply_to(request)
                request.items = [RequestItem(resource_id=item.resource_id, quantity=item.quantity) for item in group]
                session.add(request)
                session.flush()
                record(session, actor, "request.create", "sharing_request", request.id, state=RequestState.DRAFT.value,
                       items=[(item.resource.identifier, item.quantity) for item in request.items])
                requests.append(request)
            session.execute(delete(CartItem).where(CartItem.user_id == user_id))
            record(session, actor, "cart.checkout", "user", user_id, requests=[r.id for r in requests],
                   dropped=len(rows) - len(kept))
            return [r.id for r in requests]

    @staticmethod
    def _rows(session: Session, user_id: int) -> list[CartItem]:
        query = (select(CartItem).join(Resource).where(CartItem.user_id == user_id)
                 .order_by(Resource.center_id, Resource.identifier))
        return list(session.scalars(query).unique())


def _signed_in(actor: Actor) -> int:
    if actor.user_id is None:
        raise Unauthenticated("Please sign in to request resources.", "请登录后申请资源。")
    return actor.user_id


def _quantity(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_QUANTITY:
        raise InvalidInput(f"quantity must be a whole number from 1 to {MAX_QUANTITY}, not {value!r}.",
                           f"数量须为 1 到 {MAX_QUANTITY} 的整数，而不是 {value!r}。", field="quantity")
    return value


def _choice(enum_class, value: Any, name: str, name_zh: str):
    return parse_choice(enum_class, value, name, name_zh, field=name)


def _text(value: Any, name: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be text.", f"{name} 须为文本。", field=name)
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{name} is longer than {limit} characters.", f"{name} 超过 {limit} 个字符。", field=name)
    return value or None
