"""/api/submissions: upload a file, follow its validation, read its report, and move it through review.
This module renders documents; who may see or do what, and when, is SubmissionService's."""
from __future__ import annotations

from typing import Any

from flask import Response, url_for

from catalog.enums import Scope
from catalog.services.submissions import as_document
from catalog.web import current_actor, services, streamed
from catalog_api.api_schemas import submissions as schemas
from catalog_api.callers import require_caller
from catalog_api.openapi import response_headers
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_submissions", __name__, url_prefix="/api/submissions", tag="submissions")

LINKS = {200: {"links": {"report": {"operationId": "submissions.report_json",
                                    "parameters": {"submission_id": "$response.body#/id"},
                                    "description": "The validation report, once validated."}}}}
DETAIL = "The submission, with its progress and what this caller may do next."
SUBMIT, REVIEW = frozenset({Scope.SUBMIT}), frozenset({Scope.REVIEW})


require_caller(bp)


# ---------------------------------------------------------------------- upload and reading
@bp.post("")
@bp.access(Access.TOKEN, scopes=SUBMIT, problems=(400, 404, 413, 503))
@bp.arguments(schemas.UploadForm, location="multipart")
@bp.alt_response(200, schema=schemas.SubmissionDetail, success=True, description="The same file was already "
                 "submitted (same center and domain, not rejected, withdrawn or failed): that submission.")
@bp.response(202, schemas.SubmissionDetail, headers=response_headers("Location"),
             description="Accepted; validation runs in the background (follow `Location`).")
@bp.doc(responses={202: LINKS[200]})
def upload(form: dict[str, Any]):
    """Upload a file

    For the center's curators (403 for others).
    """
    file = form["file"]
    received = services().submissions.receive(
        current_actor(), form["center"].strip(), file.filename, file.stream, domain=form.get("domain"),
        content_type=file.content_type, full_replace=form.get("full_replace", False),
        sharing_mode=form.get("sharing_mode"), mapping=form.get("mapping"),
        accept_suggestions=form.get("accept_suggestions"))
    document = _current(received.submission)
    if received.created:
        return document, 202, {"Location": url_for(".show", submission_id=received.submission.id)}
    return document, 200


@bp.get("")
@bp.access(Access.SIGNED_IN, scopes=SUBMIT | REVIEW, problems=(400,))
@bp.arguments(schemas.SubmissionFilter, location="query")
@bp.response(200, schemas.SubmissionList, description="Newest first, only those of the caller's centers or "
             "departments.")
def index(args: dict[str, Any]):
    """Submissions"""
    submissions = services().submissions.list(current_actor(), state=args.get("state"),
                                              center_code=args.get("center"))
    return {"items": [as_document(s) | {"links": {"self": url_for(".show", submission_id=s.id)}}
                      for s in submissions]}


@bp.get("/<int:submission_id>")
@bp.access(Access.SIGNED_IN, scopes=SUBMIT | REVIEW, problems=(404,))
@bp.response(200, schemas.SubmissionDetail, description=DETAIL)
@bp.doc(responses=LINKS)
def show(submission_id: int):
    """A submission"""
    return _detail(services().submissions.get(current_actor(), submission_id))


@bp.get("/<int:submission_id>/report.json")
@bp.access(Access.SIGNED_IN, scopes=SUBMIT | REVIEW, problems=(404, 409))
@bp.response(200, schemas.Report, description="The archived report.")
def report_json(submission_id: int) -> Response:
    """Validation report"""
    handle = services().submissions.report(current_actor(), submission_id)
    return streamed(handle, "application/json")


@bp.get("/<int:submission_id>/report.csv")
@bp.access(Access.SIGNED_IN, scopes=SUBMIT | REVIEW, problems=(404, 409))
@bp.response(200, {"type": "string"}, content_type="text/csv", headers=response_headers("ContentDisposition"),
             description="row, field, value, severity, code, message_en, message_zh; streamed.")
def report_csv(submission_id: int) -> Response:
    """Validation issues as CSV"""
    handle = services().submissions.report(current_actor(), submission_id, "csv")
    return streamed(handle, "text/csv", headers={
        "Content-Disposition": f'attachment; filename="submission-{submission_id}-report.csv"'})


# ---------------------------------------------------------------------- review steps
@bp.post("/<int:submission_id>/submit")
@bp.access(Access.TOKEN, scopes=SUBMIT, problems=(400, 404, 409))
@bp.arguments(schemas.SubmitBody, required=False)
@bp.response(200, schemas.SubmissionDetail, description=DETAIL)
@bp.doc(responses=LINKS)
def submit(body: dict[str, Any], submission_id: int):
    """Submit for review"""
    return _current(services().submissions.submit(current_actor(), submission_id,
                                                  valid_rows_only=body.get("valid_rows_only", False)))


@bp.post("/<int:submission_id>/approve")
@bp.access(Access.TOKEN, scopes=REVIEW, problems=(400, 404, 409))
@bp.arguments(schemas.EmptyBody, required=False)
@bp.response(200, schemas.SubmissionDetail, description=DETAIL)
@bp.doc(responses=LINKS)
def approve(_body: dict[str, Any], submission_id: int):
    """Approve: publish the valid rows"""
    return _current(services().submissions.approve(current_actor(), submission_id))


@bp.post("/<int:submission_id>/reject")
@bp.access(Access.TOKEN, scopes=REVIEW, problems=(400, 404, 409))
@bp.arguments(schemas.RejectBody)
@bp.response(200, schemas.SubmissionDetail, description=DETAIL)
@bp.doc(responses=LINKS)
def reject(body: dict[str, Any], submission_id: int):
    """Reject, with a reason"""
    return _current(services().submissions.reject(current_actor(), submission_id, body["reason"]))


@bp.post("/<int:submission_id>/withdraw")
@bp.access(Access.TOKEN, scopes=SUBMIT, problems=(400, 404, 409))
@bp.arguments(schemas.EmptyBody, required=False)
@bp.response(200, schemas.SubmissionDetail, description=DETAIL)
@bp.doc(responses=LINKS)
def withdraw(_body: dict[str, Any], submission_id: int):
    """Withdraw"""
    return _current(services().submissions.withdraw(current_actor(), submission_id))


# ---------------------------------------------------------------------- rendering
def _current(submission) -> dict[str, Any]:
    # The steps return the submission detached from their session (a new one without its `center`): read it
    # again, which also shows what was committed.
    return _detail(services().submissions.get(current_actor(), submission.id))


def _detail(submission) -> dict[str, Any]:
    """The list document plus flags, progress, and what this caller may do next (with the links to do it)."""
    actions = services().submissions.actions(current_actor(), submission)
    links = {"self": url_for(".show", submission_id=submission.id)}
    if submission.report_key:
        links["report.json"] = url_for(".report_json", submission_id=submission.id)
        links["report.csv"] = url_for(".report_csv", submission_id=submission.id)
    links.update({action: url_for(f".{action}", submission_id=submission.id) for action in actions})
    return as_document(submission) | {
        "flags": submission.summary.get("flags", {}), "progress": _progress(submission), "actions": actions,
        "links": links}


def _progress(submission) -> dict[str, Any]:
    """phase: queued (waiting for a worker), reading or validating (running), done. rows_total is known only
    once the whole file has been read, since validation streams it."""
    state = submission.state.value
    phase = "queued" if state == "uploaded" else (submission.phase or "reading") if state == "validating" else "done"
    return {"phase": phase, "rows_done": submission.rows_done, "rows_total": submission.rows_total}
