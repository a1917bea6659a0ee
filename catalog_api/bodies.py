"""The JSON object of a request, as every API view reads it: an empty body is an empty object, and members
outside those a route accepts are refused by name, so a misspelt option fails loudly."""
from __future__ import annotations

import json
from typing import Any

from flask import request

from catalog.errors import InvalidInput


def json_body(*allowed: str | None, example: str | None = None) -> dict[str, Any]:
    """The request's JSON object; pass None among `allowed` to leave the members to the service."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError as error:
        raise InvalidInput(f"The request body is not valid JSON: {error}.", f"请求体不是有效的 JSON：{error}。",
                           field="body") from None
    if not isinstance(body, dict):
        shown_en, shown_zh = (f" such as {example}", f"，如 {example}") if example else ("", "")
        raise InvalidInput(f"The request body must be a JSON object{shown_en}.", f"请求体须为 JSON 对象{shown_zh}。",
                           field="body")
    if None not in allowed:
        unknown = sorted(set(body) - set(allowed))
        if unknown:
            accepted = ", ".join(name for name in allowed if name) or "none"
            raise InvalidInput(f"Unknown member(s): {', '.join(unknown)}; accepted: {accepted}.",
                               f"未知字段：{'、'.join(unknown)}；可用字段：{accepted}。", field=unknown[0])
    return body
