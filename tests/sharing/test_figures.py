"""Service figures per center and year, computed from the requests: each event counts in the year (China time)
it happened, and the median response time runs from submission to the first curator decision."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.sharing.api import assert_problem, auth, call
from tests.sharing.conftest import P1

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
DETAILS = {"request_type": "material", "purpose": "academic", "intended_use": "育种 / breeding",
           "shipping_address": "武汉"}


@pytest.fixture
def clock(monkeypatch):
    now = [T0]
    monkeypatch.setattr("catalog.sharing.service.utcnow", lambda: now[0])
    return now


def new_request(services, actor, clock, at: datetime) -> int:
    services.sharing.cart.add(actor, P1)
    (draft,) = services.sharing.checkout(actor, DETAILS)
    clock[0] = at
    terms = services.sharing.dossier(actor, draft.id).agreements
    return services.sharing.submit(actor, draft.id, [t.agreement.id for t in terms]).id


def test_figures_count_each_event_in_its_year(client, services, world, tokens, clock):
    sharing, people = services.sharing, world.actors
    ada, bob, cui = people["ada"], people["bob"], people["cui"]

    fulfilled = new_request(services, ada, clock, T0)
    clock[0] = T0 + timedelta(hours=2)
    sharing.start_review(cui, fulfilled)
    sharing.approve(cui, fulfilled)
    sharing.ship(cui, fulfilled, "SF1")
    sharing.complete(ada, fulfilled)
    sharing.attachments.report_output(ada, fulfilled, "patent", "一种茶树抗寒品种的选育方法", number="CN118000001A")

    rejected = new_request(services, bob, clock, T0)
    clock[0] = T0 + timedelta(hours=6)
    sharing.reject(cui, rejected, "库存不足")

    cancelled = new_request(services, ada, clock, T0)
    clock[0] = T0 + timedelta(hours=4)
    sharing.start_review(cui, cancelled)
    sharing.approve(cui, cancelled)
    sharing.cancel(ada, cancelled)

    sharing.cart.add(ada, P1)
    (draft,) = sharing.checkout(ada, DETAILS)
    sharing.cancel(ada, draft.id)  # never submitted: not a service the center gave

    # 2025-12-31 20:00 UTC is 2026-01-01 04:00 in China: received in 2026; 10:00 UTC is still 2025 there.
    new_year = new_request(services, bob, clock, datetime(2025, 12, 31, 20, 0, tzinfo=timezone.utc))
    clock[0] = datetime(2025, 12, 31, 20, 0, tzinfo=timezone.utc) + timedelta(hours=8)
    sharing.reject(cui, new_year, "不在分发范围")
    new_request(services, bob, clock, datetime(2025, 12, 31, 10, 0, tzinfo=timezone.utc))

    figures_2026 = sharing.service_figures(cui, "HBPG", 2026)
    assert figures_2026 == {"center": "HBPG", "year": 2026, "received": 4, "approved": 2, "rejected": 2,
                            "fulfilled": 1, "completed": 1, "cancelled": 1, "decided": 4,
                            "median_response_hours": 5.0, "outputs": 1, "outputs_by_kind": {"patent": 1}}
    assert sharing.service_figures(cui, "HBPG", 2025) == {
        "center": "HBPG", "year": 2025, "received": 1, "approved": 0, "rejected": 0, "fulfilled": 0, "completed": 0,
        "cancelled": 0, "decided": 0, "median_response_hours": None, "outputs": 0, "outputs_by_kind": {}}
    assert sharing.service_figures(people["min"], "HBMS", 2026)["received"] == 0

    for reader in ("cui", "rev", "adm"):
        assert call(client, tokens[reader], "GET", "/api/centers/HBPG/service-figures?year=2026") == figures_2026
    for outsider in ("ada", "geo", "min"):
        assert_problem(client.get("/api/centers/HBPG/service-figures?year=2026", headers=auth(tokens[outsider])),
                       403, "forbidden")
    assert_problem(client.get("/api/centers/HBPG/service-figures?year=last", headers=auth(tokens["cui"])),
                   400, "invalid_input", field="year")
    assert_problem(client.get("/api/centers/NOPE/service-figures?year=2026", headers=auth(tokens["cui"])),
                   404, "not_found")
