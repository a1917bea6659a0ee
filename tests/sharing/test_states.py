"""The transition table, enforced: every step outside it is refused (InvalidState), every step in it is refused
to the parties it does not name (Forbidden), and a refused step changes nothing."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from catalog.errors import Forbidden, InvalidState
from catalog.sharing.states import CANCELLABLE, TRANSITIONS, Party, transition_for
from catalog.sharing.enums import Purpose, RequestAction as Action, RequestState as State, RequestType
from tests.databases import running_services
from tests.sharing.conftest import P1, populate

DETAILS = {"intended_use": "茶树抗寒育种研究 / cold-tolerance breeding", "shipping_address": "武汉市洪山区狮子山街1号"}
# The parameters each step needs when it is taken for real (not refused before reading them).
ARGUMENTS = {Action.REJECT: {"reason": "库存不足 / out of stock"},
             Action.QUOTE: {"line_items": [{"description": "培养与包装 / culture and packing", "amount": "80.00"}]},
             Action.CONFIRM_PAYMENT: {"reference": "HB-2026-0001"},
             Action.SHIP: {"tracking_number": "SF1234567890", "carrier": "顺丰"},
             Action.DELIVER: {"data_link": "https://data.example.cn/requests/1"},
             Action.FEEDBACK: {"rating": 4, "text": "及时 / timely"}}
ACADEMIC, COMMERCIAL = Purpose.ACADEMIC, Purpose.COMMERCIAL
MATERIAL, DATA, SERVICE = RequestType.MATERIAL, RequestType.DATA, RequestType.SERVICE
REVIEWED = (Action.SUBMIT, Action.START_REVIEW, Action.APPROVE)
PAID = (*REVIEWED, Action.QUOTE, Action.ACCEPT_CONTRACT, Action.CONFIRM_PAYMENT)


@dataclass(frozen=True)
class Path:
    """The steps that bring a new request of this purpose and type to `state`."""
    state: State
    purpose: Purpose
    request_type: RequestType
    steps: tuple[Action, ...]

    @property
    def id(self) -> str:
        return f"{self.state.value}-{self.purpose.value}-{self.request_type.value}"


PATHS = (
    Path(State.DRAFT, ACADEMIC, MATERIAL, ()),
    Path(State.SUBMITTED, ACADEMIC, MATERIAL, (Action.SUBMIT,)),
    Path(State.UNDER_REVIEW, ACADEMIC, MATERIAL, (Action.SUBMIT, Action.START_REVIEW)),
    Path(State.REJECTED, ACADEMIC, MATERIAL, (Action.SUBMIT, Action.REJECT)),
    Path(State.REJECTED, ACADEMIC, DATA, (Action.SUBMIT, Action.START_REVIEW, Action.REJECT)),
    Path(State.APPROVED, ACADEMIC, MATERIAL, REVIEWED),
    Path(State.APPROVED, ACADEMIC, DATA, REVIEWED),
    Path(State.APPROVED, ACADEMIC, SERVICE, REVIEWED),
    Path(State.APPROVED, COMMERCIAL, MATERIAL, REVIEWED),
    Path(State.QUOTED, COMMERCIAL, MATERIAL, (*REVIEWED, Action.QUOTE)),
    Path(State.CONTRACTED, COMMERCIAL, DATA, (*REVIEWED, Action.QUOTE, Action.ACCEPT_CONTRACT)),
    Path(State.PAID, COMMERCIAL, MATERIAL, PAID),
    Path(State.PAID, COMMERCIAL, DATA, PAID),
    Path(State.PAID, COMMERCIAL, SERVICE, PAID),
    Path(State.SHIPPED, ACADEMIC, MATERIAL, (*REVIEWED, Action.SHIP)),
    Path(State.SHIPPED, COMMERCIAL, SERVICE, (*PAID, Action.SHIP)),
    Path(State.DELIVERED, ACADEMIC, DATA, (*REVIEWED, Action.DELIVER)),
    Path(State.DELIVERED, COMMERCIAL, DATA, (*PAID, Action.DELIVER)),
    Path(State.DELIVERED, ACADEMIC, SERVICE, (*REVIEWED, Action.DELIVER)),
    Path(State.COMPLETED, ACADEMIC, DATA, (*REVIEWED, Action.DELIVER, Action.COMPLETE)),
    Path(State.COMPLETED, ACADEMIC, MATERIAL, (*REVIEWED, Action.SHIP, Action.COMPLETE)),
    Path(State.FEEDBACK, ACADEMIC, MATERIAL, (*REVIEWED, Action.SHIP, Action.COMPLETE, Action.FEEDBACK)),
    Path(State.CANCELLED, ACADEMIC, MATERIAL, (Action.CANCEL,)),
    Path(State.CANCELLED, COMMERCIAL, MATERIAL, (*PAID, Action.CANCEL)),
)
PARTY_OF = {Party.REQUESTER: "ada", Party.CURATOR: "cui", Party.ADMIN: "adm"}


@pytest.fixture(scope="module")
def shared(database, tmp_path_factory):
    """One database for the whole table: every case works on a request of its own."""
    with running_services(database, tmp_path_factory.mktemp("states") / "var") as services:
        world = populate(services)
        yield services, world.actors


def step(services, actors, request_id: int, action: Action, parties: frozenset[Party]):
    party = Party.REQUESTER if Party.REQUESTER in parties else Party.CURATOR
    return services.sharing.perform(actors[PARTY_OF[party]], request_id, action.value, _arguments(services, actors,
                                                                                                  request_id, action))


def _arguments(services, actors, request_id: int, action: Action) -> dict:
    if action == Action.SUBMIT:
        terms = services.sharing.dossier(actors["ada"], request_id).agreements
        return {"accept_agreements": [t.agreement.id for t in terms]}
    return ARGUMENTS.get(action, {})


def request_at(services, actors, path: Path) -> int:
    services.sharing.cart.add(actors["ada"], P1)
    (created,) = services.sharing.checkout(actors["ada"], {"request_type": path.request_type.value,
                                                           "purpose": path.purpose.value, **DETAILS})
    for action in path.steps:
        state = services.sharing.get(actors["ada"], created.id).state
        transition = transition_for(state, action, path.purpose, path.request_type)
        assert transition is not None, f"{action} from {state} is not in the table"
        assert step(services, actors, created.id, action, transition.parties).state == transition.target
    assert services.sharing.get(actors["ada"], created.id).state == path.state
    return created.id


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.id)
def test_every_step_outside_the_table_or_the_party_is_refused(shared, path):
    services, actors = shared
    request_id = request_at(services, actors, path)
    for action in Action:
        transition = transition_for(path.state, action, path.purpose, path.request_type)
        refused_to = set(Party) if transition is None else set(Party) - transition.parties
        if path.state == State.DRAFT:
            refused_to.discard(Party.CURATOR)  # nobody but the requester sees a draft: covered by the IDOR tests
            refused_to.discard(Party.ADMIN)
        for party in sorted(refused_to):
            expected = InvalidState if transition is None else Forbidden
            with pytest.raises(expected):
                services.sharing.perform(actors[PARTY_OF[party]], request_id, action.value,
                                         _arguments(services, actors, request_id, action))
    assert services.sharing.get(actors["ada"], request_id).state == path.state
    if path.state in CANCELLABLE:
        assert services.sharing.cancel(actors["ada"], request_id).state == State.CANCELLED


def test_every_transition_of_the_table_is_taken_by_some_path():
    taken = set()
    for path in PATHS:
        state = State.DRAFT
        for action in path.steps:
            transition = transition_for(state, action, path.purpose, path.request_type)
            taken.add((state, action, path.purpose, path.request_type))
            state = transition.target
        if state in CANCELLABLE:
            taken.add((state, Action.CANCEL, path.purpose, path.request_type))
    for transition in TRANSITIONS:
        assert any((transition.source, transition.action) == (state, action) and purpose in transition.purposes
                   and kind in transition.types for state, action, purpose, kind in taken), transition


def test_the_drafts_of_others_do_not_exist(shared):
    services, actors = shared
    request_id = request_at(services, actors, PATHS[0])
    for name in ("cui", "adm", "bob"):
        with pytest.raises(Exception) as refused:
            services.sharing.perform(actors[name], request_id, "submit", {"accept_agreements": [1]})
        assert refused.value.code == "not_found"
