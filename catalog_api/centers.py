"""GET /api/centers and GET /api/centers/<code>."""
from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, jsonify

from catalog.web import current_actor, services

bp = Blueprint("api_centers", __name__, url_prefix="/api/centers")


@bp.get("")
def list_centers():
    return jsonify({"items": [asdict(center) for center in services().centers.list_centers(current_actor())]})


@bp.get("/<code>")
def show(code: str):
    return jsonify(asdict(services().centers.get_center(current_actor(), code)))
