"""Users, their role grants, sign-in, and hashed API tokens."""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.security import check_password_hash, generate_password_hash

from catalog.db import transaction
from catalog.enums import Role
from catalog.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from catalog.models import ApiToken, Center, Department, RoleGrant, User, utcnow
from catalog.permissions import Actor, Grant, require_admin
from catalog.services.audit import record

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
TOKEN_PREFIX = "cat_"
MIN_PASSWORD_LENGTH = 8


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def actor_of(user: User) -> Actor:
    grants = frozenset(Grant(g.role, g.center_id, g.department_id) for g in user.grants)
    return Actor(user_id=user.id, username=user.username, grants=grants)


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

    def issue_token(self, actor: Actor, name: str, scopes: str = "",
                    expires_at: datetime | None = None) -> str:
        """Create an API token for the acting user; the plain token is returned once and never stored."""
        if actor.user_id is None:
            raise Unauthenticated("Please sign in first.", "请先登录。")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with transaction(self.session_factory) as session:
            row = ApiToken(user_id=actor.user_id, name=name, prefix=token[:12], token_hash=hash_token(token),
                           scopes=scopes, expires_at=expires_at)
            session.add(row)
            session.flush()
            record(session, actor, "token.issue", "api_token", row.id, name=name, prefix=row.prefix)
        return token

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
            if row is None or row.revoked_at is not None or (row.expires_at and _aware(row.expires_at) <= now):
                raise Unauthenticated("The API token is not valid.", "API 令牌无效。")
            user = session.get(User, row.user_id)
            if user is None or not user.is_active:
                raise Unauthenticated("The API token is not valid.", "API 令牌无效。")
            row.last_used_at = now
            return actor_of(user)

    def count_users(self) -> int:
        with self.session_factory() as session:
            return len(session.scalars(select(User.id)).all())


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput(f"Unknown role {value!r}; choose one of {choices}.",
                           f"未知角色 {value!r}；可选：{choices}。") from None


def _required(session: Session, model, code: str | None, option: str, label_zh: str):
    if not code:
        raise InvalidInput(f"This role needs {option}.", f"该角色需要指定{label_zh}（{option}）。")
    row = session.scalar(select(model).where(model.code == code))
    if row is None:
        raise NotFound(f"No {model.__tablename__[:-1]} with code {code!r}.", f"没有代码为 {code!r} 的{label_zh}。")
    return row


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
