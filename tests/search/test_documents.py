"""Index documents stay indexable whatever a record holds: lone surrogates, impossible dates."""
from __future__ import annotations

from catalog.enums import Domain, SharingMode
from catalog.models import Center, Resource
from catalog.search.documents import public_document
from catalog.search.embedded import EmbeddedBackend
from catalog.search.query import Query


def test_a_lone_surrogate_and_an_impossible_date_do_not_stop_indexing(tmp_path):
    resource = Resource(identifier="HBPG-plant_germplasm-BROKEN", domain=Domain.PLANT_GERMPLASM,
                        center=Center(code="HBPG"), sharing_mode=SharingMode.OPEN, version=1, is_deleted=False,
                        name_en="tea \ud800 broken", event_date="2001-00-00",
                        payload={"remarks": "half a pair \udc00 of surrogates"})
    document = public_document(resource)
    assert document["title_en"] == "tea \ufffd broken" and document["event_date"] is None and document["year"] == 2001
    backend = EmbeddedBackend(tmp_path / "index")
    try:
        backend.ensure_index()
        assert backend.index([document]) == 1
        assert backend.search(Query(text="surrogates")).items == [document]
    finally:
        backend.close()
