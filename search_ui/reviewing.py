"""The reviewer's screens: the queue of submissions waiting for their department's decision, each with its
report summary and a sample of its records (the flagged ones first, then rows spread over the file), and the approve and reject steps (a rejection needs a reason)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from catalog.enums import SubmissionState
from catalog.errors import InvalidInput, Unauthenticated
from catalog.web import current_actor, services
from catalog.services.inspection import review_sample
from schemas import describe
from search_ui import screen_errors
from search_ui.screen_errors import language

bp = Blueprint("reviewing", __name__, template_folder="templates")
screen_errors.register(bp)

SAMPLE_RECORDS = 8
# The fields a sample shows, when the records have them: enough to recognise what is being published.
SAMPLE_FIELDS = ("name_zh", "name_en", "scientific_name", "country_code", "locality", "event_date", "sharing_mode")


@bp.before_request
def _require_sign_in():
    if not current_actor().is_authenticated:
        raise Unauthenticated("Please sign in to review submissions.", "请先登录，再审核汇交。")


@bp.get("/review")
def queue():
    actor = current_actor()
    waiting = [s for s in services().submissions.list(actor, state=SubmissionState.SUBMITTED.value)
               if "approve" in services().submissions.actions(actor, s)]
    samples = {s.id: review_sample(services().submissions, actor, s.id, SAMPLE_RECORDS) for s in waiting}
    return render_template("review.html", waiting=waiting, samples=samples, to_publish=to_publish,
                           columns={s.id: sample_columns(s.domain.value, samples[s.id]) for s in waiting})


def sample_columns(domain: str, records: list[dict]) -> list[tuple[str, str]]:
    """(field, label) of the sample fields that at least one of the sampled records fills."""
    declarations = describe(domain).by_name
    return [(name, declarations[name].labels[language()]) for name in SAMPLE_FIELDS
            if name in declarations and any(record.get(name) not in (None, "") for record in records)]


def to_publish(submission) -> int:
    """The records approving publishes: new ones and changed ones."""
    return submission.changes.get("insert", 0) + submission.changes.get("update", 0)


@bp.post("/review/<int:submission_id>/approve")
def approve(submission_id: int):
    """Publish, once the reviewer confirmed the number of records the page showed (a file validated again
    since then asks for a new look)."""
    actor = current_actor()
    expected = to_publish(services().submissions.get(actor, submission_id))
    if request.form.get("confirm") != "on" or request.form.get("records", type=int) != expected:
        raise InvalidInput(f"Confirm that {expected} records are to be published: tick the box next to "
                           "“Approve and publish”.",
                           f"请确认将发布 {expected} 条记录：勾选“批准并发布”旁的确认框。", field="confirm")
    approved = services().submissions.approve(actor, submission_id)
    flash(_("Submission %(id)s was approved: %(count)s records are published.", id=submission_id,
            count=approved.changes.get("insert", 0) + approved.changes.get("update", 0)), "info")
    return redirect(url_for(".queue"))


@bp.post("/review/<int:submission_id>/reject")
def reject(submission_id: int):
    reason = (request.form.get("reason") or "").strip()
    if not reason:
        raise InvalidInput("A rejection needs a reason: tell the curator what to fix.",
                           "退回须说明理由：请告诉资源管理员需要修改什么。", field="reason")
    services().submissions.reject(current_actor(), submission_id, reason)
    flash(_("Submission %(id)s was returned to its curator.", id=submission_id), "info")
    return redirect(url_for(".queue"))
