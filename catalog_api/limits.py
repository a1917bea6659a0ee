"""Rate limits of the JSON API (Flask-Limiter): one budget per client address shared by every /api/ route,
CATALOG_RATE_LIMIT long (default 600/minute); past it, 429 as a problem document with Retry-After.

The counts live in Redis when CATALOG_BROKER_URL is a redis:// or rediss:// URL, so every web process shares
them; otherwise (the embedded defaults, or an AMQP broker) in the memory of each web process. When Redis is
unreachable requests are served unlimited rather than refused.
"""
from __future__ import annotations

import time

from flask import Flask, Response, request
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address

from catalog.config import Settings
from catalog_api.errors import problem

API_PREFIX = "/api/"
UNITS_ZH = {"second": "秒", "minute": "分钟", "hour": "小时", "day": "天", "month": "月", "year": "年"}


def storage_uri(settings: Settings) -> str:
    broker = settings.broker_url or ""
    return broker if broker.startswith(("redis://", "rediss://")) else "memory://"


def init_app(app: Flask) -> Limiter | None:
    settings: Settings = app.extensions["catalog"].settings
    if settings.rate_limit is None:
        return None
    # Flask runs after-request functions last-registered first: registered before the limiter's, this one
    # sees the headers the limiter adds.
    app.after_request(_retry_after_only_when_limited)
    limiter = Limiter(get_remote_address, app=app, application_limits=[settings.rate_limit],
                      storage_uri=storage_uri(settings), key_prefix="catalog", headers_enabled=True,
                      swallow_errors=True, on_breach=too_many_requests)
    # Pages, static files and /healthz are not limited; a CORS preflight is not a request of its own.
    limiter.request_filter(lambda: not request.path.startswith(API_PREFIX) or request.method == "OPTIONS")
    return limiter


def _retry_after_only_when_limited(response: Response) -> Response:
    """Flask-Limiter sends Retry-After with every answer; it means something only on a 429."""
    if response.status_code != 429:
        response.headers.pop("Retry-After", None)
    return response


def too_many_requests(breached: RequestLimit) -> Response:
    rate = breached.limit
    unit = rate.GRANULARITY.name
    retry_after = max(1, int(breached.reset_at - time.time()))
    en_rate = f"{rate.amount} per {rate.multiples} {unit}" if rate.multiples > 1 else f"{rate.amount} per {unit}"
    zh_unit = UNITS_ZH.get(unit, unit)
    zh_rate = f"每 {rate.multiples} {zh_unit} {rate.amount} 次" if rate.multiples > 1 else f"每{zh_unit} {rate.amount} 次"
    response = problem(429, "rate_limited", "Too many requests",
                       {"en": f"Too many requests from this client: the API allows {en_rate}. "
                              f"Try again in {retry_after} s.",
                        "zh": f"此客户端请求过于频繁：API 限{zh_rate}。请在 {retry_after} 秒后重试。"},
                       retry_after=retry_after)
    response.headers["Retry-After"] = str(retry_after)
    return response
