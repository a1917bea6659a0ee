"""Settings: the CATALOG_* environment variables turned into checked values with embedded defaults.

Only this module reads os.environ. Every other module receives a Settings object.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping, overload
from urllib.parse import parse_qs, urlsplit, urlunsplit

from limits import parse_many

PREFIX = "CATALOG_"
SECRET_FILE = "secret_key"
MIN_SECRET_LENGTH = 16
# Generous enough for a campus behind one address whose browsers also call the API (autocomplete, map).
DEFAULT_RATE_LIMIT = "600/minute"


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the variable and says why."""

    def __init__(self, variable: str, value: str, reason: str):
        self.variable = variable
        self.value = value
        self.reason = reason
        super().__init__(f"{variable}={value!r} is not valid: {reason}")


@dataclass(frozen=True)
class Settings:
    var_dir: Path
    database_url: str
    search_url: str
    storage_url: str
    s3_endpoint_url: str | None
    broker_url: str | None
    secret_key: str = field(repr=False)
    base_url: str
    max_upload_bytes: int
    rate_limit: str | None = DEFAULT_RATE_LIMIT  # per client address, for the whole JSON API; None: no limit
    smtp_url: str | None = field(default=None, repr=False)

    @property
    def search_is_embedded(self) -> bool:
        return not self.search_url.startswith(("http://", "https://"))

    @property
    def storage_is_s3(self) -> bool:
        return self.storage_url.startswith("s3://")

    @property
    def database_is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Read CATALOG_* variables, fill in embedded defaults, and check every value.

        Raises ConfigError naming the first wrong variable. When no secret key is given, one
        is generated once and kept in the var folder so sessions survive restarts.
        """
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(PREFIX + name)
            return value.strip() if value and value.strip() else None

        var_dir = Path(get("VAR_DIR") or "var").expanduser().resolve()
        if var_dir.exists() and not var_dir.is_dir():
            raise ConfigError(PREFIX + "VAR_DIR", str(var_dir), "exists and is not a folder")
        settings = cls(
            var_dir=var_dir,
            database_url=check_database_url(get("DATABASE_URL"), var_dir),
            search_url=check_search_url(get("SEARCH_URL"), var_dir),
            storage_url=check_storage_url(get("STORAGE_URL"), var_dir),
            s3_endpoint_url=check_http_url("S3_ENDPOINT_URL", get("S3_ENDPOINT_URL"), None),
            broker_url=check_broker_url(get("BROKER_URL")),
            secret_key=get("SECRET_KEY") or "",
            base_url=check_http_url("BASE_URL", get("BASE_URL"), "http://127.0.0.1:5000"),
            max_upload_bytes=check_positive_int("MAX_UPLOAD_MB", get("MAX_UPLOAD_MB"), 1024) * 1024 * 1024,
            rate_limit=check_rate_limit(get("RATE_LIMIT")),
            smtp_url=check_smtp_url(get("SMTP_URL")),
        )
        return settings.with_secret_key()

    def with_secret_key(self) -> "Settings":
        """Return settings whose secret key is set, generating and keeping one if needed."""
        if self.secret_key:
            if len(self.secret_key) < MIN_SECRET_LENGTH:
                raise ConfigError(PREFIX + "SECRET_KEY", "***",
                                  f"must be at least {MIN_SECRET_LENGTH} characters long")
            return self
        path = self.var_dir / SECRET_FILE
        try:
            if path.exists():
                key = path.read_text(encoding="ascii").strip()
            else:
                self.var_dir.mkdir(parents=True, exist_ok=True)
                key = secrets.token_urlsafe(48)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w", encoding="ascii") as handle:
                    handle.write(key + "\n")
        except OSError as exc:
            raise ConfigError(PREFIX + "VAR_DIR", str(self.var_dir),
                              f"cannot keep the generated secret key there ({exc.strerror})") from exc
        if len(key) < MIN_SECRET_LENGTH:
            raise ConfigError(PREFIX + "SECRET_KEY", "***", f"the key kept in {path} is too short")
        return replace(self, secret_key=key)


def mask_password(url: str) -> str:
    """The URL with any password replaced by ***, safe to print or log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def check_database_url(value: str | None, var_dir: Path) -> str:
    if value is None:
        return f"sqlite:///{var_dir / 'catalog.sqlite3'}"
    scheme = value.split("://", 1)[0] if "://" in value else ""
    shown = mask_password(value)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        parts = urlsplit(value)
        if not parts.hostname and "host=" not in parts.query:
            raise ConfigError(PREFIX + "DATABASE_URL", shown, "a PostgreSQL URL needs a host")
        if not parts.path.strip("/"):
            raise ConfigError(PREFIX + "DATABASE_URL", shown, "a PostgreSQL URL needs a database name")
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if scheme == "sqlite":
        if value in ("sqlite://", "sqlite:///:memory:"):
            raise ConfigError(PREFIX + "DATABASE_URL", shown,
                              "an in-memory SQLite database would lose every record at exit")
        if not value.startswith("sqlite:///"):
            raise ConfigError(PREFIX + "DATABASE_URL", shown, "a SQLite URL looks like sqlite:///path/to/file")
        return value
    raise ConfigError(PREFIX + "DATABASE_URL", shown,
                      "expected sqlite:///path/to/file or postgresql://user@host/database")


def check_search_url(value: str | None, var_dir: Path) -> str:
    if value is None:
        return str(var_dir / "search")
    if value.startswith(("http://", "https://")):
        parts = urlsplit(value)
        if not parts.hostname:
            raise ConfigError(PREFIX + "SEARCH_URL", mask_password(value), "an Elasticsearch URL needs a host")
        return value.rstrip("/")
    if value.startswith("file://"):
        value = value[len("file://"):]
    elif "://" in value:
        raise ConfigError(PREFIX + "SEARCH_URL", mask_password(value),
                          "expected a folder for the embedded engine or an http(s):// Elasticsearch URL")
    return str(Path(value).expanduser().resolve())


def check_storage_url(value: str | None, var_dir: Path) -> str:
    if value is None:
        return "file://" + str(var_dir / "storage")
    if value.startswith("s3://"):
        parts = urlsplit(value)
        bucket = parts.netloc
        if not bucket:
            raise ConfigError(PREFIX + "STORAGE_URL", value, "an S3 URL looks like s3://bucket/prefix")
        if not (3 <= len(bucket) <= 63) or not all(c.islower() or c.isdigit() or c in ".-" for c in bucket):
            raise ConfigError(PREFIX + "STORAGE_URL", value,
                              "an S3 bucket name has 3-63 lowercase letters, digits, dots or hyphens")
        return value.rstrip("/")
    if value.startswith("file://"):
        value = value[len("file://"):]
    elif "://" in value:
        raise ConfigError(PREFIX + "STORAGE_URL", value, "expected a folder, file:///folder or s3://bucket/prefix")
    return "file://" + str(Path(value).expanduser().resolve())


def check_broker_url(value: str | None) -> str | None:
    if value is None or value.lower() == "none":
        return None
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in ("redis", "rediss", "amqp", "amqps"):
        raise ConfigError(PREFIX + "BROKER_URL", mask_password(value),
                          "expected redis://host:port/db or amqp://user:password@host:port/vhost (or leave it unset)")
    if not urlsplit(value).hostname:
        raise ConfigError(PREFIX + "BROKER_URL", mask_password(value), "a broker URL needs a host")
    return value


@overload
def check_http_url(name: str, value: str | None, default: str) -> str: ...
@overload
def check_http_url(name: str, value: str | None, default: None) -> str | None: ...
def check_http_url(name: str, value: str | None, default: str | None) -> str | None:
    if value is None:
        return default
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(PREFIX + name, value, "expected an http:// or https:// URL with a host")
    if parts.query or parts.fragment:
        raise ConfigError(PREFIX + name, value, "must not have a query string or fragment")
    return value.rstrip("/")


def check_positive_int(name: str, value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(PREFIX + name, value, "expected a whole number") from None
    if number <= 0:
        raise ConfigError(PREFIX + name, value, "must be greater than zero")
    return number


SMTP_SCHEMES = ("smtp", "smtps", "smtp+starttls")


def check_smtp_url(value: str | None) -> str | None:
    """smtp://[user:password@]host[:port] (plain), smtp+starttls://… or smtps://… (TLS); ?from=address sets
    the sender."""
    if value is None:
        return None
    parts = urlsplit(value)
    shown = mask_password(value)
    if parts.scheme not in SMTP_SCHEMES:
        raise ConfigError(PREFIX + "SMTP_URL", shown,
                          "expected smtp://host:port, smtp+starttls://user:password@host:587 or smtps://host:465")
    if not parts.hostname:
        raise ConfigError(PREFIX + "SMTP_URL", shown, "an SMTP URL needs a host")
    try:
        parts.port
    except ValueError:
        raise ConfigError(PREFIX + "SMTP_URL", shown, "the port must be a number from 1 to 65535") from None
    sender = parse_qs(parts.query).get("from", [None])[-1]
    if sender is not None and "@" not in sender:
        raise ConfigError(PREFIX + "SMTP_URL", shown, f"from={sender!r} is not an e-mail address")
    return value


def check_rate_limit(value: str | None) -> str | None:
    """A rate such as 120/minute, or several separated by ';' (120/minute;2000/hour); "none" switches limits off."""
    if value is None:
        return DEFAULT_RATE_LIMIT
    if value.lower() == "none":
        return None
    try:
        rates = parse_many(value)
    except ValueError:
        rates = []
    if not rates or any(rate.amount < 1 for rate in rates):
        raise ConfigError(PREFIX + "RATE_LIMIT", value, "expected a rate such as 120/minute or 2000/hour "
                          "(several separated by ';'), or none to switch limits off")
    return value
