"""Drains running at the same time lose nothing: a drain removes only the outbox rows it applied, even when
SQLite has meanwhile handed their ids to newer changes."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from sqlalchemy import select

from catalog.models import IndexOutbox
from catalog.permissions import Actor
from catalog.search.indexer import Indexer
from tests.services.conftest import tea

OPERATOR = Actor.operator()
PREFIX = "HBPG-plant_germplasm-"


class Meanwhile:
    """The real engine, with something happening once, right after the first batch is written."""

    def __init__(self, backend, action: Callable[[], None]):
        self.backend = backend
        self.action: Callable[[], None] | None = action

    def index(self, documents: Iterable[dict[str, Any]]) -> int:
        written = self.backend.index(list(documents))
        action, self.action = self.action, None
        if action:
            action()
        return written

    def __getattr__(self, name: str):
        return getattr(self.backend, name)


def queued(services) -> list[int]:
    with services.session_factory() as session:
        return list(session.scalars(select(IndexOutbox.resource_id).order_by(IndexOutbox.id)))


def test_a_drain_overtaken_by_another_and_by_new_changes_leaves_the_new_changes_queued(services):
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("A2")])
    other = Indexer(services.session_factory, services.backend)
    reused: list[int] = []

    def another_drain_then_new_changes():
        assert other.drain() == 2
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A3"), tea("A4")])
        with services.session_factory() as session:
            reused.extend(session.scalars(select(IndexOutbox.id).order_by(IndexOutbox.id)))

    slow = Indexer(services.session_factory, Meanwhile(services.backend, another_drain_then_new_changes))
    assert slow.drain() == 2  # A3 and A4, on its second pass; A1 and A2 were removed by the other drain
    assert reused == [1, 2]  # the premise: the new changes got the ids of the rows the slow drain had read
    assert queued(services) == [] and services.backend.ids() == {PREFIX + f"A{n}" for n in range(1, 5)}
    assert services.indexer.check().consistent
