"""Home, search results, record and center pages, and sign-in/out."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from catalog.enums import DOMAIN_LABELS, SHARING_MODE_LABELS
from catalog.errors import CatalogError, NotFound
from catalog.search.query import MAX_OFFSET, Query
from catalog.search.service import DEFAULT_FACETS
from catalog.web import current_actor, services, sign_in, sign_out
from search_ui.record_view import grouped_fields

bp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/ui")
PAGE_SIZE = 20
FACET_VALUES_SHOWN = 12


@bp.app_context_processor
def shared_context():
    language = str(get_locale() or "zh")

    def label(kind: str, code: str | None) -> str:
        table = {"domain": DOMAIN_LABELS, "sharing_mode": SHARING_MODE_LABELS}.get(kind, {})
        return table.get(code, {}).get(language, code or "") if code else ""
    return {"lang": language, "label": label, "actor": current_actor()}


@bp.errorhandler(NotFound)
def _not_found(error: NotFound):
    return render_template("error.html", message=error.message), 404


@bp.get("/")
def home():
    actor = current_actor()
    return render_template("home.html", totals=services().resources.totals_by_domain(actor),
                           centers=services().centers.list_centers(actor))


@bp.get("/search")
def search():
    filters: dict[str, tuple[str, ...]] = {}
    for name in DEFAULT_FACETS:
        values = tuple(value for value in request.args.getlist(name) if value)
        if values:
            filters[name] = values
    page = max(request.args.get("page", 1, type=int), 1)
    offset = min((page - 1) * PAGE_SIZE, MAX_OFFSET)
    query = Query(text=request.args.get("q", "").strip(), filters=filters, facets=DEFAULT_FACETS,
                  offset=offset, size=PAGE_SIZE)
    result = services().search.search(current_actor(), query)
    return render_template("search.html", query=query, result=result, page=page, page_size=PAGE_SIZE,
                           facets=top_facet_values(result.facets), search_url=search_url,
                           max_offset=MAX_OFFSET)


def top_facet_values(facets: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """The most frequent values of each facet; years newest first."""
    shown = {}
    for name, buckets in facets.items():
        values = sorted(buckets.items(), reverse=True) if name == "year" else list(buckets.items())
        shown[name] = values[:FACET_VALUES_SHOWN]
    return shown


def search_url(query: Query, toggle: tuple[str, str] | None = None, page: int | None = None) -> str:
    """The results URL for this query with one filter value added or removed, or another page."""
    filters = {name: list(values) for name, values in query.filters.items()}
    if toggle:
        name, value = toggle
        values = filters.setdefault(name, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
    arguments = {name: values for name, values in filters.items() if values}
    if query.text:
        arguments["q"] = query.text
    if page and page > 1:
        arguments["page"] = page
    return url_for("pages.search", **arguments)


@bp.get("/resources/<path:identifier>")
def record(identifier: str):
    shown = services().resources.view(current_actor(), identifier)
    language = str(get_locale() or "zh")
    return render_template("record.html", record=shown,
                           groups=grouped_fields(shown, language, services().settings.base_url))


@bp.get("/centers/<code>")
def center(code: str):
    return render_template("center.html", center=services().centers.get_center(current_actor(), code))


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        try:
            sign_in(request.form.get("username", ""), request.form.get("password", ""))
        except CatalogError as error:
            flash(error.message[str(get_locale() or "zh")], "error")
            return render_template("login.html"), 401
        return redirect(url_for("pages.home"))
    return render_template("login.html")


@bp.post("/logout")
def logout():
    sign_out()
    flash(_("You have signed out."), "info")
    return redirect(url_for("pages.home"))


@bp.get("/favicon.ico")
def favicon():
    abort(404)
