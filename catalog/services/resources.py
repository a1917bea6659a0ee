"""Published resources: write with history and index outbox in one transaction; read with visibility."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import lock, transaction
from catalog.enums import ChangeKind, Domain, OutboxOperation, Role, SharingMode
from catalog.errors import Forbidden, InvalidInput, NotFound
from catalog.models import Center, IndexOutbox, Resource, ResourceHistory
from catalog.permissions import Actor, may_see
from catalog.generalise import generalised
from catalog.services.audit import record

CORE_FIELDS = ("name_zh", "name_en", "scientific_name", "country_code", "admin_division", "locality",
               "decimal_latitude", "decimal_longitude", "coordinate_uncertainty_m", "geodetic_datum",
               "event_date", "preservation_method", "preservation_place", "preservation_status",
               "availability", "sharing_mode", "quantity", "licence", "rights_holder", "payload", "quality_flags")


APPLY_BATCH = 500


def batched(items: Iterable[Any], size: int):
    """Lists of up to `size` items (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def make_identifier(center_code: str, domain: str, local_id: str) -> str:
    """The persistent identifier: <center code>-<domain>-<local id>, unique across the platform."""
    return f"{center_code}-{domain}-{local_id}"


def snapshot(resource: Resource) -> dict[str, Any]:
    return snapshot_of({name: getattr(resource, name) for name in ("identifier", "domain", "local_id", *CORE_FIELDS)})


def snapshot_of(values: dict[str, Any]) -> dict[str, Any]:
    """A version as kept in history: the identifier, domain, local id and core fields, as plain JSON values."""
    kept = {name: values.get(name) for name in ("identifier", "domain", "local_id", *CORE_FIELDS)}
    kept["domain"], kept["sharing_mode"] = str(kept["domain"]), str(kept["sharing_mode"])
    return kept


@dataclass
class Changes:
    insert: int = 0
    update: int = 0
    unchanged: int = 0
    delete: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"insert": self.insert, "update": self.update, "unchanged": self.unchanged, "delete": self.delete}


def apply_records(session: Session, actor: Actor, center: Center, domain: Domain,
                  records: Iterable[dict[str, Any]], submission_id: int | None = None) -> Changes:
    """Insert or update records of one center and domain inside the caller's transaction.

    Each change bumps the version, keeps the new version in history and queues it for the index.
    Existing rows are looked up a batch at a time, so memory stays flat and round trips few.
    """
    lock(session, Center, center.id)  # one writer of a center's records at a time: each sees the other's rows
    changes = Changes()
    seen: set[str] = set()
    for batch in batched(records, APPLY_BATCH):
        values_by_id: dict[str, dict[str, Any]] = {}
        for values in batch:
            local_id = str(values.get("local_id") or "").strip()
            if not local_id:
                raise InvalidInput("Every record needs a local identifier.", "每条记录都需要本地编号。")
            if local_id in seen:
                raise InvalidInput(f"Local identifier {local_id!r} appears more than once.",
                                   f"本地编号 {local_id!r} 重复出现。")
            seen.add(local_id)
            values_by_id[local_id] = values
        existing = {resource.local_id: resource for resource in session.scalars(select(Resource).where(
            Resource.center_id == center.id, Resource.domain == domain,
            Resource.local_id.in_(list(values_by_id))))}
        new_rows: list[dict[str, Any]] = []
        logged: list[tuple[int, int, ChangeKind, dict[str, Any]]] = []  # resource id, version, change, snapshot
        for local_id, values in values_by_id.items():
            core = core_values(values)
            resource = existing.get(local_id)
            if resource is None:
                new_rows.append({"center_id": center.id, "domain": domain, "local_id": local_id, "version": 1,
                                 "identifier": make_identifier(center.code, domain.value, local_id),
                                 "submission_id": submission_id, "is_deleted": False, **core})
                changes.insert += 1
            elif not resource.is_deleted and all(getattr(resource, name) == value for name, value in core.items()):
                changes.unchanged += 1
            else:
                for name, value in core.items():
                    setattr(resource, name, value)
                resource.is_deleted = False
                resource.version += 1
                resource.submission_id = submission_id
                logged.append((resource.id, resource.version, ChangeKind.UPDATE, snapshot(resource)))
                changes.update += 1
        if new_rows:
            # New records go in with one multi-row INSERT … RETURNING instead of an ORM object each.
            ids = dict(session.execute(insert(Resource).returning(Resource.local_id, Resource.id), new_rows).all())
            logged += [(ids[row["local_id"]], 1, ChangeKind.INSERT, snapshot_of(row)) for row in new_rows]
        session.flush()
        if logged:
            session.execute(insert(ResourceHistory), [
                {"resource_id": resource_id, "version": version, "change": kind, "snapshot": values,
                 "submission_id": submission_id, "changed_by_id": actor.user_id}
                for resource_id, version, kind, values in logged])
            session.execute(insert(IndexOutbox), [
                {"resource_id": resource_id, "version": version, "operation": OutboxOperation.UPSERT}
                for resource_id, version, _, _ in logged])
    return changes


def core_values(values: dict[str, Any]) -> dict[str, Any]:
    core = {name: without_nul(values.get(name)) for name in CORE_FIELDS}
    core["payload"] = core["payload"] or {}
    core["quality_flags"] = core["quality_flags"] or []
    core["sharing_mode"] = SharingMode(core["sharing_mode"] or SharingMode.OPEN)
    return core


def without_nul(value: Any) -> Any:
    """Text without NUL characters, inside lists and mappings too: they carry no meaning in a record, and
    PostgreSQL can store them neither in text nor in JSON (SQLite can), so both databases keep the same text."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value


class ResourceService:
    def __init__(self, session_factory: sessionmaker[Session], on_change: Callable[[], None] = lambda: None,
                 base_url: str = "http://127.0.0.1:5000"):
        self.session_factory = session_factory
        self.base_url = base_url
        self.on_change = on_change

    def publish(self, actor: Actor, center_code: str, domain: str, records: Iterable[dict[str, Any]]) -> Changes:
        """Publish records directly, without review: platform administrators only (demo data, migrations)."""
        if not actor.is_admin:
            raise Forbidden("Only a platform administrator may publish without review.",
                            "只有平台管理员可以不经审核直接发布。")
        with transaction(self.session_factory) as session:
            center = session.scalar(select(Center).where(Center.code == center_code))
            if center is None:
                raise NotFound(f"No center with code {center_code!r}.", f"没有代码为 {center_code!r} 的资源库。")
            changes = apply_records(session, actor, center, Domain(domain), records)
            record(session, actor, "resources.publish", "center", center_code, domain=domain, **changes.as_dict())
        self.on_change()
        return changes

    def get(self, actor: Actor, identifier: str) -> Resource:
        """One resource by identifier; a record the actor may not see is reported as not found."""
        with self.session_factory() as session:
            return visible_resource(session, actor, identifier)

    def view(self, actor: Actor, identifier: str) -> dict[str, Any]:
        """A resource as the actor may see it: precise coordinates of restricted records are generalised
        for anyone outside its center and department, in the core fields and in the payload alike."""
        return self._shown(actor, self.get(actor, identifier))

    def shown(self, actor: Actor, resource: Resource) -> dict[str, Any] | None:
        """A resource already read (with its center) as view() shows it to the actor, or None when the actor
        may not see it: for exports, which read their own selection of resources a batch at a time."""
        if resource.is_deleted or not may_see(actor, resource.sharing_mode, resource.center_id,
                                              resource.center.department_id):
            return None
        return self._shown(actor, resource)

    def views(self, actor: Actor, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Every published resource the actor may see, each exactly as view() shows it, oldest first; read a
        batch at a time so memory stays flat (the linked-data dump and other whole-catalogue exports)."""
        privileged = bool(actor.roles & {Role.CURATOR, Role.REVIEWER, Role.ADMIN})
        after = 0
        while True:
            with self.session_factory() as session:
                query = select(Resource).where(Resource.is_deleted.is_(False), Resource.id > after)
                if not privileged:
                    query = query.where(Resource.sharing_mode != SharingMode.CONFIDENTIAL)
                batch = session.scalars(query.order_by(Resource.id).limit(batch_size)).all()
                if not batch:
                    return
                after = batch[-1].id
                shown = [self.shown(actor, resource) for resource in batch]
            yield from (values for values in shown if values is not None)

    def revision(self) -> tuple[int, int, str | None]:
        """A value that changes whenever any resource is published, changed or deleted: a cache key for
        what is derived from all of them."""
        with self.session_factory() as session:
            count, versions, latest = session.execute(select(
                func.count(), func.coalesce(func.sum(Resource.version), 0), func.max(Resource.updated_at))).one()
            return count, versions, latest.isoformat() if latest else None

    def _shown(self, actor: Actor, resource: Resource) -> dict[str, Any]:
        values = snapshot(resource)
        values.update(id=resource.identifier, center=resource.center.code, version=resource.version,
                      uri=f"{self.base_url}/resources/{resource.identifier}",
                      updated_at=resource.updated_at.isoformat() if resource.updated_at else None)
        entitled = actor.curates(resource.center_id) or actor.reviews(resource.center.department_id)
        if resource.sharing_mode == SharingMode.RESTRICTED and not entitled:
            values = generalised(values, values["domain"])
        return values

    def history(self, actor: Actor, identifier: str) -> list[ResourceHistory]:
        resource = self.get(actor, identifier)
        with self.session_factory() as session:
            return list(session.scalars(select(ResourceHistory).where(ResourceHistory.resource_id == resource.id)
                                        .order_by(ResourceHistory.version)))

    def totals_by_domain(self, actor: Actor) -> dict[str, int]:
        """Published records per domain that the public may know of (confidential ones are not counted)."""
        with self.session_factory() as session:
            rows = session.execute(select(Resource.domain, func.count())
                                   .where(Resource.is_deleted.is_(False),
                                          Resource.sharing_mode != SharingMode.CONFIDENTIAL)
                                   .group_by(Resource.domain))
            return {domain.value: count for domain, count in rows}

    def count(self) -> int:
        with self.session_factory() as session:
            return session.scalar(select(func.count()).select_from(Resource)
                                  .where(Resource.is_deleted.is_(False))) or 0


def visible_resource(session: Session, actor: Actor, identifier: str, field: str | None = None) -> Resource:
    """The published resource with this identifier, if the actor may see it; NotFound otherwise, in the same
    words whether it does not exist or is hidden from them, so its existence is not revealed."""
    resource = session.scalar(select(Resource).where(Resource.identifier == identifier,
                                                     Resource.is_deleted.is_(False)))
    if resource is None or not may_see(actor, resource.sharing_mode, resource.center_id,
                                       resource.center.department_id):
        raise NotFound(f"No resource {identifier!r}.", f"没有资源 {identifier!r}。", field=field)
    return resource
