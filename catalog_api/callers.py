"""Who may call an API blueprint at all: a known caller before any lookup, and a bearer token for changes."""
from __future__ import annotations

from typing import Collection

from flask import Blueprint, Response, request

from catalog.errors import Unauthenticated
from catalog.web import current_actor, has_bearer_token


def require_caller(blueprint: Blueprint, public_endpoints: Collection[str] = ()) -> None:
    """401 before any lookup, so an anonymous caller never learns whether something exists. Changes need a
    bearer token: these blueprints are exempt from CSRF, so a browser's session cookie must not be enough."""

    @blueprint.before_request
    def _require_caller() -> None:
        if request.endpoint in public_endpoints:
            return
        if not current_actor().is_authenticated:
            raise Unauthenticated("Please sign in or authenticate with an API token (Authorization: Bearer <token>).",
                                  "请登录或使用 API 令牌认证（Authorization: Bearer <令牌>）。")
        if request.method not in ("GET", "HEAD", "OPTIONS") and not has_bearer_token():
            raise Unauthenticated("Changes through the API need an API token (Authorization: Bearer <token>).",
                                  "通过 API 修改须使用 API 令牌（Authorization: Bearer <令牌>）。")

    @blueprint.after_request
    def _challenge(response: Response) -> Response:
        if response.status_code == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="catalog"'
        return response
