"""How the submission and review screens show a caller's problem: a page, a flash message on the form it
came from, the sign-in page, or JSON for the upload and progress requests of the page's script."""
from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import RequestEntityTooLarge

from catalog.errors import CatalogError, InvalidInput, NotFound, PayloadTooLarge, Unauthenticated


def language() -> str:
    return str(get_locale() or "zh")


def wants_json() -> bool:
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


def show_error(error: CatalogError):
    message = error.message[language()]
    if wants_json():
        return jsonify({"code": error.code, "message": message, "field": error.detail.get("field")}), error.status
    if isinstance(error, Unauthenticated):
        flash(message, "error")
        return redirect(url_for("pages.login"))
    if request.method == "POST" and not isinstance(error, NotFound):
        flash(message, "error")
        return redirect(request.referrer or url_for("submitting.submissions"))
    return render_template("error.html", message=error.message), error.status


def register(bp: Blueprint) -> None:
    """Map the caller's problems of this blueprint's routes (and of the CSRF check and body size limit that
    run before them) in one place."""
    bp.register_error_handler(CatalogError, show_error)
    bp.register_error_handler(RequestEntityTooLarge, lambda _error: show_error(PayloadTooLarge.over(
        request.max_content_length)))
    bp.register_error_handler(CSRFError, lambda _error: show_error(InvalidInput(
        "The form had expired or came from another site; it was not sent. Please try again.",
        "表单已过期或来自其他网站，未被提交。请重试。", field="csrf_token")))
