"""Every CATALOG_* variable: its embedded default, accepted forms, and a clear error naming it."""
from __future__ import annotations

import pytest

from catalog.config import ConfigError, Settings


def load(tmp_path, **variables):
    environ = {"CATALOG_VAR_DIR": str(tmp_path / "var")}
    environ.update({f"CATALOG_{name}": value for name, value in variables.items()})
    return Settings.from_env(environ)


def test_embedded_defaults_live_under_the_var_folder(tmp_path):
    settings = load(tmp_path)
    var = tmp_path / "var"
    assert settings.database_url == f"sqlite:///{var}/catalog.sqlite3"
    assert settings.search_url == str(var / "search") and settings.search_is_embedded
    assert settings.storage_url == f"file://{var}/storage" and not settings.storage_is_s3
    assert settings.broker_url is None
    assert settings.base_url == "http://127.0.0.1:5000"
    assert settings.max_upload_bytes == 1024 * 1024 * 1024


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = load(tmp_path)
    second = load(tmp_path)
    assert len(first.secret_key) >= 32
    assert first.secret_key == second.secret_key
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert first.secret_key not in repr(first)


def test_given_secret_key_wins(tmp_path):
    assert load(tmp_path, SECRET_KEY="x" * 20).secret_key == "x" * 20
    assert not (tmp_path / "var" / "secret_key").exists()


def test_production_values_are_accepted(tmp_path):
    settings = load(tmp_path, DATABASE_URL="postgresql://catalog:pw@db.example:5432/catalog",
                    SEARCH_URL="https://es.example:9200/", STORAGE_URL="s3://catalog-files/raw",
                    S3_ENDPOINT_URL="http://127.0.0.1:9000", BROKER_URL="amqp://guest:guest@127.0.0.1:5672//",
                    BASE_URL="https://resources.hubei.example/")
    assert settings.database_url == "postgresql+psycopg://catalog:pw@db.example:5432/catalog"
    assert settings.search_url == "https://es.example:9200" and not settings.search_is_embedded
    assert settings.storage_url == "s3://catalog-files/raw" and settings.storage_is_s3
    assert settings.broker_url.startswith("amqp://")
    assert settings.base_url == "https://resources.hubei.example"


def test_plain_paths_mean_embedded(tmp_path):
    settings = load(tmp_path, SEARCH_URL=str(tmp_path / "idx"), STORAGE_URL=str(tmp_path / "files"))
    assert settings.search_url == str(tmp_path / "idx")
    assert settings.storage_url == f"file://{tmp_path / 'files'}"


@pytest.mark.parametrize("variable, value, reason", [
    ("DATABASE_URL", "mysql://root@localhost/x", "expected sqlite:///path/to/file or postgresql://"),
    ("DATABASE_URL", "sqlite://", "in-memory SQLite database would lose every record"),
    ("DATABASE_URL", "sqlite:/relative.db", "expected sqlite:///path/to/file"),
    ("DATABASE_URL", "postgresql://127.0.0.1:5432/", "needs a database name"),
    ("SEARCH_URL", "solr://localhost:8983", "expected a folder for the embedded engine or an http(s)://"),
    ("SEARCH_URL", "http://", "needs a host"),
    ("STORAGE_URL", "ftp://files.example/x", "expected a folder, file:///folder or s3://bucket/prefix"),
    ("STORAGE_URL", "s3://", "an S3 URL looks like s3://bucket/prefix"),
    ("STORAGE_URL", "s3://Bad_Bucket/x", "3-63 lowercase letters"),
    ("S3_ENDPOINT_URL", "localhost:9000", "expected an http:// or https:// URL"),
    ("BROKER_URL", "kafka://localhost:9092", "expected redis://"),
    ("BROKER_URL", "redis://", "needs a host"),
    ("SECRET_KEY", "short", "at least 16 characters"),
    ("BASE_URL", "resources.example", "expected an http:// or https:// URL"),
    ("BASE_URL", "https://resources.example/?a=1", "must not have a query string"),
    ("MAX_UPLOAD_MB", "lots", "expected a whole number"),
    ("MAX_UPLOAD_MB", "0", "greater than zero"),
])
def test_bad_values_name_the_variable_and_the_reason(tmp_path, variable, value, reason):
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, **{variable: value})
    assert caught.value.variable == f"CATALOG_{variable}"
    assert str(caught.value).startswith(f"CATALOG_{variable}=")
    assert reason in str(caught.value)


def test_passwords_never_appear_in_errors(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, BROKER_URL="kafka://user:s3cret@localhost:9092")
    assert "s3cret" not in str(caught.value) and "***" in str(caught.value)


def test_var_dir_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "file")})
    assert caught.value.variable == "CATALOG_VAR_DIR"


def test_cli_reports_bad_configuration_clearly(runner, monkeypatch):
    from catalog.cli import main
    monkeypatch.setenv("CATALOG_BROKER_URL", "kafka://localhost")
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 1
    assert "configuration error: CATALOG_BROKER_URL='kafka://localhost' is not valid" in result.output
