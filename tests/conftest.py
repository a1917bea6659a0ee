"""Shared fixtures: embedded settings under tmp_path, services, app, client, CLI runner, real services."""
from __future__ import annotations

import os
import socket
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from click.testing import CliRunner

from catalog.app import build_services, create_app, initialise
from catalog.config import Settings
from tests.databases import (DATABASES, Database, new_postgres_name, postgres_admin, postgres_url_of,
                             require_postgres, require_service)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REAL_DATA = SHARED / "data" / "real"
REDIS_URL = os.environ.get("CATALOG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
BUCKET = "catalog-test"  # the bucket the moto fixture creates


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Files with slow tests go first, so that parallel workers do not end with all but one waiting for it."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No test sees another's (or the developer's) CATALOG_* configuration."""
    for name in list(os.environ):
        if name.startswith("CATALOG_") and not name.startswith("CATALOG_TEST_"):
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def quick_password_hashes(request, monkeypatch):
    """Tests create many users: a cheap hash keeps set-up short (signing in checks it the same way). Tests
    marked real_password_hashes keep the platform's own (scrypt), about 0.3 s per user."""
    if request.node.get_closest_marker("real_password_hashes"):
        return
    from werkzeug.security import generate_password_hash
    monkeypatch.setattr("catalog.services.accounts.generate_password_hash",
                        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1000"))


@pytest.fixture
def var_dir(tmp_path) -> Path:
    return tmp_path / "var"


@pytest.fixture(scope="session", params=DATABASES)
def database(request, tmp_path_factory) -> Iterator[Database]:
    """The database engine a test runs on: every test that reaches the system of record runs on both."""
    built = Database(request.param, tmp_path_factory.mktemp(request.param))
    yield built
    built.close()


@pytest.fixture
def database_values(database, var_dir) -> Iterator[dict[str, str]]:
    """The CATALOG_* values that point settings under var_dir at a fresh migrated database of this run's engine."""
    with database.fresh(var_dir) as values:
        yield values


@pytest.fixture
def fresh_database(database) -> Iterator[Callable[[Path], dict[str, str]]]:
    """More fresh databases in one test: fresh_database(var_dir) gives the CATALOG_* values of another one."""
    with ExitStack() as stack:
        yield lambda var_dir: stack.enter_context(database.fresh(var_dir))


@pytest.fixture
def empty_database(database) -> Iterator[Callable[[Path], dict[str, str]]]:
    """Databases with no table yet, as before `catalog init`: empty_database(var_dir) gives their values."""
    with ExitStack() as stack:
        yield lambda var_dir: stack.enter_context(database.empty(var_dir))


@pytest.fixture
def settings(var_dir, database_values) -> Settings:
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **database_values})


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
def runner(request, monkeypatch, var_dir, empty_database):
    """A CLI runner whose commands see only this test's configuration: its folder and its database, which is
    the one its services use or, for a test of the command line alone, an empty one (before `catalog init`)."""
    with_services = "settings" in request.fixturenames
    values = request.getfixturevalue("database_values") if with_services else empty_database(var_dir)
    monkeypatch.setenv("CATALOG_VAR_DIR", str(var_dir))
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database on the local server, dropped afterwards."""
    require_postgres()
    name = new_postgres_name("empty")
    postgres_admin(f'CREATE DATABASE "{name}"')
    yield postgres_url_of(name)
    postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_url():
    """The test Redis database, shared by tests running at the same time: each test keeps to keys (queues, key
    prefixes, client addresses) of its own, and none empties the database."""
    require_service("Redis", "127.0.0.1", 6379)
    return REDIS_URL


# --- S3: a moto server for the whole session (tests/test_storage.py, tests/ingest/test_s3_submissions.py)
def fake_aws_env(mp: pytest.MonkeyPatch, scratch: Path) -> None:
    """Fake credentials, no profile or config from the host, no proxy for 127.0.0.1."""
    for name in list(os.environ):
        if name.startswith("AWS_") or name.lower().endswith("_proxy"):
            mp.delenv(name)
    mp.setenv("AWS_ACCESS_KEY_ID", "test")
    mp.setenv("AWS_SECRET_ACCESS_KEY", "test")
    mp.setenv("AWS_DEFAULT_REGION", "us-east-1")
    mp.setenv("AWS_CONFIG_FILE", str(scratch / "no-aws-config"))
    mp.setenv("AWS_SHARED_CREDENTIALS_FILE", str(scratch / "no-aws-credentials"))
    mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
    mp.setenv("NO_PROXY", "127.0.0.1,localhost")


def raw_client(endpoint: str):
    """A plain client with explicit fake credentials, to set up and tamper behind the store's back."""
    import boto3
    from botocore.config import Config
    return boto3.session.Session().client(
        "s3", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(request_checksum_calculation="when_required",
                      response_checksum_validation="when_required"))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """A moto S3 server on 127.0.0.1 with one bucket: (endpoint URL, raw client)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        with pytest.MonkeyPatch.context() as mp:
            fake_aws_env(mp, tmp_path_factory.mktemp("aws"))
            client = raw_client(endpoint)
            client.create_bucket(Bucket=BUCKET)
        yield endpoint, client
    finally:
        server.stop()
