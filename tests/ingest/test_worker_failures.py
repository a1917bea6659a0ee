"""Crashes during background work: a real Celery worker on Redis killed mid-validation, and approvals
that die half-way. Either the work finishes to the exact count after the crash, or nothing is published.

The worker tests run `python -m catalog.cli worker` as a subprocess over the same SQLite file and the same
embedded search folder as the test (CATALOG_VAR_DIR), and upload with services built in the test process,
so the task travels through Redis. Nothing in the product code is patched for them.
"""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from catalog.config import Settings
from catalog.models import AuditEntry, IndexOutbox, Resource, ResourceHistory, StagedRecord, Submission
from tests.conftest import REPO
from tests.ingest.test_submissions import HEADER, people, row  # noqa: F401  (people is a fixture)

WORKER_ROWS = 10_000  # 2-4 s of validation: long enough to be killed half-way, deterministically
APPROVE_ROWS = 12_000  # 2-5 s inside the publish transaction: room to kill it half-way
INVALID_EVERY = 10  # every 10th row has an unreadable latitude, so "valid" and "all" differ


def write_csv(path: Path, rows: int) -> int:
    """A CSV of `rows` data rows; returns how many of them are valid."""
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(1, rows + 1):
            out.write(row(number, lat="north") if number % INVALID_EVERY == 0 else row(number))
    return rows - rows // INVALID_EVERY


def wait_for(condition, timeout: float, interval: float = 0.05, what: str = "condition", log: Path | None = None,
             explain=lambda: ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        outcome = condition()
        if outcome:
            return outcome
        time.sleep(interval)
    tail = f"\n--- worker log ---\n{log.read_text(errors='replace')[-4000:]}" if log and log.exists() else ""
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{explain()}{tail}", pytrace=False)


def progress(services, submission_id: int) -> Submission:
    with services.session_factory() as session:
        return session.get(Submission, submission_id)


def count(services, model, **where) -> int:
    with services.session_factory() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query)


def staged_counts(services, submission_id: int) -> tuple[int, int, int]:
    """(rows, distinct row numbers, distinct local ids) staged for the submission."""
    with services.session_factory() as session:
        return session.execute(select(func.count(), func.count(StagedRecord.row_number.distinct()),
                                      func.count(StagedRecord.local_id.distinct()))
                               .where(StagedRecord.submission_id == submission_id)).one()


def approvals(services, submission_id: int) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "submission.approve", AuditEntry.object_id == str(submission_id)))


def children(pid: int) -> list[int]:
    """Process ids whose parent is pid (the prefork pool's child processes)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def task_events(log: Path) -> dict[str, int]:
    """How often the worker logged receiving and finishing the validation task."""
    text = log.read_text(errors="replace")
    return {event: len(re.findall(rf"Task submission\.process\[[0-9a-f-]+\] {event}", text))
            for event in ("received", "succeeded")}


class Workers:
    """`catalog worker` subprocesses, each in its own process group so one SIGKILL takes all of it."""

    def __init__(self, environment: dict[str, str], folder: Path):
        self.environment, self.folder, self.started = environment, folder, []

    def start(self, *celery_args: str) -> tuple[subprocess.Popen, Path]:
        log = self.folder / f"worker-{len(self.started) + 1}.log"
        with log.open("wb") as out:
            process = subprocess.Popen([sys.executable, "-m", "catalog.cli", "worker", *celery_args],
                                       env=self.environment, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        self.started.append(process)
        return process, log

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL

    def stop_all(self) -> None:
        """Warm shutdown of each started worker's process group; SIGKILL if it does not stop in time."""
        for process in self.started:
            for sig, patience in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
                try:
                    os.killpg(process.pid, sig)  # also reaches a pool child whose parent is gone
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=patience)
                    break
                except subprocess.TimeoutExpired:
                    continue


def write_celery_config(folder: Path, monkeypatch, **transport_options) -> str:
    """Celery's own config module, named by CELERY_CONFIG_MODULE (read by Celery's loader) for this process
    and the subprocesses it starts; returns the module name."""
    module = f"celeryconfig_{uuid.uuid4().hex[:12]}"  # a new name each time: Python caches imported modules
    (folder / f"{module}.py").write_text(f"broker_transport_options = {transport_options!r}\n"
                                         "task_acks_late = False  # ignored: delivery guarantees are forced\n")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("CELERY_CONFIG_MODULE", module)
    return module


def test_celery_config_tunes_the_transport_but_not_the_delivery_guarantees(tmp_path, monkeypatch):
    from catalog.jobs import VISIBILITY_TIMEOUT, make_celery
    defaults = make_celery("redis://127.0.0.1:6379/15").conf
    assert VISIBILITY_TIMEOUT == 3600
    assert defaults.broker_transport_options == {"visibility_timeout": VISIBILITY_TIMEOUT}
    write_celery_config(tmp_path, monkeypatch, visibility_timeout=7200, unacked_restore_interval=5)
    conf = make_celery("redis://127.0.0.1:6379/15").conf
    assert conf.broker_transport_options == {"visibility_timeout": 7200, "unacked_restore_interval": 5}
    assert conf.task_acks_late and conf.task_reject_on_worker_lost and conf.worker_prefetch_multiplier == 1


def test_celery_finds_the_app_of_catalog_worker(monkeypatch):
    """`celery -A catalog.worker worker`, as documented, finds the app (it looks for an `app` attribute)."""
    from celery import Celery
    from celery.app.utils import find_app

    import catalog.worker
    monkeypatch.setenv("CATALOG_BROKER_URL", "redis://127.0.0.1:6379/15")
    catalog.worker._celery_app.cache_clear()
    try:
        app = find_app("catalog.worker")
        assert isinstance(app, Celery) and app is catalog.worker.app
        assert {"submission.process", "index.drain"} <= set(app.tasks)
    finally:
        catalog.worker._celery_app.cache_clear()
    monkeypatch.delenv("CATALOG_BROKER_URL")
    with pytest.raises(SystemExit, match="CATALOG_BROKER_URL is not set"):
        find_app("catalog.worker")
    with pytest.raises(AttributeError):
        catalog.worker.no_such_thing


@pytest.mark.slow
@pytest.mark.redis
class TestKilledWorker:
    @pytest.fixture(params=["whole worker", "pool child"])
    def crash(self, request) -> str:
        return request.param

    @pytest.fixture
    def key_prefix(self, crash, redis_url, tmp_path, monkeypatch) -> str:
        """Broker settings through Celery's own config module, for this process and the workers. Every Redis
        key of this test gets its own prefix, so a concurrent test run on the same Redis database can
        neither take this test's messages nor hand it its own. For a killed whole worker, redelivery is made
        fast: Redis hands an unacknowledged message to another worker only after the visibility timeout
        (1 h by default), and a worker looks for such messages when it starts and then on a timer."""
        prefix = f"catalog-test-{uuid.uuid4().hex[:12]}:"
        options = {"global_keyprefix": prefix}
        if crash == "whole worker":
            options.update(visibility_timeout=2, unacked_restore_interval=1, unacked_restore_throttle=1)
        write_celery_config(tmp_path, monkeypatch, **options)
        return prefix

    @pytest.fixture
    def settings(self, var_dir, database_values, redis_url, key_prefix) -> Settings:
        """The conftest services, but with Celery on Redis: upload() sends the task to the broker."""
        return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_BROKER_URL": redis_url,
                                  **database_values})

    @pytest.fixture
    def workers(self, settings, database_values, tmp_path):
        environment = {**os.environ, "CATALOG_VAR_DIR": str(settings.var_dir),
                       "CATALOG_BROKER_URL": settings.broker_url, **database_values}
        pool = Workers(environment, tmp_path)
        yield pool
        pool.stop_all()

    def test_a_killed_worker_s_validation_is_redelivered_and_finishes_exactly(
            self, services, people, workers, redis_url, key_prefix, tmp_path, crash):
        """whole worker: SIGKILL of the solo worker's process group; nothing acks or rejects the message, so
        Redis hands it to the next worker once the visibility timeout has passed. pool child: SIGKILL of the
        prefork child only, under the default 1 h visibility timeout; task_reject_on_worker_lost makes the
        surviving parent requeue the message at once."""
        import redis
        broker = redis.Redis.from_url(redis_url)
        queue, unacked = key_prefix + "celery", key_prefix + "unacked"
        assert services.jobs.app.conf.broker_transport_options["global_keyprefix"] == key_prefix
        first_args = ("--pool=solo",) if crash == "whole worker" else ("--pool=prefork",)  # concurrency is 1
        valid = write_csv(tmp_path / "big.csv", WORKER_ROWS)
        with (tmp_path / "big.csv").open("rb") as stream:
            submission = services.submissions.upload(people["curator"], "IHB", "big.csv", stream,
                                                     content_type="text/csv")
        assert broker.llen(queue) == 1  # queued in Redis, and nobody consumes it yet

        first, first_log = workers.start(*first_args)
        halfway = wait_for(lambda: (lambda s: s if s.state == "validating" and s.phase == "validating"
                                    and 2000 <= s.rows_done < WORKER_ROWS else None)(progress(services, submission.id)),
                           timeout=60, what="validation to be half-way", log=first_log, explain=lambda: (
                               f"; Redis holds {broker.llen(queue)} queued and {broker.hlen(unacked)} unacknowledged "
                               "messages (0 and 0: did a concurrent test run flush the test database?)"))
        if crash == "whole worker":
            workers.kill(first)
            # Nothing runs now: the database shows the killed attempt's half-written work...
            killed = progress(services, submission.id)
            assert killed.state == "validating" and killed.attempts == 1
            staged_then = staged_counts(services, submission.id)[0]
            assert 0 < staged_then < valid, (halfway.rows_done, staged_then)
            # ...and, late ack, the dead worker never acknowledged the message, so Redis still holds it.
            assert broker.hlen(unacked) == 1 and broker.llen(queue) == 0
            second, second_log = workers.start("--pool=solo")
        else:
            [child] = children(first.pid)
            os.kill(child, signal.SIGKILL)
            # The parent survives, requeues the message and runs it again in a new child at once.
            second, second_log = first, first_log

        done = wait_for(lambda: (lambda s: s if s.state not in ("uploaded", "validating") else None)(
            progress(services, submission.id)), timeout=120, what="the redelivered validation", log=second_log)
        assert done.state == "validated", done.summary
        # Run twice: the killed run (had it finished, it would have been the only one) and the redelivery.
        assert done.attempts == 2
        assert done.summary["summary"] == {"rows": WORKER_ROWS, "valid": valid, "invalid": WORKER_ROWS - valid,
                                           "warnings": 0}
        assert staged_counts(services, submission.id) == (valid, valid, valid)  # no duplicate, nothing lost
        assert done.changes == {"insert": valid, "update": 0, "unchanged": 0, "delete": 0}
        wait_for(lambda: broker.hlen(unacked) == 0, timeout=10, what="the message to be acknowledged")
        assert broker.llen(queue) == 0

        curator, reviewer = people["curator"], people["reviewer"]
        services.submissions.submit(curator, submission.id, valid_rows_only=True)
        assert services.submissions.approve(reviewer, submission.id).state == "approved"
        assert services.resources.count() == valid
        assert count(services, StagedRecord, submission_id=submission.id) == 0
        assert approvals(services, submission.id) == 1
        # The approval queued "index.drain" on Redis: the live worker indexes exactly the published rows.
        wait_for(lambda: services.backend.count() == valid, timeout=120, interval=0.5,
                 what="the worker to index the published records", log=second_log)
        assert second.poll() is None
        deliveries = [task_events(log) for log in dict.fromkeys([first_log, second_log])]
        if crash == "whole worker":  # one delivery to each worker; only the second one finished it
            assert deliveries == [{"received": 1, "succeeded": 0}, {"received": 1, "succeeded": 1}]
            assert "Traceback" not in second_log.read_text(errors="replace")
        else:  # the parent saw its child die and requeued the message (task_reject_on_worker_lost)
            assert deliveries == [{"received": 2, "succeeded": 1}]
            assert first_log.read_text(errors="replace").count("exited with 'signal 9 (SIGKILL)'") == 1


# ------------------------------------------------------------------ approvals that die half-way
@pytest.fixture
def submitted(services, people, tmp_path):
    """Makes a submitted file of n rows, validated in-process: returns (submission id, valid rows)."""
    services.submissions.schedule = lambda submission_id: None
    services.submissions.on_publish = lambda: None  # these tests look at the database, not the index

    def make(rows: int) -> tuple[int, int]:
        valid = write_csv(tmp_path / "approve.csv", rows)
        with (tmp_path / "approve.csv").open("rb") as stream:
            submission = services.submissions.upload(people["curator"], "IHB", "approve.csv", stream,
                                                     content_type="text/csv")
        assert services.submissions.process(submission.id).state == "validated"
        services.submissions.submit(people["curator"], submission.id, valid_rows_only=True)
        return submission.id, valid
    return make


def assert_nothing_published(services, submission_id: int, valid: int) -> None:
    submission = progress(services, submission_id)
    assert submission.state == "submitted"
    assert staged_counts(services, submission_id) == (valid, valid, valid)  # still ready to approve
    for model in (Resource, ResourceHistory, IndexOutbox):
        assert count(services, model) == 0, model.__name__
    assert approvals(services, submission_id) == 0


def test_an_approval_failing_half_way_publishes_nothing(services, people, submitted, monkeypatch):
    import catalog.services.submissions as module
    submission_id, valid = submitted(3000)
    original = module.apply_records
    seen = {"records": 0}

    def dying_apply_records(session, actor, center, domain, records, **options):
        def counted():
            for record in records:
                seen["records"] += 1
                if seen["records"] > 1200:
                    # Two batches of 500 are already written, inside the transaction.
                    seen["written"] = session.scalar(select(func.count()).select_from(Resource))
                    raise RuntimeError("worker died")
                yield record
        return original(session, actor, center, domain, counted(), **options)

    monkeypatch.setattr(module, "apply_records", dying_apply_records)
    with pytest.raises(RuntimeError, match="worker died"):
        services.submissions.approve(people["reviewer"], submission_id)
    assert seen == {"records": 1201, "written": 1000}
    assert_nothing_published(services, submission_id, valid)

    monkeypatch.setattr(module, "apply_records", original)
    approved = services.submissions.approve(people["reviewer"], submission_id)
    assert approved.state == "approved" and approved.changes["insert"] == valid
    assert services.resources.count() == valid == count(services, ResourceHistory) == count(services, IndexOutbox)
    assert count(services, StagedRecord) == 0 and approvals(services, submission_id) == 1


def database_is_being_written(services) -> bool:
    """True while another connection has a write transaction open: it holds SQLite's write lock, or, on
    PostgreSQL, a server process of this database has been given a transaction id by a write."""
    if not services.settings.database_is_sqlite:
        with services.engine.connect() as connection:
            return bool(connection.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")))
    connection = sqlite3.connect(services.settings.database_url.removeprefix("sqlite:///"), timeout=0)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
        return True
    finally:
        connection.close()


@pytest.mark.slow
def test_a_process_killed_inside_the_publish_transaction_publishes_nothing(services, people, submitted, var_dir,
                                                                          database_values, tmp_path):
    """SIGKILL of `catalog submissions approve` while its transaction is writing: nothing is half-published."""
    submission_id, valid = submitted(APPROVE_ROWS)
    assert not database_is_being_written(services)
    log = tmp_path / "approve.log"
    with log.open("wb") as out:
        approving = subprocess.Popen([sys.executable, "-m", "catalog.cli", "submissions", "approve",
                                      str(submission_id)],
                                     env={**os.environ, "CATALOG_VAR_DIR": str(var_dir), **database_values}, cwd=REPO,
                                     stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # The first rows are flushed inside the transaction: from then on it holds the write lock until commit.
        wait_for(lambda: database_is_being_written(services) or approving.poll() is not None, timeout=60,
                 interval=0.01, what="the approval to start writing")
        time.sleep(0.5)  # well inside the 2-3 s the transaction takes
        assert approving.poll() is None, log.read_text(errors="replace")
        os.killpg(approving.pid, signal.SIGKILL)
        assert approving.wait(timeout=10) == -signal.SIGKILL
    finally:
        if approving.poll() is None:
            os.killpg(approving.pid, signal.SIGKILL)
            approving.wait(timeout=10)
    # the dead process's lock is gone (PostgreSQL's server process ends its transaction once it sees the client go)
    wait_for(lambda: not database_is_being_written(services), timeout=30, interval=0.05,
             what="the killed approval's transaction to end")
    assert_nothing_published(services, submission_id, valid)

    approved = services.submissions.approve(people["reviewer"], submission_id)
    assert approved.state == "approved" and approved.changes["insert"] == valid
    assert services.resources.count() == valid == count(services, ResourceHistory)
    assert count(services, StagedRecord) == 0 and approvals(services, submission_id) == 1
