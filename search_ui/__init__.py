"""The web pages: bilingual (zh/en) search, record and center pages, sign-in; Jinja, no CDN."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect

from catalog.errors import CatalogError
from catalog.web import choose_language
from search_ui import (api_docs, datasets, linked_data, pages, reference, requesting, reviewing, screen_errors,
                       submitting)

TRANSLATIONS = Path(__file__).parent / "translations"


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=choose_language, default_locale="zh")
    if "csrf" not in app.extensions:
        CSRFProtect(app)
        for name in ("api_records", "api_centers", "api_schemas", "api_submissions", "api_citations", "api_tokens",
                     "api_sharing", "api_exports"):
            if name in app.blueprints:
                app.extensions["csrf"].exempt(app.blueprints[name])
    app.register_blueprint(pages.bp)
    app.register_blueprint(reference.bp)
    app.register_blueprint(datasets.bp)
    app.register_blueprint(submitting.bp)
    app.register_blueprint(reviewing.bp)
    app.register_blueprint(requesting.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(linked_data.bp)
    # the pages' own problems, and those found before a page's view runs (a NUL in the address)
    app.register_error_handler(CatalogError, screen_errors.show_error)
