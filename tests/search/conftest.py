"""Search engines for the contract suite: the embedded engine, and Elasticsearch through the noida-db
emulator started here (and a real cluster when CATALOG_TEST_ES_URL is set)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from catalog.search.elastic import ElasticBackend
from catalog.search.embedded import EmbeddedBackend


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def emulator_binary() -> str:
    binary = shutil.which("noida-db") or str(Path(os.sys.executable).parent / "noida-db")
    if not Path(binary).exists():
        message = "noida-db is not installed (make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return binary


def start_emulator(data: Path, port: int) -> subprocess.Popen:
    """Start noida-db's Elasticsearch API on a loopback port and wait until it answers."""
    process = subprocess.Popen([emulator_binary(), "start", "--only", "elasticsearch", "--elasticsearch-port",
                                str(port), "--data-dir", str(data)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_emulator(process)
                pytest.fail("the Elasticsearch emulator did not start", pytrace=False)
            time.sleep(0.1)


@pytest.fixture(scope="session")
def emulator_url(tmp_path_factory):
    """An Elasticsearch 8 API emulator (noida-db) on a free loopback port, stopped at the end."""
    port = free_port()
    process = start_emulator(tmp_path_factory.mktemp("noida"), port)
    yield f"http://127.0.0.1:{port}"
    stop_emulator(process)


ENGINES = ["embedded", "emulator"] + (["elasticsearch"] if os.environ.get("CATALOG_TEST_ES_URL") else [])


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    """One search backend per engine, empty, with a unique index name."""
    if request.param == "embedded":
        backend = EmbeddedBackend(tmp_path / "index")
    else:
        url = request.getfixturevalue("emulator_url") if request.param == "emulator" \
            else os.environ["CATALOG_TEST_ES_URL"]
        backend = ElasticBackend(url, index=f"catalog-test-{os.urandom(4).hex()}")
    backend.ensure_index()
    yield backend
    if isinstance(backend, ElasticBackend):
        backend.drop()
    backend.close()


def stop_emulator(process: subprocess.Popen, port: int | None = None) -> None:
    """The noida-db command is a wrapper around the server binary: stop its whole process group, and when the
    port is given, wait until nothing answers there any more."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while port is not None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            return
        time.sleep(0.1)
    if port is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
