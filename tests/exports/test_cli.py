"""`catalog export dwca|mcpd`: the file, the JSON report, what the public may see, and the exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from catalog.cli import main
from catalog.demo import load_demo
from catalog.permissions import Actor
from tests.exports.conftest import catalogue
from tests.exports.helpers import read_archive, read_mcpd


@pytest.fixture(scope="module")
def loaded(database, tmp_path_factory):
    with catalogue(database, tmp_path_factory) as services:
        load_demo(services, per_center=10)
        yield services


@pytest.fixture
def runner(loaded, monkeypatch):
    """A CLI runner whose commands see the module's catalogue."""
    monkeypatch.setenv("CATALOG_VAR_DIR", str(loaded.settings.var_dir))
    monkeypatch.setenv("CATALOG_DATABASE_URL", loaded.settings.database_url)
    return CliRunner()


@pytest.fixture
def folder(tmp_path):
    made = tmp_path / "exports"
    made.mkdir()
    return made


def public_count(services, **wanted) -> int:
    return sum(1 for view in services.resources.views(Actor.anonymous())
               if all(view[name] in values for name, values in wanted.items()))


def test_dwca_of_a_center(loaded, runner, folder):
    out = folder / "bank.zip"
    result = runner.invoke(main, ["export", "dwca", "--out", str(out), "--center", "HBAASPG", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    expected = public_count(loaded, center={"HBAASPG"})
    assert document == {"file": str(out), "format": "dwca", "records": expected, "domains": ["plant_germplasm"],
                        "bytes": out.stat().st_size,
                        "selection": {"center": "HBAASPG", "domain": None, "q": "", "filter": []}}
    assert len(read_archive(out)) == expected
    assert sorted(path.name for path in folder.iterdir()) == ["bank.zip"]


def test_the_command_line_exports_what_the_public_sees(loaded, runner, folder):
    out = folder / "catalogue.zip"
    assert runner.invoke(main, ["export", "dwca", "--out", str(out)]).exit_code == 0
    assert len(read_archive(out)) == public_count(loaded) < loaded.resources.count()


def test_mcpd_of_a_search(loaded, runner, folder):
    out = folder / "germplasm.csv"
    result = runner.invoke(main, ["export", "mcpd", "--out", str(out), "--filter", "domain=animal_germplasm"])
    assert result.exit_code == 0, result.output
    rows = read_mcpd(out)
    assert result.stdout.startswith(f"{len(rows)} records written to {out} (mcpd)")
    assert len(rows) == public_count(loaded, domain={"animal_germplasm"}) > 0
    assert {row["PUID"].split("/resources/")[1].split("-")[1] for row in rows} == {"animal_germplasm"}


@pytest.mark.parametrize("arguments, code, message", [
    (["mcpd", "--domain", "biological_specimen"], 1, "This format covers plant_germplasm, animal_germplasm only"),
    (["dwca", "--center", "NOSUCH"], 1, "No center with code 'NOSUCH'. / 没有代码为 'NOSUCH' 的资源库。"),
    (["dwca", "--filter", "colour=red"], 1, "unknown filter field 'colour'"),
    (["dwca", "--filter", "domain"], 2, "must look like field=value"),
    (["dwca", "--domain", "fungi"], 2, "Invalid value for '--domain'"),
])
def test_a_failed_export_says_why_and_leaves_no_file(loaded, runner, folder, arguments, code, message):
    out = folder / "never.out"
    result = runner.invoke(main, ["export", *arguments[:1], "--out", str(out), *arguments[1:]])
    assert result.exit_code == code, result.output
    assert message in result.output
    assert list(folder.iterdir()) == []


def test_out_is_required(runner):
    result = runner.invoke(main, ["export", "dwca"])
    assert result.exit_code == 2 and "Missing option '--out'" in result.output
