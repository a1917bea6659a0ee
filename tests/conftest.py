"""Shared fixtures: embedded settings under tmp_path, services, app, client, CLI runner, real services."""
from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog.app import build_services, create_app, initialise
from catalog.config import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REAL_DATA = SHARED / "data" / "real"
POSTGRES_ADMIN_URL = os.environ.get("CATALOG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CATALOG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a local service is unreachable, except under CI where that is a failure."""
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError as error:
        message = f"{name} at {host}:{port} is unreachable ({error})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; under CI=true every service must be running", pytrace=False)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No test sees another's (or the developer's) CATALOG_* configuration."""
    for name in list(os.environ):
        if name.startswith("CATALOG_") and not name.startswith("CATALOG_TEST_"):
            monkeypatch.delenv(name)


@pytest.fixture
def var_dir(tmp_path) -> Path:
    return tmp_path / "var"


@pytest.fixture
def settings(var_dir) -> Settings:
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir)})


@pytest.fixture
def services(settings):
    built = build_services(settings)
    initialise(built)
    yield built
    built.close()


@pytest.fixture
def app(services):
    application = create_app(services=services)
    application.config.update(TESTING=True)
    return application


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(monkeypatch, var_dir):
    """A CLI runner whose commands see only the embedded configuration under tmp_path."""
    monkeypatch.setenv("CATALOG_VAR_DIR", str(var_dir))
    return CliRunner()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database on the local server, dropped afterwards."""
    require_service("PostgreSQL", "127.0.0.1", 5432)
    import psycopg
    admin_url = POSTGRES_ADMIN_URL
    name = "catalog_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_url():
    require_service("Redis", "127.0.0.1", 6379)
    import redis
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield REDIS_URL
    client.flushdb()
    client.close()
