"""/api/tokens: a signed-in user (or one of their tokens) issues, lists and revokes their own API tokens.

The blueprint is exempt from CSRF like the rest of the API. A browser session may still issue a token, so POST
insists on an application/json body: another site cannot send one without a CORS preflight, which this API
never grants on /api/tokens, and DELETE always needs that preflight.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Response, request

from catalog.errors import InvalidInput, Unauthenticated
from catalog.services.accounts import TokenInfo
from catalog.web import current_actor, services
from catalog_api.api_schemas import accounts as schemas
from catalog_api.routes import ANY_SCOPE, Access, ApiBlueprint

bp = ApiBlueprint("api_tokens", __name__, url_prefix="/api/tokens", tag="tokens")


@bp.before_request
def _require_caller():
    if not current_actor().is_authenticated:
        raise Unauthenticated("Sign in, or authenticate with an API token (Authorization: Bearer <token>).",
                              "请先登录，或使用 API 令牌认证（Authorization: Bearer <令牌>）。")
    if request.method == "POST" and request.mimetype != "application/json":
        raise InvalidInput("Send the token request as application/json.", "请以 application/json 格式发送令牌请求。",
                           field="body")


@bp.after_request
def _challenge(response: Response) -> Response:
    if response.status_code == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="catalog"')
    return response


# Managing one's own tokens needs any token: the service keeps a token from issuing scopes beyond its own.
@bp.post("")
@bp.access(Access.SIGNED_IN, scopes=ANY_SCOPE, problems=(400,))
@bp.arguments(schemas.TokenRequest)
@bp.response(201, schemas.IssuedToken, description="The token, with its secret shown this once.")
def issue(body: dict[str, Any]):
    """Issue a token

    application/json only, so another site cannot make a signed-in browser issue one.
    """
    info, secret = services().accounts.create_token(current_actor(), body["name"], body["scopes"],
                                                    body.get("expires_at"))
    # The secret is shown once and must not be kept by caches.
    return as_document(info) | {"token": secret}, {"Cache-Control": "no-store"}


@bp.get("")
@bp.access(Access.SIGNED_IN, scopes=ANY_SCOPE)
@bp.response(200, schemas.TokenList, description="The caller's own tokens, never a secret.")
def index():
    """My tokens"""
    return {"items": [as_document(info) for info in services().accounts.list_tokens(current_actor())]}


@bp.delete("/<int:token_id>")
@bp.access(Access.SIGNED_IN, scopes=ANY_SCOPE, problems=(404,))
@bp.response(204, description="Done; no content.")
def revoke(token_id: int):
    """Revoke a token

    One's own, or any with an administrator's token that has the admin scope.
    """
    services().accounts.revoke_token(current_actor(), token_id)
    return Response(status=204)


def as_document(info: TokenInfo) -> dict[str, Any]:
    def moment(value: datetime | None) -> str | None:
        return value.isoformat() if value else None
    return {"id": info.id, "name": info.name, "prefix": info.prefix, "scopes": list(info.scopes),
            "state": info.state, "created_at": moment(info.created_at), "expires_at": moment(info.expires_at),
            "last_used_at": moment(info.last_used_at), "revoked_at": moment(info.revoked_at)}
