"""Bearer tokens at the door: every request that carries one is checked here, once, against the scope its
endpoint needs. Who may act on what stays with the services; a scope only narrows what a token may attempt.

A route declares its scopes where it is declared (`@bp.access(…, scopes=…)`, catalog_api.routes); one that
declares none needs `read` for GET/HEAD/OPTIONS and `admin` for anything else, so a new write route stays closed
to tokens until it declares its scope. insufficient_scope always means "this user may, this token may not": when
the user's roles give no use for a declared scope (a curator approving), the service answers as it would a
signed-in session (403, 404).
"""
from __future__ import annotations

from typing import Callable

from flask import Flask, Response, current_app, request

from catalog.enums import Scope
from catalog.errors import InsufficientScope, Unauthenticated
from catalog.permissions import Actor
from catalog.services.accounts import SCOPE_ROLES
from catalog.web import current_actor, has_bearer_token
from catalog_api.errors import problem
from catalog_api.routes import declared_scopes, required_scopes


def refused(actor: Actor, view: Callable | None, method: str) -> frozenset[Scope]:
    """The scopes this request needs and its token lacks, or nothing when the token may go on."""
    needed = required_scopes(view, method)
    if not needed or any(actor.allows(scope) for scope in needed):
        return frozenset()
    if declared_scopes(view) is not None and not any(actor.roles & SCOPE_ROLES[scope] for scope in needed):
        return frozenset()
    return needed


def init_app(app: Flask) -> None:
    app.before_request(check_bearer_token)


def check_bearer_token() -> Response | None:
    """401 for an unknown, expired or revoked token; 403 insufficient_scope when it lacks the endpoint's scope.
    Requests without a bearer token pass untouched (sessions and anonymous callers are not scoped)."""
    if not has_bearer_token() or request.endpoint is None:
        return None
    try:
        actor = current_actor()
    except Unauthenticated as error:
        response = problem(error.status, error.code, error.message["en"], error.message)
        response.headers["WWW-Authenticate"] = 'Bearer realm="catalog", error="invalid_token"'
        return response
    needed = refused(actor, current_app.view_functions.get(request.endpoint), request.method)
    if not needed:
        return None
    names = " ".join(sorted(needed))
    shown = " or ".join(sorted(needed))
    response = problem(InsufficientScope.status, InsufficientScope.code, "Insufficient scope",
                       {"en": f"This API token lacks the scope {shown} that {request.method} {request.path} needs.",
                        "zh": f"此 API 令牌缺少 {request.method} {request.path} 所需的权限范围：{shown}。"},
                       required_scopes=sorted(needed))
    response.headers["WWW-Authenticate"] = f'Bearer realm="catalog", error="insufficient_scope", scope="{names}"'
    return response
