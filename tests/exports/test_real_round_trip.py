"""A real Darwin Core Archive through the whole path and back: upload → approve → export → read by
python-dwca-reader with the same records and values, and accepted again, row for row, by the platform's own
validation."""
from __future__ import annotations

import pytest

from catalog.exports.selection import Selection
from catalog.permissions import Actor
from ingest.pipeline import check_file
from tests.conftest import REAL_DATA
from tests.exports.helpers import DWC, read_archive
from tests.publishing import published, validated

REAL_ARCHIVE = REAL_DATA / "biological_specimen" / "gbif_download_2013_dwca.zip"


def test_a_published_real_archive_exports_and_validates_again(services, tmp_path):
    if not REAL_ARCHIVE.exists():
        pytest.skip(f"{REAL_ARCHIVE} is not there")
    published(services, validated(services, REAL_ARCHIVE, "biological_specimen"))
    out = tmp_path / "REAL.zip"
    with out.open("wb") as stream:
        written = services.exports.write(Actor.anonymous(), "dwca", Selection(center="REAL"), stream)
    shown = {view["id"]: view for view in services.resources.views(Actor.anonymous())}
    assert written.records == len(shown) == 141
    archive = read_archive(out)
    assert {identifier: (row["data"][DWC + "catalogNumber"], row["data"][DWC + "scientificName"],
                         row["data"][DWC + "eventDate"]) for identifier, row in archive.items()} == {
        identifier: (view["local_id"], view["scientific_name"] or "", view["event_date"] or "")
        for identifier, view in shown.items()}
    report = check_file(out, "biological_specimen")
    assert report.summary()["rows"] == report.summary()["valid"] == 141
    assert report.details["mapping"]["unknown"] == ["id", "http://purl.org/dc/terms/modified"]
