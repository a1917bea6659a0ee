"""ExportService: write a selection as a Darwin Core Archive or MCPD CSV, at once (the CLI) or as a background
export with progress, kept in the object store until downloaded (the API).

Who sees an export: the user who asked for it, and administrators. An anonymous export holds only what the
public may see, and its random id (128 bits) is the only way to reach it.
"""
from __future__ import annotations

import logging
import secrets
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, BinaryIO, Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from catalog.citations import today
from catalog.db import transaction
from catalog.enums import ExportFormat, ExportState
from catalog.errors import CatalogError, parse_choice, InvalidState, NotFound
from catalog.exports.dwca import ArchiveLayout, write_dwca
from catalog.exports.eml import DatasetFacts, eml_document, selection_citation
from catalog.exports.mcpd import GERMPLASM_DOMAINS, write_mcpd
from catalog.exports.selection import RecordSource, Selection
from catalog.models import Center, Export, utcnow
from catalog.permissions import Actor
from catalog.search.service import SearchService
from catalog.services.accounts import AccountService
from catalog.services.audit import record
from catalog.services.resources import ResourceService
from catalog.storage import ObjectStore
from schemas.registry import DOMAINS

log = logging.getLogger(__name__)

SCOPES = {ExportFormat.DWCA: DOMAINS, ExportFormat.MCPD: GERMPLASM_DOMAINS}
MEDIA_TYPES = {ExportFormat.DWCA: "application/zip", ExportFormat.MCPD: "text/csv; charset=utf-8"}
SUFFIXES = {ExportFormat.DWCA: "zip", ExportFormat.MCPD: "csv"}
PROGRESS_EVERY = 1000   # records between two progress updates of a background export


@dataclass(frozen=True)
class Written:
    records: int
    domains: tuple[str, ...]


def export_format(value: str) -> ExportFormat:
    return parse_choice(ExportFormat, value, "export format", "导出格式", field="format")


def file_name(export_format: ExportFormat, selection: Selection, day: str) -> str:
    """center-domain-format-YYYYMMDD.suffix, "search-…" for a search result, "catalogue-…" for everything."""
    if selection.searches:
        stem = "search"
    else:
        stem = "-".join(part for part in (selection.center, selection.domain) if part) or "catalogue"
    return f"{stem}-{export_format.value}-{day}.{SUFFIXES[export_format]}"


class ExportService:
    def __init__(self, session_factory: sessionmaker[Session], store: ObjectStore, resources: ResourceService,
                 search: SearchService, accounts: AccountService, base_url: str,
                 schedule: Callable[[str], Any] = lambda export_id: None):
        self.session_factory = session_factory
        self.store = store
        self.accounts = accounts
        self.base_url = base_url
        self.schedule = schedule
        self.source = RecordSource(session_factory, resources, search)

    def write(self, actor: Actor, format: str, selection: Selection, out: BinaryIO,
              on_record: Callable[[int], None] = lambda written: None) -> Written:
        """Write the selection to `out` exactly as the actor may see each record: confidential records only
        for their center's curators, reviewers and admins; restricted ones generalised for everyone else."""
        chosen = export_format(format)
        scope = SCOPES[chosen]
        plan = self.source.plan(actor, selection, scope)
        records = self.source.records(actor, selection, scope)
        facts = DatasetFacts()

        def counted(shown: dict[str, Any]) -> None:
            facts.add(shown)
            on_record(facts.records)

        if chosen == ExportFormat.MCPD:
            return Written(write_mcpd(records, out, counted), plan.domains)
        published = datetime.now(timezone.utc)
        metadata = lambda: self._eml(selection, facts, published)  # noqa: E731 (facts are complete only at the end)
        written = write_dwca(records, ArchiveLayout(plan.domains, self.base_url), out, metadata, counted)
        return Written(written, plan.domains)

    def request(self, actor: Actor, format: str, selection: Selection) -> Export:
        """Queue an export of what the actor may see. The selection is checked now, so a wrong center, domain or
        filter is reported at once rather than as a failed export."""
        chosen = export_format(format)
        plan = self.source.plan(actor, selection, SCOPES[chosen])
        with transaction(self.session_factory) as session:
            export = Export(id=secrets.token_urlsafe(16), format=chosen, state=ExportState.QUEUED,
                            selection=selection.as_dict(), requested_by_id=actor.user_id,
                            records_expected=plan.expected, records_written=0, attempts=0,
                            file_name=file_name(chosen, selection, today().strftime("%Y%m%d")))
            session.add(export)
            session.flush()
            record(session, actor, "export.request", "export", export.id, format=chosen.value, **selection.as_dict())
        self.schedule(export.id)
        return export

    def get(self, actor: Actor, export_id: str) -> Export:
        """An export its requester (or an administrator) may see; anyone else gets "not found"."""
        with self.session_factory() as session:
            export = session.get(Export, export_id)
        if export is None or not (export.requested_by_id is None or actor.is_admin
                                  or export.requested_by_id == actor.user_id):
            raise NotFound(f"No export {export_id!r}.", f"没有导出任务 {export_id!r}。")
        return export

    def open(self, actor: Actor, export_id: str) -> tuple[Export, BinaryIO]:
        """The finished file of an export, to stream; InvalidState until it is built."""
        export = self.get(actor, export_id)
        if export.state != ExportState.DONE or not export.storage_key:
            raise InvalidState(f"Export {export_id} is {export.state.value}; the file can be downloaded once it "
                               "is done.", f"导出任务 {export_id} 当前状态为 {export.state.value}；完成后方可下载。")
        return export, self.store.open(export.storage_key)

    def media_type(self, export: Export) -> str:
        return MEDIA_TYPES[export.format]

    def build(self, export_id: str) -> Export:
        """Build the file of a queued export into the object store, updating its progress as records are
        written. A failure while building is recorded on the export (with its reason) rather than raised."""
        with transaction(self.session_factory) as session:
            export = session.get(Export, export_id)
            if export is None:
                raise NotFound(f"No export {export_id!r}.", f"没有导出任务 {export_id!r}。")
            if export.state in (ExportState.DONE, ExportState.FAILED):
                return export
            # A running export is built again: its worker was lost and the broker delivered the task anew.
            export.state, export.started_at, export.attempts = ExportState.RUNNING, utcnow(), export.attempts + 1
        try:
            actor = self._requester(export)
            with tempfile.TemporaryFile() as spool:
                written = self.write(actor, export.format.value, Selection.from_dict(export.selection), spool,
                                     on_record=lambda count: self._progress(export_id, count))
                spool.seek(0)
                key = f"exports/{export_id}/{uuid.uuid4().hex}.{SUFFIXES[export.format]}"
                stored = self.store.put(key, spool, content_type=MEDIA_TYPES[export.format])
        except Exception as error:  # a failed export is a result the requester reads, not a crash
            log.exception("export %s failed", export_id)
            message = error.message if isinstance(error, CatalogError) else {
                "en": f"The export could not be built: {type(error).__name__}.",
                "zh": f"导出文件生成失败：{type(error).__name__}。"}
            return self._finish(export_id, state=ExportState.FAILED, failure=message)
        return self._finish(export_id, state=ExportState.DONE, storage_key=stored.key, size_bytes=stored.size,
                            sha256=stored.sha256, records_written=written.records, records_expected=written.records)

    def _requester(self, export: Export) -> Actor:
        """The requester as they are now: a revoked grant no longer counts when the file is built."""
        if export.requested_by_id is None:
            return Actor.anonymous()
        actor = self.accounts.actor(export.requested_by_id)
        if actor is None:
            raise InvalidState("The user who asked for this export is no longer active.",
                               "申请该导出的用户已停用。")
        return actor

    def _progress(self, export_id: str, written: int) -> None:
        if written % PROGRESS_EVERY == 0:
            with transaction(self.session_factory) as session:
                session.execute(update(Export).where(Export.id == export_id).values(records_written=written))

    def _finish(self, export_id: str, **values: Any) -> Export:
        with transaction(self.session_factory) as session:
            export = session.get(Export, export_id)
            if export is None:
                raise NotFound(f"No export {export_id!r}.", f"没有导出任务 {export_id!r}。")
            for name, value in values.items():
                setattr(export, name, value)
            export.finished_at = utcnow()
            return export

    def _eml(self, selection: Selection, facts: DatasetFacts, published: datetime) -> bytes:
        codes = set(facts.centers) | ({selection.center} if selection.center else set())
        with self.session_factory() as session:
            centers = {center.code: center for center in session.scalars(select(Center).where(Center.code.in_(codes)))}
        citation = selection_citation(selection, centers, facts, self.base_url, published.date())
        return eml_document(facts, citation, centers, self.base_url, f"urn:uuid:{uuid.uuid4()}", published)
