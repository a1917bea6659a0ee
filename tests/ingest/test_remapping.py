"""The mapping screen's save: the archived file validated again under a corrected mapping; the earlier
submission withdrawn; samples and staged records read through the same permission check."""
from __future__ import annotations

import io

import pytest

from catalog.errors import Forbidden, InvalidInput, InvalidState, NotFound
from catalog.services.inspection import column_samples, staged_sample, upload_targets
from catalog.services.remapping import revalidate
from tests.ingest.test_submissions import HEADER, people, row, upload  # noqa: F401  (people is a fixture)

TRAY_HEADER = HEADER.rstrip("\n") + ",Tray\n"


def with_tray(*rows: str) -> io.BytesIO:
    return io.BytesIO((TRAY_HEADER + "".join(r.rstrip("\n") + f",T-{n}\n" for n, r in enumerate(rows, 1)))
                      .encode("utf-8"))


def test_samples_and_unknown_columns(services, people):
    curator = people["curator"]
    submission = upload(services, curator, with_tray(row(1), row(2, name="Myxocyprinus asiaticus")))
    assert submission.summary["mapping"]["unknown"] == ["Tray"]
    samples = column_samples(services.submissions, curator, submission.id, per_column=3)
    assert samples["Tray"] == ["T-1", "T-2"]
    assert samples["scientificName"] == ["Acipenser sinensis Gray", "Myxocyprinus asiaticus"]
    with pytest.raises(NotFound):
        column_samples(services.submissions, people["other_curator"], submission.id)


def test_revalidate_maps_the_column_and_withdraws_the_earlier_upload(services, people):
    curator = people["curator"]
    earlier = upload(services, curator, with_tray(row(1), row(2)))
    received = revalidate(services.submissions, curator, earlier.id, {"Tray": "preservation_place"})
    services.jobs.wait()
    assert received.created and received.submission.id != earlier.id
    again = services.submissions.get(curator, received.submission.id)
    assert again.state == "validated"
    assert again.summary["mapping"]["unknown"] == []
    assert again.summary["mapping"]["columns"]["Tray"] == "preservation_place"
    assert services.submissions.get(curator, earlier.id).state == "withdrawn"
    assert [record["preservation_place"] for record in staged_sample(services.submissions, curator, again.id)] \
        == ["T-1", "T-2"]


def test_revalidate_refuses_unknown_fields_decided_submissions_and_other_roles(services, people):
    curator = people["curator"]
    earlier = upload(services, curator, with_tray(row(1)))
    with pytest.raises(InvalidInput, match="no field 'tray_number'"):
        revalidate(services.submissions, curator, earlier.id, {"Tray": "tray_number"})
    with pytest.raises(Forbidden):
        revalidate(services.submissions, people["reviewer"], earlier.id, {"Tray": None})
    services.submissions.submit(curator, earlier.id)
    services.submissions.approve(people["reviewer"], earlier.id)
    with pytest.raises(InvalidState, match="before the review decision"):
        revalidate(services.submissions, curator, earlier.id, {"Tray": None})
    assert len(services.submissions.list(curator)) == 1


def test_upload_targets_are_the_curated_centers(services, people):
    assert [t.code for t in upload_targets(services.submissions, people["curator"])] == ["IHB"]
    assert [t.domain for t in upload_targets(services.submissions, people["curator"])] == ["biological_specimen"]
    assert upload_targets(services.submissions, people["reviewer"]) == []
