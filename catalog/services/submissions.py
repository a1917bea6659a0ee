"""SubmissionService: upload → validate (stage the valid rows) → submit → approve (publish) or reject;
withdraw before review. Every step checks permission, is audited, and changes the database in one
transaction; processing is idempotent, so a retry after a killed worker finishes with the exact count."""
from __future__ import annotations

import builtins
import io
import logging
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any, BinaryIO, Callable, NamedTuple, cast

from sqlalchemy import CursorResult, Table, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import lock, transaction
from catalog.enums import ChangeKind, Domain, OutboxOperation, SharingMode, SubmissionState as State
from catalog.errors import (Forbidden, InvalidInput, parse_choice, InvalidState, NotFound, PayloadTooLarge,
                            StorageFailed)
from catalog.models import Center, IndexOutbox, Resource, ResourceHistory, StagedRecord, Submission
from catalog.permissions import Actor
from catalog.services.audit import record as audit
from catalog.services.resources import Changes, apply_records, core_values, snapshot
from catalog.storage import STORAGE_FAILURES, ObjectStore, safe_file_name
from ingest.mapping import MappingError, MappingSpec, mapping_spec
from ingest.pipeline import check_file
from ingest.suggestions import Suggestion, accepted, confirmed_mapping, file_header, suggest_quietly

log = logging.getLogger(__name__)

STAGE_BATCH = 1000
MAX_ATTEMPTS = 3
# What a store raises when it cannot be used: the local folder's own error, or the S3 client's.
ACTIVE = (State.UPLOADED, State.VALIDATING, State.VALIDATED, State.SUBMITTED, State.APPROVED)
# The states each step starts from; the steps enforce them and actions() reports them, from these same tuples.
SUBMITTABLE = (State.VALIDATED,)
REVIEWABLE = (State.SUBMITTED,)
WITHDRAWABLE = (State.UPLOADED, State.VALIDATING, State.VALIDATED, State.SUBMITTED, State.FAILED)
# Declared types a browser or client may send for the formats we read; anything else is refused.
ACCEPTED_TYPES = {"text/csv", "text/plain", "text/tab-separated-values", "application/csv", "application/json",
                  "application/x-ndjson", "application/jsonl", "application/zip", "application/x-zip-compressed",
                  "application/octet-stream", "application/vnd.ms-excel",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""}
REFUSED_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image",
                 b"\x7fELF": "executable", b"MZ": "executable", b"\xd0\xcf\x11\xe0": "old Office (.xls/.doc)"}


def archived_key(submission: Submission) -> str:
    """The store key of the uploaded file, which every upload archives before its submission is created."""
    if submission.storage_key is None:
        raise InvalidState(f"Submission {submission.id} has no archived file.", f"汇交 {submission.id} 没有存档文件。")
    return submission.storage_key


def as_document(submission: Submission) -> dict[str, Any]:
    """The submission as the command line and the API show it (the shape fixed in the conventions, plus a few
    fields); `center` must have been loaded with it, as every read of the service does."""
    return {"id": submission.id, "center": submission.center.code, "domain": submission.domain.value,
            "state": submission.state.value, "file": submission.file_name, "sha256": submission.sha256,
            "summary": submission.summary.get("summary", {}), "changes": submission.changes,
            "review_reason": submission.review_reason}


class Received(NamedTuple):
    submission: Submission
    created: bool  # False when the same file was already there and that submission is returned


class SubmissionService:
    def __init__(self, session_factory: sessionmaker[Session], store: ObjectStore,
                 schedule: Callable[[int], Any] = lambda submission_id: None,
                 on_publish: Callable[[], None] = lambda: None, max_upload_bytes: int = 1 << 30):
        self.session_factory = session_factory
        self.store = store
        self.schedule = schedule
        self.on_publish = on_publish
        self.max_upload_bytes = max_upload_bytes

    # ------------------------------------------------------------------ upload
    def upload(self, actor: Actor, center_code: str, file_name: str, stream: BinaryIO, *,
               domain: str | None = None, content_type: str | None = None, full_replace: bool = False,
               sharing_mode: str | None = None, mapping: dict[str, Any] | None = None,
               accept_suggestions: float | None = None, background: bool = True) -> Submission:
        """Archive the raw file with its SHA-256 before anything parses it, and queue its validation.

        The same file uploaded again for the same center and domain returns the existing submission.
        With background=False the caller runs process() itself (the command line does, to show progress)."""
        return self.receive(actor, center_code, file_name, stream, domain=domain, content_type=content_type,
                            full_replace=full_replace, sharing_mode=sharing_mode, mapping=mapping,
                            accept_suggestions=accept_suggestions, background=background).submission

    def receive(self, actor: Actor, center_code: str, file_name: str, stream: BinaryIO, *,
                domain: str | None = None, content_type: str | None = None, full_replace: bool = False,
                sharing_mode: str | None = None, mapping: dict[str, Any] | None = None,
                accept_suggestions: float | None = None, background: bool = True) -> Received:
        """upload(), also saying whether the file was new (the API answers 202 for a new one, 200 otherwise).
        With accept_suggestions (a minimum confidence), validation first applies the suggestions made for the
        file at or above it; the mapping used is saved with the submission, and the report lists them."""
        center = self._center_for_curator(actor, center_code)
        domain_value = self._domain(center, domain)
        spec = self._spec(mapping)
        default_sharing = self._sharing_mode(sharing_mode)
        self._check_content_type(file_name, content_type, stream)
        name = safe_file_name(file_name)
        key = f"submissions/{center.code}/{uuid.uuid4().hex}/{name}"
        try:
            stored = self.store.put(key, _Limited(stream, self.max_upload_bytes, name), content_type=content_type)
        except STORAGE_FAILURES as exc:
            # The backend's own message names endpoints and keys: log it for the operator, not the caller.
            log.error("archiving upload %s of center %s failed: %s", name, center.code, exc)
            raise StorageFailed(f"The file store is unavailable, so {name} was not accepted and no submission "
                                "was created. Try again later.",
                                f"文件存储暂不可用，{name} 未被接收，未创建汇交。请稍后重试。") from exc
        if stored.size == 0:
            self.store.delete(key)
            raise InvalidInput(f"{name} is empty.", f"{name} 是空文件。")
        with transaction(self.session_factory) as session:
            existing = session.scalar(select(Submission).where(
                Submission.center_id == center.id, Submission.domain == domain_value,
                Submission.sha256 == stored.sha256, Submission.state.in_(ACTIVE)))
            options = {"full_replace": full_replace, "sharing_mode": default_sharing} \
                | ({"accept_suggestions": accept_suggestions} if accept_suggestions is not None else {})
            if existing is not None and (existing.options.get("uploaded_mapping", existing.mapping) != spec.as_dict()
                                         or {k: v for k, v in existing.options.items() if k != "uploaded_mapping"}
                                         != options):
                existing = None  # the same bytes processed differently is a new submission
            if existing is not None:
                self.store.delete(key)
                return Received(existing, created=False)
            submission = Submission(center_id=center.id, domain=domain_value, state=State.UPLOADED, file_name=name,
                                    content_type=content_type, size_bytes=stored.size, sha256=stored.sha256,
                                    storage_key=key, mapping=spec.as_dict(), created_by_id=actor.user_id,
                                    options=options)
            session.add(submission)
            session.flush()
            audit(session, actor, "submission.upload", "submission", submission.id, file=name, sha256=stored.sha256,
                  size=stored.size, center=center.code, domain=domain_value.value)
        if background:
            self.schedule(submission.id)
        return Received(submission, created=True)

    # ------------------------------------------------------------------ validation (background)
    def process(self, submission_id: int, progress: Callable[[int], None] | None = None) -> Submission:
        """Validate the archived file and stage its valid rows. Safe to run again: staged rows of an earlier,
        interrupted attempt are cleared first."""
        with transaction(self.session_factory) as session:
            submission = _locked(session, submission_id)
            if submission.state not in (State.UPLOADED, State.VALIDATING):
                return submission
            if submission.attempts >= MAX_ATTEMPTS:
                # A file that killed the worker this often would kill the next one too: stop redelivering it.
                submission.state, submission.phase = State.FAILED, None
                submission.summary = {**submission.summary, "error": f"gave up after {submission.attempts} attempts"}
                return submission
            submission.state, submission.phase = State.VALIDATING, "reading"
            submission.attempts += 1
            submission.rows_done = 0
            session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission_id))
            spec, options, domain = mapping_spec(submission.mapping), submission.options, submission.domain
            file_name, key = submission.file_name, submission.storage_key
        try:
            return self._validate(submission_id, spec, options, domain, file_name, key, progress)
        except _Withdrawn:
            return self._discard_staged(submission_id)
        except Exception as error:
            self._fail(submission_id, error)
            raise

    def _validate(self, submission_id, spec, options, domain, file_name, key, progress) -> Submission:
        stager = _Stager(self.session_factory, submission_id, progress)
        with tempfile.TemporaryDirectory(prefix="catalog-submission-") as folder:
            local = Path(folder) / file_name
            with self.store.open(key) as source, local.open("wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            applied: list[Suggestion] = []
            if options.get("accept_suggestions") is not None:
                uploaded = spec
                applied = [suggestion for suggestion in self._suggestions(submission_id, local, domain, file_name, spec)
                           if suggestion.confidence >= options["accept_suggestions"]]
                spec = accepted(spec, applied, options["accept_suggestions"])
            report = check_file(local, domain.value, file_name=file_name, spec=spec,
                                defaults={"sharing_mode": options.get("sharing_mode") or SharingMode.OPEN.value},
                                on_record=stager.add)
            found = self._suggestions(submission_id, local, domain, file_name, spec,
                                      list(report.details.get("mapping", {}).get("columns", {})))
            report.details["suggestions"] = [suggestion.as_dict() for suggestion in found]
            if applied:
                report.details["applied_suggestions"] = [suggestion.as_dict() for suggestion in applied]
            stager.flush()
            report_key = f"{key.rsplit('/', 1)[0]}/report.json"
            report_path = Path(folder) / "report.json"
            with report_path.open("w", encoding="utf-8") as handle:
                report.write_json(handle)
            csv_path = Path(folder) / "report.csv"
            with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
                report.write_csv(handle)
            for path, stored_key, kind in ((report_path, report_key, "application/json"),
                                           (csv_path, report_key[:-len("json")] + "csv", "text/csv")):
                if self.store.exists(stored_key):
                    self.store.delete(stored_key)
                with path.open("rb") as handle:
                    self.store.put(stored_key, handle, content_type=kind)
            summary = report.head()
            report.close()
        with transaction(self.session_factory) as session:
            submission = _locked(session, submission_id)
            if submission.state != State.VALIDATING:  # withdrawn while the file was being read
                session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission_id))
                return submission
            if applied:
                submission.options = {**submission.options, "uploaded_mapping": uploaded.as_dict()}
                submission.mapping = spec.as_dict()
            changes = self._changes(session, submission)
            submission.summary = summary
            submission.changes = changes.as_dict()
            submission.report_key = report_key
            submission.rows_total = summary["summary"]["rows"]
            submission.rows_done = summary["summary"]["rows"]
            submission.phase = None
            submission.state = State.VALIDATED if "FILE_UNREADABLE" not in summary["flags"] else State.FAILED
            return submission

    def _suggestions(self, submission_id: int, local: Path, domain: Domain, file_name: str, spec: MappingSpec,
                     headers: list[str] | None = None) -> list[Suggestion]:
        """What is suggested for the file: a confirmed mapping of the center (for a file with none), then the
        suggestions made from the file itself."""
        found = suggest_quietly(local, domain.value, file_name=file_name, spec=spec)
        if headers is None:
            headers = file_header(local, file_name)
        if headers and spec == MappingSpec():
            found = self._confirmed_mapping(submission_id, domain, headers) + found
        return found

    def _confirmed_mapping(self, submission_id: int, domain: Domain, headers: list[str]) -> list[Suggestion]:
        """The mapping of the center's latest submitted or approved file of the domain with the same columns,
        when it had a mapping of its own: offered for a file that came without one."""
        with self.session_factory() as session:
            center_id = session.scalar(select(Submission.center_id).where(Submission.id == submission_id))
            earlier = session.scalars(select(Submission).where(
                Submission.center_id == center_id, Submission.domain == domain, Submission.id != submission_id,
                Submission.state.in_((State.SUBMITTED, State.APPROVED))).order_by(Submission.id.desc()).limit(50))
            for candidate in earlier:
                if mapping_spec(candidate.mapping) != MappingSpec() and \
                        set(candidate.summary.get("mapping", {}).get("columns", {})) == set(headers):
                    return [confirmed_mapping(candidate.id, candidate.file_name, candidate.mapping, len(headers))]
        return []

    def _discard_staged(self, submission_id: int) -> Submission:
        with transaction(self.session_factory) as session:
            session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission_id))
            submission = session.get(Submission, submission_id)
            if submission is None:
                raise NotFound(f"No submission {submission_id}.", f"没有汇交 {submission_id}。")
            return submission

    def _fail(self, submission_id: int, error: Exception) -> None:
        """An unexpected error ends the attempt as failed (with the reason) rather than validating forever."""
        with transaction(self.session_factory) as session:
            submission = lock(session, Submission, submission_id)
            if submission is not None and submission.state == State.VALIDATING:
                submission.state, submission.phase = State.FAILED, None
                submission.summary = {**submission.summary, "error": f"{type(error).__name__}: {error}"[:500]}
                session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission_id))

    def _changes(self, session: Session, submission: Submission) -> Changes:
        """What approving would do, compared with the published records of the same center and domain."""
        changes = Changes()
        staged_ids: set[str] = set()
        last = 0
        while True:
            batch = session.scalars(select(StagedRecord).where(StagedRecord.submission_id == submission.id,
                                                               StagedRecord.id > last)
                                    .order_by(StagedRecord.id).limit(STAGE_BATCH)).all()
            if not batch:
                break
            last = batch[-1].id
            existing = {r.local_id: r for r in session.scalars(select(Resource).where(
                Resource.center_id == submission.center_id, Resource.domain == submission.domain,
                Resource.local_id.in_([row.local_id for row in batch])))}
            for row in batch:
                staged_ids.add(row.local_id)
                current = existing.get(row.local_id)
                if current is None or current.is_deleted:
                    changes.insert += 1
                elif _same(current, row.record):
                    changes.unchanged += 1
                else:
                    changes.update += 1
        if submission.options.get("full_replace"):
            published = session.scalars(select(Resource.local_id).where(
                Resource.center_id == submission.center_id, Resource.domain == submission.domain,
                Resource.is_deleted.is_(False)))
            changes.delete = sum(1 for local_id in published if local_id not in staged_ids)
        return changes

    # ------------------------------------------------------------------ review
    def submit(self, actor: Actor, submission_id: int, valid_rows_only: bool = False) -> Submission:
        """Send a validated submission to its department for review; rows in error block it unless the curator
        chooses to submit the valid rows only."""
        with transaction(self.session_factory) as session:
            submission = self._get(session, actor, submission_id, for_update=True)
            self._require_curator(actor, submission)
            _require_state(submission, *SUBMITTABLE)
            invalid = submission.summary.get("summary", {}).get("invalid", 0)
            if invalid and not valid_rows_only:
                raise InvalidState(f"{invalid} rows have errors: fix the file, or submit the valid rows only.",
                                   f"有 {invalid} 行存在错误：请修改文件，或选择只提交有效行。", invalid=invalid)
            if not submission.summary.get("summary", {}).get("valid"):
                raise InvalidState("No row is valid, so there is nothing to submit.", "没有有效行，无可提交的内容。")
            submission.state = State.SUBMITTED
            submission.options = {**submission.options, "valid_rows_only": bool(invalid)}
            audit(session, actor, "submission.submit", "submission", submission.id, valid_rows_only=bool(invalid))
            return submission

    def approve(self, actor: Actor, submission_id: int) -> Submission:
        """Publish the valid rows of a reviewed submission in one transaction, or nothing."""
        with transaction(self.session_factory) as session:
            submission = self._get(session, actor, submission_id, for_update=True)
            self._require_reviewer(actor, submission)
            _require_state(submission, *REVIEWABLE)
            center = session.get_one(Center, submission.center_id)
            records = (dict(row.record, local_id=row.local_id) for row in _staged(session, submission.id))
            changes = apply_records(session, actor, center, submission.domain, records, submission_id=submission.id)
            if submission.options.get("full_replace"):
                changes.delete = _delete_missing(session, actor, submission)
            session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission.id))
            submission.state = State.APPROVED
            submission.changes = changes.as_dict()
            submission.reviewed_by_id = actor.user_id
            audit(session, actor, "submission.approve", "submission", submission.id, **changes.as_dict())
        self.on_publish()
        return submission

    def reject(self, actor: Actor, submission_id: int, reason: str) -> Submission:
        if not (reason or "").strip():
            raise InvalidInput("A rejection needs a reason.", "退回须说明理由。")
        with transaction(self.session_factory) as session:
            submission = self._get(session, actor, submission_id, for_update=True)
            self._require_reviewer(actor, submission)
            _require_state(submission, *REVIEWABLE)
            session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission.id))
            submission.state, submission.review_reason = State.REJECTED, reason.strip()
            submission.reviewed_by_id = actor.user_id
            audit(session, actor, "submission.reject", "submission", submission.id, reason=reason.strip())
            return submission

    def withdraw(self, actor: Actor, submission_id: int) -> Submission:
        """The curator takes a submission back at any point before the review decision."""
        with transaction(self.session_factory) as session:
            submission = self._get(session, actor, submission_id, for_update=True)
            self._require_curator(actor, submission)
            _require_state(submission, *WITHDRAWABLE)
            session.execute(delete(StagedRecord).where(StagedRecord.submission_id == submission.id))
            submission.state = State.WITHDRAWN
            audit(session, actor, "submission.withdraw", "submission", submission.id)
            return submission

    # ------------------------------------------------------------------ reading
    def get(self, actor: Actor, submission_id: int) -> Submission:
        with self.session_factory() as session:
            return self._get(session, actor, submission_id)

    def list(self, actor: Actor, state: str | None = None, center_code: str | None = None) -> list[Submission]:
        """The submissions the actor may see: their centers', their departments', or all for admins."""
        with self.session_factory() as session:
            query = select(Submission).join(Center).order_by(Submission.id.desc())
            if state:
                query = query.where(Submission.state == _state(state))
            if center_code:
                query = query.where(Center.code == center_code)
            return [s for s in session.scalars(query) if self._may_see(actor, s)]

    # Below the method named list, builtins.list names the type.
    def published(self, center_code: str, limit: int = 10) -> builtins.list[dict[str, Any]]:
        """A center's latest approved submissions as anyone may know of them: when, which domain, and how
        many of the records they brought are public now (confidential ones are not counted)."""
        with self.session_factory() as session:
            public = (select(Resource.submission_id, func.count().label("records"))
                      .where(Resource.is_deleted.is_(False), Resource.sharing_mode != SharingMode.CONFIDENTIAL)
                      .group_by(Resource.submission_id).subquery())
            rows = session.execute(
                select(Submission.updated_at, Submission.domain, public.c.records)
                .join(Center).join(public, public.c.submission_id == Submission.id)
                .where(Center.code == center_code, Submission.state == State.APPROVED)
                .order_by(Submission.updated_at.desc(), Submission.id.desc()).limit(limit))
            return [{"published_at": at, "domain": domain.value, "records": records} for at, domain, records in rows]

    def report(self, actor: Actor, submission_id: int, kind: str = "json") -> BinaryIO:
        """The archived validation report: "json" (the whole report) or "csv" (its issues, for spreadsheets)."""
        submission = self.get(actor, submission_id)
        if not submission.report_key:
            raise InvalidState("The file has not been validated yet.", "文件尚未完成校验。")
        return self.store.open(submission.report_key if kind == "json" else submission.report_key[:-4] + "csv")

    def actions(self, actor: Actor, submission: Submission) -> builtins.list[str]:
        """The steps the actor may take next on this submission, by the rules the steps themselves enforce
        (a submission with no valid row cannot be submitted, even with valid_rows_only)."""
        allowed = []
        if actor.curates(submission.center_id):
            if submission.state in SUBMITTABLE and submission.summary.get("summary", {}).get("valid"):
                allowed.append("submit")
            if submission.state in WITHDRAWABLE:
                allowed.append("withdraw")
        if actor.reviews(submission.center.department_id) and submission.state in REVIEWABLE:
            allowed += ["approve", "reject"]
        return allowed

    # ------------------------------------------------------------------ rules
    def _center_for_curator(self, actor: Actor, center_code: str) -> Center:
        with self.session_factory() as session:
            center = session.scalar(select(Center).where(Center.code == center_code))
        if center is None:
            raise NotFound(f"No center with code {center_code!r}.", f"没有代码为 {center_code!r} 的资源库。")
        if not actor.curates(center.id):
            raise Forbidden(f"Only curators of {center_code} may submit its data.",
                            f"只有 {center_code} 的管理员可以汇交其数据。")
        return center

    def _may_see(self, actor: Actor, submission: Submission) -> bool:
        return actor.curates(submission.center_id) or actor.reviews(submission.center.department_id)

    def _get(self, session: Session, actor: Actor, submission_id: int, for_update: bool = False) -> Submission:
        submission = lock(session, Submission, submission_id) if for_update else session.get(Submission, submission_id)
        if submission is None or not self._may_see(actor, submission):
            raise NotFound(f"No submission {submission_id}.", f"没有汇交 {submission_id}。")
        return submission

    def _require_curator(self, actor: Actor, submission: Submission) -> None:
        if not actor.curates(submission.center_id):
            raise Forbidden("Only the center's curators may do this.", "只有该资源库的管理员可以执行此操作。")

    def _require_reviewer(self, actor: Actor, submission: Submission) -> None:
        if not actor.reviews(submission.center.department_id):
            raise Forbidden("Only reviewers of the center's supervising department may decide on it.",
                            "只有该资源库主管部门的审核人可以审核。")

    @staticmethod
    def _domain(center: Center, domain: str | None) -> Domain:
        if domain:
            return parse_choice(Domain, domain, "domain", "领域", field="domain")
        if center.domain is None:
            raise InvalidInput(f"Center {center.code} holds several domains: say which one this file is.",
                               f"资源库 {center.code} 涉及多个领域，请指明本文件的领域。")
        return center.domain

    @staticmethod
    def _spec(mapping: dict[str, Any] | None) -> MappingSpec:
        try:
            return mapping_spec(mapping or {}, "mapping")
        except MappingError as error:
            raise InvalidInput(str(error), f"映射无效：{error}") from None

    @staticmethod
    def _sharing_mode(value: str | None) -> str | None:
        if value is None:
            return None
        return parse_choice(SharingMode, value, "sharing mode", "共享方式", field="sharing_mode").value

    @staticmethod
    def _check_content_type(file_name: str, content_type: str | None, stream: BinaryIO) -> None:
        declared = (content_type or "").split(";")[0].strip().lower()
        if declared not in ACCEPTED_TYPES:
            raise InvalidInput(f"{file_name}: files of type {declared} are not accepted; upload CSV, TSV, XLSX, "
                               "JSON, JSON Lines or a Darwin Core Archive (zip).",
                               f"{file_name}：不接受 {declared} 类型的文件；请上传 CSV、TSV、XLSX、JSON、JSON Lines "
                               "或 Darwin Core Archive（zip）。")
        if stream.seekable():
            start = stream.tell()
            head = stream.read(8)
            stream.seek(start)
            for magic, kind in REFUSED_MAGIC.items():
                if head.startswith(magic):
                    raise InvalidInput(f"{file_name} is a {kind}, not a data file.", f"{file_name} 是{kind}，不是数据文件。")


class _Limited(io.RawIOBase):
    """Refuses a stream once it passes the upload limit, so an oversized upload never fills the store."""

    def __init__(self, stream: BinaryIO, limit: int, name: str):
        self.stream, self.limit, self.name, self.seen = stream, limit, name, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size if size and size > 0 else 1 << 20)
        self.seen += len(chunk)
        if self.seen > self.limit:
            raise PayloadTooLarge(f"{self.name} is larger than the {self.limit // (1 << 20)} MiB upload limit.",
                               f"{self.name} 超过 {self.limit // (1 << 20)} MiB 的上传上限。")
        return chunk

    def readinto(self, buffer) -> int:
        chunk = self.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


class _Withdrawn(Exception):
    """The submission left the validating state (withdrawn) while its file was being read."""


class _Stager:
    """Writes valid records to staged_records in batches and reports progress."""

    def __init__(self, session_factory, submission_id: int, progress):
        self.session_factory, self.submission_id, self.progress = session_factory, submission_id, progress
        self.pending: list[dict[str, Any]] = []
        self.rows = 0

    def add(self, row_number: int, record: dict[str, Any]) -> None:
        self.pending.append({"submission_id": self.submission_id, "row_number": row_number,
                             "local_id": record["local_id"],
                             "record": {k: v for k, v in record.items() if k != "local_id"}})
        self.rows = row_number
        if len(self.pending) >= STAGE_BATCH:
            self.flush()

    def flush(self) -> None:
        with transaction(self.session_factory) as session:
            if self.pending:
                # A mapped class's __table__ is typed as any FromClause; declared with __tablename__, it is a Table.
                session.execute(cast(Table, StagedRecord.__table__).insert(), self.pending)
            # Session.execute is typed as returning a Result; an UPDATE without RETURNING gives a CursorResult.
            moved = cast(CursorResult[Any], session.execute(
                update(Submission).where(Submission.id == self.submission_id, Submission.state == State.VALIDATING)
                .values(rows_done=self.rows, phase="validating")))
            if moved.rowcount == 0:
                raise _Withdrawn()
        self.pending = []
        if self.progress:
            self.progress(self.rows)


def _locked(session: Session, submission_id: int) -> Submission:
    """The submission, locked for the caller's transaction (catalog.db.lock); NotFound when there is none."""
    submission = lock(session, Submission, submission_id)
    if submission is None:
        raise NotFound(f"No submission {submission_id}.", f"没有汇交 {submission_id}。")
    return submission


def _staged(session: Session, submission_id: int):
    last = 0
    while True:
        batch = session.scalars(select(StagedRecord).where(StagedRecord.submission_id == submission_id,
                                                           StagedRecord.id > last)
                                .order_by(StagedRecord.id).limit(STAGE_BATCH)).all()
        if not batch:
            return
        last = batch[-1].id
        yield from batch


def _delete_missing(session: Session, actor: Actor, submission: Submission) -> int:
    """Full replace: published records of the center and domain that the file no longer has are deleted."""
    staged = select(StagedRecord.local_id).where(StagedRecord.submission_id == submission.id)
    gone = session.scalars(select(Resource).where(
        Resource.center_id == submission.center_id, Resource.domain == submission.domain,
        Resource.is_deleted.is_(False), Resource.local_id.not_in(staged))).all()
    for resource in gone:
        resource.is_deleted = True
        resource.version += 1
        session.add(ResourceHistory(resource_id=resource.id, version=resource.version, change=ChangeKind.DELETE,
                                    snapshot=snapshot(resource), submission_id=submission.id,
                                    changed_by_id=actor.user_id))
        session.add(IndexOutbox(resource_id=resource.id, version=resource.version, operation=OutboxOperation.DELETE))
    return len(gone)


def _same(resource: Resource, record: dict[str, Any]) -> bool:
    core = core_values(record)
    return all(getattr(resource, name) == value for name, value in core.items())



def _state(value: str) -> State:
    return parse_choice(State, value, "state", "状态", field="state")


def _require_state(submission: Submission, *allowed: State) -> None:
    if submission.state not in allowed:
        raise InvalidState(f"Submission {submission.id} is {submission.state.value}; this needs it to be "
                           f"{' or '.join(s.value for s in allowed)}.",
                           f"汇交 {submission.id} 当前为 {submission.state.value} 状态，此操作要求 "
                           f"{' 或 '.join(s.value for s in allowed)}。")
