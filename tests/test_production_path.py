"""The same platform on PostgreSQL and with Celery workers on Redis and RabbitMQ, over real connections."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest

from catalog.app import build_services, health, initialise
from catalog.config import Settings
from catalog.migrations import head_revision
from catalog.permissions import Actor
from catalog.search.query import Query
from tests.databases import require_service
from tests.services.conftest import tea

OPERATOR = Actor.operator()


def register(services):
    services.centers.create_department(OPERATOR, "HBAGRI", "湖北省农业农村厅", "Hubei Department of Agriculture")
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm", department_code="HBAGRI")


def test_platform_on_postgresql(postgres_url, var_dir):
    settings = Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_DATABASE_URL": postgres_url})
    services = build_services(settings)
    try:
        assert initialise(services) == head_revision()
        assert health(services) == {"status": "ok", "checks": {"database": "ok", "search": "ok", "storage": "ok",
                                                               "broker": "none"}}
        register(services)
        changes = services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                                             [tea("PG1"), tea("PG2", "confidential"), tea("PG3", locality="湖北省利川市")])
        assert changes.as_dict() == {"insert": 3, "update": 0, "unchanged": 0, "delete": 0}
        again = services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("PG1", quantity="2 kg")])
        assert again.as_dict() == {"insert": 0, "update": 1, "unchanged": 0, "delete": 0}
        services.indexer.drain()
        result = services.search.search(Actor.anonymous(), Query(text="利川", facets=("domain",)))
        assert result.total == 2 and result.facets == {"domain": {"plant_germplasm": 2}}
        assert services.resources.view(Actor.anonymous(), "HBPG-plant_germplasm-PG1")["payload"]["remarks"] == "高山茶园"
    finally:
        services.close()


def wait_for(condition, timeout: float = 60.0, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


RABBITMQ_URL = os.environ.get("CATALOG_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//")


@pytest.fixture
def rabbitmq_url():
    require_service("RabbitMQ", "127.0.0.1", 5672)
    return RABBITMQ_URL


@pytest.fixture
def own_queue(tmp_path, monkeypatch):
    """A task queue of this test's own (through Celery's configuration module, which the platform's Celery app
    reads), so a worker of another run on the same broker never takes these tasks."""
    name = f"catalog-test-{uuid.uuid4().hex[:12]}"
    module = f"celeryconfig_{name[-12:]}"  # a new module each time: Python keeps an imported one
    (tmp_path / f"{module}.py").write_text(f"task_default_queue = {name!r}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("CELERY_CONFIG_MODULE", module)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])))
    return name


@pytest.mark.slow
@pytest.mark.parametrize("broker", ["redis_url", "rabbitmq_url"])
def test_background_jobs_run_on_a_celery_worker(broker, request, own_queue, var_dir, database_values, tmp_path):
    broker_url = request.getfixturevalue(broker)
    values = {"CATALOG_VAR_DIR": str(var_dir), "CATALOG_BROKER_URL": broker_url, **database_values}
    environment = {**os.environ, **values}
    settings = Settings.from_env(values)
    services = build_services(settings)
    assert services.jobs.app.conf.task_default_queue == own_queue
    log = open(tmp_path / "worker.log", "w")
    worker = subprocess.Popen([sys.executable, "-m", "catalog.cli", "worker", "--pool=solo"],
                              env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        initialise(services)
        assert health(services)["checks"]["broker"] == "ok"
        register(services)
        services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea("W1"), tea("W2")])
        # Nothing in this process drains the outbox: only the worker can have indexed these.
        assert wait_for(lambda: services.backend.count() == 2), (tmp_path / "worker.log").read_text()[-3000:]
        assert services.backend.ids() == {"HBPG-plant_germplasm-W1", "HBPG-plant_germplasm-W2"}
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
        with services.jobs.app.connection_for_write() as connection:
            connection.default_channel.queue_delete(own_queue)
        services.close()


def test_rabbitmq_broker_is_checked_by_health(var_dir, database_values):
    require_service("RabbitMQ", "127.0.0.1", 5672)
    settings = Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **database_values,
                                  "CATALOG_BROKER_URL": "amqp://guest:guest@127.0.0.1:5672//"})
    services = build_services(settings)
    try:
        initialise(services)
        assert health(services) == {"status": "ok", "checks": {"database": "ok", "search": "ok", "storage": "ok",
                                                               "broker": "ok"}}
    finally:
        services.close()
