"""admin_division: coverage of the transcription and consistency of the approximate geometry."""
from __future__ import annotations

from collections import Counter

import vocabularies


def admin() -> vocabularies.Vocabulary:
    return vocabularies.get("admin_division")


def test_levels_and_counts():
    levels = Counter(c.properties["level"] for c in admin())
    assert levels == {"province": 34, "prefecture": 17, "county": 99}
    hubei_counties = [c for c in admin() if c.properties["level"] == "county"]
    assert all(c.code.startswith("42") and c.broader for c in hubei_counties)
    for code in ("710000", "810000", "820000", "420000", "540000", "650000"):
        assert admin().get(code).properties["level"] == "province"


def test_hierarchy_follows_the_codes():
    for concept in admin():
        level = concept.properties["level"]
        if level == "province":
            assert concept.broader is None and concept.code.endswith("0000")
        elif level == "prefecture":
            assert concept.broader == "420000"
        else:
            assert concept.broader == concept.code[:4] + "00"


def inside(lat: float, lon: float, box: tuple[float, ...]) -> bool:
    return box[0] <= lat <= box[2] and box[1] <= lon <= box[3]


def test_geometry_is_consistent():
    hubei = admin().get("420000").properties["bbox"]
    for concept in admin():
        props = concept.properties
        if concept.properties["level"] != "county":
            box = props["bbox"]
            assert len(box) == 4 and box[0] < box[2] and box[1] < box[3], concept.code
            assert inside(props["centroid_lat"], props["centroid_lon"], box), concept.code
        if concept.broader:
            parent = admin().get(concept.broader).properties["bbox"]
            assert inside(props["centroid_lat"], props["centroid_lon"], parent), concept.code
        if concept.properties["level"] == "prefecture":
            box = props["bbox"]
            assert inside(box[0], box[1], hubei) and inside(box[2], box[3], hubei), concept.code


def test_names():
    hubei = admin().get("420000")
    assert hubei.labels == {"en": "Hubei Province", "zh": "湖北省"}
    assert {"湖北", "Hubei", "鄂"} <= set(hubei.alt_labels)
    assert admin().get("429021").labels["zh"] == "神农架林区"
    assert admin().get("810000").labels["zh"] == "香港特别行政区"
