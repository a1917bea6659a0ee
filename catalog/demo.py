"""Load the generated demo data (catalog.demo_data) through the services, once."""
from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy import select

from catalog.demo_data import DEMO_CENTERS, DEMO_DEPARTMENTS, DEMO_USERS, demo_resources
from catalog.models import Center, User
from catalog.permissions import Actor

OPERATOR = Actor.operator()


def load_demo(services, seed: int = 20261125, per_center: int = 500) -> dict[str, Any]:
    """Create the demo departments, centers, users and records unless demo centers already exist."""
    loaded = not _demo_present(services)
    if loaded:
        for department in DEMO_DEPARTMENTS:
            services.centers.create_department(OPERATOR, department["code"], department["name_zh"],
                                               department["name_en"])
        for center in DEMO_CENTERS:
            services.centers.create_center(
                OPERATOR, center["code"], center["name_zh"], center["name_en"], domain=center["domain"],
                host_institution_zh=center["host_institution_zh"], host_institution_en=center["host_institution_en"],
                department_code=center["department"], is_demo=True)
        for login in DEMO_USERS:
            services.accounts.create_user(OPERATOR, login["username"], login["password"], login["role"],
                                          center_code=login.get("center"), department_code=login.get("department"),
                                          display_name=login.get("display_name"))
        records = sorted(demo_resources(seed=seed, per_center=per_center), key=lambda r: (r["center"], r["domain"]))
        for (center_code, domain), group in groupby(records, key=lambda r: (r["center"], r["domain"])):
            services.resources.publish(OPERATOR, center_code, domain, list(group))
        services.indexer.drain()
    return {"loaded": loaded, "centers": len(DEMO_CENTERS), "records": services.resources.count(),
            "logins": demo_logins(services)}


def demo_logins(services) -> list[dict[str, str]]:
    """The demo logins that exist in this database, to print at start."""
    if not _demo_present(services):
        return []
    with services.session_factory() as session:
        existing = set(session.scalars(select(User.username)))
    return [{"username": u["username"], "password": u["password"], "role": u["role"]}
            for u in DEMO_USERS if u["username"] in existing]


def _demo_present(services) -> bool:
    with services.session_factory() as session:
        return session.scalar(select(Center.id).where(Center.is_demo.is_(True)).limit(1)) is not None
