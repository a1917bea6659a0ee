"""The OpenAPI 3.1 document of the JSON API, served at GET /api/openapi.json (and browsable at /api/docs, a page
of search_ui).

flask-smorest's Api builds it (apispec and its marshmallow plugin underneath) from the routes' own declarations
(catalog_api.routes): the request and answer schemas, who may call each route and its token scope. Paths and
path parameters come from the URL map, so a described route cannot drift from its rule. This module adds what
the whole document shares: its introduction, tags, security schemes, problem answers, headers, and the fields of
each domain."""
from __future__ import annotations

import copy
import re
from typing import Any

from apispec import APISpec
from flask import Flask, current_app, jsonify
from flask_smorest import Api
from flask_smorest.spec.plugins import FlaskPlugin
from werkzeug.routing import BaseConverter, IntegerConverter, PathConverter, Rule

from catalog.sharing.enums import RequestAction
from catalog_api.api_schemas.common import DOMAINS as DOMAIN_CODES, Problem
from catalog_api.routes import ALWAYS, PROBLEM_RESPONSES, Access, ApiBlueprint, required_scopes, security
from schemas import DOMAINS, describe
from schemas.fields import DeclaredField
from schemas.json_schema import json_schema

bp = ApiBlueprint("api_openapi", __name__, url_prefix="/api", tag="documentation")

VARIABLE = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>")
PROBLEM = "application/problem+json"
EXTENSION_KEY = "catalog_api.openapi"

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

PROBLEMS = {  # status → description of its problem answer (named in catalog_api.routes.PROBLEM_RESPONSES)
    400: "A parameter, field or body member is missing or malformed (`field` names it).",
    401: "No valid credentials: an unknown, expired or revoked token, or none where one is needed.",
    403: "`forbidden`: the caller's roles may not do this; `insufficient_scope`: the token lacks the scope "
         "(`required_scopes`).",
    404: "Nothing the caller may see goes by that name.",
    409: "The step does not fit the current state (`invalid_state`), or clashes with what exists (`conflict`).",
    413: "The upload is over CATALOG_MAX_UPLOAD_MB.",
    429: "Too many requests from this client address; wait `Retry-After` seconds.",
    503: "The file store could not archive the upload; nothing was created.",
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


# Path parameters by name, wherever they appear (the URL map gives their converter; this adds meaning).
PATH_PARAMETERS: dict[str, dict[str, Any]] = {
    "identifier": {"description": "A record's identifier, `<center>-<domain>-<local id>`.",
                   "examples": {"germplasm": {"value": "HBAASPG-plant_germplasm-ACC00042"}}},
    "code": {"description": "A center's code (capitals and digits).", "schema": {"pattern": "^[A-Z0-9]{2,32}$"}},
    "domain": {"description": "A resource domain.", "schema": {"enum": DOMAIN_CODES}},
    "submission_id": {"description": "A submission's id."},
    "token_id": {"description": "A token's id (`id` in GET /api/tokens)."},
    "export_id": {"description": "An export's id."},
    "request_id": {"description": "A sharing request's id."},
    "document_id": {"description": "A document's id."},
    "notification_id": {"description": "A notification's id."},
    "action": {"description": "The step to take; `actions` of the request says which this caller may take now.",
               "schema": {"enum": [action.value for action in RequestAction]}},
}


@bp.get("/openapi.json")
@bp.access(Access.PUBLIC)
@bp.response(200, {"type": "object"}, description="OpenAPI 3.1.")
def document():
    """This OpenAPI document"""
    return jsonify(openapi_document(current_app))


class CatalogApi(Api):
    """flask-smorest's Api, describing the routes and nothing else: errors stay the API's problem documents
    (catalog_api.errors and their components here), the document is served by this module, and TAGS names the
    tags."""

    DEFAULT_ERROR_RESPONSE_NAME = None

    def __init__(self, *args, **kwargs) -> None:
        self._undescribed: list[ApiBlueprint] = []
        super().__init__(*args, **kwargs)

    def _register_error_handlers(self) -> None:
        pass

    def _register_responses(self) -> None:
        pass

    def _register_pagination_header(self) -> None:
        pass

    def register_blueprint(self, blp: ApiBlueprint, **options) -> None:
        """As flask-smorest's, without adding a tag named after the blueprint, and describing its routes only
        when the document is first asked for: an application that never serves it does not pay for it."""
        self._app.extensions["flask-smorest"]["blp_name_to_api"][blp.name] = self
        self._app.register_blueprint(blp, **options)
        self._undescribed.append(blp)

    def describe(self) -> APISpec:
        """The spec with every registered route and the components operations use."""
        if self._undescribed:
            base_url = self._app.extensions["catalog"].settings.base_url
            self.ma_plugin.converter.add_attribute_function(_declared_field_property(base_url))
            _add_components(self.spec, self._app)
            for blp in self._undescribed:
                blp.register_views_in_doc(self, self._app, self.spec, name=blp.name, parameters=None)
            self._undescribed = []
        return self.spec


class PathParameters(FlaskPlugin):
    """Path parameters as the route accepts them (its converter), with what PATH_PARAMETERS says they mean."""

    def rule_to_params(self, rule: Rule) -> list[dict[str, Any]]:
        return _path_parameters(rule)


def init_api(app: Flask) -> CatalogApi:
    """The Api of this application, with the components every operation may use; register blueprints with it."""
    base_url = app.extensions["catalog"].settings.base_url
    api = CatalogApi(app, spec_kwargs={
        "title": "Hubei Resource Bank API · 湖北省自然科技资源库 API", "version": "1", "openapi_version": "3.1.0",
        "flask_plugin": PathParameters(),
        "info": {"description": DESCRIPTION, "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
        "servers": [{"url": base_url}], "tags": [{"name": name, "description": text} for name, text in TAGS]})
    return api


def openapi_document(app: Flask) -> dict[str, Any]:
    """The document of this application's API, completed and built once, when first asked for (every route is
    registered by then)."""
    if EXTENSION_KEY not in app.extensions:
        spec = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].describe()
        for rule in app.url_map.iter_rules():
            if rule.endpoint in OUTSIDE:
                spec.path(rule=rule, operations={"get": OUTSIDE[rule.endpoint](app, rule)})
        described = spec.to_dict()
        # The payload of a record is one domain's fields; which one its `domain` says.
        described["components"]["schemas"]["Record"]["properties"]["payload"]["anyOf"] = [
            {"$ref": f"#/components/schemas/{_fields_component(domain)}"} for domain in DOMAINS]
        app.extensions[EXTENSION_KEY] = described
    return app.extensions[EXTENSION_KEY]


def _docs_page(app: Flask, rule: Rule) -> dict[str, Any]:
    scopes = sorted(required_scopes(app.view_functions[rule.endpoint], "GET"))
    return {"operationId": "docs.page", "summary": "Browsable API documentation", "tags": ["documentation"],
            "description": f"Who may call it: {Access.PUBLIC.value}. Token scope: {' or '.join(scopes)}.",
            "security": security(Access.PUBLIC, scopes),
            "responses": {200: {"description": "Swagger UI over this document.",
                                "content": {"text/html": {"schema": {"type": "string"}}}},
                          **{status: PROBLEM_RESPONSES[status] for status in ALWAYS}}}


# Read-only pages under /api/ served by other packages, which cannot declare themselves: endpoint → operation.
OUTSIDE = {"api_docs.page": _docs_page}


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


def response_headers(*names: str) -> dict[str, dict[str, str]]:
    """The headers of an answer, by their names in components.headers."""
    return {_header_name(name): {"$ref": f"#/components/headers/{name}"} for name in names}


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
    for status, description in PROBLEMS.items():
        name = PROBLEM_RESPONSES[status]
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
