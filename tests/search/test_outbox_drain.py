"""Drains running at the same time lose nothing: a drain removes only the outbox rows it applied, even when
SQLite has meanwhile handed their ids to newer changes."""
from __future__ import annotations

import threading
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
    """While a drain is indexing a batch, another drain runs and new changes are published. SQLite: the other
    drain applies the same batch and the new changes reuse its rows' ids; the slow drain removes only what it
    applied. PostgreSQL: the other drain waits for the locked batch instead, and ids are never reused."""
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A1"), tea("A2")])
    other = Indexer(services.session_factory, services.backend)
    sqlite = services.settings.database_is_sqlite
    reused: list[int] = []
    waiting: list[threading.Thread] = []
    others_done: list[int] = []

    def another_drain_then_new_changes():
        if sqlite:
            others_done.append(other.drain())
        else:
            waiting.append(threading.Thread(target=lambda: others_done.append(other.drain())))
            waiting[0].start()
            waiting[0].join(0.5)
            assert waiting[0].is_alive()  # it waits for the batch this drain holds
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("A3"), tea("A4")])
        with services.session_factory() as session:
            reused.extend(session.scalars(select(IndexOutbox.id).order_by(IndexOutbox.id)))

    slow = Indexer(services.session_factory, Meanwhile(services.backend, another_drain_then_new_changes))
    done = slow.drain()
    for thread in waiting:
        thread.join(30)
    if sqlite:
        assert (done, others_done) == (2, [2])  # the slow drain took A3 and A4 on its second pass
        assert reused == [1, 2]  # the premise: the new changes got the ids of the rows the slow drain had read
    else:
        assert done + sum(others_done) == 4 and reused == [1, 2, 3, 4]
    assert queued(services) == [] and services.backend.ids() == {PREFIX + f"A{n}" for n in range(1, 5)}
    assert services.indexer.check().consistent


def test_drains_in_parallel_share_the_outbox(services):
    """Two drains at once empty the outbox; on PostgreSQL each batch goes to one of them only."""
    from tests.ingest.test_concurrency import together
    services.resources.on_change = lambda: None
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea(f"P{n}") for n in range(600)])
    sent: list[str] = []

    class Counting(Meanwhile):
        def index(self, documents):
            documents = list(documents)
            sent.extend(document["id"] for document in documents)
            return self.backend.index(documents)

    drains = [Indexer(services.session_factory, Counting(services.backend, lambda: None)) for _ in range(2)]
    done = together(*(lambda drain=drain: drain.drain(batch_size=50) for drain in drains))
    assert sum(done) == 600 and queued(services) == []
    assert len(services.backend.ids()) == 600 and services.indexer.check().consistent
    if not services.settings.database_is_sqlite:
        assert len(sent) == 600  # no document was sent twice
