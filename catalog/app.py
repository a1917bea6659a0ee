"""Entry: build the services from settings, create the Flask app, and report health."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, jsonify
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.routing import IntegerConverter

import vocabularies
from catalog import migrations
from catalog.config import Settings, mask_password
from catalog.db import make_engine, make_session_factory, ping
from catalog.exports.service import ExportService
from catalog.jobs import CeleryRunner, InProcessRunner, JobRunner
from catalog.mail import open_mailer
from catalog.permissions import Actor
from catalog.search import open_backend
from catalog.search.backend import SearchBackend
from catalog.search.indexer import Indexer
from catalog.search.service import SearchService
from catalog.services.accounts import AccountService
from catalog.services.audit import AuditService
from catalog.services.centers import CenterService
from catalog.services.resources import ResourceService
from catalog.sharing.service import SharingService
from catalog.storage import ObjectStore, open_store
from catalog.services.submissions import SubmissionService
from catalog.web import refuse_nul_characters

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
    sharing: SharingService
    exports: ExportService = field(init=False)  # built on the services above

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
        backend=backend, jobs=jobs, indexer=Indexer(session_factory, backend, location=settings.search_url),
        accounts=AccountService(session_factory), centers=CenterService(session_factory),
        resources=ResourceService(session_factory, on_change=lambda: jobs.submit("index.drain"),
                                  base_url=settings.base_url),
        search=SearchService(backend), audit=AuditService(session_factory),
        submissions=SubmissionService(session_factory, store,
                                      schedule=lambda submission_id: jobs.submit("submission.process",
                                                                                 submission_id=submission_id),
                                      on_publish=lambda: jobs.submit("index.drain"),
                                      max_upload_bytes=settings.max_upload_bytes),
        sharing=SharingService(session_factory, store, open_mailer(settings), settings.base_url,
                               max_upload_bytes=settings.max_upload_bytes))
    services.exports = ExportService(session_factory, store, services.resources, services.search, services.accounts,
                                     settings.base_url,
                                     schedule=lambda export_id: jobs.submit("export.build", export_id=export_id))
    holder["services"] = services
    return services


def initialise(services: Services) -> str:
    """Create or migrate the database and prepare the index; returns the schema revision.

    An index that comes up empty while the database holds public records (a new engine, a damaged file
    set aside, a new index layout) is rebuilt from the database here."""
    migrations.upgrade(services.engine)
    prepare_index(services)
    revision = migrations.current_revision(services.engine)
    if revision is None:
        raise RuntimeError("the database has no schema revision after migrating it")
    return revision


def prepare_index(services: Services) -> None:
    """Create the index, and rebuild it from the database when it comes up empty beside public records."""
    services.backend.ensure_index()
    if services.backend.count() == 0 and any(services.resources.totals_by_domain(Actor.anonymous()).values()):
        log.warning("the search index is empty but the database holds public records: rebuilding it")
        services.indexer.rebuild()


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


class RowId(IntegerConverter):
    """`<int:…>` in every route: no larger than the database's 64-bit integer ids, so a larger number is an unknown
    URL (404) rather than an overflow in the database driver (500)."""

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, *args, **{"max": 2**63 - 1, **kwargs})


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    """The web application: JSON API, web pages and /healthz over one set of services."""
    import catalog_api
    import search_ui

    settings = settings or (services.settings if services else Settings.from_env())
    services = services or build_services(settings)
    app = Flask("catalog", instance_path=str(settings.var_dir))
    app.url_map.converters["int"] = RowId
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=settings.max_upload_bytes,
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=settings.base_url.startswith("https://"))
    app.extensions["catalog"] = services

    @app.get("/healthz")
    def healthz():
        report = health(services)
        return jsonify(report), 200 if report["status"] == "ok" else 503

    app.before_request(refuse_nul_characters)
    catalog_api.init_app(app)
    search_ui.init_app(app)
    return app
