"""The OpenAPI 3.1 document of the JSON API, built with apispec and its marshmallow plugin, served at
GET /api/openapi.json (and browsable at /api/docs, a page of search_ui).

Paths and path parameters come from the application's URL map, so a described route cannot drift from its
rule; what each endpoint does comes from catalog_api.openapi_operations, and which token scopes it needs from
catalog_api.scopes. A route under /api/ with no description is left out (and the tests fail)."""
from __future__ import annotations

import copy
import re
from typing import Any, Iterator

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, Flask, current_app, jsonify
from werkzeug.routing import BaseConverter, IntegerConverter, PathConverter, Rule

from catalog.web import services
from catalog_api.api_schemas.common import Problem
from catalog_api.openapi_operations import JSON, OPERATIONS, PATH_PARAMETERS, Access, Answer, Operation
from catalog_api.scopes import required_scopes
from schemas import DOMAINS, describe
from schemas.fields import DeclaredField
from schemas.json_schema import json_schema

bp = Blueprint("api_openapi", __name__, url_prefix="/api")

API_PREFIX = "/api/"
DOCUMENTED_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
VARIABLE = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>")
PROBLEM = "application/problem+json"
EXTENSION_KEY = "catalog_api.openapi"
# Every endpoint may answer these, whatever it does: a bad bearer token, a token without the scope, the rate limit.
ALWAYS = (401, 403, 429)

DESCRIPTION = """\
The JSON API of the public platform of the Hubei natural science & technology resource bank
(湖北省自然科技资源库公共平台): search and read the records of every center, follow submissions through review,
request material and data, and export Darwin Core Archives.

**Authentication.** Read endpoints answer anyone, showing what the public may see. A bearer token
(`Authorization: Bearer cat_…`, issued at `POST /api/tokens`) acts for its user within its scopes
(`read`, `submit`, `review`, `share`, `admin`); a signed-in browser session reads too, but changes need a token.
An unknown, expired or revoked token is `401`; a token without the scope an endpoint needs is `403`
`insufficient_scope`.

**Errors** are RFC 9457 problem documents (`application/problem+json`) with a stable `code` and a `message`
in English and Chinese; `field` names the parameter at fault. A record the caller may not see is `404`.

**Paging.** A search answers `links.next` (and `next_cursor`) while more hits follow: the same search with
`cursor`, to any depth. `offset` reaches the first 10 000 hits.

**Limits.** Every `/api/` request counts against one budget per client address (`X-RateLimit-Limit`,
`-Remaining`, `-Reset`); past it, `429` `rate_limited` with `Retry-After`. Records, centers and schemas answer
any origin (CORS, never with credentials).

Records carry `ETag` and `Last-Modified` and answer `304` to a matching `If-None-Match` or `If-Modified-Since`.
Each record's `payload` holds its domain's fields: the `<Domain>Fields` schemas list them with the standard
term (`x-term-uri`) each maps to.

Outside this API, every record, center, dataset and vocabulary concept has a linked-data URI
(`/resources/<id>`, `/centers/<code>`, `/datasets/<center>/<domain>`, `/vocabularies/<name>/<code>`) that
answers HTML or RDF (Turtle, JSON-LD, RDF/XML, N-Triples) by content negotiation or suffix."""

TAGS = (("records", "Search and read records, their citations and related records."),
        ("centers", "The resource centers and their holdings."),
        ("schemas", "The JSON Schema of each domain's submission rows."),
        ("submissions", "Upload files, follow their validation, and review them (curators and reviewers)."),
        ("exports", "Darwin Core Archives and MCPD files of a center, a dataset or a search."),
        ("sharing", "Request material, data or services: cart, requests and their steps, agreements."),
        ("tokens", "API tokens of the signed-in user."),
        ("documentation", "This document and its browsable form."))

PROBLEMS = {  # status → (component name, description)
    400: ("InvalidInput", "A parameter, field or body member is missing or malformed (`field` names it)."),
    401: ("Unauthenticated", "No valid credentials: an unknown, expired or revoked token, or none where one is "
                             "needed."),
    403: ("Forbidden", "`forbidden`: the caller's roles may not do this; `insufficient_scope`: the token lacks "
                       "the scope (`required_scopes`)."),
    404: ("NotFound", "Nothing the caller may see goes by that name."),
    409: ("InvalidState", "The step does not fit the current state (`invalid_state`), or clashes with what "
                          "exists (`conflict`)."),
    413: ("PayloadTooLarge", "The upload is over CATALOG_MAX_UPLOAD_MB."),
    429: ("RateLimited", "Too many requests from this client address; wait `Retry-After` seconds."),
    503: ("StorageUnavailable", "The file store could not archive the upload; nothing was created."),
}

HEADERS = {
    "ETag": {"description": "From the identifier, the version and whether the view is generalised.",
             "schema": {"type": "string"}},
    "LastModified": {"description": "The version's time (HTTP date).", "schema": {"type": "string"}},
    "CacheControl": {"description": "`no-cache`; `private, no-cache` for a signed-in caller.",
                     "schema": {"type": "string"}},
    "ContentDisposition": {"description": "`attachment` with the file name.", "schema": {"type": "string"}},
    "Location": {"description": "Where to follow the new resource.", "schema": {"type": "string"}},
    "RetryAfter": {"description": "Seconds until the budget allows another request.",
                   "schema": {"type": "integer"}},
    "WWWAuthenticate": {"description": "`Bearer realm=\"catalog\"`, with `error` for a bad or too narrow token.",
                        "schema": {"type": "string"}},
}

HEADER_PARAMETERS = {
    "IfNoneMatch": {"in": "header", "name": "If-None-Match", "schema": {"type": "string"},
                    "description": "An ETag the caller holds: 304 when it is current."},
    "IfModifiedSince": {"in": "header", "name": "If-Modified-Since", "schema": {"type": "string"},
                        "description": "An HTTP date: 304 when the record has not changed since."},
}


@bp.get("/openapi.json")
def document():
    return jsonify(openapi_document(current_app))


def openapi_document(app: Flask) -> dict[str, Any]:
    """The document of this application's API, built once per application."""
    if EXTENSION_KEY not in app.extensions:
        app.extensions[EXTENSION_KEY] = build_document(app, services().settings.base_url)
    return app.extensions[EXTENSION_KEY]


def build_document(app: Flask, base_url: str) -> dict[str, Any]:
    """Every described route under /api/ of `app`, with the components its operations use."""
    plugin = MarshmallowPlugin()
    spec = APISpec(title="Hubei Resource Bank API · 湖北省自然科技资源库 API", version="1", openapi_version="3.1.0",
                   plugins=[plugin], info={"description": DESCRIPTION,
                                           "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
                   servers=[{"url": base_url}], tags=[{"name": name, "description": text} for name, text in TAGS])
    plugin.converter.add_attribute_function(_declared_field_property(base_url))
    _add_components(spec, app)
    for path, operations in _paths(app):
        # apispec resolves schemas in place: give it copies, so the descriptions serve the next application too
        spec.path(path=path, operations=copy.deepcopy(operations))
    described = spec.to_dict()
    # The payload of a record is one domain's fields; which one its `domain` says.
    described["components"]["schemas"]["Record"]["properties"]["payload"]["anyOf"] = [
        {"$ref": f"#/components/schemas/{_fields_component(domain)}"} for domain in DOMAINS]
    return described


def _documented_routes(app: Flask) -> Iterator[tuple[Rule, str]]:
    """Every (rule, method) under /api/ that the document should describe."""
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(API_PREFIX):
            for method in sorted(rule.methods or ()):
                if method in DOCUMENTED_METHODS:
                    yield rule, method


def _openapi_path(rule: Rule) -> str:
    """/api/records/<path:identifier>/citation → /api/records/{identifier}/citation"""
    return VARIABLE.sub(r"{\1}", rule.rule)


# ---------------------------------------------------------------------- paths
def _paths(app: Flask) -> list[tuple[str, dict[str, Any]]]:
    by_path: dict[str, dict[str, Any]] = {}
    for rule, method in _documented_routes(app):
        described = OPERATIONS.get(rule.endpoint)
        if described is not None:
            by_path.setdefault(_openapi_path(rule), {})[method.lower()] = _operation(rule, method, described)
    return sorted(by_path.items())


def _operation(rule: Rule, method: str, described: Operation) -> dict[str, Any]:
    scopes = sorted(required_scopes(rule.endpoint, method))
    who = f"Who may call it: {described.access.value}."
    if scopes:
        who += f" Token scope: {' or '.join(scopes)}."
    operation: dict[str, Any] = {
        "operationId": rule.endpoint.removeprefix("api_"), "summary": described.summary, "tags": [described.tag],
        "description": "\n\n".join(text for text in (described.description, who) if text),
        "parameters": [*_path_parameters(rule), *described.query_parameters,
                       *described.header_parameters],  # component names: apispec makes them references
        "security": _security(described.access, scopes),
        "responses": {str(status): _response(answer) for status, answer in described.answers.items()},
    }
    if described.query is not None:
        operation["parameters"].append({"in": "query", "schema": described.query})
    for status in sorted({*described.problems, *ALWAYS}):
        operation["responses"][str(status)] = {"$ref": f"#/components/responses/{PROBLEMS[status][0]}"}
    if described.body is not None:
        operation["requestBody"] = {"required": described.body.required,
                                    "content": {described.body.media_type: {"schema": described.body.schema}}}
    return operation


def _path_parameters(rule: Rule) -> list[dict[str, Any]]:
    parameters = []
    for name in VARIABLE.findall(rule.rule):
        schema = _converter_schema(rule._converters[name])  # what the route itself accepts
        extra = PATH_PARAMETERS.get(name, {})
        parameter = {"in": "path", "name": name, "required": True, "schema": {**schema, **extra.get("schema", {})}}
        parameter.update({key: value for key, value in extra.items() if key != "schema"})
        parameters.append(parameter)
    return parameters


def _converter_schema(converter: BaseConverter) -> dict[str, Any]:
    if isinstance(converter, IntegerConverter):
        low = converter.min if converter.min is not None or converter.signed else 0
        bounds = {"minimum": low, "maximum": converter.max}
        return {"type": "integer", **{key: value for key, value in bounds.items() if value is not None}}
    if isinstance(converter, PathConverter):  # may hold slashes
        return {"type": "string", "minLength": 1}
    return {"type": "string", "minLength": 1, "pattern": "^[^/]+$"}


def _response(answer: Answer) -> dict[str, Any]:
    response: dict[str, Any] = {"description": answer.description}
    if answer.media is not None:
        response["content"] = answer.media
    elif answer.schema is not None:
        response["content"] = {JSON: {"schema": answer.schema}}
    if answer.headers:
        response["headers"] = {_header_name(name): {"$ref": f"#/components/headers/{name}"}
                               for name in answer.headers}
    if answer.links:
        response["links"] = answer.links
    return response


def _security(access: Access, scopes: list[str]) -> list[dict[str, list[str]]]:
    """Alternatives, as OpenAPI lists them: a token with any one of the scopes (a requirement's scope list would
    demand them all), a session, or nobody."""
    tokens = [{"bearerToken": [scope]} for scope in scopes] or [{"bearerToken": []}]
    session = {"sessionCookie": []}
    return {Access.PUBLIC: [{}, *tokens, session], Access.SIGNED_IN: [*tokens, session], Access.TOKEN: tokens,
            Access.ANONYMOUS_OR_TOKEN: [{}, *tokens]}[access]


def _header_name(component: str) -> str:
    return {"ETag": "ETag", "WWWAuthenticate": "WWW-Authenticate"}.get(
        component, re.sub(r"(?<=[a-z])(?=[A-Z])", "-", component))


# ---------------------------------------------------------------------- components
def _add_components(spec: APISpec, app: Flask) -> None:
    spec.components.security_scheme("bearerToken", {
        "type": "http", "scheme": "bearer", "bearerFormat": "cat_…",
        "description": "An API token from POST /api/tokens. Its scopes (read, submit, review, share, admin) narrow "
                       "what it may attempt; it never does more than its user may."})
    spec.components.security_scheme("sessionCookie", {
        "type": "apiKey", "in": "cookie", "name": app.config.get("SESSION_COOKIE_NAME") or "session",
        "description": "The session of a user signed in at /login: reads only, since the API is exempt from CSRF."})
    spec.components.schema("Problem", schema=Problem)
    for name, header in HEADERS.items():
        spec.components.header(name, copy.deepcopy(header))
    for name, parameter in HEADER_PARAMETERS.items():
        spec.components.parameter(name, parameter["in"], copy.deepcopy({key: value for key, value in parameter.items()
                                                                        if key != "in"}))
    for status, (name, description) in PROBLEMS.items():
        response: dict[str, Any] = {"description": description,
                                    "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        if status == 401:
            response["headers"] = {"WWW-Authenticate": {"$ref": "#/components/headers/WWWAuthenticate"}}
        if status == 429:
            response["headers"] = {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}
        spec.components.response(name, response)
    for domain in DOMAINS:
        description = describe(domain)
        in_columns = [declaration.name for declaration in description.fields if declaration.core]
        spec.components.schema(_fields_component(domain),
                               schema=description.schema(exclude=in_columns, partial=True))


def _fields_component(domain: str) -> str:
    return "".join(part.title() for part in domain.split("_")) + "Fields"


def _declared_field_property(base_url: str):
    """An attribute function for the marshmallow plugin: a declared domain field (schemas.fields.DeclaredField)
    as the domain's JSON Schema at /api/schemas/<domain>.json describes it (type, term IRI, vocabulary, labels)."""
    properties = {domain: json_schema(domain, base_url)["properties"] for domain in DOMAINS}
    domains = {describe(domain).schema: domain for domain in DOMAINS}

    def declared_field_property(converter, field, **kwargs) -> dict[str, Any]:
        if not isinstance(field, DeclaredField):
            return {}
        return dict(properties[domains[type(field.parent)]][field.name])
    return declared_field_property
