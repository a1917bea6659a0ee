"""The dataset page: what one center holds in one domain, at the dataset's linked-data URI."""
from __future__ import annotations

from flask import Blueprint, render_template

from catalog.errors import NotFound
from search_ui.negotiation import FORMATS, negotiated_rdf
from catalog.linked_data.organisations import require_dataset
from catalog.web import current_actor, services

bp = Blueprint("datasets", __name__, template_folder="templates")


@bp.app_context_processor
def linked_data_formats():
    """(name, suffix, media type) of each RDF format a page's URI also answers in."""
    return {"rdf_formats": [(fmt.name, fmt.suffix, fmt.mimetype) for fmt in FORMATS]}


@bp.errorhandler(NotFound)
def _not_found(error: NotFound):
    return render_template("error.html", message=error.message), 404


@bp.get("/datasets/<center>/<domain>")
def dataset(center: str, domain: str):
    rdf = negotiated_rdf("dataset", center, domain)
    if rdf is not None:
        return rdf
    summary = services().centers.get_center(current_actor(), center)
    require_dataset(summary, domain)
    return render_template("dataset.html", center=summary, domain=domain, count=summary.holdings.get(domain, 0))
