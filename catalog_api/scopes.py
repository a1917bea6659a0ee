"""Bearer tokens at the door: every request that carries one is checked here, once, against the scope its
endpoint needs. Who may act on what stays with the services; a scope only narrows what a token may attempt.

insufficient_scope always means "this user may, this token may not": when the user's roles give no use for a
listed endpoint's scope (a curator approving), the service answers as it would a signed-in session (403, 404).
An endpoint not listed in REQUIRED needs `read` for GET/HEAD/OPTIONS and `admin` for anything else, so a new
write endpoint stays closed to tokens until it declares its scope here.
"""
from __future__ import annotations

from flask import Flask, Response, request

from catalog.enums import Scope
from catalog.errors import InsufficientScope, Unauthenticated
from catalog.permissions import Actor
from catalog.services.accounts import SCOPE_ROLES
from catalog.web import current_actor, has_bearer_token
from catalog_api.errors import problem

ANY_SCOPE: frozenset[Scope] = frozenset()
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# endpoint → the scopes of which a token needs one (ANY_SCOPE: any valid token)
REQUIRED: dict[str, frozenset[Scope]] = {
    "api_submissions.upload": frozenset({Scope.SUBMIT}),
    "api_submissions.submit": frozenset({Scope.SUBMIT}),
    "api_submissions.withdraw": frozenset({Scope.SUBMIT}),
    "api_submissions.approve": frozenset({Scope.REVIEW}),
    "api_submissions.reject": frozenset({Scope.REVIEW}),
    "api_submissions.index": frozenset({Scope.SUBMIT, Scope.REVIEW}),
    "api_submissions.show": frozenset({Scope.SUBMIT, Scope.REVIEW}),
    "api_submissions.report_json": frozenset({Scope.SUBMIT, Scope.REVIEW}),
    "api_submissions.report_csv": frozenset({Scope.SUBMIT, Scope.REVIEW}),
    # Managing one's own tokens: the service keeps a token from issuing scopes beyond its own.
    "api_tokens.issue": ANY_SCOPE,
    "api_tokens.index": ANY_SCOPE,
    "api_tokens.revoke": ANY_SCOPE,
    # Sharing requests need `share`; SharingService decides who may take which step (requester, the center's
    # curators, admins).
    "api_sharing.add_to_cart": frozenset({Scope.SHARE}),
    "api_sharing.remove_from_cart": frozenset({Scope.SHARE}),
    "api_sharing.clear_cart": frozenset({Scope.SHARE}),
    "api_sharing.checkout": frozenset({Scope.SHARE}),
    "api_sharing.update_request": frozenset({Scope.SHARE}),
    "api_sharing.act": frozenset({Scope.SHARE}),
    "api_sharing.post_message": frozenset({Scope.SHARE}),
    "api_sharing.upload_document": frozenset({Scope.SHARE}),
    "api_sharing.report_output": frozenset({Scope.SHARE}),
    "api_sharing.mark_read": frozenset({Scope.SHARE}),
    "api_sharing.publish_agreement": frozenset({Scope.SUBMIT, Scope.ADMIN}),
    # Asking for an export only reads: the file holds what the token's user may see.
    "api_exports.create": frozenset({Scope.READ}),
}


def required_scopes(endpoint: str, method: str) -> frozenset[Scope]:
    if endpoint in REQUIRED:
        return REQUIRED[endpoint]
    return frozenset({Scope.READ}) if method in SAFE_METHODS else frozenset({Scope.ADMIN})


def refused(actor: Actor, endpoint: str, method: str) -> frozenset[Scope]:
    """The scopes this request needs and its token lacks, or nothing when the token may go on."""
    needed = required_scopes(endpoint, method)
    if not needed or any(actor.allows(scope) for scope in needed):
        return frozenset()
    if endpoint in REQUIRED and not any(actor.roles & SCOPE_ROLES[scope] for scope in needed):
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
    needed = refused(actor, request.endpoint, request.method)
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
