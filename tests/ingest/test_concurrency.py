"""The submission path under concurrency, on both databases: steps of one center's submissions running at the
same time in separate threads (each with connections of its own) end without deadlock, and with every record
published exactly once."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from catalog.errors import InvalidState
from catalog.models import IndexOutbox, Resource, ResourceHistory, StagedRecord
from tests.ingest.test_submissions import csv_file, people, row  # noqa: F401  (people is a fixture)

TIMEOUT = 120  # seconds; a deadlock would hang past it


def count(services, model) -> int:
    with services.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def submitted(services, curator, rows: list[str], name: str) -> int:
    """A validated and submitted file of the curator's center, waiting for review."""
    submission = services.submissions.upload(curator, "IHB", name, csv_file(*rows), content_type="text/csv",
                                             background=False)
    services.submissions.process(submission.id)
    return services.submissions.submit(curator, submission.id).id


def together(*steps):
    """Run the steps at the same moment in threads of their own; their results, in order."""
    start = threading.Barrier(len(steps))

    def run(step):
        start.wait()
        return step()

    with ThreadPoolExecutor(len(steps)) as pool:
        futures = [pool.submit(run, step) for step in steps]
        return [future.result(timeout=TIMEOUT) for future in futures]


def test_two_approvals_of_one_center_at_once_publish_every_record_once(services, people):
    """Two files of one center that share 100 records, approved by two reviewers' workers at the same time:
    whichever commits second finds the first one's records and updates them instead of inserting them again."""
    curator, reviewer = people["curator"], people["reviewer"]
    services.submissions.on_publish = lambda: None  # the outbox is counted below: no drain may empty it first
    first = submitted(services, curator, [row(n) for n in range(1, 301)], "first.csv")
    second = submitted(services, curator, [row(n, date="2001-06-02") for n in range(201, 501)], "second.csv")
    approved = together(lambda: services.submissions.approve(reviewer, first),
                        lambda: services.submissions.approve(reviewer, second))
    assert [submission.state for submission in approved] == ["approved", "approved"]
    changes = [submission.changes for submission in approved]
    assert sum(change["insert"] for change in changes) == 500
    assert sum(change["update"] for change in changes) == 100
    assert services.resources.count() == 500
    assert count(services, ResourceHistory) == 600 and count(services, IndexOutbox) == 600
    with services.session_factory() as session:
        versions = dict(session.execute(select(Resource.version, func.count()).group_by(Resource.version)).all())
    assert versions == {1: 400, 2: 100}
    assert count(services, StagedRecord) == 0


def test_one_submission_approved_twice_at_once_is_published_once(services, people):
    """Two reviewers press approve on the same submission at the same moment: one publishes it, the other is
    told it is no longer waiting for review."""
    curator, reviewer = people["curator"], people["reviewer"]
    waiting = submitted(services, curator, [row(n) for n in range(1, 301)], "file.csv")

    def approve():
        try:
            return services.submissions.approve(reviewer, waiting).state
        except InvalidState as refused:
            return refused.code

    assert sorted(together(approve, approve)) == ["approved", "invalid_state"]
    assert services.resources.count() == 300 == count(services, ResourceHistory)


def test_an_upload_while_an_approval_runs(services, people):
    """A curator's next file is received and validated while the previous one is being published."""
    curator, reviewer = people["curator"], people["reviewer"]
    waiting = submitted(services, curator, [row(n) for n in range(1, 401)], "first.csv")

    def upload_and_validate():
        submission = services.submissions.upload(curator, "IHB", "next.csv", csv_file(*(row(n) for n in
                                                                                         range(401, 601))),
                                                 content_type="text/csv", background=False)
        return services.submissions.process(submission.id)

    approved, validated = together(lambda: services.submissions.approve(reviewer, waiting), upload_and_validate)
    assert approved.state == "approved" and approved.changes["insert"] == 400
    assert validated.state == "validated" and validated.summary["summary"]["valid"] == 200
    assert validated.changes["insert"] == 200   # none of its records is among those just published
    services.submissions.submit(curator, validated.id)
    assert services.submissions.approve(reviewer, validated.id).changes["insert"] == 200
    assert services.resources.count() == 600 == count(services, ResourceHistory)


def test_a_withdrawal_during_validation_leaves_nothing_staged(services, people, monkeypatch):
    """The curator withdraws a file while a worker is reading it: the worker stops at its next batch, and
    neither staged rows nor records remain."""
    import catalog.services.submissions as submissions_module
    monkeypatch.setattr(submissions_module, "STAGE_BATCH", 50)
    curator = people["curator"]
    submission = services.submissions.upload(curator, "IHB", "big.csv", csv_file(*(row(n) for n in range(1, 2001))),
                                             content_type="text/csv", background=False)
    first_batch = threading.Event()
    carry_on = threading.Event()

    def progress(rows: int) -> None:
        if not first_batch.is_set():
            first_batch.set()
            carry_on.wait(TIMEOUT)

    def withdraw():
        assert first_batch.wait(TIMEOUT)
        try:
            return services.submissions.withdraw(curator, submission.id)
        finally:
            carry_on.set()

    processed, withdrawn = together(lambda: services.submissions.process(submission.id, progress), withdraw)
    assert withdrawn.state == "withdrawn" and processed.state == "withdrawn"
    assert services.submissions.get(curator, submission.id).state == "withdrawn"
    assert count(services, StagedRecord) == 0 and services.resources.count() == 0
