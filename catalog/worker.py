"""Entry for Celery workers: `celery -A catalog.worker worker` (or `catalog worker`) imports this."""
from __future__ import annotations

from functools import lru_cache

from catalog.config import Settings
from catalog.jobs import make_celery


@lru_cache(maxsize=1)
def worker_services():
    """The services a worker process runs tasks with, built once from its environment."""
    from catalog.app import build_services
    return build_services(Settings.from_env())


def celery_app():
    settings = Settings.from_env()
    if not settings.broker_url:
        raise SystemExit("CATALOG_BROKER_URL is not set: background jobs run inside the app process, "
                         "so no worker is needed.")
    return make_celery(settings.broker_url)
