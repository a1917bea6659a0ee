"""What an export contains: a whole center (optionally one domain of it, a "dataset") or a search result,
read from the database a batch at a time and shown exactly as ResourceService shows each record to the actor.

A search selection (text or filters) runs on the public index, so it never yields a confidential record, even
to its own curator; a center or domain selection reads the database and yields what the actor may see.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, sessionmaker

from catalog.errors import InvalidInput, NotFound
from catalog.models import Center, Resource
from catalog.permissions import Actor, may_see
from catalog.search.query import Query
from catalog.search.service import SearchService
from catalog.services.resources import ResourceService, batched
from schemas.registry import DOMAINS

BATCH_SIZE = 500


@dataclass(frozen=True)
class Selection:
    center: str | None = None
    domain: str | None = None
    text: str = ""
    filters: tuple[tuple[str, str], ...] = ()   # (field, value) pairs, as given

    @property
    def searches(self) -> bool:
        return bool(self.text.strip() or self.filters)

    def as_dict(self) -> dict[str, Any]:
        """The selection as the API takes it and an export keeps it."""
        return {"center": self.center, "domain": self.domain, "q": self.text,
                "filter": [f"{name}={value}" for name, value in self.filters]}

    def domains_within(self, scope: tuple[str, ...]) -> frozenset[str]:
        """The domains the selection takes from those a format can carry."""
        return frozenset((self.domain,) if self.domain else scope)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Selection:
        return cls(center=data.get("center") or None, domain=data.get("domain") or None, text=data.get("q") or "",
                   filters=parse_filters(data.get("filter") or ()))


def parse_filters(items: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """"field=value" strings → (field, value) pairs; a malformed one is refused naming it."""
    pairs = []
    for item in items:
        name, _, value = str(item).partition("=")
        if not name.strip() or not value.strip():
            raise InvalidInput(f"The filter {item!r} must look like field=value.",
                               f"筛选条件 {item!r} 的格式应为 字段=值。", field="filter")
        pairs.append((name.strip(), value.strip()))
    return tuple(pairs)


@dataclass(frozen=True)
class Plan:
    """What a selection will yield for an actor: the domains present and how many records to expect."""
    domains: tuple[str, ...]
    expected: int


class RecordSource:
    """Reads a selection's records for one actor; `scope` limits the domains a format can carry."""

    def __init__(self, session_factory: sessionmaker[Session], resources: ResourceService, search: SearchService,
                 batch_size: int = BATCH_SIZE):
        self.session_factory = session_factory
        self.resources = resources
        self.search = search
        self.batch_size = batch_size

    def plan(self, actor: Actor, selection: Selection, scope: tuple[str, ...] = DOMAINS) -> Plan:
        """Check the selection (unknown center or domain, malformed filters) and count what it yields."""
        self._check(selection, scope)
        if selection.searches:
            result = self.search.search(actor, Query(text=selection.text, filters=self._filters(selection, scope),
                                                     facets=("domain",), size=0))
            present = set(result.facets.get("domain", {}))
            return Plan(tuple(d for d in DOMAINS if d in present), result.total)
        present, expected, wanted = set(), 0, selection.domains_within(scope)
        statement = (select(Resource.domain, Resource.sharing_mode, Resource.center_id, Center.department_id)
                     .join(Center, Resource.center_id == Center.id).where(*self._conditions(selection)))
        with self.session_factory() as session:
            # Counted here rather than in SQL so that the one visibility rule (may_see) decides: the expected
            # total must not reveal how many confidential records a center holds.
            for domain, sharing_mode, center_id, department_id in session.execute(
                    statement.execution_options(yield_per=5000)):
                if domain.value in wanted and may_see(actor, sharing_mode, center_id, department_id):
                    present.add(domain.value)
                    expected += 1
        return Plan(tuple(d for d in DOMAINS if d in present), expected)

    def records(self, actor: Actor, selection: Selection, scope: tuple[str, ...] = DOMAINS
                ) -> Iterator[dict[str, Any]]:
        """Each record of the selection as ResourceService shows it to the actor; a batch in memory at a time."""
        self._check(selection, scope)
        if selection.searches:
            query = Query(text=selection.text, filters=self._filters(selection, scope))
            for identifiers in batched(self.search.iter_identifiers(actor, query), self.batch_size):
                with self.session_factory() as session:
                    found = {resource.identifier: resource for resource in session.scalars(
                        select(Resource).where(Resource.identifier.in_(identifiers)))}
                for identifier in identifiers:
                    resource = found.get(identifier)
                    if resource is not None and resource.domain.value in scope:
                        yield from self._shown(actor, resource)
            return
        after, wanted = 0, selection.domains_within(scope)
        conditions = self._conditions(selection)
        while True:
            with self.session_factory() as session:
                batch = session.scalars(select(Resource).join(Center, Resource.center_id == Center.id)
                                        .where(*conditions, Resource.id > after)
                                        .order_by(Resource.id).limit(self.batch_size)).all()
            if not batch:
                return
            after = batch[-1].id
            for resource in batch:
                if resource.domain.value in wanted:
                    yield from self._shown(actor, resource)

    def _shown(self, actor: Actor, resource: Resource) -> Iterator[dict[str, Any]]:
        shown = self.resources.shown(actor, resource)
        if shown is not None:
            yield shown

    def _check(self, selection: Selection, scope: tuple[str, ...]) -> None:
        if selection.domain is not None and selection.domain not in DOMAINS:
            raise InvalidInput(f"Unknown domain {selection.domain!r}; choose one of {', '.join(DOMAINS)}.",
                               f"未知的资源类别 {selection.domain!r}；可选：{', '.join(DOMAINS)}。", field="domain")
        if selection.domain is not None and selection.domain not in scope:
            raise InvalidInput(f"This format covers {', '.join(scope)} only, not {selection.domain}.",
                               f"该格式仅适用于 {', '.join(scope)}，不适用于 {selection.domain}。", field="domain")
        if selection.center is not None:
            with self.session_factory() as session:
                if session.scalar(select(Center.id).where(Center.code == selection.center)) is None:
                    raise NotFound(f"No center with code {selection.center!r}.",
                                   f"没有代码为 {selection.center!r} 的资源库。", field="center")

    def _conditions(self, selection: Selection) -> list[ColumnElement[bool]]:
        """The SQL conditions of a selection. The domain is checked on each row instead: with it, SQLite reads
        the domain index and sorts every remaining row for each batch, which grows with the square of the size;
        without it, batches follow the primary key (or a center's index) and the whole read stays linear."""
        conditions: list[ColumnElement[bool]] = [Resource.is_deleted.is_(False)]
        if selection.center:
            conditions.append(Center.code == selection.center)
        return conditions

    def _filters(self, selection: Selection, scope: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """The search filters: the given ones, narrowed to the chosen center and domain (or the format's scope)."""
        filters: dict[str, tuple[str, ...]] = {}
        for name, value in selection.filters:
            filters[name] = filters.get(name, ()) + (value,)
        domains = (selection.domain,) if selection.domain else scope if scope != DOMAINS else None
        for name, allowed in (("center", (selection.center,) if selection.center else None), ("domain", domains)):
            if allowed is None:
                continue
            given = filters.get(name)
            kept = allowed if given is None else tuple(value for value in given if value in allowed)
            if not kept:
                raise InvalidInput(f"The filter {name}={'|'.join(given or ())} contradicts the chosen {name} "
                                   f"({', '.join(allowed)}).",
                                   f"筛选条件 {name}={'|'.join(given or ())} 与所选的 {name}（{', '.join(allowed)}）"
                                   f"相矛盾。", field="filter")
            filters[name] = kept
        return filters
