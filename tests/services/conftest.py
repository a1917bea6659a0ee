"""A small registry: one department, two centers, and a user for each role."""
from __future__ import annotations

import pytest

from catalog.enums import Role
from catalog.permissions import Actor

OPERATOR = Actor.operator()


@pytest.fixture
def registry(services):
    services.centers.create_department(OPERATOR, "HBAGRI", "湖北省农业农村厅", "Hubei Department of Agriculture")
    services.centers.create_center(OPERATOR, "HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center",
                                   domain="plant_germplasm", department_code="HBAGRI")
    services.centers.create_center(OPERATOR, "HBMS", "湖北省微生物菌种库", "Hubei Microbial Strain Center",
                                   domain="microbial_strain")
    actors = {}
    for username, role, extra in (("ada", Role.RESEARCHER, {}), ("cui", Role.CURATOR, {"center_code": "HBPG"}),
                                  ("rev", Role.REVIEWER, {"department_code": "HBAGRI"}),
                                  ("adm", Role.ADMIN, {})):
        services.accounts.create_user(OPERATOR, username, f"{username}-password", role, **extra)
        actors[role] = services.accounts.authenticate(username, f"{username}-password")
    return actors


def tea(local_id: str, sharing_mode: str = "open", **changes) -> dict:
    record = {"local_id": local_id, "name_zh": "恩施玉露茶树种质", "name_en": "Enshi Yulu tea germplasm",
              "scientific_name": "Camellia sinensis (L.) Kuntze", "country_code": "CN", "admin_division": "422800",
              "locality": "湖北省恩施州利川市毛坝镇", "decimal_latitude": 30.2961, "decimal_longitude": 108.9372,
              "coordinate_uncertainty_m": 30.0, "event_date": "2019-04-12", "sharing_mode": sharing_mode,
              "payload": {"accession_name": local_id, "verbatim_latitude": "301746N", "remarks": "高山茶园"}}
    record.update(changes)
    return record
