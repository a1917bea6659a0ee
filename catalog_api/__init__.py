"""The JSON API under /api/: parse the request, call one service, answer JSON; errors as RFC 9457 problems."""
from __future__ import annotations

from flask import Flask

from catalog_api import centers, citations, cors, limits, records, schemas, scopes, submissions, tokens
from catalog_api import exports, openapi, sharing
from catalog_api.errors import register_problem_handlers, register_routing_problems
from catalog_api.routes import ApiBlueprint

BLUEPRINTS = (records.bp, centers.bp, schemas.bp, submissions.bp, citations.bp, tokens.bp, sharing.bp,
               exports.bp, openapi.bp)
for _blueprint in BLUEPRINTS:
    register_problem_handlers(_blueprint)


def init_app(app: Flask) -> None:
    limits.init_app(app)  # first, so that even a request with a bad token counts against its client
    scopes.init_app(app)
    cors.init_app(app)
    api = openapi.init_api(app)
    for blueprint in BLUEPRINTS:
        if isinstance(blueprint, ApiBlueprint):
            api.register_blueprint(blueprint)
        else:
            app.register_blueprint(blueprint)
    register_routing_problems(app)
