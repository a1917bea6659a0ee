"""The registry of supervising departments and resource centers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import transaction
from catalog.enums import CenterStatus, Domain, SharingMode
from catalog.errors import Conflict, InvalidInput, parse_choice, NotFound
from catalog.models import Center, Department, Resource
from catalog.permissions import Actor, require_admin
from catalog.services.audit import record

# Codes become the first part of resource identifiers (<center>-<domain>-<local id>): no hyphens.
CODE = re.compile(r"^[A-Z0-9]{2,32}$")


@dataclass(frozen=True)
class CenterSummary:
    code: str
    name_zh: str
    name_en: str
    domain: str | None
    host_institution_zh: str | None
    host_institution_en: str | None
    department_code: str | None
    status: str
    is_demo: bool
    holdings: dict[str, int]


class CenterService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def create_department(self, actor: Actor, code: str, name_zh: str, name_en: str) -> Department:
        require_admin(actor)
        _check_code(code)
        with transaction(self.session_factory) as session:
            if session.scalar(select(Department.id).where(Department.code == code)) is not None:
                raise Conflict(f"Department {code} already exists.", f"主管部门 {code} 已存在。")
            department = Department(code=code, name_zh=name_zh, name_en=name_en)
            session.add(department)
            session.flush()
            record(session, actor, "department.create", "department", code)
            return department

    def create_center(self, actor: Actor, code: str, name_zh: str, name_en: str,
                      domain: str | None = None, host_institution_zh: str | None = None,
                      host_institution_en: str | None = None, department_code: str | None = None,
                      status: str = CenterStatus.RECOGNISED, is_demo: bool = False) -> Center:
        """Register a center; its code is fixed for good because identifiers are built from it."""
        require_admin(actor)
        _check_code(code)
        if not (name_zh or "").strip() or not (name_en or "").strip():
            raise InvalidInput("A center needs both a Chinese and an English name.", "资源库须有中文和英文名称。")
        domain_value = _enum(Domain, domain, "domain", "领域") if domain else None
        status_value = _enum(CenterStatus, status, "status", "状态")
        with transaction(self.session_factory) as session:
            if session.scalar(select(Center.id).where(Center.code == code)) is not None:
                raise Conflict(f"Center {code} already exists.", f"资源库 {code} 已存在。")
            department_id = None
            if department_code:
                department_id = session.scalar(select(Department.id).where(Department.code == department_code))
                if department_id is None:
                    raise NotFound(f"No department with code {department_code!r}.",
                                   f"没有代码为 {department_code!r} 的主管部门。")
            center = Center(code=code, name_zh=name_zh.strip(), name_en=name_en.strip(), domain=domain_value,
                            host_institution_zh=host_institution_zh, host_institution_en=host_institution_en,
                            department_id=department_id, status=status_value, is_demo=is_demo)
            session.add(center)
            session.flush()
            record(session, actor, "center.create", "center", code, name_en=name_en, domain=domain)
            return center

    def list_centers(self, actor: Actor) -> list[CenterSummary]:
        """Every center with its publicly visible holdings per domain (confidential records not counted)."""
        with self.session_factory() as session:
            counts: dict[int, dict[str, int]] = {}
            rows = session.execute(
                select(Resource.center_id, Resource.domain, func.count())
                .where(Resource.is_deleted.is_(False), Resource.sharing_mode != SharingMode.CONFIDENTIAL)
                .group_by(Resource.center_id, Resource.domain))
            for center_id, domain, count in rows:
                counts.setdefault(center_id, {})[domain.value] = count
            centers = session.scalars(select(Center).order_by(Center.code)).all()
            departments = {d.id: d.code for d in session.scalars(select(Department))}
            return [CenterSummary(code=c.code, name_zh=c.name_zh, name_en=c.name_en,
                                  domain=c.domain.value if c.domain else None,
                                  host_institution_zh=c.host_institution_zh,
                                  host_institution_en=c.host_institution_en,
                                  department_code=(departments.get(c.department_id)
                                                   if c.department_id is not None else None),
                                  status=c.status.value,
                                  is_demo=c.is_demo, holdings=counts.get(c.id, {})) for c in centers]

    def get_center(self, actor: Actor, code: str) -> CenterSummary:
        for center in self.list_centers(actor):
            if center.code == code:
                return center
        raise NotFound(f"No center with code {code!r}.", f"没有代码为 {code!r} 的资源库。")


def _check_code(code: str) -> None:
    if not CODE.match(code or ""):
        raise InvalidInput(f"Code {code!r} must be 2-32 capital letters or digits (no hyphens).",
                           f"代码 {code!r} 须为 2-32 个大写字母或数字（不含连字符）。")


def _enum(enum_class, value, name: str, name_zh: str):
    return parse_choice(enum_class, value, name, name_zh)
