"""The curator's screens: upload a file with live progress, map unknown columns, read the validation report,
submit for review or withdraw; and the list of submissions. Every step is a SubmissionService call, which
decides who may do what."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.enums import DOMAIN_LABELS, SHARING_MODE_LABELS, Role, SubmissionState
from catalog.errors import InvalidInput, PayloadTooLarge, Unauthenticated
from catalog.web import current_actor, services, streamed
from catalog.services.failing_rows import write_failing_rows
from catalog.services.inspection import column_samples, unknown_terms, upload_targets
from ingest.mapping import MappingError, load_mapping_file, mapping_spec
from catalog.services.remapping import revalidate
from ingest.suggestions import DEFAULT_MIN_CONFIDENCE, Suggestion, accepted
from ingest.report_pages import PAGE_SIZE, SUMMARISED, IssueFilter, issue_page
from catalog.storage import safe_file_name
from schemas import describe
from schemas.issues import flag_name
from search_ui import mapping_view, screen_errors
from search_ui.screen_errors import language, wants_json

bp = Blueprint("submitting", __name__, template_folder="templates")
screen_errors.register(bp)

RUNNING = (SubmissionState.UPLOADED, SubmissionState.VALIDATING)
SEVERITIES = ("error", "warning")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.before_request
def _require_sign_in():
    if not current_actor().is_authenticated:
        raise Unauthenticated("Please sign in to submit or review data.", "请先登录，再汇交或审核数据。")


@bp.app_context_processor
def submission_navigation() -> dict[str, Any]:
    """The links base.html shows to signed-in curators and reviewers."""
    roles = current_actor().roles
    links = []
    if roles & {Role.CURATOR, Role.ADMIN}:
        links.append((url_for("submitting.submit_form"), _("Submit data")))
    if roles & {Role.CURATOR, Role.REVIEWER, Role.ADMIN}:
        links.append((url_for("submitting.submissions"), _("Submissions")))
    if roles & {Role.REVIEWER, Role.ADMIN}:
        links.append((url_for("reviewing.queue"), _("Review queue")))
    return {"submission_links": links, "state_label": state_label}


def state_label(state: str) -> str:
    return {"uploaded": _("Uploaded"), "validating": _("Validating"), "validated": _("Validated"),
            "submitted": _("Submitted for review"), "approved": _("Approved"), "rejected": _("Rejected"),
            "withdrawn": _("Withdrawn"), "failed": _("Failed")}.get(state, state)


# ---------------------------------------------------------------------- upload
@bp.get("/submit")
def submit_form():
    actor = current_actor()
    targets = upload_targets(services().submissions, actor)
    if not targets:
        flash(_("Only curators of a resource center may submit data."), "error")
        return redirect(url_for("submitting.submissions"))
    earlier = [s for s in services().submissions.list(actor) if any(s.mapping.get(k) for k in
                                                                    ("columns", "defaults", "identifier"))]
    return render_template("submit.html", targets=targets, earlier=earlier, domains=DOMAIN_LABELS,
                           sharing_modes=SHARING_MODE_LABELS)


@bp.post("/submit")
def upload():
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        raise PayloadTooLarge.over(request.max_content_length) from None
    file = files.get("file")
    if file is None or not file.filename:
        raise InvalidInput("Choose the data file to upload.", "请选择要上传的数据文件。", field="file")
    center = (form.get("center") or "").strip()
    if not center:
        raise InvalidInput("Choose the center the data belong to.", "请选择数据所属的资源库。", field="center")
    received = services().submissions.receive(
        current_actor(), center, file.filename, file.stream, domain=form.get("domain") or None,
        content_type=file.content_type, full_replace=form.get("full_replace") == "on",
        sharing_mode=form.get("sharing_mode") or None, mapping=chosen_mapping(form, files),
        accept_suggestions=DEFAULT_MIN_CONFIDENCE if form.get("accept_suggestions") == "on" else None)
    submission_id = received.submission.id
    if not received.created:
        flash(_("This file was uploaded before with the same options: here is that submission."), "info")
    if wants_json():
        return jsonify({"id": submission_id, "created": received.created,
                        "progress": url_for(".progress", submission_id=submission_id),
                        "page": url_for(".submission", submission_id=submission_id)}), 202 if received.created else 200
    return redirect(url_for(".submission", submission_id=submission_id))


def chosen_mapping(form: MultiDict[str, str], files: MultiDict[str, FileStorage]) -> dict[str, Any] | None:
    """The column mapping the curator chose: none (headers matched automatically), a mapping file (JSON or a
    two-column CSV, as for `catalog ingest --mapping`), or the mapping of an earlier submission."""
    choice = form.get("mapping_choice") or "automatic"
    if choice == "file":
        upload = files.get("mapping_file")
        if upload is None or not upload.filename:
            raise InvalidInput("Choose the mapping file, or let the columns be matched automatically.",
                               "请选择映射文件，或改为自动匹配列名。", field="mapping_file")
        with tempfile.TemporaryDirectory(prefix="catalog-mapping-") as folder:
            path = Path(folder) / safe_file_name(upload.filename)
            upload.save(path)
            try:
                return load_mapping_file(path).as_dict()
            except (MappingError, UnicodeDecodeError) as error:
                raise InvalidInput(f"The mapping file cannot be used: {error}",
                                   f"映射文件无法使用：{error}", field="mapping_file") from None
    if choice == "earlier":
        number = form.get("earlier_submission", type=int)
        if number is None:
            raise InvalidInput("Choose the earlier submission whose mapping to reuse.",
                               "请选择要沿用其列映射的早先汇交。", field="earlier_submission")
        saved = services().submissions.get(current_actor(), number).mapping
        return {key: saved.get(key) or default for key, default in
                (("columns", {}), ("defaults", {}), ("identifier", []), ("paths", {}), ("values", {}))}
    return None


@bp.get("/submissions/<int:submission_id>/progress")
def progress(submission_id: int):
    """Where validation stands, for the page's script to poll."""
    submission = services().submissions.get(current_actor(), submission_id)
    state = submission.state
    phase = "queued" if state == SubmissionState.UPLOADED else (
        (submission.phase or "reading") if state == SubmissionState.VALIDATING else "done")
    label = {"queued": _("Waiting to be validated…"), "reading": _("Reading the file…"),
             "validating": _("Validating: %(rows)s rows checked", rows=submission.rows_done),
             "done": _("Validation finished.")}[phase]
    return jsonify({"state": state.value, "phase": phase, "rows_done": submission.rows_done,
                    "rows_total": submission.rows_total, "done": state not in RUNNING, "label": label,
                    "next": url_for(".submission", submission_id=submission_id)})


# ---------------------------------------------------------------------- reading
@bp.get("/submissions")
def submissions():
    state = request.args.get("state") or None
    shown = services().submissions.list(current_actor(), state=state)
    return render_template("submissions.html", submissions=shown, state=state,
                           states=[s.value for s in SubmissionState])


@bp.get("/submissions/<int:submission_id>")
def submission(submission_id: int):
    """The validation report: summary, column mapping, flags, the issues filtered and paged, and next steps."""
    actor = current_actor()
    found = services().submissions.get(actor, submission_id)
    code = request.args.get("code") or None
    chosen = IssueFilter(code=code,
                         severity=request.args.get("severity") if request.args.get("severity") in SEVERITIES
                         else None, row=request.args.get("row", type=int),
                         summarised=() if code or request.args.get("row") else SUMMARISED)
    number = max(request.args.get("page", 1, type=int), 1)
    page = (issue_page(services().submissions.report(actor, submission_id), chosen, (number - 1) * PAGE_SIZE)
            if found.report_key else None)
    return render_template("submission.html", submission=found, running=found.state in RUNNING,
                           actions=services().submissions.actions(actor, found), page=page, number=number,
                           chosen=chosen, report=found.summary, field_labels=field_labels(found.domain.value),
                           flag_names=flag_name, fixes={suggestion["field"]: suggestion for suggestion in
                                  reversed(found.summary.get("suggestions", [])) if suggestion.get("field")})


@bp.get("/submissions/<int:submission_id>/report.<any(json, csv):kind>")
def report_download(submission_id: int, kind: str):
    handle = services().submissions.report(current_actor(), submission_id, kind)
    return streamed(handle, "application/json" if kind == "json" else "text/csv", headers={
        "Content-Disposition": f'attachment; filename="submission-{submission_id}-report.{kind}"'})


@bp.get("/submissions/<int:submission_id>/failing-rows.xlsx")
def failing_rows(submission_id: int):
    """The rows with errors, the file's columns and the errors in a last column, to fix in Excel."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 << 20)
    write_failing_rows(services().submissions, current_actor(), submission_id, spool, language())
    spool.seek(0)
    return streamed(spool, XLSX, headers={
        "Content-Disposition": f'attachment; filename="submission-{submission_id}-failing-rows.xlsx"'})


def field_labels(domain: str) -> dict[str, str]:
    return {d.name: d.labels[language()] for d in describe(domain).fields}


# ---------------------------------------------------------------------- column mapping
@bp.get("/submissions/<int:submission_id>/mapping")
def mapping_form(submission_id: int):
    return mapping_screen(submission_id)


def mapping_screen(submission_id: int, error: InvalidInput | None = None):
    """The mapping screen, pre-filled with the report's suggestions; after a refused save, with why it was
    refused."""
    actor = current_actor()
    found = services().submissions.get(actor, submission_id)
    header = file_header(found)
    suggestions = [Suggestion.from_dict(document) for document in found.summary.get("suggestions", [])]
    screen = mapping_view.build(found.domain.value, header, found.mapping, suggestions,
                                column_samples(services().submissions, actor, submission_id), language(),
                                unknown=unknown_terms(services().submissions, actor, submission_id))
    page = render_template("mapping.html", submission=found, screen=screen,
                           vocabulary_lists=mapping_view.datalists(screen, language()),
                           field_labels=field_labels(found.domain.value), error=error,
                           editable="withdraw" in services().submissions.actions(actor, found),
                           parts=range(1, mapping_view.IDENTIFIER_PARTS + 1))
    return page if error is None else (page, 400)


def file_header(submission) -> list[str]:
    """The file's columns in their order (reports written before the mapping kept "header": any order)."""
    mapping = submission.summary.get("mapping", {})
    return mapping.get("header") or list(mapping.get("columns", {}))


@bp.post("/submissions/<int:submission_id>/mapping")
def save_mapping(submission_id: int):
    """Validate the file again with the mapping the screen says: the field of each column (empty: ignored),
    the identifier's columns and the values for the whole file."""
    actor = current_actor()
    found = services().submissions.get(actor, submission_id)
    header = file_header(found)
    try:
        posted = mapping_view.posted_mapping(found.domain.value, header, request.form)
    except InvalidInput as error:
        if wants_json():
            raise
        return mapping_screen(submission_id, error)
    received = revalidate(services().submissions, actor, submission_id, posted.columns, posted.defaults,
                          posted.identifier, posted.paths, posted.values)
    flash(_("The file is being validated again with your column mapping; the earlier upload was withdrawn."),
          "info")
    return redirect(url_for(".submission", submission_id=received.submission.id))


@bp.post("/submissions/<int:submission_id>/suggestions")
def accept_suggestions(submission_id: int):
    """Validate the file again with every suggestion of its report applied, in one step."""
    found = services().submissions.get(current_actor(), submission_id)
    suggestions = [Suggestion.from_dict(document) for document in found.summary.get("suggestions", [])]
    spec = accepted(mapping_spec(found.mapping), suggestions, min_confidence=0)
    received = revalidate(services().submissions, current_actor(), submission_id, spec.columns, spec.defaults,
                          list(spec.identifier), spec.paths, spec.values)
    flash(_("The file is being validated again with the suggestions applied; the earlier upload was withdrawn."),
          "info")
    return redirect(url_for(".submission", submission_id=received.submission.id))


# ---------------------------------------------------------------------- the curator's steps
@bp.post("/submissions/<int:submission_id>/submit")
def submit(submission_id: int):
    services().submissions.submit(current_actor(), submission_id,
                                  valid_rows_only=request.form.get("valid_rows_only") == "on")
    flash(_("Submitted for review."), "info")
    return redirect(url_for(".submission", submission_id=submission_id))


@bp.post("/submissions/<int:submission_id>/withdraw")
def withdraw(submission_id: int):
    services().submissions.withdraw(current_actor(), submission_id)
    flash(_("The submission was withdrawn."), "info")
    return redirect(url_for(".submission", submission_id=submission_id))
