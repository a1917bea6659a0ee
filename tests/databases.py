"""The two databases every database test runs on: a SQLite file, and PostgreSQL over a real connection.

Each test gets a database of its own, already migrated: a copy of a SQLite file migrated once per run, or a
PostgreSQL database created from a template migrated once per run (and per xdist worker), dropped after it."""
from __future__ import annotations

import os
import shutil
import socket
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from catalog import migrations
from catalog.db import make_engine

DATABASES = ("sqlite", "postgresql")
POSTGRES_ADMIN_URL = os.environ.get("CATALOG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
SQLITE_FILE = "catalog.sqlite3"  # the file name of the embedded default under CATALOG_VAR_DIR


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a local service is unreachable, except under CI where that is a failure."""
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError as error:
        message = f"{name} at {host}:{port} is unreachable ({error})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; under CI=true every service must be running", pytrace=False)
        pytest.skip(message)


def require_postgres() -> None:
    address = urlsplit(POSTGRES_ADMIN_URL)
    require_service("PostgreSQL", address.hostname or "127.0.0.1", address.port or 5432)


def postgres_admin(*statements: str) -> None:
    import psycopg
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def postgres_url_of(name: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def new_postgres_name(purpose: str) -> str:
    return f"catalog_{purpose}_{uuid.uuid4().hex[:12]}"


class Database:
    """Fresh migrated databases of one engine, as the CATALOG_* values that point a test's settings at one."""

    def __init__(self, kind: str, scratch: Path):
        self.kind, self.scratch = kind, scratch
        self._template: str | None = None

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgresql"

    @contextmanager
    def fresh(self, var_dir: Path) -> Iterator[dict[str, str]]:
        """A new database, migrated to the head revision, for settings with CATALOG_VAR_DIR=var_dir."""
        if not self.is_postgres:
            var_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._migrated_sqlite(), var_dir / SQLITE_FILE)
            yield {}
            return
        name = new_postgres_name("test")
        postgres_admin(f'CREATE DATABASE "{name}" TEMPLATE "{self._postgres_template()}"',
                       # a throwaway database need not wait for its commits to reach the disk
                       f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        try:
            yield {"CATALOG_DATABASE_URL": postgres_url_of(name)}
        finally:
            postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def empty(self, var_dir: Path) -> Iterator[dict[str, str]]:
        """A new database with no table at all, as before `catalog init`."""
        if not self.is_postgres:
            yield {}
            return
        require_postgres()
        name = new_postgres_name("empty")
        postgres_admin(f'CREATE DATABASE "{name}"')
        try:
            yield {"CATALOG_DATABASE_URL": postgres_url_of(name)}
        finally:
            postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._template:
            postgres_admin(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')

    def _migrated_sqlite(self) -> Path:
        path = self.scratch / SQLITE_FILE
        if not path.exists():
            engine = make_engine(f"sqlite:///{path}")
            migrations.upgrade(engine)
            engine.dispose()
        return path

    def _postgres_template(self) -> str:
        if self._template is None:
            require_postgres()
            name = new_postgres_name("template")
            postgres_admin(f'CREATE DATABASE "{name}"')
            engine = make_engine(postgres_url_of(name).replace("postgresql://", "postgresql+psycopg://", 1))
            try:
                migrations.upgrade(engine)
            finally:
                engine.dispose()  # a template must have no open connection when it is copied
            self._template = name
        return self._template


@contextmanager
def running_services(database: Database, var_dir: Path, **values: str):
    """Services of their own over a fresh database, for fixtures shared by a module's tests; closed afterwards."""
    from catalog.app import build_services, initialise
    from catalog.config import Settings

    with database.fresh(var_dir) as database_values:
        built = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **database_values, **values}))
        try:
            initialise(built)
            yield built
        finally:
            built.close()
