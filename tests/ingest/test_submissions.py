"""The submission lifecycle through SubmissionService: upload, validate, submit, approve/reject, withdraw."""
from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from catalog.enums import Role
from catalog.errors import Forbidden, InvalidInput, InvalidState, NotFound, PayloadTooLarge
from catalog.models import AuditEntry, StagedRecord
from catalog.permissions import Actor
from catalog.search.query import Query

OPERATOR = Actor.operator()
HEADER = ("catalogNumber,basisOfRecord,scientificName,eventDate,decimalLatitude,decimalLongitude,"
          "coordinateUncertaintyInMeters,countryCode,stateProvince,locality,kingdom,family,taxonRank,recordedBy,"
          "institutionCode,sharing_mode\n")


def row(number: int, **changes) -> str:
    values = {"id": f"IHB-{number}", "basis": "PreservedSpecimen", "name": "Acipenser sinensis Gray",
              "date": "1998-05-01", "lat": "30.7", "lon": "111.28", "sharing": "open"}
    values.update(changes)
    return (f"{values['id']},{values['basis']},{values['name']},{values['date']},{values['lat']},{values['lon']},"
            f"1000,CN,湖北省,宜昌葛洲坝,Animalia,Acipenseridae,species,Zhang San,IHB,{values['sharing']}\n")


def csv_file(*rows: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "".join(rows)).encode("utf-8"))


@pytest.fixture
def people(services):
    services.centers.create_department(OPERATOR, "CASWH", "中国科学院武汉分院", "CAS Wuhan Branch")
    services.centers.create_department(OPERATOR, "HBEDU", "湖北省教育厅", "Hubei Department of Education")
    services.centers.create_center(OPERATOR, "IHB", "水生生物标本馆", "Hydrobiology Specimens",
                                   domain="biological_specimen", department_code="CASWH")
    services.centers.create_center(OPERATOR, "CUG", "地质标本馆", "Geology Specimens",
                                   domain="geological_specimen", department_code="HBEDU")
    actors = {}
    for name, role, extra in (("curator", Role.CURATOR, {"center_code": "IHB"}),
                              ("other_curator", Role.CURATOR, {"center_code": "CUG"}),
                              ("reviewer", Role.REVIEWER, {"department_code": "CASWH"}),
                              ("other_reviewer", Role.REVIEWER, {"department_code": "HBEDU"}),
                              ("researcher", Role.RESEARCHER, {})):
        services.accounts.create_user(OPERATOR, name, "password-" + name, role, **extra)
        actors[name] = services.accounts.authenticate(name, "password-" + name)
    return actors


def upload(services, actor, stream, **options):
    submission = services.submissions.upload(actor, "IHB", "specimens.csv", stream, content_type="text/csv",
                                             **options)
    services.jobs.wait()
    return services.submissions.get(actor, submission.id)


def test_whole_lifecycle_publishes_only_valid_rows(services, people):
    curator, reviewer = people["curator"], people["reviewer"]
    submission = upload(services, curator, csv_file(row(1), row(2), row(3, lat="north"), row(4, sharing="confidential")))
    assert submission.state == "validated"
    assert submission.summary["summary"] == {"rows": 4, "valid": 3, "invalid": 1, "warnings": 0}
    assert submission.changes == {"insert": 3, "update": 0, "unchanged": 0, "delete": 0}
    assert len(submission.sha256) == 64 and services.store.exists(submission.storage_key)
    report = json.load(services.submissions.report(curator, submission.id))
    assert [(i["row"], i["field"], i["code"]) for i in report["issues"]] == [(3, "decimalLatitude", "INVALID_NUMBER")]
    with pytest.raises(InvalidState, match="1 rows have errors"):
        services.submissions.submit(curator, submission.id)
    services.submissions.submit(curator, submission.id, valid_rows_only=True)
    with pytest.raises(Forbidden):
        services.submissions.approve(curator, submission.id)
    with pytest.raises(NotFound):
        services.submissions.approve(people["other_reviewer"], submission.id)
    approved = services.submissions.approve(reviewer, submission.id)
    assert approved.state == "approved" and approved.changes["insert"] == 3
    services.jobs.wait()
    assert services.resources.count() == 3
    result = services.search.search(Actor.anonymous(), Query(text="葛洲坝"))
    assert sorted(item["id"] for item in result.items) == ["IHB-biological_specimen-IHB-1",
                                                           "IHB-biological_specimen-IHB-2"]
    with services.session_factory() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "submission")).all()
        assert session.scalar(select(func.count()).select_from(StagedRecord)) == 0
    assert actions == ["submission.upload", "submission.submit", "submission.approve"]


def test_the_same_file_twice_is_one_submission(services, people):
    first = upload(services, people["curator"], csv_file(row(1)))
    second = upload(services, people["curator"], csv_file(row(1)))
    assert first.id == second.id
    assert len(list(services.store.keys("submissions/IHB/"))) == 3  # the raw file and its report (JSON, CSV)


def test_updates_keep_history_and_full_replace_deletes(services, people):
    curator, reviewer = people["curator"], people["reviewer"]
    first = upload(services, curator, csv_file(row(1), row(2), row(3)))
    services.submissions.submit(curator, first.id)
    services.submissions.approve(reviewer, first.id)
    second = upload(services, curator, csv_file(row(1), row(2, date="1999-06-02"), row(4)), full_replace=True)
    assert second.changes == {"insert": 1, "update": 1, "unchanged": 1, "delete": 1}
    services.submissions.submit(curator, second.id)
    assert services.submissions.approve(reviewer, second.id).changes == second.changes
    services.jobs.wait()
    with pytest.raises(NotFound):
        services.resources.get(Actor.anonymous(), "IHB-biological_specimen-IHB-3")
    history = services.resources.history(Actor.anonymous(), "IHB-biological_specimen-IHB-2")
    assert [(h.version, h.change, h.snapshot["event_date"]) for h in history] == [
        (1, "insert", "1998-05-01"), (2, "update", "1999-06-02")]
    assert services.backend.ids() == {f"IHB-biological_specimen-IHB-{n}" for n in (1, 2, 4)}


def test_reject_and_withdraw(services, people):
    curator, reviewer = people["curator"], people["reviewer"]
    rejected = upload(services, curator, csv_file(row(1)))
    services.submissions.submit(curator, rejected.id)
    with pytest.raises(InvalidInput, match="needs a reason"):
        services.submissions.reject(reviewer, rejected.id, " ")
    done = services.submissions.reject(reviewer, rejected.id, "坐标精度不足 / coordinates too coarse")
    assert done.state == "rejected" and done.review_reason.startswith("坐标精度不足")
    with pytest.raises(InvalidState):
        services.submissions.approve(reviewer, rejected.id)
    withdrawn = upload(services, curator, csv_file(row(5)))
    assert services.submissions.withdraw(curator, withdrawn.id).state == "withdrawn"
    assert services.resources.count() == 0


def test_permissions_and_visibility(services, people):
    with pytest.raises(Forbidden):
        services.submissions.upload(people["researcher"], "IHB", "a.csv", csv_file(row(1)), content_type="text/csv")
    with pytest.raises(Forbidden):
        services.submissions.upload(people["other_curator"], "IHB", "a.csv", csv_file(row(1)), content_type="text/csv")
    mine = upload(services, people["curator"], csv_file(row(1)))
    for outsider in ("other_curator", "other_reviewer", "researcher"):
        with pytest.raises(NotFound):
            services.submissions.get(people[outsider], mine.id)
        assert services.submissions.list(people[outsider]) == []
    assert [s.id for s in services.submissions.list(people["reviewer"])] == [mine.id]


@pytest.mark.parametrize("content_type, body, message", [
    ("application/pdf", b"%PDF-1.4", "not accepted"),
    ("text/csv", b"\x89PNG\r\n\x1a\n", "PNG image"),
    ("text/csv", b"", "is empty"),
])
def test_wrong_or_empty_files_are_refused_before_storing(services, people, content_type, body, message):
    with pytest.raises(InvalidInput, match=message):
        services.submissions.upload(people["curator"], "IHB", "x.csv", io.BytesIO(body), content_type=content_type)
    assert list(services.store.keys("submissions/")) == []


def test_oversized_upload_is_refused_and_nothing_kept(services, people):
    services.submissions.max_upload_bytes = 1024
    with pytest.raises(PayloadTooLarge, match="upload limit"):
        services.submissions.upload(people["curator"], "IHB", "big.csv", csv_file(*(row(n) for n in range(50))),
                                    content_type="text/csv")
    assert list(services.store.keys("submissions/")) == []


def test_unreadable_file_fails_with_a_report(services, people):
    broken = upload(services, people["curator"], io.BytesIO(b"PK\x03\x04" + b"\x00" * 40))
    assert broken.state == "failed"
    assert broken.summary["flags"] == {"FILE_UNREADABLE": 1}


def test_an_interrupted_validation_is_retried_to_the_exact_count(services, people, monkeypatch):
    import catalog.services.submissions as module
    monkeypatch.setattr(module, "STAGE_BATCH", 2)
    calls = {"flushes": 0}
    original = module._Stager.flush

    def dying_flush(self):
        calls["flushes"] += 1
        if calls["flushes"] == 2:
            raise SystemExit("worker killed")
        original(self)

    monkeypatch.setattr(module._Stager, "flush", dying_flush)
    services.submissions.schedule = lambda submission_id: None
    submission = services.submissions.upload(people["curator"], "IHB", "s.csv",
                                             csv_file(*(row(n) for n in range(1, 8))), content_type="text/csv")
    with pytest.raises(SystemExit):
        services.submissions.process(submission.id)
    with services.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(StagedRecord)) == 2  # half-done, not published
    monkeypatch.setattr(module._Stager, "flush", original)
    finished = services.submissions.process(submission.id)
    assert finished.state == "validated" and finished.attempts == 2
    with services.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(StagedRecord)) == 7
    assert services.resources.count() == 0


def test_withdrawing_during_validation_sticks(services, people, monkeypatch):
    import catalog.services.submissions as module
    monkeypatch.setattr(module, "STAGE_BATCH", 2)
    services.submissions.schedule = lambda submission_id: None
    curator = people["curator"]
    submission = services.submissions.upload(curator, "IHB", "s.csv", csv_file(*(row(n) for n in range(1, 8))),
                                             content_type="text/csv")
    withdrawn = []

    def withdraw_once(rows):
        if not withdrawn:
            withdrawn.append(services.submissions.withdraw(curator, submission.id))

    final = services.submissions.process(submission.id, progress=withdraw_once)
    assert final.state == "withdrawn"
    with services.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(StagedRecord)) == 0


def test_an_unexpected_error_fails_the_submission_with_its_reason(services, people, monkeypatch):
    services.submissions.schedule = lambda submission_id: None
    submission = services.submissions.upload(people["curator"], "IHB", "s.csv", csv_file(row(1)),
                                             content_type="text/csv")
    monkeypatch.setattr(services.submissions.store, "open", lambda key: (_ for _ in ()).throw(OSError("disk gone")))
    with pytest.raises(OSError):
        services.submissions.process(submission.id)
    failed = services.submissions.get(people["curator"], submission.id)
    assert failed.state == "failed" and failed.summary["error"] == "OSError: disk gone"


def test_a_file_that_keeps_killing_workers_is_given_up(services, people):
    import catalog.services.submissions as module
    services.submissions.schedule = lambda submission_id: None
    submission = services.submissions.upload(people["curator"], "IHB", "s.csv", csv_file(row(1)),
                                             content_type="text/csv")
    from catalog.models import Submission
    with services.session_factory() as session, session.begin():
        stored = session.get(Submission, submission.id)
        stored.attempts, stored.state = module.MAX_ATTEMPTS, "validating"
    assert services.submissions.process(submission.id).state == "failed"


def test_the_same_file_with_another_mapping_is_a_new_submission(services, people):
    first = upload(services, people["curator"], csv_file(row(1)))
    second = upload(services, people["curator"], csv_file(row(1)), sharing_mode="restricted")
    assert second.id != first.id and second.options["sharing_mode"] == "restricted"
