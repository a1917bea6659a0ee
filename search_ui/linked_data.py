"""The linked-data URIs that have no HTML page: the VoID description and the full N-Triples dump."""
from __future__ import annotations

from flask import Blueprint, Response, abort

from catalog.linked_data import ntriples
from catalog.linked_data.catalogue import dump_chunks
from catalog.linked_data.graphs import build_graph
from search_ui.negotiation import BY_SUFFIX, negotiated_graph
from catalog.linked_data.void import void_triples
from catalog.web import services

bp = Blueprint("linked_data", __name__)
SUFFIXES = "any(" + ", ".join(f"'{suffix}'" for suffix in BY_SUFFIX) + ")"


@bp.get("/void")
@bp.get(f"/void<{SUFFIXES}:suffix>")
@bp.get("/.well-known/void")
def void(suffix: str | None = None):
    """VoID in Turtle by default, or in any RDF format asked for; there is no HTML version."""
    current = services()
    answer = negotiated_graph(suffix, lambda: build_graph(void_triples(current), current.settings.base_url),
                              html=False)
    if answer is None:   # only reached when HTML is offered, which it is not here
        abort(406)
    return answer


@bp.get("/dump.nt.gz")
def dump():
    """The whole public catalogue as gzipped N-Triples, streamed as it is written (public view only,
    whoever asks)."""
    current = services()
    response = Response(ntriples.gzipped(dump_chunks(current)), mimetype="application/gzip")
    response.headers["Content-Disposition"] = "attachment; filename=catalog.nt.gz"
    return response
