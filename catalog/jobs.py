"""Background work: in-process threads on the embedded default, Celery workers when a broker is set.

Tasks are plain functions of (services, **kwargs) registered by name, so both runners call the same code.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor, wait as futures_wait
from typing import Any, Callable, Protocol

log = logging.getLogger(__name__)

TASKS: dict[str, Callable[..., Any]] = {}


def task(name: str):
    """Register a background task under a stable name."""
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        TASKS[name] = function
        return function
    return register


@task("index.drain")
def drain_index(services) -> int:
    return services.indexer.drain()


@task("submission.process")
def process_submission(services, submission_id: int) -> str:
    return services.submissions.process(submission_id).state.value


@task("export.build")
def build_export(services, export_id: str) -> str:
    return services.exports.build(export_id).state.value


class JobRunner(Protocol):
    def submit(self, name: str, **kwargs: Any) -> Any: ...

    def ping(self) -> str:
        """"ok", or "none" when there is no broker; raises when the broker is unreachable."""

    def shutdown(self) -> None: ...


class InProcessRunner:
    """Runs tasks on a small thread pool inside the app process; nothing to install or start."""

    def __init__(self, services_getter: Callable[[], Any], workers: int = 2):
        self.services_getter = services_getter
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="catalog-job")
        self.pending: set[Future] = set()

    def submit(self, name: str, **kwargs: Any) -> Future:
        function = TASKS[name]

        def run():
            try:
                return function(self.services_getter(), **kwargs)
            except Exception:
                log.exception("background task %s failed", name)
                raise
        future = self.pool.submit(run)
        self.pending.add(future)
        future.add_done_callback(self.pending.discard)
        return future

    def wait(self, timeout: float | None = 60) -> None:
        """Block until every job submitted so far has finished (tests and the CLI use it)."""
        futures_wait(list(self.pending), timeout=timeout)

    def ping(self) -> str:
        return "none"

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)


class CeleryRunner:
    """Sends tasks to Celery workers through the configured broker (Redis or RabbitMQ)."""

    def __init__(self, broker_url: str):
        self.app = make_celery(broker_url)

    def submit(self, name: str, **kwargs: Any):
        return self.app.send_task(name, kwargs=kwargs)

    def ping(self) -> str:
        with self.app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=3)
        return "ok"

    def shutdown(self) -> None:
        self.app.close()


# Seconds Redis (or SQS) keeps a delivered but unacknowledged message before handing it to another
# worker: a worker killed outright (SIGKILL of the whole worker, lost machine) has its task
# redelivered only after this delay, and a task running longer than it is delivered a second time.
# Same as kombu's own default. It is only a default: Celery's own configuration module (named by the
# CELERY_CONFIG_MODULE variable that Celery's loader reads) may set broker_transport_options, e.g.
# {"visibility_timeout": 7200}, and its keys win.
VISIBILITY_TIMEOUT = 3600


def make_celery(broker_url: str, services: Callable[[], Any] | None = None):
    """A Celery app whose tasks are the registered ones; a killed worker's task is redelivered. A worker
    passes `services`, what its tasks run with; an app that only sends tasks passes nothing.

    The delivery guarantees (late ack, reject when the worker is lost, one task prefetched, JSON)
    are forced; broker transport options come from Celery's own configuration over our defaults."""
    from celery import Celery

    app = Celery("catalog", broker=broker_url, set_as_current=False)
    # conf.update outranks every configuration source, Celery's config module included: a transport
    # option set here could never be tuned by an operator, so merge the module's options in instead.
    configured = (app.loader.conf or {}).get("broker_transport_options") or {}
    app.conf.update(task_serializer="json", accept_content=["json"], task_acks_late=True,
                    task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
                    broker_connection_retry_on_startup=True, task_ignore_result=True,
                    broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT, **configured})
    for name, function in TASKS.items():
        # shared=False: a shared task is also added to every Celery app created later in the process, through
        # a global set of Celery's that grows with each make_celery call (a worker process makes two apps: its
        # own and its services' runner), and later apps warn of duplicate task names.
        app.task(name=name, bind=False, shared=False)(_in_worker(function, services))
    return app


def _in_worker(function: Callable[..., Any], services: Callable[[], Any] | None) -> Callable[..., Any]:
    def run(**kwargs: Any) -> Any:
        if services is None:
            raise RuntimeError(f"task {function.__name__} ran in a process that only sends tasks")
        return function(services(), **kwargs)
    run.__name__ = function.__name__
    return run
