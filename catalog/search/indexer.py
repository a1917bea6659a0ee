"""Keeps the search index a projection of the database: drains the outbox, rebuilds, checks and repairs.

A document the engine refuses is set aside in index_failures with the reason, so one bad record never holds
up the changes queued after it; when the engine cannot take changes at all, the outbox keeps them."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, cast

from sqlalchemy import CursorResult, delete, func, select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.errors import CatalogError
from catalog.models import IndexFailure, IndexOutbox, Resource, utcnow
from catalog.search.backend import SearchBackend
from catalog.search.documents import public_document
from catalog.search.elastic import IndexingRefused
from catalog.search.failures import (SearchUnavailable, cause_of, is_retryable, rebuild_refused,
                                     refusal_reason, unavailable)

BATCH_SIZE = 500
log = logging.getLogger(__name__)


@dataclass
class IndexCheck:
    in_database: int
    in_index: int
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    repaired: bool = False
    unrepaired: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.missing and not self.unexpected and not self.set_aside


@dataclass
class Applied:
    """What the engine made of a batch of resources, by resource id."""
    accepted: set[int] = field(default_factory=set)
    refused: dict[int, tuple[str, int, str]] = field(default_factory=dict)  # id → (identifier, version, reason)
    deferred: dict[int, str] = field(default_factory=dict)  # id → why it may succeed later


class Indexer:
    def __init__(self, session_factory: sessionmaker[Session], backend: SearchBackend, location: str | None = None):
        self.session_factory = session_factory
        self.backend = backend
        self.location = location  # the configured search URL, named in errors

    def drain(self, batch_size: int = BATCH_SIZE) -> int:
        """Apply queued changes to the index; returns the outbox rows done.

        An outbox row goes only in the transaction that records its outcome: the change is in the index, or its
        document was refused and set aside. When the engine cannot take changes (unreachable, overloaded,
        failing) the rows stay for the next drain and SearchUnavailable says why."""
        done = 0
        while True:
            with transaction(self.session_factory) as session:
                # On PostgreSQL a batch is locked until its outcome is recorded, and a concurrent drain (another
                # process's) takes the next batch instead of indexing this one again; with none left unlocked, it
                # waits for the others' batches, so that everything queued before it is applied when it returns.
                # SQLite has no row locks: a concurrent drain may repeat a batch there, which versions make harmless.
                queued = select(IndexOutbox).order_by(IndexOutbox.id).limit(batch_size)
                entries = (session.scalars(queued.with_for_update(skip_locked=True)).all()
                           or session.scalars(queued.with_for_update()).all())
                if not entries:
                    return done
                resource_ids = {entry.resource_id for entry in entries}
                resources = session.scalars(select(Resource).where(Resource.id.in_(resource_ids))).all()
                applied = self._apply(resources)
                finished = [(entry.id, entry.resource_id, entry.version) for entry in entries
                            if entry.resource_id not in applied.deferred]
                # Matched on the whole row, not the id alone: SQLite hands a deleted row's id to the next insert,
                # so a concurrent drain that already removed this batch could otherwise take a new change with it.
                # Session.execute is typed as returning a Result; a DELETE without RETURNING gives a CursorResult.
                removed = cast(CursorResult[Any], session.execute(delete(IndexOutbox).where(
                    tuple_(IndexOutbox.id, IndexOutbox.resource_id, IndexOutbox.version).in_(finished))))
                self._record(session, applied)
            done += removed.rowcount
            if applied.deferred:
                raise self._unavailable(f"{len(applied.deferred)} document(s) rejected for now: "
                                        + next(iter(applied.deferred.values())))

    def rebuild(self, batch_size: int = BATCH_SIZE) -> int:
        """Fill the index again from the database while searches go on; returns the documents indexed.

        Changes published during the rebuild stay in the outbox and are applied after the swap, so the new
        index is never behind the database for long (external versions keep stale writes out)."""
        started = utcnow()
        with self.session_factory() as session:
            last_queued = session.scalar(select(func.max(IndexOutbox.id))) or 0
        documents = (doc for resources in self._all_resources(batch_size)
                     for doc in map(public_document, resources) if doc)
        with self._reaching_the_engine():
            try:
                indexed = self.backend.replace_all(documents)
            except IndexingRefused as refusal:
                raise rebuild_refused(refusal.refused) from refusal
        with transaction(self.session_factory) as session:
            # created_at too: an id up to last_queued may have been reused (SQLite) by a change made since.
            session.execute(delete(IndexOutbox).where(IndexOutbox.id <= last_queued,
                                                      IndexOutbox.created_at <= started))
            # Every document read after `started` was accepted; a refusal recorded since then is a newer one.
            session.execute(delete(IndexFailure).where(IndexFailure.last_failed_at < started))
        self.drain(batch_size)
        return indexed

    def check(self, repair: bool = False, batch_size: int = BATCH_SIZE) -> IndexCheck:
        """Compare the index with what the database says it should hold, and list the documents set aside;
        with `repair`, remove what should not be there and index the missing and set-aside documents again."""
        expected: dict[str, int] = {}
        for resources in self._all_resources(batch_size):
            for resource in resources:
                if public_document(resource) is not None:
                    expected[resource.identifier] = resource.id
        with self._reaching_the_engine():
            present = self.backend.ids()
        failures = self.set_aside()
        result = IndexCheck(in_database=len(expected), in_index=len(present),
                            missing=sorted(set(expected) - present), unexpected=sorted(present - set(expected)),
                            set_aside=[describe(failure) for failure in failures])
        if repair and not result.consistent:
            with self._reaching_the_engine():
                self.backend.delete(result.unexpected)
            ids = sorted({expected[identifier] for identifier in result.missing}
                         | {failure.resource_id for failure in failures})
            for start in range(0, len(ids), batch_size):
                with self.session_factory() as session:
                    chunk = session.scalars(select(Resource).where(Resource.id.in_(ids[start:start + batch_size])))
                    applied = self._apply(chunk.all())
                with transaction(self.session_factory) as session:
                    self._record(session, applied)
                if applied.deferred:
                    raise self._unavailable(next(iter(applied.deferred.values())))
                result.unrepaired += [identifier for identifier, _, _ in applied.refused.values()]
            result.unrepaired.sort()
            result.repaired = True
        return result

    def set_aside(self) -> list[IndexFailure]:
        """The resources whose current document the engine refused, oldest refusal first."""
        with self.session_factory() as session:
            return list(session.scalars(select(IndexFailure).order_by(IndexFailure.first_failed_at,
                                                                      IndexFailure.id)))

    def _apply(self, resources: Iterable[Resource]) -> Applied:
        documents: dict[int, dict[str, Any]] = {}
        gone: dict[int, str] = {}
        for resource in resources:
            document = public_document(resource)
            if document is None:
                gone[resource.id] = resource.identifier
            else:
                documents[resource.id] = document
        applied = Applied(accepted=set(documents) | set(gone))
        with self._reaching_the_engine():
            if documents:
                try:
                    self.backend.index(documents.values())
                except IndexingRefused as refusal:
                    self._sort_refusals(refusal.refused, documents, applied)
            if gone:
                self.backend.delete(gone.values())
        return applied

    @staticmethod
    def _sort_refusals(refused: dict[str, Any], documents: dict[int, dict[str, Any]], applied: Applied) -> None:
        by_identifier = {document["id"]: resource_id for resource_id, document in documents.items()}
        for identifier, error in refused.items():
            resource_id = by_identifier[identifier]
            applied.accepted.discard(resource_id)
            if is_retryable(error):
                applied.deferred[resource_id] = refusal_reason(error)
            else:
                applied.refused[resource_id] = (identifier, documents[resource_id]["version"], refusal_reason(error))

    def _record(self, session: Session, applied: Applied) -> None:
        """Set refused documents aside (or count another refusal) and forget those the engine now holds."""
        if applied.accepted:
            session.execute(delete(IndexFailure).where(IndexFailure.resource_id.in_(applied.accepted)))
        if not applied.refused:
            return
        known = {failure.resource_id: failure for failure in session.scalars(
            select(IndexFailure).where(IndexFailure.resource_id.in_(applied.refused)))}
        now = utcnow()
        for resource_id, (identifier, version, reason) in applied.refused.items():
            log.warning("search index refused %s version %s, set aside: %s", identifier, version, reason)
            failure = known.get(resource_id)
            if failure is None:
                session.add(IndexFailure(resource_id=resource_id, identifier=identifier, version=version,
                                         reason=reason, attempts=1, first_failed_at=now, last_failed_at=now))
            else:
                failure.version, failure.reason, failure.last_failed_at = version, reason, now
                failure.attempts += 1

    @contextmanager
    def _reaching_the_engine(self) -> Iterator[None]:
        """Any failure other than a refusal means the engine could not take the work: say so, naming it."""
        try:
            yield
        except (IndexingRefused, CatalogError):
            raise
        except Exception as error:
            raise self._unavailable(cause_of(error)) from error

    def _unavailable(self, cause: str) -> SearchUnavailable:
        with self.session_factory() as session:
            waiting = session.scalar(select(func.count()).select_from(IndexOutbox)) or 0
        return unavailable(self.location, cause, waiting)

    def _all_resources(self, batch_size: int):
        last_id = 0
        while True:
            with self.session_factory() as session:
                batch = session.scalars(select(Resource).where(Resource.id > last_id)
                                        .order_by(Resource.id).limit(batch_size)).all()
            if not batch:
                return
            yield batch
            last_id = batch[-1].id


def describe(failure: IndexFailure) -> dict[str, Any]:
    """A set-aside document as `catalog index check` reports it."""
    return {"id": failure.identifier, "version": failure.version, "reason": failure.reason,
            "attempts": failure.attempts, "first_failed_at": failure.first_failed_at.isoformat(),
            "last_failed_at": failure.last_failed_at.isoformat()}

