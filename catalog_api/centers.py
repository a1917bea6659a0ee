"""GET /api/centers and GET /api/centers/<code>."""
from __future__ import annotations

from catalog.web import current_actor, services
from catalog_api.api_schemas import records as schemas
from catalog_api.routes import Access, ApiBlueprint

bp = ApiBlueprint("api_centers", __name__, url_prefix="/api/centers", tag="centers")


@bp.get("")
@bp.access(Access.PUBLIC)
@bp.response(200, schemas.CenterList, description="Every center, with the holdings the caller may see.")
def list_centers():
    """Centers"""
    return {"items": services().centers.list_centers(current_actor())}


@bp.get("/<code>")
@bp.access(Access.PUBLIC, problems=(404,))
@bp.response(200, schemas.Center, description="The center.")
def show(code: str):
    """A center"""
    return services().centers.get_center(current_actor(), code)
