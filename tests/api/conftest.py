"""Fixtures of the API tests: the people of the submission tests, and an API token for each of them."""
from __future__ import annotations

import pytest

from tests.ingest.test_submissions import people  # noqa: F401  (a fixture, shared with the service tests)


@pytest.fixture
def tokens(services, people):  # noqa: F811
    return {name: services.accounts.issue_token(actor, "test") for name, actor in people.items()}
