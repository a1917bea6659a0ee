"""Home, search results, record and center pages, and sign-in/out."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from catalog.citations import cite_record
from catalog.enums import DOMAIN_LABELS, SHARING_MODE_LABELS
from catalog.errors import CatalogError, NotFound
from search_ui.negotiation import negotiated_rdf
from catalog.search.query import MAX_OFFSET, InvalidQuery, Query
from catalog.web import current_actor, services, sign_in, sign_out
from search_ui import search_view
from search_ui.record_view import grouped_fields

bp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/ui")


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
    recent = services().search.search(actor, Query(sort="-updated_at", size=8)).items
    return render_template("home.html", totals=services().resources.totals_by_domain(actor),
                           centers=services().centers.list_centers(actor), recent=recent)


@bp.get("/search")
def search():
    actor, language = current_actor(), str(get_locale() or "zh")
    if "year_from" in request.args or "year_to" in request.args:  # the form's year boxes become one range
        return redirect(search_view.year_range_link(request.args.get("year_from", ""), request.args.get("year_to", "")))
    try:
        query, page = search_view.query_from_request()
    except InvalidQuery as error:
        flash(error.message[language], "error")
        return redirect(url_for("pages.search", q=request.args.get("q", "")))
    result = services().search.search(actor, query)
    centers = {c.code: (c.name_zh if language == "zh" else c.name_en) or c.code
               for c in services().centers.list_centers(actor)}
    return render_template("search.html", query=query, result=result, page=page, page_size=search_view.PAGE_SIZE,
                           facets=search_view.top_values(result.facets), centers=centers, view=search_view,
                           chips=search_view.active_filters(language, centers), max_offset=MAX_OFFSET,
                           sorts=search_view.sort_labels(), year_range=search_view.year_range())


@bp.get("/resources/<path:identifier>")
def record(identifier: str):
    rdf = negotiated_rdf("resource", identifier)
    if rdf is not None:
        return rdf
    actor = current_actor()
    shown = services().resources.view(actor, identifier)
    language = str(get_locale() or "zh")
    search = services().search
    return render_template("record.html", record=shown,
                           groups=grouped_fields(shown, language, services().settings.base_url),
                           same_taxon=search.same_taxon(actor, identifier),
                           duplicates=search.possible_duplicates(actor, identifier),
                           citation=cite_record(services().resources, current_actor(), identifier, shown))


@bp.get("/centers/<code>")
def center(code: str):
    rdf = negotiated_rdf("center", code)
    if rdf is not None:
        return rdf
    return render_template("center.html", center=services().centers.get_center(current_actor(), code),
                           publications=services().submissions.published(code))


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
