"""Conditional GET of a record: ETag from its identifier and version, Last-Modified from updated_at, 304s."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from functools import wraps
from typing import Any, Callable, Mapping

from flask import Response, request

from catalog.generalise import GENERALISATION_NOTE
from catalog.web import current_actor


def record_etag(view: Mapping[str, Any]) -> str:
    """Identifier and version name the content; a restricted record generalised for outsiders is another
    representation of the same version, so it gets another tag."""
    generalised = (view.get("payload") or {}).get("data_generalizations") == GENERALISATION_NOTE \
        and view.get("sharing_mode") == "restricted"
    seed = f"{view['id']}\x00{view['version']}\x00{'generalised' if generalised else 'full'}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def conditional_record(response: Response, view: Mapping[str, Any]) -> Response:
    """Tag the response and answer 304 when If-None-Match or If-Modified-Since shows the caller has it."""
    response.set_etag(record_etag(view))
    if view.get("updated_at"):
        modified = datetime.fromisoformat(view["updated_at"])
        response.last_modified = modified if modified.tzinfo else modified.replace(tzinfo=timezone.utc)
    # What a signed-in caller sees may include confidential records: shared caches must not keep it.
    response.headers["Cache-Control"] = "private, no-cache" if current_actor().is_authenticated else "no-cache"
    response.vary.update(("Authorization", "Cookie"))
    return response.make_conditional(request)


def conditional(view: Callable[..., Response]) -> Callable[..., Response]:
    """Around a view answering one record as JSON: tag it, and answer 304 when the caller has it."""
    @wraps(view)
    def conditional_view(*args, **kwargs) -> Response:
        response = view(*args, **kwargs)
        return conditional_record(response, response.get_json())
    return conditional_view
