"""One behaviour: the same documents and queries give the same records, counts and facets on every engine."""
from __future__ import annotations

import pytest

from catalog.search.query import Query


def document(number: int, **fields) -> dict:
    base = {"id": f"HB-{number:03d}", "version": 1, "domain": "plant_germplasm", "center": "HBPG",
            "sharing_mode": "open", "title_zh": "恩施玉露茶树种质", "title_en": "Enshi Yulu tea germplasm",
            "scientific_name": "Camellia sinensis (L.) Kuntze", "country_code": "CN", "admin_division": "422800",
            "locality": "湖北省恩施州利川市毛坝镇", "year": 2019, "latitude": 30.29, "longitude": 108.93, "text": "",
            "updated_at": "2026-11-25T12:00:00+00:00"}
    base.update(fields)
    return base


CORPUS = [
    document(1),
    document(2, locality="湖北省武汉市洪山区珞珈山", admin_division="420111", year=2020),
    document(3, domain="biological_specimen", center="IHB", title_zh="中华鲟", title_en="Chinese sturgeon",
             scientific_name="Acipenser sinensis Gray", locality="湖北省宜昌市葛洲坝", admin_division="420500",
             year=1998, sharing_mode="on_request"),
    document(4, domain="biological_specimen", center="IHB", title_zh="白鱀豚", title_en="Baiji",
             scientific_name="Lipotes vexillifer Miller", locality="湖北省武汉市长江", admin_division="420100",
             year=1980, text="Yangtze river dolphin 长江豚类"),
    document(5, domain="geological_specimen", center="CUG", title_zh="绿松石", title_en="Turquoise",
             scientific_name=None, locality="湖北省十堰市郧阳区", admin_division="420304", year=2005,
             country_code="CN", sharing_mode="restricted"),
]


@pytest.fixture
def loaded(engine):
    assert engine.index(CORPUS) == 5
    return engine


def ids(result) -> set[str]:
    return {item["id"] for item in result.items}


@pytest.mark.parametrize("text, expected", [
    ("武汉", {"HB-002", "HB-004"}),
    ("洪山", {"HB-002"}),
    ("武汉市洪山", {"HB-002"}),
    ("上海", set()),
    ("camellia", {"HB-001", "HB-002"}),
    ("Camellia sinensis", {"HB-001", "HB-002"}),
    ("sturgeon", {"HB-003"}),
    ("dolphin", {"HB-004"}),
    ("豚类", {"HB-004"}),
    ("turquoise 郧阳", {"HB-005"}),
])
def test_text_search(loaded, text, expected):
    result = loaded.search(Query(text=text, size=20))
    assert (ids(result), result.total) == (expected, len(expected))


def test_filters_are_or_within_and_across_fields(loaded):
    result = loaded.search(Query(filters={"domain": ("plant_germplasm", "geological_specimen"),
                                          "year": ("2019", "2005")}))
    assert ids(result) == {"HB-001", "HB-005"}
    assert loaded.search(Query(text="武汉", filters={"center": ("IHB",)})).total == 1


def test_facets_count_the_whole_filtered_set_whatever_the_page(loaded):
    result = loaded.search(Query(facets=("domain", "center", "sharing_mode"), size=1))
    assert result.total == 5 and len(result.items) == 1
    assert result.facets == {"domain": {"plant_germplasm": 2, "biological_specimen": 2, "geological_specimen": 1},
                             "center": {"HBPG": 2, "IHB": 2, "CUG": 1},
                             "sharing_mode": {"open": 3, "on_request": 1, "restricted": 1}}
    filtered = loaded.search(Query(text="湖北", filters={"domain": ("biological_specimen",)}, facets=("year",)))
    assert filtered.facets == {"year": {"1998": 1, "1980": 1}}


def test_paging_without_text_is_ordered_by_id(loaded):
    pages = [loaded.search(Query(offset=offset, size=2)) for offset in (0, 2, 4)]
    assert [[item["id"] for item in page.items] for page in pages] == [["HB-001", "HB-002"], ["HB-003", "HB-004"],
                                                                        ["HB-005"]]


def test_a_stale_version_never_wins(loaded):
    loaded.index([document(1, version=3, title_en="Newer")])
    loaded.index([document(1, version=2, title_en="Stale")])
    found = loaded.search(Query(text="newer")).items
    assert [item["id"] for item in found] == ["HB-001"] and found[0]["version"] == 3
    assert loaded.search(Query(text="stale")).total == 0


def test_delete_ids_count_and_clear(loaded):
    loaded.delete(["HB-002", "HB-404"])
    assert loaded.count() == 4 and loaded.ids() == {"HB-001", "HB-003", "HB-004", "HB-005"}
    loaded.clear()
    assert loaded.count() == 0 and loaded.search(Query(text="武汉")).total == 0


def test_unknown_fields_are_refused(loaded):
    with pytest.raises(ValueError):
        loaded.search(Query(filters={"colour": ("red",)}))
    with pytest.raises(ValueError):
        loaded.search(Query(facets=("colour",)))


def test_a_refused_document_does_not_stop_the_others(emulator_url):
    from catalog.search.elastic import ElasticBackend, IndexingRefused
    backend = ElasticBackend(emulator_url, index="catalog-refusal-check")
    backend.ensure_index()
    try:
        with pytest.raises(IndexingRefused) as caught:
            backend.index([document(1), document(2, year="nineteen-eighty"), document(3)])
        assert list(caught.value.refused) == ["HB-002"]
        assert backend.ids() == {"HB-001", "HB-003"}
    finally:
        backend.drop()
        backend.close()
