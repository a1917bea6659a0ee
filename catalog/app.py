"""Entry: build the services from settings, create the Flask app, and report health."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from flask import Flask, jsonify
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

import vocabularies
from catalog import migrations
from catalog.config import Settings, mask_password
from catalog.db import make_engine, make_session_factory, ping
from catalog.jobs import CeleryRunner, InProcessRunner, JobRunner
from catalog.search import open_backend
from catalog.search.backend import SearchBackend
from catalog.search.indexer import Indexer
from catalog.search.service import SearchService
from catalog.services.accounts import AccountService
from catalog.services.audit import AuditService
from catalog.services.centers import CenterService
from catalog.services.resources import ResourceService
from catalog.storage import ObjectStore, open_store
from ingest.submissions import SubmissionService

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    store: ObjectStore
    backend: SearchBackend
    jobs: JobRunner
    indexer: Indexer
    accounts: AccountService
    centers: CenterService
    resources: ResourceService
    search: SearchService
    audit: AuditService
    submissions: SubmissionService

    def close(self) -> None:
        self.jobs.shutdown()
        self.backend.close()
        self.engine.dispose()


def build_services(settings: Settings) -> Services:
    """Wire every service to the configured database, storage, search engine and job runner."""
    vocabularies.configure(settings.var_dir / "cache" / "vocabularies")
    engine = make_engine(settings.database_url)
    session_factory = make_session_factory(engine)
    backend = open_backend(settings.search_url)
    store = open_store(settings)
    holder: dict[str, Services] = {}
    jobs: JobRunner = (CeleryRunner(settings.broker_url) if settings.broker_url
                       else InProcessRunner(lambda: holder["services"]))
    services = Services(
        settings=settings, engine=engine, session_factory=session_factory, store=store,
        backend=backend, jobs=jobs, indexer=Indexer(session_factory, backend),
        accounts=AccountService(session_factory), centers=CenterService(session_factory),
        resources=ResourceService(session_factory, on_change=lambda: jobs.submit("index.drain"),
                                  base_url=settings.base_url),
        search=SearchService(backend), audit=AuditService(session_factory),
        submissions=SubmissionService(session_factory, store,
                                      schedule=lambda submission_id: jobs.submit("submission.process",
                                                                                 submission_id=submission_id),
                                      on_publish=lambda: jobs.submit("index.drain"),
                                      max_upload_bytes=settings.max_upload_bytes))
    holder["services"] = services
    return services


def initialise(services: Services) -> str:
    """Create or migrate the database and create the index; returns the schema revision."""
    migrations.upgrade(services.engine)
    services.backend.ensure_index()
    return migrations.current_revision(services.engine)


def health(services: Services) -> dict[str, Any]:
    """Status of every backing service, without secrets; "degraded" when any check fails."""
    checks: dict[str, str] = {}
    for name, probe in (("database", lambda: _database_ready(services)),
                        ("search", services.backend.ping),
                        ("storage", services.store.ping),
                        ("broker", services.jobs.ping)):
        try:
            outcome = probe()
            checks[name] = outcome if isinstance(outcome, str) else "ok"
        except Exception as exc:  # health reports failures instead of raising them
            log.warning("health check %s failed: %s", name, exc)
            checks[name] = "error: " + _safe_reason(exc)
    status = "ok" if all(value in ("ok", "none") for value in checks.values()) else "degraded"
    return {"status": status, "checks": checks}


def _database_ready(services: Services) -> None:
    ping(services.engine)
    revision = migrations.current_revision(services.engine)
    if revision != migrations.head_revision():
        raise RuntimeError(f"schema at revision {revision}, expected {migrations.head_revision()}: run `catalog init`")


def _safe_reason(exc: Exception) -> str:
    return mask_password(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)[:200]


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    """The web application: JSON API, web pages and /healthz over one set of services."""
    import catalog_api
    import search_ui

    settings = settings or (services.settings if services else Settings.from_env())
    services = services or build_services(settings)
    app = Flask("catalog", instance_path=str(settings.var_dir))
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=settings.max_upload_bytes,
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=settings.base_url.startswith("https://"))
    app.extensions["catalog"] = services

    @app.get("/healthz")
    def healthz():
        report = health(services)
        return jsonify(report), 200 if report["status"] == "ok" else 503

    catalog_api.init_app(app)
    search_ui.init_app(app)
    return app
