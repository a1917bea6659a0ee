"""Exports stream: the peak memory of writing 12,000 records is that of writing 5,000 (tracemalloc). Both are past
the 5,000 rows the export plan reads at a time, so only a batch held for the whole selection could tell them apart."""
from __future__ import annotations

import gc
import tracemalloc

import pytest

from catalog.exports.selection import Selection
from catalog.permissions import Actor
from tests.exports.conftest import OPERATOR, catalogue

SIZES = {"SMALL": 200, "FIVE": 5_000, "TWELVE": 12_000}


def records(code: str, count: int):
    for number in range(count):
        yield {"local_id": f"{code}-{number:06d}", "name_zh": f"中华鲟标本 {number}", "name_en": f"Sturgeon {number}",
               "scientific_name": "Acipenser sinensis Gray", "country_code": "CN",
               "locality": f"湖北省宜昌市葛洲坝下游 {number % 97} 号断面", "decimal_latitude": 30.0 + number % 997 / 1000,
               "decimal_longitude": 111.0 + number % 991 / 1000, "coordinate_uncertainty_m": 100.0,
               "event_date": f"{1980 + number % 40}-05-01", "sharing_mode": "restricted" if number % 7 == 0 else "open",
               "licence": "CC-BY-4.0", "payload": {
                   "basis_of_record": "PreservedSpecimen", "recorded_by": ["Zhang San", "Li Si"], "kingdom": "Animalia",
                   "family": "Acipenseridae", "habitat": "large river, main channel below the dam " * 3,
                   "institution_code": "IHB", "remarks": "generated for the memory test"}}


@pytest.fixture(scope="module")
def big(database, tmp_path_factory):
    with catalogue(database, tmp_path_factory) as services:
        services.resources.on_change = lambda: None   # the export reads the database; the index is not needed
        for code, count in SIZES.items():
            services.centers.create_center(OPERATOR, code, f"{code} 标本馆", f"{code} specimens",
                                           domain="biological_specimen")
            services.resources.publish(OPERATOR, code, "biological_specimen", records(code, count))
        yield services


def peak_of_export(services, center: str, path) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        with path.open("wb") as stream:
            written = services.exports.write(Actor.anonymous(), "dwca", Selection(center=center), stream)
        return written.records, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_the_number_of_records(big, tmp_path):
    peak_of_export(big, "SMALL", tmp_path / "warm-up.zip")   # caches: declarations, vocabularies, compiled SQL
    five, five_peak = peak_of_export(big, "FIVE", tmp_path / "five.zip")
    twelve, twelve_peak = peak_of_export(big, "TWELVE", tmp_path / "twelve.zip")
    assert (five, twelve) == (5_000, 12_000)
    assert (tmp_path / "twelve.zip").stat().st_size > 2 * (tmp_path / "five.zip").stat().st_size
    # Two and a half times the records, about the same peak: one batch of records is held, never the selection.
    assert twelve_peak < five_peak * 1.1, (five_peak, twelve_peak)
