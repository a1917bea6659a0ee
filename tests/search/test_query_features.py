"""Every search feature of the query model, the same answers on every engine: ranges, geologic age
overlap, geo box and distance, facets, sort, cursor paging, autocomplete, attribute filters."""
from __future__ import annotations

import pytest

from catalog.search.query import BoundingBox, Distance, InvalidQuery, Query, Range
from catalog.search.service import SearchService
from catalog.permissions import Actor


def doc(number: int, **fields) -> dict:
    base = {"id": f"R{number:02d}", "version": 1, "domain": "biological_specimen", "center": "IHB",
            "sharing_mode": "open", "title_zh": None, "title_en": None, "scientific_name": None, "taxon": None,
            "vernacular": [], "family": None, "genus": None, "basis_of_record": "PreservedSpecimen",
            "availability": "available", "country_code": "CN", "province": "420000", "admin_division": None,
            "geologic_period": None, "locality": None, "year": None, "event_date": None, "latitude": None,
            "longitude": None, "age_min_ma": None, "age_max_ma": None, "text": "", "attributes": {},
            "updated_at": "2026-11-20T08:00:00+00:00"}
    base.update(fields)
    return base


CORPUS = [
    doc(1, taxon="Camellia sinensis (L.) Kuntze", scientific_name="Camellia sinensis (L.) Kuntze",
        vernacular=["茶", "tea"], title_zh="茶树", family="Theaceae", genus="Camellia", year=2019,
        event_date="2019-05-03", latitude=30.29, longitude=108.93, admin_division="422802",
        domain="plant_germplasm", center="HBPG", basis_of_record="LivingSpecimen"),
    doc(2, taxon="Camellia sinensis (L.) Kuntze", scientific_name="Camellia sinensis (L.) Kuntze",
        vernacular=["茶"], family="Theaceae", genus="Camellia", year=2019, event_date="2019-05-03",
        latitude=30.31, longitude=108.95, admin_division="422802", center="WHU"),
    doc(3, taxon="Camellia oleifera Abel", scientific_name="Camellia oleifera Abel", vernacular=["油茶"],
        family="Theaceae", genus="Camellia", year=2001, event_date="2001-11-01", latitude=30.55, longitude=114.33,
        attributes={"type_status": "holotype", "individual_count": 3}),
    doc(4, taxon="Acipenser sinensis Gray", scientific_name="Acipenser sinensis Gray", vernacular=["中华鲟"],
        family="Acipenseridae", genus="Acipenser", year=1998, event_date="1998-06-15", latitude=30.70,
        longitude=111.28, attributes={"individual_count": 1}),
    doc(5, domain="geological_specimen", center="CUG", basis_of_record="FossilSpecimen",
        taxon="Lystrosaurus", scientific_name="Lystrosaurus", geologic_period="Triassic", year=2005,
        event_date="2005-01-01", age_min_ma=247.2, age_max_ma=251.2, province="420000", latitude=-16.9,
        longitude=179.6),
    doc(6, domain="geological_specimen", center="CUG", basis_of_record="FossilSpecimen",
        taxon="Redlichia chinensis", scientific_name="Redlichia chinensis", geologic_period="Cambrian",
        age_min_ma=509.0, age_max_ma=514.0, latitude=-17.1, longitude=-179.8),
    doc(7, domain="geological_specimen", center="CUG", basis_of_record="MaterialSample", title_zh="绿松石",
        province="610000", year=2010, event_date="2010-07-01", attributes={"mineral_name": "turquoise"}),
]


@pytest.fixture
def loaded(engine):
    engine.index(CORPUS)
    return engine


def ids(result) -> list[str]:
    return [item["id"] for item in result.items]


@pytest.mark.parametrize("ranges, expected", [
    ({"year": Range(1998, 2005)}, ["R03", "R04", "R05"]),
    ({"year": Range(None, 2000)}, ["R04"]),
    ({"year": Range(2010, None)}, ["R01", "R02", "R07"]),
    ({"event_date": Range("2019-05", "2019-05")}, ["R01", "R02"]),
    ({"event_date": Range("2001", "2005-01-01")}, ["R03", "R05"]),
    ({"updated_at": Range("2026-11-20", "2026-11-20")}, ["R01", "R02", "R03", "R04", "R05", "R06", "R07"]),
    ({"updated_at": Range(None, "2026-11-19")}, []),
    ({"age_ma": Range(250, 260)}, ["R05"]),           # overlaps 247.2–251.2
    ({"age_ma": Range(240, 248)}, ["R05"]),
    ({"age_ma": Range(None, 240)}, []),
    ({"age_ma": Range(500, None)}, ["R06"]),
    ({"latitude": Range(30.3, 31), "longitude": Range(100, 112)}, ["R02", "R04"]),
])
def test_ranges(loaded, ranges, expected):
    result = loaded.search(Query(ranges=ranges, size=20))
    assert (sorted(ids(result)), result.total) == (expected, len(expected))


@pytest.mark.parametrize("geo, expected", [
    (BoundingBox(30.0, 108.0, 31.0, 112.0), ["R01", "R02", "R04"]),
    (BoundingBox(30.3, 108.94, 30.6, 114.4), ["R02", "R03"]),
    (BoundingBox(-18, 179, -16, -179), ["R05", "R06"]),     # across the antimeridian
    (BoundingBox(-18, -179.7, -16, 179.5), []),            # the other way round: all longitudes but theirs
    (Distance(30.30, 108.94, 5), ["R01", "R02"]),
    (Distance(30.30, 108.94, 600), ["R01", "R02", "R03", "R04"]),
    (Distance(-17.0, 179.9, 50), ["R05", "R06"]),          # a circle across the antimeridian
])
def test_geo_filters(loaded, geo, expected):
    result = loaded.search(Query(geo=geo, size=20))
    assert (sorted(ids(result)), result.total) == (expected, len(expected))


def test_facets_on_every_declared_field(loaded):
    result = loaded.search(Query(facets=("family", "genus", "province", "basis_of_record", "geologic_period",
                                         "availability", "decade", "taxon"), size=0))
    assert result.items == [] and result.total == 7
    assert result.facets == {
        "family": {"Theaceae": 3, "Acipenseridae": 1},
        "genus": {"Camellia": 3, "Acipenser": 1},
        "province": {"420000": 6, "610000": 1},
        "basis_of_record": {"PreservedSpecimen": 3, "FossilSpecimen": 2, "LivingSpecimen": 1, "MaterialSample": 1},
        "geologic_period": {"Cambrian": 1, "Triassic": 1},
        "availability": {"available": 7},
        "decade": {"1990": 1, "2000": 2, "2010": 3},
        "taxon": {"Camellia sinensis (L.) Kuntze": 2, "Acipenser sinensis Gray": 1, "Camellia oleifera Abel": 1,
                  "Lystrosaurus": 1, "Redlichia chinensis": 1},
    }
    narrowed = loaded.search(Query(text="camellia", filters={"center": ("IHB", "WHU")}, facets=("center", "year")))
    assert narrowed.facets == {"center": {"IHB": 1, "WHU": 1}, "year": {"2001": 1, "2019": 1}}


def test_attribute_filters_take_the_declared_type(loaded):
    assert ids(loaded.search(Query(filters={"attributes.type_status": ("holotype",)}))) == ["R03"]
    assert sorted(ids(loaded.search(Query(filters={"attributes.individual_count": ("1", "3")})))) == ["R03", "R04"]
    assert ids(loaded.search(Query(filters={"attributes.mineral_name": ("turquoise",)}))) == ["R07"]
    with pytest.raises(InvalidQuery):
        Query(filters={"attributes.individual_count": ("many",)})
    with pytest.raises(InvalidQuery):
        Query(filters={"attributes.remarks": ("free text is not filterable",)})


@pytest.mark.parametrize("sort, expected", [
    ("year", ["R04", "R03", "R05", "R07", "R01", "R02", "R06"]),          # missing last, ties by id
    ("-year", ["R01", "R02", "R07", "R05", "R03", "R04", "R06"]),
    ("taxon", ["R04", "R03", "R01", "R02", "R05", "R06", "R07"]),
    ("-id", ["R07", "R06", "R05", "R04", "R03", "R02", "R01"]),
    ("-age_max_ma", ["R06", "R05", "R01", "R02", "R03", "R04", "R07"]),
])
def test_sort_puts_missing_values_last_and_breaks_ties_by_id(loaded, sort, expected):
    assert ids(loaded.search(Query(sort=sort, size=20))) == expected


@pytest.mark.parametrize("sort", ["", "year", "-year", "taxon", "-event_date", "-id", "latitude"])
def test_cursor_pages_through_everything_once_in_order(loaded, sort):
    everything = ids(loaded.search(Query(sort=sort, size=20)))
    seen, cursor = [], None
    while True:
        page = loaded.search(Query(sort=sort, size=2, cursor=cursor))
        seen += ids(page)
        assert page.total == 7
        cursor = page.next_cursor
        if not cursor:
            break
    assert seen == everything and len(seen) == 7


@pytest.mark.parametrize("sort", ["year", "-year", "-age_max_ma", "taxon"])
def test_offsets_and_text_keep_a_field_sorts_order(loaded, sort):
    everything = ids(loaded.search(Query(sort=sort, size=20)))
    by_offset = [i for offset in (0, 3, 6) for i in ids(loaded.search(Query(sort=sort, size=3, offset=offset)))]
    assert by_offset == everything
    seen, cursor = [], None
    while True:
        page = loaded.search(Query(text="camellia", filters={"domain": ("biological_specimen", "plant_germplasm")},
                                   sort=sort, size=1, cursor=cursor))
        seen += ids(page)
        cursor = page.next_cursor
        if not cursor:
            break
    assert seen == [i for i in everything if i in {"R01", "R02", "R03"}]


def test_cursor_with_text_ranks_then_pages(loaded):
    first = loaded.search(Query(text="camellia", size=2))
    assert first.total == 3 and first.next_cursor
    rest = loaded.search(Query(text="camellia", size=2, cursor=first.next_cursor))
    assert sorted(ids(first) + ids(rest)) == ["R01", "R02", "R03"] and rest.next_cursor is None


def test_a_cursor_only_fits_its_own_sort(loaded):
    cursor = loaded.search(Query(sort="year", size=1)).next_cursor
    with pytest.raises(InvalidQuery):
        Query(sort="-year", cursor=cursor)
    with pytest.raises(InvalidQuery):
        Query(sort="year", cursor=cursor[:-3] + "xyz")
    with pytest.raises(InvalidQuery):
        Query(sort="year", cursor=cursor, offset=2)


@pytest.mark.parametrize("typed, expected", [
    ("cam", [("Camellia sinensis (L.) Kuntze", "scientific", 2), ("Camellia oleifera Abel", "scientific", 1)]),
    ("SINEN", [("Camellia sinensis (L.) Kuntze", "scientific", 2), ("Acipenser sinensis Gray", "scientific", 1)]),
    ("茶", [("茶", "vernacular", 2), ("油茶", "vernacular", 1)]),
    ("中华", [("中华鲟", "vernacular", 1)]),
    ("te", [("tea", "vernacular", 1)]),
    ("ensis", []),            # Latin text completes the start of a word only
    ("%", []),
    ("", []),
])
def test_autocomplete(loaded, typed, expected):
    assert [(s["value"], s["kind"], s["count"]) for s in loaded.suggest(typed, 10)] == expected


def test_autocomplete_follows_deletions_and_updates(loaded):
    loaded.delete(["R01"])
    assert [(s["value"], s["count"]) for s in loaded.suggest("茶", 10)] == [("油茶", 1), ("茶", 1)]
    loaded.index([doc(2, version=2, vernacular=["绿茶"], taxon="Camellia sinensis (L.) Kuntze")])
    assert [(s["value"], s["count"]) for s in loaded.suggest("茶", 10)] == [("油茶", 1), ("绿茶", 1)]
    assert loaded.suggest("tea", 10) == []


def test_related_records_and_possible_duplicates(loaded):
    service = SearchService(loaded)
    anyone = Actor.anonymous()
    same = service.same_taxon(anyone, "R01")
    assert ids(same) == ["R02"] and same.total == 1 and same.facets == {"center": {"WHU": 1}}
    assert [d["id"] for d in service.possible_duplicates(anyone, "R01")] == ["R02"]   # same day, 2.8 km, other center
    assert service.possible_duplicates(anyone, "R03") == [] and service.same_taxon(anyone, "R07") is None


def test_iter_identifiers_follows_the_cursor_past_every_page(loaded):
    service = SearchService(loaded)
    assert list(service.iter_identifiers(Actor.anonymous(), Query(sort="-id"))) == \
        ["R07", "R06", "R05", "R04", "R03", "R02", "R01"]
