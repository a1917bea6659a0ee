"""Shared fixtures: embedded settings under tmp_path, services, app, client, CLI runner, real services."""
from __future__ import annotations

import os
import shutil
import socket
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from catalog.app import build_services, create_app, initialise
from catalog.config import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REAL_DATA = SHARED / "data" / "real"
POSTGRES_ADMIN_URL = os.environ.get("CATALOG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CATALOG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
BUCKET = "catalog-test"  # the bucket the moto fixture creates


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


@pytest.fixture
def settings(var_dir) -> Settings:
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir)})


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """An embedded database migrated to the head revision once, copied by each test that builds services:
    migrating from nothing costs about 0.15 s (tests/test_migrations.py covers that path)."""
    var = tmp_path_factory.mktemp("migrated")
    built = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(var)}))
    initialise(built)
    built.close()
    return var / "catalog.sqlite3"


@pytest.fixture
def services(settings, migrated_database):
    database = settings.var_dir / migrated_database.name
    if settings.database_url == f"sqlite:///{database}" and not database.exists():
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(migrated_database, database)
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
