"""Who may do what: the acting user's grants, and the rules that services check."""
from __future__ import annotations

from dataclasses import dataclass, field

from catalog.enums import Role, SharingMode
from catalog.errors import Forbidden, Unauthenticated


@dataclass(frozen=True)
class Grant:
    role: Role
    center_id: int | None = None
    department_id: int | None = None


@dataclass(frozen=True)
class Actor:
    """The user a service acts for; `system` is the operator at the command line."""
    user_id: int | None
    username: str
    grants: frozenset[Grant] = field(default_factory=frozenset)
    system: bool = False
    # None: not limited (a signed-in session, the operator); otherwise the scopes of the API token in use.
    scopes: frozenset[str] | None = None

    @classmethod
    def anonymous(cls) -> "Actor":
        return cls(user_id=None, username="anonymous", grants=frozenset({Grant(Role.PUBLIC)}))

    @classmethod
    def operator(cls) -> "Actor":
        return cls(user_id=None, username="system", grants=frozenset({Grant(Role.ADMIN)}), system=True)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None or self.system

    @property
    def roles(self) -> set[Role]:
        return {grant.role for grant in self.grants}

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    def allows(self, scope: str) -> bool:
        """Whether the API token behind this actor (if any) carries `scope`."""
        return self.scopes is None or scope in self.scopes

    def curates(self, center_id: int) -> bool:
        return self.is_admin or any(g.role == Role.CURATOR and g.center_id == center_id for g in self.grants)

    def reviews(self, department_id: int | None) -> bool:
        return self.is_admin or (department_id is not None and any(
            g.role == Role.REVIEWER and g.department_id == department_id for g in self.grants))


def may_see(actor: Actor, sharing_mode: SharingMode, center_id: int, department_id: int | None) -> bool:
    """Confidential records are visible only to their center's curators, its reviewers and admins."""
    if sharing_mode != SharingMode.CONFIDENTIAL:
        return True
    return actor.curates(center_id) or actor.reviews(department_id)


def require_admin(actor: Actor) -> None:
    if not actor.is_authenticated:
        raise Unauthenticated("Please sign in first.", "请先登录。")
    if not actor.is_admin:
        raise Forbidden("Only a platform administrator may do this.", "只有平台管理员可以执行此操作。")
