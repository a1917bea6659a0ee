"""The one transition table of sharing requests: state × action → next state, who may take the step, and
for which purposes and request types. The service enforces it and reports from it; nothing else decides."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from catalog.permissions import Actor
from catalog.sharing.enums import Purpose, RequestAction as Action, RequestState as State, RequestType


class Party(StrEnum):
    """How an actor stands to one request."""
    REQUESTER = "requester"
    CURATOR = "curator"  # a curator of the request's center
    ADMIN = "admin"


ANY_PURPOSE = frozenset(Purpose)
ANY_TYPE = frozenset(RequestType)
REQUESTER = frozenset({Party.REQUESTER})
CENTER = frozenset({Party.CURATOR, Party.ADMIN})


@dataclass(frozen=True)
class Transition:
    source: State
    action: Action
    target: State
    parties: frozenset[Party]
    purposes: frozenset[Purpose] = ANY_PURPOSE
    types: frozenset[RequestType] = ANY_TYPE


ACADEMIC = frozenset({Purpose.ACADEMIC})
COMMERCIAL = frozenset({Purpose.COMMERCIAL})
SHIPPABLE = frozenset({RequestType.MATERIAL, RequestType.SERVICE})
DELIVERABLE = frozenset({RequestType.DATA, RequestType.SERVICE})
# A requester may withdraw until the material or data has left the center.
CANCELLABLE = (State.DRAFT, State.SUBMITTED, State.UNDER_REVIEW, State.APPROVED, State.QUOTED, State.CONTRACTED,
               State.PAID)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(State.DRAFT, Action.SUBMIT, State.SUBMITTED, REQUESTER),
    Transition(State.SUBMITTED, Action.START_REVIEW, State.UNDER_REVIEW, CENTER),
    Transition(State.SUBMITTED, Action.REJECT, State.REJECTED, CENTER),
    Transition(State.UNDER_REVIEW, Action.APPROVE, State.APPROVED, CENTER),
    Transition(State.UNDER_REVIEW, Action.REJECT, State.REJECTED, CENTER),
    # Commercial use: a cost-based quote, the contract accepted, the payment confirmed (regulation Art. 18).
    Transition(State.APPROVED, Action.QUOTE, State.QUOTED, CENTER, purposes=COMMERCIAL),
    Transition(State.QUOTED, Action.ACCEPT_CONTRACT, State.CONTRACTED, REQUESTER, purposes=COMMERCIAL),
    Transition(State.CONTRACTED, Action.CONFIRM_PAYMENT, State.PAID, CENTER, purposes=COMMERCIAL),
    Transition(State.APPROVED, Action.SHIP, State.SHIPPED, CENTER, purposes=ACADEMIC, types=SHIPPABLE),
    Transition(State.APPROVED, Action.DELIVER, State.DELIVERED, CENTER, purposes=ACADEMIC, types=DELIVERABLE),
    Transition(State.PAID, Action.SHIP, State.SHIPPED, CENTER, purposes=COMMERCIAL, types=SHIPPABLE),
    Transition(State.PAID, Action.DELIVER, State.DELIVERED, CENTER, purposes=COMMERCIAL, types=DELIVERABLE),
    Transition(State.SHIPPED, Action.COMPLETE, State.COMPLETED, REQUESTER),
    Transition(State.DELIVERED, Action.COMPLETE, State.COMPLETED, REQUESTER),
    Transition(State.COMPLETED, Action.FEEDBACK, State.FEEDBACK, REQUESTER),
    *(Transition(state, Action.CANCEL, State.CANCELLED, REQUESTER) for state in CANCELLABLE),
)

TABLE: dict[tuple[State, Action], Transition] = {(t.source, t.action): t for t in TRANSITIONS}
if len(TABLE) != len(TRANSITIONS):
    raise RuntimeError("two transitions of the sharing table share a state and an action")

# The first decision of a curator on a request: its time counts for the median response time.
DECISIONS = frozenset({Action.APPROVE, Action.REJECT})
# Steps after which the material or data has reached, or is on its way to, the requester.
FULFILMENTS = frozenset({Action.SHIP, Action.DELIVER})


def transition_for(state: State, action: Action, purpose: Purpose, request_type: RequestType) -> Transition | None:
    """The step `action` takes from `state` for a request of this purpose and type, or None if there is none."""
    found = TABLE.get((state, action))
    if found is None or purpose not in found.purposes or request_type not in found.types:
        return None
    return found


def parties(actor: Actor, requester_id: int, center_id: int) -> frozenset[Party]:
    """How the actor stands to a request; an empty set means the request is none of their business. A curator
    or admin who made the request is only its requester: nobody decides on their own request."""
    if actor.user_id is not None and actor.user_id == requester_id:
        return frozenset({Party.REQUESTER})
    found = set()
    if actor.is_admin:
        found.add(Party.ADMIN)
    elif actor.curates(center_id):
        found.add(Party.CURATOR)
    return frozenset(found)


def available(state: State, purpose: Purpose, request_type: RequestType,
              standing: frozenset[Party]) -> list[Action]:
    """The actions someone standing so to a request may take now, in the table's order."""
    return [t.action for t in TRANSITIONS
            if t.source == state and purpose in t.purposes and request_type in t.types and t.parties & standing]
