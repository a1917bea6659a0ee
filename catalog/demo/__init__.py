"""Load the generated demo data (catalog.demo.data) through the services, once."""
from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy import select

import vocabularies
from catalog.demo.data import DEMO_CENTERS, DEMO_DEPARTMENTS, DEMO_USERS, demo_resources
from catalog.services.resources import CORE_FIELDS
from ingest.mapping import match_header
from schemas.validation import validate
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
            services.resources.publish(OPERATOR, center_code, domain, [validated(domain, item) for item in group])
        services.indexer.drain()
    return {"loaded": loaded, "centers": len(DEMO_CENTERS), "records": services.resources.count(),
            "logins": demo_logins(services)}


def validated(domain: str, generated: dict[str, Any]) -> dict[str, Any]:
    """The generated record as a submitted row, through the same mapping and validation as an upload."""
    outcome = validate(domain, as_row(domain, generated))
    if outcome.record is None:
        raise RuntimeError(f"demo record {generated['local_id']} is invalid: {[i.as_dict() for i in outcome.issues]}")
    return outcome.record


def as_row(domain: str, generated: dict[str, Any]) -> dict[str, str]:
    row = {name: _text(generated[name]) for name in ("local_id", *CORE_FIELDS)
           if name not in ("payload", "quality_flags", "admin_division") and generated.get(name) is not None}
    if generated.get("admin_division"):
        divisions = vocabularies.get("admin_division")
        code = generated["admin_division"]
        place = divisions.get(code) or divisions.get(code[:2] + "0000")  # outside Hubei: provinces only
        if place is None:
            raise RuntimeError(f"demo record {generated['local_id']}: {code} is not an admin_division code")
        lineage = [place, *divisions.ancestors(place.code)]
        row["state_province"] = lineage[-1].label("zh")
        if len(lineage) > 1:
            row["county"] = place.label("zh")
    for key, value in generated["payload"].items():
        name = match_header(domain, key)
        if name and value is not None and name not in row:
            row[name] = _text(value)
    return row


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return str(value)


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
