"""Entry for Celery workers: `celery -A catalog.worker worker` (or `catalog worker`) imports this.

`celery -A catalog.worker` looks for a module attribute named `app`; it is built on first access
(PEP 562), so importing this module needs no broker configured."""
from __future__ import annotations

from functools import lru_cache

from catalog.app import build_services
from catalog.config import Settings
from catalog.jobs import make_celery


@lru_cache(maxsize=1)
def worker_services():
    """The services a worker process runs tasks with, built once from its environment."""
    return build_services(Settings.from_env())


def celery_app():
    settings = Settings.from_env()
    if not settings.broker_url:
        raise SystemExit("CATALOG_BROKER_URL is not set: background jobs run inside the app process, "
                         "so no worker is needed.")
    return make_celery(settings.broker_url, worker_services)


def __getattr__(name: str):
    if name == "app":
        return _celery_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _celery_app():
    return celery_app()
