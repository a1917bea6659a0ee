"""ExportService's background builds: a failure is a result with its reason, and a finished export stays as it is."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from catalog.db import transaction
from catalog.enums import ExportState
from catalog.errors import InvalidState, NotFound
from catalog.exports.selection import Selection
from catalog.models import User
from tests.exports.conftest import OPERATOR


@pytest.fixture
def unscheduled(demo, monkeypatch):
    """The export service with nothing run in the background: each test builds when it wants."""
    monkeypatch.setattr(demo.exports, "schedule", lambda export_id: None)
    return demo.exports


def test_an_export_whose_requester_has_left_fails_with_the_reason(demo, people, unscheduled):
    demo.accounts.create_user(OPERATOR, "leaver", "password-leaver", "researcher")
    leaver = demo.accounts.authenticate("leaver", "password-leaver")
    export = unscheduled.request(leaver, "dwca", Selection(center="HBAASPG"))
    with transaction(demo.session_factory) as session:
        session.execute(update(User).where(User.id == leaver.user_id).values(is_active=False))
    built = unscheduled.build(export.id)
    assert (built.state, built.storage_key) == (ExportState.FAILED, None)
    assert built.failure == {"en": "The user who asked for this export is no longer active.",
                             "zh": "申请该导出的用户已停用。"}
    with pytest.raises(InvalidState, match="is failed"):
        unscheduled.open(people["admin"], export.id)


def test_a_finished_export_is_not_built_again(people, unscheduled):
    export = unscheduled.request(people["anonymous"], "mcpd", Selection(center="HBAASPG"))
    first = unscheduled.build(export.id)
    again = unscheduled.build(export.id)
    assert first.state == again.state == ExportState.DONE
    assert (again.storage_key, again.sha256, again.attempts) == (first.storage_key, first.sha256, 1)


def test_building_an_unknown_export_is_not_found(unscheduled):
    with pytest.raises(NotFound):
        unscheduled.build("no-such-export")
