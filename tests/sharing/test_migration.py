"""Revision 0005 on SQLite and PostgreSQL: the sharing tables and the platform's default agreement come and go
with it, leaving the earlier revisions' tables alone."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from catalog import migrations
from catalog.config import Settings
from catalog.db import make_engine

SHARING_TABLES = {"cart_items", "sharing_agreements", "sharing_requests", "sharing_request_items",
                  "sharing_accepted_agreements", "sharing_quotes", "sharing_deliveries", "sharing_messages",
                  "sharing_documents", "sharing_outputs", "sharing_output_resources", "notifications"}


@pytest.fixture
def engine(var_dir, empty_database):
    created = make_engine(Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **empty_database(var_dir)}).database_url)
    yield created
    created.dispose()


def test_0005_adds_and_removes_only_the_sharing_tables(engine):
    migrations.upgrade(engine, "0004")
    before = set(inspect(engine).get_table_names())
    assert not before & SHARING_TABLES
    migrations.upgrade(engine, "0005")
    assert set(inspect(engine).get_table_names()) == before | SHARING_TABLES
    with engine.connect() as connection:
        assert connection.execute(text("SELECT center_id, domain, version FROM sharing_agreements")).all() == [
            (None, None, 1)]
    migrations.downgrade(engine, "0004")
    assert set(inspect(engine).get_table_names()) == before
    migrations.upgrade(engine, "0005")
    assert SHARING_TABLES <= set(inspect(engine).get_table_names())
