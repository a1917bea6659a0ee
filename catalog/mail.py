"""Outgoing e-mail: SMTP when CATALOG_SMTP_URL is set, else one .eml file per message in a local outbox folder.

Builds messages with the stdlib email package; what a message says is the caller's business."""
from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
import uuid
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from catalog.config import Settings

SMTP_TIMEOUT_SECONDS = 10
OUTBOX_FOLDER = "outbox"
SENDER_NAME = "湖北省自然科技资源库 Hubei Resource Bank"


class Mailer(Protocol):
    sender: str

    def send(self, message: EmailMessage) -> None:
        """Hand the message over for delivery; raise OSError or smtplib.SMTPException when that fails."""


class FileOutbox:
    """Writes each message as <folder>/<time>-<id>.eml; a file appears whole or not at all."""

    def __init__(self, folder: Path, sender: str):
        self.folder = Path(folder)
        self.sender = sender

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex}.eml"
        temporary = self.folder / f".{name}.part"
        temporary.write_bytes(message.as_bytes())
        os.replace(temporary, self.folder / name)

    def messages(self) -> list[Path]:
        """The written messages, oldest first."""
        return sorted(self.folder.glob("*.eml"))


class SmtpMailer:
    """Sends through the server of an smtp://, smtp+starttls:// or smtps:// URL, one connection per call."""

    def __init__(self, url: str, sender: str):
        parts = urlsplit(url)
        self.scheme = parts.scheme
        self.host = parts.hostname or "localhost"
        self.port = parts.port or {"smtps": 465, "smtp+starttls": 587}.get(parts.scheme, 25)
        self.username = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.sender = sender

    def send(self, message: EmailMessage) -> None:
        if self.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS)
        with client:
            if self.scheme == "smtp+starttls":
                client.starttls(context=ssl.create_default_context())
            if self.username:
                client.login(self.username, self.password or "")
            client.send_message(message)


def open_mailer(settings: Settings) -> Mailer:
    """The SMTP mailer when CATALOG_SMTP_URL is set, else the file outbox under CATALOG_VAR_DIR."""
    sender = _sender(settings)
    if settings.smtp_url:
        return SmtpMailer(settings.smtp_url, sender)
    return FileOutbox(settings.var_dir / OUTBOX_FOLDER, sender)


def compose(sender: str, to_address: str, to_name: str | None, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((SENDER_NAME, sender))
    message["To"] = formataddr((to_name or "", to_address))
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message.set_content(body)
    return message


def _sender(settings: Settings) -> str:
    """?from= of the SMTP URL, else noreply@ the public host (localhost when that is an IP address)."""
    if settings.smtp_url:
        given = parse_qs(urlsplit(settings.smtp_url).query).get("from")
        if given:
            return given[-1]
    host = urlsplit(settings.base_url).hostname or "localhost"
    try:
        ipaddress.ip_address(host)
        host = "localhost"
    except ValueError:
        pass
    return f"noreply@{host}"
