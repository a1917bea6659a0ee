"""The JSON API under /api/: parse the request, call one service, answer JSON; errors as RFC 9457 problems."""
from __future__ import annotations

from flask import Flask

from catalog_api import centers, records, schemas, submissions
from catalog_api.errors import register_problem_handlers

BLUEPRINTS = (records.bp, centers.bp, schemas.bp, submissions.bp)
for _blueprint in BLUEPRINTS:
    register_problem_handlers(_blueprint)


def init_app(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
