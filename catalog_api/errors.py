"""CatalogError → RFC 9457 problem details with a stable code and zh/en messages."""
from __future__ import annotations

from flask import Blueprint, Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from catalog.errors import CatalogError

PROBLEM_TYPE = "application/problem+json"


def problem(status: int, code: str, title: str, message: dict[str, str], **extra):
    body = {"type": "about:blank", "title": title, "status": status, "code": code, "message": message, **extra}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_TYPE
    return response


def register_problem_handlers(blueprint: Blueprint) -> None:
    @blueprint.errorhandler(CatalogError)
    def _catalog_error(error: CatalogError):
        return problem(error.status, error.code, error.message["en"], error.message, **error.detail)

    @blueprint.errorhandler(ValueError)
    def _bad_value(error: ValueError):
        return problem(400, "invalid_input", str(error), {"en": str(error), "zh": f"请求参数无效：{error}"})

    @blueprint.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if error.response is not None:  # already a problem document, e.g. the 429 of catalog_api.limits
            return error.response
        return problem(error.code or 500, (error.name or "error").lower().replace(" ", "_"), error.name,
                       {"en": error.description or error.name, "zh": error.description or error.name})


def register_routing_problems(app: Flask) -> None:
    """An unknown URL or method under /api/ is a problem document too, not the HTML error page."""
    def routing_problem(error: HTTPException):
        if not request.path.startswith("/api/"):
            return error
        zh = {404: "没有这个接口地址。", 405: "该接口不支持这个 HTTP 方法。"}[error.code]
        return problem(error.code, (error.name or "error").lower().replace(" ", "_"), error.name,
                       {"en": error.description or error.name, "zh": zh})

    app.register_error_handler(404, routing_problem)
    app.register_error_handler(405, routing_problem)
