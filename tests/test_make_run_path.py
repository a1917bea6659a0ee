"""The set-up path of `make run` — init, demo, serve — from a clean folder, then the running server answers."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

CLI = [sys.executable, "-m", "catalog.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.slow
def test_init_demo_serve_then_fetch_healthz_and_pages(tmp_path):
    environment = {name: value for name, value in os.environ.items() if not name.startswith("CATALOG_")}
    environment["CATALOG_VAR_DIR"] = str(tmp_path / "var")
    run = lambda *args: subprocess.run([*CLI, *args], env=environment, capture_output=True, text=True,  # noqa: E731
                                       timeout=300, check=True)
    run("init")
    loaded = json.loads(run("demo", "--per-center", "40", "--json").stdout)
    assert loaded["loaded"] is True and loaded["records"] >= 40 * 6
    assert {login["role"] for login in loaded["logins"]} == {"researcher", "curator", "reviewer", "admin"}
    assert json.loads(run("demo", "--per-center", "40", "--json").stdout)["loaded"] is False
    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "--port", str(port)], env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        banner = server.stdout.readline()
        assert banner.startswith(f"catalog is serving on http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert status == 200
        assert json.loads(body) == {"status": "ok", "checks": {"database": "ok", "search": "ok", "storage": "ok",
                                                               "broker": "none"}}
        status, home = fetch(f"http://127.0.0.1:{port}/?lang=en")
        assert status == 200 and b"[Demo]" in home
        status, results = fetch(f"http://127.0.0.1:{port}/api/records?size=1")
        assert status == 200 and json.loads(results)["total"] > 0
    finally:
        server.terminate()
        server.wait(timeout=30)
