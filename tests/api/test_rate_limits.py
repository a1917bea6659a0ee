"""Rate limits of the JSON API: per client, 429 as a problem with Retry-After, counted in Redis when it is the
broker, and CATALOG_RATE_LIMIT checked at start-up."""
from __future__ import annotations

import dataclasses
import uuid

import pytest

from catalog.app import build_services, create_app
from catalog.config import ConfigError, Settings
from catalog_api.limits import storage_uri
from tests.api.test_submissions_api import assert_problem

ONE = {"REMOTE_ADDR": "198.51.100.1"}
OTHER = {"REMOTE_ADDR": "198.51.100.2"}


@pytest.fixture
def settings(var_dir, database_values) -> Settings:
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_RATE_LIMIT": "3/minute", **database_values})


def test_the_limit_is_per_client_and_answers_a_problem_with_retry_after(client):
    for remaining in (2, 1, 0):
        response = client.get("/api/centers", environ_base=ONE)
        assert response.status_code == 200
        assert (response.headers["X-RateLimit-Limit"], response.headers["X-RateLimit-Remaining"]) == (
            "3", str(remaining))
        assert "Retry-After" not in response.headers
    limited = client.get("/api/schemas", environ_base=ONE)  # one budget for the whole API
    problem = assert_problem(limited, 429, "rate_limited")
    retry_after = int(limited.headers["Retry-After"])
    assert 0 < retry_after <= 60 and abs(problem["retry_after"] - retry_after) <= 1  # read a moment apart
    assert problem["message"]["en"].startswith("Too many requests from this client: the API allows 3 per minute.")
    assert problem["message"]["zh"].startswith("此客户端请求过于频繁：API 限每分钟 3 次。")
    assert limited.headers["Access-Control-Allow-Origin"] == "*"  # a browser client can read why

    assert client.get("/api/centers", environ_base=OTHER).status_code == 200
    for _ in range(5):  # pages and the health check are not limited
        assert client.get("/", environ_base=ONE).status_code == 200
        assert client.get("/healthz", environ_base=ONE).status_code == 200


def test_submissions_are_limited_too(client):
    for _ in range(3):
        assert client.get("/api/submissions", environ_base=ONE).status_code == 401
    assert_problem(client.get("/api/submissions", environ_base=ONE), 429, "rate_limited")


def test_no_limit_when_switched_off(settings):
    services = build_services(dataclasses.replace(settings, rate_limit=None))
    try:
        client = create_app(services=services).test_client()
        assert {client.get("/api/schemas", environ_base=ONE).status_code for _ in range(6)} == {200}
    finally:
        services.close()


def test_the_counts_are_shared_through_redis(settings, redis_url):
    """Two web processes (here two apps) on the same Redis share one budget per client. The clients' addresses
    are this test's own: other runs of it may count on the same Redis at the same time."""
    one, other = ({"REMOTE_ADDR": f"2001:db8::{uuid.uuid4().hex[:4]}:{n}"} for n in (1, 2))
    shared = dataclasses.replace(settings, broker_url=redis_url)
    assert storage_uri(shared) == redis_url
    services = build_services(shared)
    try:
        first, second = (create_app(services=services).test_client() for _ in range(2))
        assert [first.get("/api/schemas", environ_base=one).status_code for _ in range(2)] == [200, 200]
        assert second.get("/api/schemas", environ_base=one).status_code == 200
        assert_problem(second.get("/api/schemas", environ_base=one), 429, "rate_limited")
        assert first.get("/api/schemas", environ_base=other).status_code == 200
    finally:
        services.close()


def test_an_unreachable_redis_does_not_stop_the_api(settings):
    services = build_services(dataclasses.replace(settings, broker_url="redis://127.0.0.1:1/0"))
    try:
        client = create_app(services=services).test_client()
        assert {client.get("/api/schemas", environ_base=ONE).status_code for _ in range(4)} == {200}
    finally:
        services.close()


def test_storage_is_memory_unless_the_broker_is_redis(settings):
    assert storage_uri(settings) == "memory://"
    assert storage_uri(dataclasses.replace(settings, broker_url="amqp://guest@mq:5672//")) == "memory://"
    assert storage_uri(dataclasses.replace(settings, broker_url="rediss://cache:6380/0")) == "rediss://cache:6380/0"


@pytest.mark.parametrize("value, expected", [(None, "600/minute"), ("30/second;1000/hour", "30/second;1000/hour"),
                                             ("500 per hour", "500 per hour"), ("none", None), ("NONE", None)])
def test_rate_limit_setting(tmp_path, value, expected):
    environ = {"CATALOG_VAR_DIR": str(tmp_path)} | ({"CATALOG_RATE_LIMIT": value} if value else {})
    assert Settings.from_env(environ).rate_limit == expected


@pytest.mark.parametrize("value", ["often", "0/minute", "10/fortnight", "120/minute;x"])
def test_a_wrong_rate_limit_names_the_variable(tmp_path, value):
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path), "CATALOG_RATE_LIMIT": value})
    assert str(raised.value).startswith(f"CATALOG_RATE_LIMIT={value!r} is not valid: expected a rate such as")
