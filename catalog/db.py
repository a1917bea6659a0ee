"""The database engine, the session factory and the one transaction helper."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

Row = TypeVar("Row")


def make_engine(url: str, **options) -> Engine:
    """An engine for the system of record; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **options)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **options)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends normally, roll back on any exception."""
    with session_factory() as session, session.begin():
        yield session


def lock(session: Session, model: type[Row], row_id: int) -> Row | None:
    """The row, held against other writers until the caller's transaction ends, read after any of theirs that
    committed first; None when there is no such row.

    PostgreSQL locks the row alone (FOR UPDATE OF its own table, since eagerly joined rows on the nullable side
    of an outer join cannot be locked). SQLite locks the whole database for a writer, but the driver begins a
    transaction only at the first write: a no-op write takes that lock before the row is read."""
    if session.get_bind().dialect.name == "sqlite":
        table = model.__table__.name  # type: ignore[attr-defined]
        session.execute(text(f'UPDATE "{table}" SET id = id WHERE id = :id'), {"id": row_id})  # no onupdate fires
        return session.get(model, row_id, populate_existing=True)
    return session.get(model, row_id, with_for_update={"of": model}, populate_existing=True)


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
