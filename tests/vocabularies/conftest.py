"""Shared paths and a fresh, cache-free vocabulary loader for every test."""
from __future__ import annotations

from pathlib import Path

import pytest

import vocabularies

SHARED = Path(__file__).resolve().parents[3] / "shared"
STANDARDS = SHARED / "data" / "standards"
BASE = "https://catalog.example.org"


@pytest.fixture(autouse=True)
def no_disk_cache():
    vocabularies.configure(None)
    yield
    vocabularies.configure(None)


def need_shared() -> Path:
    if not STANDARDS.is_dir():
        pytest.skip(f"shared standards folder {STANDARDS} does not exist (needed to rebuild from sources)")
    return SHARED
