"""The citation text a requester receives when a request is completed: every resource with its identifier and
URI, in Chinese and English (regulation Art. 18), in the platform's citation format (catalog.citations)."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from catalog.citations import CITATION_REQUEST, resource_citation
from catalog.models import Resource


def cite_resources(resources: Iterable[Resource], base_url: str, accessed: date | None = None) -> str:
    """The request to cite, then one citation per resource, first in Chinese, then in English."""
    citations = [resource_citation(_citable(resource, base_url),
                                   {"zh": resource.center.name_zh, "en": resource.center.name_en}, accessed)
                 for resource in resources]
    return "\n".join([CITATION_REQUEST["zh"], *(c.text("zh") for c in citations), "",
                      CITATION_REQUEST["en"], *(c.text("en") for c in citations)])


def _citable(resource: Resource, base_url: str) -> dict[str, Any]:
    """The fields of ResourceService.view() a citation reads; none of them is generalised for restricted records."""
    updated = resource.updated_at
    return {"identifier": resource.identifier, "uri": f"{base_url}/resources/{resource.identifier}",
            "name_zh": resource.name_zh, "name_en": resource.name_en, "scientific_name": resource.scientific_name,
            "rights_holder": resource.rights_holder, "version": resource.version,
            "updated_at": updated.isoformat() if updated else None}
