"""Users, their role grants, sign-in, and hashed, scoped API tokens."""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.security import check_password_hash, generate_password_hash

from catalog.db import transaction
from catalog.enums import Role, Scope
from catalog.errors import Conflict, InsufficientScope, InvalidInput, parse_choice, NotFound, Unauthenticated
from catalog.models import ApiToken, Center, Department, RoleGrant, User, utcnow
from catalog.permissions import Actor, Grant, require_admin
from catalog.services.audit import record

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
TOKEN_PREFIX = "cat_"
MIN_PASSWORD_LENGTH = 8
MAX_TOKEN_NAME_LENGTH = 100
# The scopes a token may carry, by the roles of its user: a scope its user can never use is refused.
SCOPE_ROLES = {Scope.READ: frozenset(Role), Scope.SUBMIT: frozenset({Role.CURATOR, Role.ADMIN}),
               Scope.REVIEW: frozenset({Role.REVIEWER, Role.ADMIN}), Scope.SHARE: frozenset(Role),
               Scope.ADMIN: frozenset({Role.ADMIN})}


@dataclass(frozen=True)
class TokenInfo:
    """What may be shown of a token once issued: never the secret, never its hash."""
    id: int
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= utcnow():
            return "expired"
        return "active"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def actor_of(user: User, scopes: frozenset[str] | None = None) -> Actor:
    """The user as an actor; with token scopes, a token without `admin` carries no administrator grant, so
    every service check of is_admin, curates() and reviews() sees the narrowed actor."""
    grants = frozenset(Grant(g.role, g.center_id, g.department_id) for g in user.grants
                       if scopes is None or g.role != Role.ADMIN or Scope.ADMIN in scopes)
    return Actor(user_id=user.id, username=user.username, grants=grants, scopes=scopes)


def parse_scopes(value: str | Iterable[str]) -> frozenset[Scope]:
    """Scopes from a space-separated string or a list of names; an unknown name is an error naming it."""
    names = value.split() if isinstance(value, str) else list(value)
    scopes = set()
    for name in names:
        try:
            scopes.add(Scope(name))
        except (ValueError, TypeError):
            choices = ", ".join(scope.value for scope in Scope)
            raise InvalidInput(f"Unknown scope {name!r}; the scopes are {choices}.",
                               f"未知权限范围 {name!r}；可选：{choices}。", field="scopes") from None
    return frozenset(scopes)


def usable_scopes(actor: Actor) -> frozenset[Scope]:
    """The scopes that mean something for this actor's roles (within its own token's scopes, if any)."""
    return frozenset(scope for scope, roles in SCOPE_ROLES.items()
                     if actor.roles & roles and actor.allows(scope))


def _stored(scopes: Iterable[Scope]) -> str:
    return " ".join(scope.value for scope in Scope if scope in scopes)


def _info(row: ApiToken) -> TokenInfo:
    return TokenInfo(id=row.id, name=row.name, prefix=row.prefix, scopes=tuple(row.scopes.split()),
                     created_at=row.created_at, expires_at=row.expires_at, last_used_at=row.last_used_at,
                     revoked_at=row.revoked_at)


class AccountService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def create_user(self, actor: Actor, username: str, password: str, role: Role | str,
                    center_code: str | None = None, department_code: str | None = None,
                    email: str | None = None, display_name: str | None = None) -> User:
        """Create a user with one role; curators need a center and reviewers a department."""
        require_admin(actor)
        role = _role(role)
        if not USERNAME.match(username or ""):
            raise InvalidInput(f"Username {username!r} must be 2-64 letters, digits, '.', '_' or '-'.",
                               f"用户名 {username!r} 须为 2-64 个字母、数字、“.”、“_”或“-”。")
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise InvalidInput(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
                               f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。")
        with transaction(self.session_factory) as session:
            if session.scalar(select(User.id).where(User.username == username)) is not None:
                raise Conflict(f"User {username!r} already exists.", f"用户 {username!r} 已存在。")
            grant = RoleGrant(role=role)
            if role == Role.CURATOR:
                grant.center_id = _required(session, Center, center_code, "--center", "中心").id
            elif role == Role.REVIEWER:
                grant.department_id = _required(session, Department, department_code, "--department", "主管部门").id
            user = User(username=username, email=email, display_name=display_name,
                        password_hash=generate_password_hash(password), grants=[grant])
            session.add(user)
            session.flush()
            record(session, actor, "user.create", "user", user.id, username=username, role=role.value)
            return user

    def authenticate(self, username: str, password: str) -> Actor:
        """The actor for a username and password; one vague error whatever was wrong."""
        with self.session_factory() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None or not user.is_active or not user.password_hash \
                    or not check_password_hash(user.password_hash, password):
                raise Unauthenticated("Wrong username or password.", "用户名或密码错误。")
            return actor_of(user)

    def actor(self, user_id: int) -> Actor | None:
        with self.session_factory() as session:
            user = session.get(User, user_id)
            return actor_of(user) if user is not None and user.is_active else None

    def issue_token(self, actor: Actor, name: str, scopes: str | Iterable[str] | None = None,
                    expires_at: datetime | None = None) -> str:
        """Create an API token for the acting user and return the plain token (see create_token)."""
        return self.create_token(actor, name, scopes, expires_at)[1]

    def create_token(self, actor: Actor, name: str, scopes: str | Iterable[str] | None = None,
                     expires_at: datetime | None = None) -> tuple[TokenInfo, str]:
        """Create an API token for the acting user: (what may be shown of it, the plain token). The plain token
        is returned once and never stored. Without `scopes` the token gets every scope the user's roles can
        use; a scope the user can never use, or one the token making this request lacks, is refused."""
        if actor.user_id is None:
            raise Unauthenticated("Please sign in first.", "请先登录。")
        name = (name or "").strip()
        if not name or len(name) > MAX_TOKEN_NAME_LENGTH:
            raise InvalidInput(f"A token needs a name of 1-{MAX_TOKEN_NAME_LENGTH} characters.",
                               f"令牌名称须为 1-{MAX_TOKEN_NAME_LENGTH} 个字符。", field="name")
        usable = usable_scopes(actor)
        wanted = usable if scopes is None else parse_scopes(scopes)
        if not wanted:
            raise InvalidInput("A token needs at least one scope.", "令牌至少需要一个权限范围。", field="scopes")
        beyond_token = sorted(scope.value for scope in wanted if not actor.allows(scope))
        if beyond_token:
            raise InsufficientScope(f"A token may only issue tokens within its own scopes; it lacks "
                                    f"{', '.join(beyond_token)}.",
                                    f"令牌只能签发不超出自身权限范围的令牌；缺少：{'、'.join(beyond_token)}。",
                                    field="scopes")
        unusable = sorted(scope.value for scope in wanted - usable)
        if unusable:
            raise InvalidInput(f"Your roles give no use for the scope(s) {', '.join(unusable)}.",
                               f"您的角色用不到以下权限范围：{'、'.join(unusable)}。", field="scopes")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with transaction(self.session_factory) as session:
            row = ApiToken(user_id=actor.user_id, name=name, prefix=token[:12], token_hash=hash_token(token),
                           scopes=_stored(wanted), expires_at=expires_at)
            session.add(row)
            session.flush()
            record(session, actor, "token.issue", "api_token", row.id, name=name, prefix=row.prefix,
                   scopes=row.scopes)
            return _info(row), token

    def list_tokens(self, actor: Actor) -> list[TokenInfo]:
        """The acting user's own tokens, newest first, revoked and expired ones included."""
        if actor.user_id is None:
            raise Unauthenticated("Please sign in first.", "请先登录。")
        with self.session_factory() as session:
            rows = session.scalars(select(ApiToken).where(ApiToken.user_id == actor.user_id)
                                   .order_by(ApiToken.id.desc()))
            return [_info(row) for row in rows]

    def revoke_token(self, actor: Actor, token_id: int) -> None:
        with transaction(self.session_factory) as session:
            row = session.get(ApiToken, token_id)
            if row is None or (row.user_id != actor.user_id and not actor.is_admin):
                raise NotFound("No such token.", "没有这个令牌。")
            row.revoked_at = row.revoked_at or utcnow()
            record(session, actor, "token.revoke", "api_token", row.id)

    def actor_for_token(self, token: str) -> Actor:
        """The actor a bearer token stands for; revoked, expired or unknown tokens are refused alike."""
        with transaction(self.session_factory) as session:
            row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
            now = utcnow()
            if row is None or row.revoked_at is not None or (row.expires_at and row.expires_at <= now):
                raise Unauthenticated("The API token is not valid.", "API 令牌无效。")
            user = session.get(User, row.user_id)
            if user is None or not user.is_active:
                raise Unauthenticated("The API token is not valid.", "API 令牌无效。")
            row.last_used_at = now
            return actor_of(user, frozenset(row.scopes.split()))

    def count_users(self) -> int:
        with self.session_factory() as session:
            return len(session.scalars(select(User.id)).all())


def _role(value: Role | str) -> Role:
    return parse_choice(Role, value, "role", "角色")


def _required(session: Session, model, code: str | None, option: str, label_zh: str):
    if not code:
        raise InvalidInput(f"This role needs {option}.", f"该角色需要指定{label_zh}（{option}）。")
    row = session.scalar(select(model).where(model.code == code))
    if row is None:
        raise NotFound(f"No {model.__tablename__[:-1]} with code {code!r}.", f"没有代码为 {code!r} 的{label_zh}。")
    return row

