"""Every step notifies in the app; e-mail copies go to the file outbox by default, or to an SMTP server when
CATALOG_SMTP_URL is set (a small SMTP server on a local socket stands in for it), and a failing server never
undoes the step."""
from __future__ import annotations

import email
import socketserver
import threading
from email import policy

import pytest
from sqlalchemy import select

from catalog.config import Settings
from catalog.enums import Role
from catalog.models import Notification
from tests.conftest import closed_port
from tests.sharing.conftest import OPERATOR, P1


class CapturingSmtpHandler(socketserver.StreamRequestHandler):
    """Just enough of RFC 5321 for smtplib.send_message: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def handle(self):
        envelope = {"from": None, "to": [], "data": b""}
        self.reply(b"220 test ESMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply(b"250 test")
            elif verb == b"MAIL":
                envelope["from"] = line.decode().split(":", 1)[1].strip().strip("<>")
                self.reply(b"250 OK")
            elif verb == b"RCPT":
                envelope["to"].append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply(b"250 OK")
            elif verb == b"DATA":
                self.reply(b"354 end with .")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                envelope["data"] = b"".join(lines)
                self.server.received.append(envelope)
                envelope = {"from": None, "to": [], "data": b""}
                self.reply(b"250 queued")
            elif verb == b"QUIT":
                self.reply(b"221 bye")
                return
            else:
                self.reply(b"250 OK")

    def reply(self, text: bytes) -> None:
        self.wfile.write(text + b"\r\n")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), CapturingSmtpHandler)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def submitted(services, world) -> int:
    ada = world.actors["ada"]
    services.sharing.cart.add(ada, P1)
    (draft,) = services.sharing.checkout(ada, {"request_type": "data", "purpose": "academic",
                                               "intended_use": "育种研究 / breeding research"})
    terms = services.sharing.dossier(ada, draft.id).agreements
    return services.sharing.submit(ada, draft.id, [t.agreement.id for t in terms]).id


def test_the_file_outbox_gets_one_message_per_notified_address(services, world, var_dir):
    services.accounts.create_user(OPERATOR, "noaddress", "noaddress-password", Role.CURATOR, center_code="HBPG")
    request_id = submitted(services, world)
    with services.session_factory() as session:
        rows = session.scalars(select(Notification).order_by(Notification.id)).all()
    assert [(row.event, row.request_id) for row in rows] == [("submit", request_id)] * 2
    assert [row.emailed_at is not None for row in rows] == [True, False]  # cui has an address, noaddress none
    (written,) = sorted((var_dir / "outbox").glob("*.eml"))
    message = email.message_from_bytes(written.read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "cui@example.org"
    assert message["From"].addresses[0].addr_spec == "noreply@localhost"
    assert message["Subject"] == f"新的共享申请 #{request_id} / New sharing request #{request_id}"
    body = message.get_content()
    assert "ada 向湖北省植物种质资源库提交了共享申请" in body and "ada submitted sharing request" in body
    assert f"http://127.0.0.1:5000/requests/{request_id}" in body


class TestSmtp:
    @pytest.fixture
    def settings(self, var_dir, database_values, smtp_server):
        port = smtp_server.server_address[1]
        return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_RATE_LIMIT": "none", **database_values,
                                  "CATALOG_SMTP_URL": f"smtp://127.0.0.1:{port}?from=requests@hbnst.example.cn"})

    def test_messages_go_to_the_smtp_server_and_not_the_outbox(self, services, world, smtp_server, var_dir):
        request_id = submitted(services, world)
        services.sharing.start_review(world.actors["cui"], request_id)
        assert [(mail["from"], mail["to"]) for mail in smtp_server.received] == [
            ("requests@hbnst.example.cn", ["cui@example.org"]), ("requests@hbnst.example.cn", ["ada@example.org"])]
        message = email.message_from_bytes(smtp_server.received[1]["data"], policy=policy.default)
        assert message["Subject"] == f"申请 #{request_id} 审核中 / Request #{request_id} is under review"
        assert not (var_dir / "outbox").exists()


class TestUnreachableSmtp:
    @pytest.fixture
    def settings(self, var_dir, database_values):
        return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), **database_values,
                                  "CATALOG_SMTP_URL": f"smtp://127.0.0.1:{closed_port()}"})

    def test_a_failing_server_is_noted_and_the_step_stands(self, services, world):
        request_id = submitted(services, world)
        assert services.sharing.get(world.actors["ada"], request_id).state == "submitted"
        (notice,) = services.sharing.notifications.list(world.actors["cui"])
        assert notice.emailed_at is None and notice.email_error.startswith("ConnectionRefusedError")
