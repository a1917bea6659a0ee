"""The `catalog` command: init, departments, centers, users, index check; --json prints one document."""
from __future__ import annotations

import json

from catalog.cli import main
from catalog.migrations import head_revision


def invoke(runner, *args, input=None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def test_help_lists_the_commands(runner):
    result = invoke(runner, "--help")
    for command in ("init", "demo", "serve", "worker", "user", "center", "department", "reindex", "index"):
        assert f"  {command} " in result.output


def test_init_is_idempotent_and_reports_json(runner, var_dir, database):
    first = json.loads(invoke(runner, "init", "--json").output)
    second = json.loads(invoke(runner, "init", "--json").output)
    assert first == second and first["revision"] == head_revision()
    if database.is_postgres:
        assert first["database"].startswith("postgresql+psycopg://") and not (var_dir / "catalog.sqlite3").exists()
    else:
        assert first["database"].endswith("catalog.sqlite3") and (var_dir / "catalog.sqlite3").exists()
    assert (var_dir / "search" / "index.sqlite3").exists()


def test_registry_commands(runner):
    invoke(runner, "init")
    assert invoke(runner, "department", "create", "--code", "HBEDU", "--name-zh", "湖北省教育厅",
                  "--name-en", "Hubei Department of Education").exit_code == 0
    created = invoke(runner, "center", "create", "--code", "CUGFOS", "--name-zh", "岩矿化石标本库",
                     "--name-en", "Rock and Fossil Specimen Center", "--domain", "geological_specimen",
                     "--department", "HBEDU", "--json")
    assert json.loads(created.output)["department_code"] == "HBEDU"
    user = invoke(runner, "user", "create", "--username", "fossil", "--role", "curator", "--center", "CUGFOS",
                  "--json", input="fossil-password\nfossil-password\n")
    assert json.loads(user.output.splitlines()[-1]) == {"id": 1, "username": "fossil", "role": "curator"}
    listed = json.loads(invoke(runner, "center", "list", "--json").output)
    assert [c["code"] for c in listed["items"]] == ["CUGFOS"]


def test_service_errors_are_clear_messages(runner):
    invoke(runner, "init")
    bad_code = runner.invoke(main, ["center", "create", "--code", "HB-1", "--name-zh", "甲", "--name-en", "A"])
    assert bad_code.exit_code == 1 and "no hyphens" in bad_code.output and "不含连字符" in bad_code.output
    missing = runner.invoke(main, ["center", "create", "--code", "HB1", "--name-zh", "甲", "--name-en", "A",
                                   "--department", "NOPE"])
    assert missing.exit_code == 1 and "No department with code 'NOPE'" in missing.output
    bad_domain = runner.invoke(main, ["center", "create", "--code", "HB1", "--name-zh", "甲", "--name-en", "A",
                                      "--domain", "rocks"])
    assert bad_domain.exit_code == 2 and "'rocks' is not one of" in bad_domain.output


def test_serve_refuses_an_uninitialised_database(runner):
    result = runner.invoke(main, ["serve", "--port", "1"])
    assert result.exit_code == 1 and "run `catalog init`" in result.output


def test_worker_without_broker_explains(runner):
    result = runner.invoke(main, ["worker"])
    assert result.exit_code == 1 and "CATALOG_BROKER_URL is not set" in result.output


def test_index_check_on_a_consistent_index(runner):
    invoke(runner, "init")
    report = json.loads(invoke(runner, "index", "check", "--json").output)
    assert report == {"in_database": 0, "in_index": 0, "missing": [], "unexpected": [], "set_aside": [],
                      "repaired": False, "unrepaired": [], "consistent": True}
