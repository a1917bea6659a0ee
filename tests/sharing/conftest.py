"""Three centers of different domains with a few published records, the people who request from and curate
them, and helpers to drive requests over the API."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from catalog.config import Settings
from catalog.enums import Role
from catalog.permissions import Actor

OPERATOR = Actor.operator()
CENTERS = (("HBPG", "湖北省植物种质资源库", "Hubei Plant Germplasm Center", "plant_germplasm", "HBAGRI"),
           ("HBMS", "湖北省微生物菌种库", "Hubei Microbial Strain Center", "microbial_strain", "HBAGRI"),
           ("HBGS", "湖北省岩矿化石标本库", "Hubei Rock and Fossil Center", "geological_specimen", "HBEDU"))
PEOPLE = (("ada", Role.RESEARCHER, {}), ("bob", Role.RESEARCHER, {}),
          ("cui", Role.CURATOR, {"center_code": "HBPG"}), ("min", Role.CURATOR, {"center_code": "HBMS"}),
          ("geo", Role.CURATOR, {"center_code": "HBGS"}), ("rev", Role.REVIEWER, {"department_code": "HBAGRI"}),
          ("adm", Role.ADMIN, {}))
CURATOR_OF = {"HBPG": "cui", "HBMS": "min", "HBGS": "geo"}

P1, P2_CONFIDENTIAL, P3_RESTRICTED = ("HBPG-plant_germplasm-P1", "HBPG-plant_germplasm-P2",
                                      "HBPG-plant_germplasm-P3")
S1_LOW_RISK, S2_RISK_GROUP_3 = "HBMS-microbial_strain-S1", "HBMS-microbial_strain-S2"
G1 = "HBGS-geological_specimen-G1"


def record(local_id: str, name_zh: str, name_en: str, scientific_name: str, sharing_mode: str = "open",
           **payload) -> dict:
    return {"local_id": local_id, "name_zh": name_zh, "name_en": name_en, "scientific_name": scientific_name,
            "country_code": "CN", "decimal_latitude": 30.52, "decimal_longitude": 114.31,
            "locality": "湖北省武汉市洪山区", "sharing_mode": sharing_mode, "payload": payload}


@dataclass(frozen=True)
class World:
    actors: dict[str, Actor]


@pytest.fixture
def world(services) -> World:
    return populate(services)


def populate(services) -> World:
    services.centers.create_department(OPERATOR, "HBAGRI", "湖北省农业农村厅", "Hubei Department of Agriculture")
    services.centers.create_department(OPERATOR, "HBEDU", "湖北省教育厅", "Hubei Department of Education")
    for code, name_zh, name_en, domain, department in CENTERS:
        services.centers.create_center(OPERATOR, code, name_zh, name_en, domain=domain, department_code=department)
    actors = {}
    for username, role, extra in PEOPLE:
        services.accounts.create_user(OPERATOR, username, f"{username}-password", role,
                                      email=f"{username}@example.org", **extra)
        actors[username] = services.accounts.authenticate(username, f"{username}-password")
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm", [
        record("P1", "恩施玉露茶树", "Enshi Yulu tea", "Camellia sinensis (L.) Kuntze"),
        record("P2", "神农架珍稀兰花", "Shennongjia rare orchid", "Cypripedium japonicum Thunb.", "confidential"),
        record("P3", "野生猕猴桃", "Wild kiwifruit", "Actinidia chinensis Planch.", "restricted")])
    services.resources.publish(OPERATOR, "HBMS", "microbial_strain", [
        record("S1", "枯草芽孢杆菌", "Hay bacillus", "Bacillus subtilis", risk_group="1"),
        record("S2", "鼠伤寒沙门氏菌", "Salmonella Typhimurium", "Salmonella enterica subsp. enterica",
               risk_group="3")])
    services.resources.publish(OPERATOR, "HBGS", "geological_specimen", [
        record("G1", "宜昌三峡三叶虫化石", "Yichang trilobite fossil", "Redlichia")])
    return World(actors)


@pytest.fixture
def tokens(services, world) -> dict[str, str]:
    return {name: services.accounts.issue_token(actor, "test") for name, actor in world.actors.items()}


@pytest.fixture
def settings(var_dir, database_values) -> Settings:
    """Settings without the API rate limit: a whole flow makes more calls than a client may per minute."""
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_RATE_LIMIT": "none", **database_values})
