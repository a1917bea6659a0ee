"""Fixtures of the export tests: one catalogue of demo data loaded through the real pipeline, shared by the
tests of a module that only read it, and the people whose view of it an export must follow."""
from __future__ import annotations

import pytest

from catalog.app import build_services, initialise
from catalog.config import Settings
from catalog.demo import load_demo
from catalog.permissions import Actor

OPERATOR = Actor.operator()
OWN_CENTER, OTHER_CENTER = "HBAASPG", "WBGPG"   # two demo plant germplasm banks


def catalogue(tmp_path_factory):
    """Services of their own, embedded under a fresh folder, for fixtures shared by a module's tests."""
    folder = tmp_path_factory.mktemp("catalogue")
    services = build_services(Settings.from_env({"CATALOG_VAR_DIR": str(folder / "var"),
                                                 "CATALOG_RATE_LIMIT": "none"}))
    initialise(services)
    return services


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Services over the demo catalogue (all six domains, every sharing mode), with a curator of each bank."""
    services = catalogue(tmp_path_factory)
    load_demo(services, per_center=40)
    services.accounts.create_user(OPERATOR, "other-curator", "password-other", "curator", center_code=OTHER_CENTER)
    yield services
    services.close()


@pytest.fixture(scope="module")
def people(demo):
    """anonymous; the curator of OWN_CENTER (the demo login); the curator of OTHER_CENTER; an administrator."""
    return {"anonymous": Actor.anonymous(),
            "curator": demo.accounts.authenticate("curator", "demo-curator"),
            "other_curator": demo.accounts.authenticate("other-curator", "password-other"),
            "admin": demo.accounts.authenticate("admin", "demo-admin")}
