"""How a JSON API route is declared, once: a flask-smorest blueprint whose decorators load the request with a
marshmallow schema (`@bp.arguments`), shape the answer with one (`@bp.response`) and say who may call it and with
which token scope (`@bp.access`). catalog_api.scopes checks the scope and catalog_api.openapi describes the route
from these same declarations."""
from __future__ import annotations

import re
from copy import deepcopy
from enum import Enum
from typing import Any, Callable, Collection, Iterable, Mapping

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError, fields
from webargs import core
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import CombinedMultiDict, MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.enums import Scope
from catalog.errors import InvalidInput, PayloadTooLarge

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ANY_SCOPE: frozenset[Scope] = frozenset()  # any valid token
ALWAYS = (401, 403, 429)  # any route may answer these: a bad token, a token without the scope, the rate limit
PROBLEM_RESPONSES = {400: "InvalidInput", 401: "Unauthenticated", 403: "Forbidden", 404: "NotFound",
                     409: "InvalidState", 413: "PayloadTooLarge", 429: "RateLimited", 503: "StorageUnavailable"}


class Access(Enum):
    """Who may call a route; the OpenAPI document turns it into security requirements."""
    PUBLIC = "anyone; a bearer token or a session shows what its user may see"
    SIGNED_IN = "a signed-in session or a bearer token"
    TOKEN = "a bearer token (a session cookie is not enough: the API is exempt from CSRF)"
    ANONYMOUS_OR_TOKEN = "anyone, acting anonymously, or a bearer token acting for its user; a session is ignored"


def required_scopes(view: Callable | None, method: str) -> frozenset[Scope]:
    """The scopes of which a token needs one: those the route declares, else `read` to read and `admin` to change,
    so a new write route stays closed to tokens until it declares its scope."""
    declared = declared_scopes(view)
    if declared is not None:
        return declared
    return frozenset({Scope.READ}) if method in SAFE_METHODS else frozenset({Scope.ADMIN})


def declared_scopes(view: Callable | None) -> frozenset[Scope] | None:
    return getattr(view, "required_scopes", None)


# ---------------------------------------------------------------------- invalid input
ZH_MESSAGES: tuple[tuple[str, str], ...] = (  # marshmallow's messages (regular expressions) → Chinese
    (r"Missing data for required field\.", "缺少必填字段。"),
    (r"Field may not be null\.", "不能为 null。"),
    (r"Not a valid string\.", "须为字符串。"),
    (r"Not a valid integer\.", "须为整数。"),
    (r"Not a valid number\.", "须为数字。"),
    (r"Not a valid boolean\.", "须为 true 或 false。"),
    (r"Not a valid list\.", "须为列表。"),
    (r"(Not a valid mapping type|Invalid input type|Invalid type)\.", "须为 JSON 对象。"),
    (r"Must be one of: (.*)\.", r"须为以下之一：\1。"),
    (r"Must be greater than or equal to (\S+) and less than or equal to (\S+)\.", r"须在 \1 到 \2 之间。"),
    (r"Must be greater than or equal to (\S+)\.", r"须大于或等于 \1。"),
    (r"Must be less than or equal to (\S+)\.", r"须小于或等于 \1。"),
    (r"Shorter than minimum length (\d+)\.", r"长度不得少于 \1。"),
    (r"Longer than maximum length (\d+)\.", r"长度不得超过 \1。"),
    (r"Length must be between (\d+) and (\d+)\.", r"长度须在 \1 到 \2 之间。"),
    (r"String does not match expected pattern\.", "格式不符合要求。"),
    (r"Must not be blank\.", "不能为空。"),
    (r"Not a center code \(capitals and digits\)\.", "不是资源库代码（大写字母和数字）。"),
    (r"(.*) is not an ISO 8601 date or date-time \(e\.g\. (.*)\)\.", r"\1 不是 ISO 8601 日期或时间（例如 \2）。"),
    (r"(.*) is not in the future\.", r"\1 须晚于当前时间。"),
)


def invalid_input(location: str, errors: Mapping[str, Any], schema: Schema) -> InvalidInput:
    """marshmallow's errors as one problem: unknown members first, all named, else the first failing field."""
    unknown = sorted(name for name, problem in errors.items() if problem == ["Unknown field."])
    if unknown:
        accepted = ", ".join(field.data_key or name for name, field in schema.fields.items()) or "none"
        noun = "member" if location == "json" else "field"
        return InvalidInput(f"Unknown {noun}(s): {', '.join(unknown)}; accepted: {accepted}.",
                            f"未知字段：{'、'.join(unknown)}；可用字段：{accepted}。", field=unknown[0])
    name, problem = next(iter(errors.items()))
    if name == "_schema":  # the whole body: not an object
        return InvalidInput("The request body must be a JSON object.", "请求体须为 JSON 对象。", field="body")
    path = name
    while isinstance(problem, Mapping):  # a member of a list or of an object
        key, problem = next(iter(problem.items()))
        path += f"[{key}]" if isinstance(key, int) else f".{key}"
    text = problem[0] if isinstance(problem, list) else str(problem)
    return InvalidInput(f"{path}: {text}", f"{path}：{_zh(text)}", field=name)


def _zh(text: str) -> str:
    for pattern, chinese in ZH_MESSAGES:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, chinese, text)
    return f"无效：{text}"


class RequestParser(FlaskParser):
    """webargs' parser, answering invalid input as the API's 400 invalid_input problem. A JSON body is read
    whatever its Content-Type, an empty one is an empty object; `multipart` reads a form with its files."""

    DEFAULT_VALIDATION_STATUS = 400
    __location_map__ = {**FlaskParser.__location_map__, "multipart": "load_multipart"}

    def load_querystring(self, req, schema: Schema) -> Any:
        """An empty parameter (`?size=`) is an absent one."""
        return self._makeproxy(MultiDict([item for item in req.args.items(multi=True) if item[1]]), schema)

    def _raw_load_json(self, req) -> Any:
        data = req.get_data(cache=True)
        return core.parse_json(data) if data.strip() else core.missing

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        raise InvalidInput(f"The request body is not valid JSON: {error}.", f"请求体不是有效的 JSON：{error}。",
                           field="body") from None

    def load_multipart(self, req, schema: Schema) -> Any:
        names = ", ".join(schema.fields)
        if req.mimetype != "multipart/form-data":
            raise InvalidInput(f"Send this request as multipart/form-data with the fields {names}.",
                               f"请以 multipart/form-data 格式发送，字段为 {names}。", field=next(iter(schema.fields)))
        try:  # a blank field is an absent one
            sent = CombinedMultiDict([req.files, MultiDict([item for item in req.form.items(multi=True)
                                                            if item[1].strip()])])
        except RequestEntityTooLarge:
            raise PayloadTooLarge.over(current_app.config.get("MAX_CONTENT_LENGTH")) from None
        for name in sent:
            if len(sent.getlist(name)) > 1 and not isinstance(schema.fields.get(name), fields.List):
                raise InvalidInput(f"Send one {name} per request.", f"每次请求只能发送一个 {name}。", field=name)
        return self._makeproxy(sent, schema)

    def handle_error(self, error: ValidationError, req, schema: Schema, *, error_status_code, error_headers):
        ((location, errors),) = error.messages.items()
        raise invalid_input(location, errors if isinstance(errors, Mapping) else {"_schema": errors}, schema)


# ---------------------------------------------------------------------- the blueprint
class ApiBlueprint(Blueprint):
    """A flask-smorest blueprint whose routes all say who may call them (`access`) and what they answer
    (`response`): a route without either is refused when it is declared, so none goes undocumented."""

    ARGUMENTS_PARSER = RequestParser()
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING = {**Blueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
                                             "multipart": "multipart/form-data"}

    def __init__(self, *args, tag: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag
        self._prepare_doc_cbks.append(self._prepare_access_doc)

    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None, **options):
        declared = getattr(view_func, "_apidoc", {})
        if "access" not in declared or "response" not in declared:
            raise TypeError(f"{self.name}.{endpoint or view_func.__name__} ({rule}) must declare @access and "
                            "@response, so that the OpenAPI document describes it")
        super().add_url_rule(rule, endpoint, view_func, provide_automatic_options, **options)

    def access(self, who: Access, *, scopes: Collection[Scope] | None = None, problems: Iterable[int] = ()):
        """Who may call the route, the token scopes of which it needs one (by default read to read, admin to
        change) and the problems it may answer besides those of ALWAYS. Goes right under the route."""
        def decorator(view: Callable) -> Callable:
            if scopes is not None:
                view.required_scopes = frozenset(scopes)
            view._apidoc = deepcopy(getattr(view, "_apidoc", {}))
            view._apidoc["access"] = {"who": who, "scopes": scopes, "problems": tuple(problems)}
            manual = view._apidoc.setdefault("manual_doc", {})
            manual.update(operationId=f"{self.name.removeprefix('api_')}.{view.__name__}", tags=[self.tag])
            return view
        return decorator

    @staticmethod
    def _prepare_access_doc(doc: dict, doc_info: dict, *, method: str, **kwargs) -> dict:
        declared = doc_info["access"]
        scopes = sorted(declared["scopes"] if declared["scopes"] is not None
                        else required_scopes(None, method.upper()))
        who = f"Who may call it: {declared['who'].value}."
        if scopes:
            who += f" Token scope: {' or '.join(scopes)}."
        docstring = doc_info["docstring"]
        docstring["description"] = "\n\n".join(text for text in (docstring.get("description"), who) if text)
        doc["security"] = security(declared["who"], scopes)
        responses = doc.setdefault("responses", {})
        for status in [status for status, answer in responses.items() if isinstance(answer, str)]:
            del responses[status]  # flask-smorest's own error answers: ours are the problem documents
        problems = {*declared["problems"], *ALWAYS, *((400,) if "arguments" in doc_info else ())}
        for status in sorted(problems):
            responses[status] = PROBLEM_RESPONSES[status]
        return doc


def security(access: Access, scopes: list[str]) -> list[dict[str, list[str]]]:
    """Alternatives, as OpenAPI lists them: a token with any one of the scopes (a requirement's scope list would
    demand them all), a session, or nobody."""
    tokens = [{"bearerToken": [scope]} for scope in scopes] or [{"bearerToken": []}]
    session = {"sessionCookie": []}
    return {Access.PUBLIC: [{}, *tokens, session], Access.SIGNED_IN: [*tokens, session], Access.TOKEN: tokens,
            Access.ANONYMOUS_OR_TOKEN: [{}, *tokens]}[access]
