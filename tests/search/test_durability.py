"""The embedded index survives a process killed mid-write, and a damaged or outdated index file is
rebuilt from the database on start."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap

from catalog.app import build_services, initialise
from catalog.config import Settings
from catalog.permissions import Actor
from catalog.search.embedded import EmbeddedBackend
from catalog.search.query import Query
from tests.services.conftest import tea

OPERATOR = Actor.operator()

WRITER = textwrap.dedent("""
    import sys
    from catalog.search.embedded import EmbeddedBackend
    from tests.search.test_query_features import doc
    backend = EmbeddedBackend(sys.argv[1])
    backend.ensure_index()
    backend.index([doc(n, taxon="Camellia sinensis", vernacular=["茶"]) for n in range(10)])
    def endless():
        for n in range(10, 10_000_000):
            if n == 5_000:
                print("writing", flush=True)
            yield doc(n, taxon=f"Camellia sp. {n}", vernacular=["茶"], latitude=30.0, longitude=114.0)
    backend.index(endless())
""")


def test_a_write_killed_midway_leaves_the_index_as_it_was(tmp_path):
    folder = tmp_path / "index"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    backend = EmbeddedBackend(folder)
    try:
        backend.ensure_index()
        assert backend.count() == 10
        conn = backend._conn()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
        assert backend.search(Query(text="茶")).total == 10
        assert backend.suggest("茶", 5) == [{"value": "茶", "kind": "vernacular", "count": 10}]
        assert backend.search(Query(filters={"taxon": ("Camellia sinensis",)}, facets=("taxon",))).total == 10
    finally:
        backend.close()


def published(tmp_path, database_values, count: int = 30):
    services = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "var"), **database_values}))
    initialise(services)
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [tea(f"R{n}") for n in range(count)])
    services.jobs.wait()
    services.indexer.drain()
    return services


def test_a_damaged_index_file_is_set_aside_and_rebuilt_on_start(tmp_path, database_values):
    services = published(tmp_path, database_values)
    path = services.backend.path
    services.close()
    path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    again = build_services(services.settings)
    try:
        initialise(again)
        assert again.backend.count() == 30
        assert again.search.search(Actor.anonymous(), Query(text="恩施")).total == 30
        assert path.with_name(path.name + ".damaged").read_bytes().startswith(b"this is not")
    finally:
        again.close()


def test_an_index_of_an_older_layout_is_rebuilt_on_start(tmp_path, database_values):
    services = published(tmp_path, database_values)
    path = services.backend.path
    services.close()
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (docid INTEGER PRIMARY KEY, id TEXT UNIQUE, version INTEGER, doc TEXT)")
        conn.execute("INSERT INTO documents VALUES (1, 'stale', 1, '{}')")
    again = build_services(services.settings)
    try:
        initialise(again)
        assert again.backend.count() == 30 and "stale" not in again.backend.ids()
    finally:
        again.close()


def test_an_empty_index_next_to_public_records_is_rebuilt_on_start(tmp_path, database_values):
    services = published(tmp_path, database_values)
    services.backend.clear()
    services.close()
    again = build_services(services.settings)
    try:
        initialise(again)
        assert again.backend.count() == 30
    finally:
        again.close()
