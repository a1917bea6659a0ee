"""The same schema on SQLite and PostgreSQL: upgrade, downgrade, upgrade again; the audit log refuses change."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from catalog import migrations
from catalog.config import Settings
from catalog.db import make_engine
from catalog.models import Base
import catalog.sharing.models  # noqa: F401  (its tables join Base.metadata)

TABLES = {"departments", "centers", "users", "role_grants", "api_tokens", "submissions", "resources", "staged_records",
          "resource_history", "index_outbox", "audit_log", "sharing_requests", "notifications"}


@pytest.fixture
def engine(var_dir, empty_database):
    created = make_engine(Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **empty_database(var_dir)}).database_url)
    yield created
    created.dispose()


def test_upgrade_downgrade_upgrade(engine):
    migrations.upgrade(engine)
    assert migrations.current_revision(engine) == migrations.head_revision()
    assert TABLES <= set(inspect(engine).get_table_names())
    migrations.downgrade(engine, "base")
    assert migrations.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrations.upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())


def test_migrations_match_the_models(engine):
    """Autogenerate finds nothing to add: the migration and the models describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    migrations.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}),
                                       Base.metadata)
    assert differences == []


def test_audit_log_is_append_only(engine):
    migrations.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO audit_log (at, action, object_type, detail) "
                                "VALUES (CURRENT_TIMESTAMP, 'center.create', 'center', '{}')"))
    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as connection:
                connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM audit_log")).scalars().all() == ["center.create"]
