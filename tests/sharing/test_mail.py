"""CATALOG_SMTP_URL: accepted forms, clear errors naming the variable, and the mailer it selects."""
from __future__ import annotations

import pytest

from catalog.config import ConfigError, Settings
from catalog.mail import FileOutbox, SmtpMailer, open_mailer


def load(tmp_path, **variables) -> Settings:
    return Settings.from_env({"CATALOG_VAR_DIR": str(tmp_path / "var"),
                              **{f"CATALOG_{name}": value for name, value in variables.items()}})


def test_without_smtp_mail_goes_to_the_outbox_folder(tmp_path):
    settings = load(tmp_path, BASE_URL="https://resources.hubei.example")
    mailer = open_mailer(settings)
    assert settings.smtp_url is None
    assert isinstance(mailer, FileOutbox) and mailer.folder == tmp_path / "var" / "outbox"
    assert mailer.sender == "noreply@resources.hubei.example"


@pytest.mark.parametrize(("url", "scheme", "port", "username", "password", "sender"), [
    ("smtp://mail.example.cn", "smtp", 25, None, None, "noreply@localhost"),
    ("smtp+starttls://bank%40example.cn:s%3Acret@mail.example.cn?from=requests%40example.cn", "smtp+starttls", 587,
     "bank@example.cn", "s:cret", "requests@example.cn"),
    ("smtps://user:pw@mail.example.cn:2465", "smtps", 2465, "user", "pw", "noreply@localhost"),
])
def test_smtp_urls_are_accepted(tmp_path, url, scheme, port, username, password, sender):
    mailer = open_mailer(load(tmp_path, SMTP_URL=url))
    assert isinstance(mailer, SmtpMailer)
    assert (mailer.scheme, mailer.host, mailer.port, mailer.username, mailer.password, mailer.sender) == (
        scheme, "mail.example.cn", port, username, password, sender)


@pytest.mark.parametrize(("url", "reason"), [
    ("mail.example.cn", "expected smtp://host:port"),
    ("http://mail.example.cn", "expected smtp://host:port"),
    ("smtp://", "needs a host"),
    ("smtp://mail.example.cn:port", "port must be a number"),
    ("smtp://mail.example.cn?from=nobody", "is not an e-mail address"),
])
def test_wrong_smtp_urls_name_the_variable_and_hide_the_password(tmp_path, url, reason):
    with pytest.raises(ConfigError, match=reason) as error:
        load(tmp_path, SMTP_URL=url)
    assert error.value.variable == "CATALOG_SMTP_URL"
    secret = load(tmp_path, SMTP_URL="smtp://user:hunter2@mail.example.cn").smtp_url
    assert "hunter2" not in repr(load(tmp_path, SMTP_URL=secret))
    with pytest.raises(ConfigError) as hidden:
        load(tmp_path, SMTP_URL="ftp://user:hunter2@mail.example.cn")
    assert "hunter2" not in str(hidden.value)
