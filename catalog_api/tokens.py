"""/api/tokens: a signed-in user (or one of their tokens) issues, lists and revokes their own API tokens.

The blueprint is exempt from CSRF like the rest of the API. A browser session may still issue a token, so POST
insists on an application/json body: another site cannot send one without a CORS preflight, which this API
never grants on /api/tokens, and DELETE always needs that preflight.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from flask import Blueprint, Response, jsonify, request

from catalog.errors import InvalidInput, Unauthenticated
from catalog.services.accounts import TokenInfo
from catalog.web import current_actor, services

bp = Blueprint("api_tokens", __name__, url_prefix="/api/tokens")

FIELDS = ("name", "scopes", "expires_at")


@bp.before_request
def _require_caller():
    if not current_actor().is_authenticated:
        raise Unauthenticated("Sign in, or authenticate with an API token (Authorization: Bearer <token>).",
                              "请先登录，或使用 API 令牌认证（Authorization: Bearer <令牌>）。")


@bp.after_request
def _challenge(response: Response) -> Response:
    if response.status_code == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="catalog"')
    return response


@bp.post("")
def issue():
    body = _json_object()
    scopes = body.get("scopes")
    if not isinstance(scopes, list) or not all(isinstance(scope, str) for scope in scopes):
        raise InvalidInput('scopes must be a list of scope names, e.g. ["read", "submit"].',
                           'scopes 须为权限范围名称的列表，例如 ["read", "submit"]。', field="scopes")
    name = body.get("name")
    if not isinstance(name, str):
        raise InvalidInput("name (a string naming the token) is required.", "缺少 name（令牌名称，字符串）。",
                           field="name")
    info, secret = services().accounts.create_token(current_actor(), name, scopes, _expiry(body.get("expires_at")))
    response = jsonify(as_document(info) | {"token": secret})
    response.status_code = 201
    response.headers["Cache-Control"] = "no-store"  # the secret is shown once and must not be kept by caches
    return response


@bp.get("")
def index():
    return jsonify({"items": [as_document(info) for info in services().accounts.list_tokens(current_actor())]})


@bp.delete("/<int:token_id>")
def revoke(token_id: int):
    services().accounts.revoke_token(current_actor(), token_id)
    return Response(status=204)


def as_document(info: TokenInfo) -> dict[str, Any]:
    def moment(value: datetime | None) -> str | None:
        return value.isoformat() if value else None
    return {"id": info.id, "name": info.name, "prefix": info.prefix, "scopes": list(info.scopes),
            "state": info.state, "created_at": moment(info.created_at), "expires_at": moment(info.expires_at),
            "last_used_at": moment(info.last_used_at), "revoked_at": moment(info.revoked_at)}


def _json_object() -> dict[str, Any]:
    if request.mimetype != "application/json":
        raise InvalidInput("Send the token request as application/json.", "请以 application/json 格式发送令牌请求。",
                           field="body")
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except ValueError as error:
        raise InvalidInput(f"The request body is not valid JSON: {error}.", f"请求体不是有效的 JSON：{error}。",
                           field="body") from None
    if not isinstance(body, dict):
        raise InvalidInput("The request body must be a JSON object.", "请求体须为 JSON 对象。", field="body")
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise InvalidInput(f"Unknown member(s): {', '.join(unknown)}; accepted: {', '.join(FIELDS)}.",
                           f"未知字段：{'、'.join(unknown)}；可用字段：{', '.join(FIELDS)}。", field=unknown[0])
    return body


def _expiry(value: Any) -> datetime | None:
    """An ISO 8601 date or date-time; without a zone it is taken as UTC, a bare date as its start."""
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        moment = datetime.fromisoformat(value)
        moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
    except ValueError:
        raise InvalidInput(f"expires_at {value!r} is not an ISO 8601 date or date-time (e.g. 2027-01-31T00:00:00Z).",
                           f"expires_at {value!r} 不是 ISO 8601 日期或时间（例如 2027-01-31T00:00:00Z）。",
                           field="expires_at") from None
    if moment <= datetime.now(timezone.utc):
        raise InvalidInput(f"expires_at {value!r} is not in the future.", f"expires_at {value!r} 须晚于当前时间。",
                           field="expires_at")
    return moment

