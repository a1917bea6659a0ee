"""Sharing steps taken twice at the same moment, on both databases: a cart is checked out once, and a request
moves through one step once; the second attempt is refused, not applied again."""
from __future__ import annotations

from catalog.errors import CatalogError
from catalog.sharing.history import RequestHistory
from tests.ingest.test_concurrency import together
from tests.sharing.conftest import P1, S1_LOW_RISK

DETAILS = {"request_type": "data", "purpose": "academic", "intended_use": "育种研究 / breeding research"}


def outcome(step):
    def run():
        try:
            return step()
        except CatalogError as refused:
            return refused.code
    return run


def test_a_cart_checked_out_twice_at_once_makes_one_set_of_requests(services, world):
    ada = world.actors["ada"]
    services.sharing.cart.add(ada, P1)
    services.sharing.cart.add(ada, S1_LOW_RISK)
    checkout = outcome(lambda: services.sharing.checkout(ada, DETAILS))
    results = together(checkout, checkout)
    made = [result for result in results if isinstance(result, list)]
    assert len(made) == 1 and len(made[0]) == 2, results
    assert "invalid_state" in results
    assert len(services.sharing.list(ada)) == 2


def test_a_request_submitted_twice_at_once_is_submitted_once(services, world):
    ada, cui = world.actors["ada"], world.actors["cui"]
    services.sharing.cart.add(ada, P1)
    (draft,) = services.sharing.checkout(ada, DETAILS)
    agreements = [term.agreement.id for term in services.sharing.dossier(ada, draft.id).agreements]
    submit = outcome(lambda: services.sharing.submit(ada, draft.id, agreements).state)
    assert sorted(together(submit, submit)) == ["invalid_state", "submitted"]
    review = outcome(lambda: services.sharing.start_review(cui, draft.id).state)
    assert sorted(together(review, review)) == ["invalid_state", "under_review"]
    events = [entry.event for entry in RequestHistory(services.session_factory).entries(ada, draft.id)]
    assert events.count("submit") == 1 and events.count("start_review") == 1
