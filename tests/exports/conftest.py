"""Fixtures of the export tests: one catalogue of demo data loaded through the real pipeline, shared by the
tests of a module that only read it, and the people whose view of it an export must follow."""
from __future__ import annotations

import pytest

from catalog.demo import load_demo
from catalog.permissions import Actor
from schemas.validation import validate
from tests.databases import running_services

OPERATOR = Actor.operator()
OWN_CENTER, OTHER_CENTER = "HBAASPG", "WBGPG"   # two demo plant germplasm banks


def catalogue(database, tmp_path_factory):
    """Services of their own over a fresh database, for fixtures shared by a module's tests."""
    return running_services(database, tmp_path_factory.mktemp("catalogue") / "var", CATALOG_RATE_LIMIT="none")


def publish_rows(services, rows: dict[tuple[str, str], dict[str, str]]) -> None:
    """One hand-made row per (center code, domain), validated as an upload would be, published and indexed."""
    for (code, domain), row in rows.items():
        services.centers.create_center(OPERATOR, code, f"{code} 资源库", f"{code} center", domain=domain)
        outcome = validate(domain, row)
        assert outcome.record is not None, [issue.code for issue in outcome.issues]
        services.resources.publish(OPERATOR, code, domain, [outcome.record])
    services.indexer.drain()


@pytest.fixture(scope="module")
def demo(database, tmp_path_factory):
    """Services over the demo catalogue (all six domains, every sharing mode), with a curator of each bank."""
    with catalogue(database, tmp_path_factory) as services:
        load_demo(services, per_center=40)
        services.accounts.create_user(OPERATOR, "other-curator", "password-other", "curator",
                                      center_code=OTHER_CENTER)
        yield services


@pytest.fixture(scope="module")
def people(demo):
    """anonymous; the curator of OWN_CENTER (the demo login); the curator of OTHER_CENTER; an administrator."""
    return {"anonymous": Actor.anonymous(),
            "curator": demo.accounts.authenticate("curator", "demo-curator"),
            "other_curator": demo.accounts.authenticate("other-curator", "password-other"),
            "admin": demo.accounts.authenticate("admin", "demo-admin")}
