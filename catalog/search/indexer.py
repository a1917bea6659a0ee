"""Keeps the search index a projection of the database: drains the outbox, rebuilds, checks and repairs."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.models import IndexOutbox, Resource
from catalog.search.backend import SearchBackend
from catalog.search.documents import public_document

BATCH_SIZE = 500


@dataclass
class IndexCheck:
    in_database: int
    in_index: int
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    repaired: bool = False

    @property
    def consistent(self) -> bool:
        return not self.missing and not self.unexpected


class Indexer:
    def __init__(self, session_factory: sessionmaker[Session], backend: SearchBackend):
        self.session_factory = session_factory
        self.backend = backend

    def drain(self, batch_size: int = BATCH_SIZE) -> int:
        """Apply queued changes to the index; outbox rows go only after the index accepted them."""
        done = 0
        while True:
            with self.session_factory() as session:
                entries = session.scalars(select(IndexOutbox).order_by(IndexOutbox.id).limit(batch_size)).all()
                if not entries:
                    return done
                resource_ids = {entry.resource_id for entry in entries}
                self._apply(session.scalars(select(Resource).where(Resource.id.in_(resource_ids))).all())
            with transaction(self.session_factory) as session:
                session.execute(delete(IndexOutbox).where(IndexOutbox.id.in_([e.id for e in entries])))
            done += len(entries)

    def rebuild(self, batch_size: int = BATCH_SIZE) -> int:
        """Fill the index again from the database while searches go on; returns the documents indexed.

        Changes published during the rebuild stay in the outbox and are applied after the swap, so the new
        index is never behind the database for long (external versions keep stale writes out)."""
        with self.session_factory() as session:
            last_queued = session.scalar(select(func.max(IndexOutbox.id))) or 0
        documents = (doc for resources in self._all_resources(batch_size)
                     for doc in map(public_document, resources) if doc)
        indexed = self.backend.replace_all(documents)
        with transaction(self.session_factory) as session:
            session.execute(delete(IndexOutbox).where(IndexOutbox.id <= last_queued))
        self.drain(batch_size)
        return indexed

    def check(self, repair: bool = False, batch_size: int = BATCH_SIZE) -> IndexCheck:
        """Compare the index with what the database says it should hold; optionally fix the difference."""
        expected: dict[str, int] = {}
        for resources in self._all_resources(batch_size):
            for resource in resources:
                if public_document(resource) is not None:
                    expected[resource.identifier] = resource.id
        present = self.backend.ids()
        result = IndexCheck(in_database=len(expected), in_index=len(present),
                            missing=sorted(set(expected) - present), unexpected=sorted(present - set(expected)))
        if repair and not result.consistent:
            self.backend.delete(result.unexpected)
            with self.session_factory() as session:
                ids = [expected[identifier] for identifier in result.missing]
                for start in range(0, len(ids), batch_size):
                    chunk = session.scalars(select(Resource).where(Resource.id.in_(ids[start:start + batch_size])))
                    self.backend.index(doc for doc in map(public_document, chunk) if doc)
            result.repaired = True
        return result

    def _apply(self, resources: list[Resource]) -> None:
        documents, gone = [], set()
        for resource in resources:
            document = public_document(resource)
            if document is None:
                gone.add(resource.identifier)
            else:
                documents.append(document)
        if documents:
            self.backend.index(documents)
        if gone:
            self.backend.delete(gone)

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
