"""Browser tests: the real app served by waitress on a free port over a temporary CATALOG_VAR_DIR holding a
small demo (what `catalog init` and `catalog demo --per-center 10` do, through the same functions), driven
by Debian's Chromium through Playwright. Without Chromium or Playwright the tests skip, except under CI=true
where that is a failure. Screenshots go to CATALOG_TEST_ARTIFACTS (default: a folder in pytest's temporary
directory)."""
from __future__ import annotations

import os
import socket
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest
import waitress

from catalog.app import create_app
from catalog.demo import load_demo
from catalog.demo.data import DEMO_USERS
from tests.databases import running_services

CHROMIUM = Path(os.environ.get("CATALOG_TEST_CHROMIUM", "/usr/bin/chromium"))
DEMO_PER_CENTER = 10
LOGINS = {login["username"]: login["password"] for login in DEMO_USERS}


def unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI=true the browser tests must run (`make test` installs Chromium)",
                    pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(database, tmp_path_factory) -> Iterator[str]:
    """The base URL of the real app, served by waitress in a thread of this process, over a fresh database
    holding the demo centers, users and a few records per center."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with running_services(database, tmp_path_factory.mktemp("e2e") / "var", CATALOG_BASE_URL=base_url) as services:
        load_demo(services, per_center=DEMO_PER_CENTER)
        server = waitress.create_server(create_app(services=services), host="127.0.0.1", port=port, threads=8)
        thread = threading.Thread(target=server.run, name="e2e-waitress", daemon=True)
        thread.start()
        try:
            yield base_url
        finally:
            server.close()
            thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed (`make browser` installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (`pip install -e '.[test]'`)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser profile (no cookies) whose relative URLs go to the live server; Chinese first, as a
    browser in Hubei would ask."""
    context = browser.new_context(base_url=live_server, locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    configured = os.environ.get("CATALOG_TEST_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shoot(page, artifacts) -> Callable[[str], Path]:
    """Save a full-page screenshot as <name>-<page language>.png."""
    def take(name: str) -> Path:
        language = page.locator("html").get_attribute("lang")
        path = artifacts / f"{name}-{language}.png"
        page.screenshot(path=str(path), full_page=True)
        return path
    return take


def sign_in(page, username: str, language: str = "en") -> None:
    page.goto(f"/login?lang={language}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", LOGINS[username])
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def sign_out(page) -> None:
    page.click("header form.inline button")
    page.wait_for_url("**/")
