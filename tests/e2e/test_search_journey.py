"""A researcher's way through search in the browser: text → facet → a box drawn on the map → record → citation."""
from __future__ import annotations

import re

import pytest

# The screens are the same on either database; the flows under them run on both in tests/search_ui.
pytestmark = [pytest.mark.slow, pytest.mark.parametrize("database", ["sqlite"], indirect=True)]


def found(page) -> int:
    return int(re.search(r"[\d,]+", page.text_content("p.count")).group(0).replace(",", ""))


def test_search_facet_map_box_record_citation(page, shoot):
    page.goto("/search?lang=en")
    everything = found(page)
    page.wait_for_selector("#results-map .leaflet-marker-icon, #results-map .marker-cluster")
    shoot("search-map")

    page.click("aside section.facet:has(h3:text('Resource domain')) li a >> nth=0")
    assert "filter=domain" in page.url
    in_domain = found(page)
    assert 0 < in_domain < everything
    assert page.is_visible("ul.active-filters >> text=Resource domain")

    page.wait_for_selector("#results-map .leaflet-marker-icon, #results-map .marker-cluster")
    box = page.locator("#results-map").bounding_box()
    page.keyboard.down("Shift")
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + box["height"] - 5, steps=5)
    page.mouse.up()
    page.keyboard.up("Shift")
    page.wait_for_url(re.compile(r"bbox="))
    assert "filter=domain" in page.url and page.is_visible("ul.active-filters >> text=Map area")
    in_box = found(page)
    assert 0 < in_box <= in_domain
    shoot("search-box")

    page.click("ol.hits li a >> nth=0")
    page.wait_for_url(re.compile(r"/resources/"))
    identifier = page.url.rsplit("/resources/", 1)[1].split("?")[0]
    citation = page.locator(".citation")
    assert citation.is_visible() and identifier in citation.text_content()
    shoot("record-citation")

    page.click("header a[lang=zh-CN]")
    assert "引用" in page.text_content(".citation")
    shoot("record-citation")


def test_autocomplete_offers_names_from_the_index(page):
    page.goto("/search?lang=en")
    page.fill("#q", "Cam")
    page.wait_for_function("document.querySelectorAll('#name-suggestions option').length > 0")
    offered = page.eval_on_selector_all("#name-suggestions option", "options => options.map(o => o.value)")
    assert offered and all("cam" in name.lower() for name in offered)


def test_a_dataset_downloads_as_a_darwin_core_archive(page, tmp_path):
    import zipfile
    page.goto("/search?lang=en")
    page.click("ol.hits li a >> nth=0")
    page.wait_for_url(re.compile(r"/resources/"))
    with page.expect_download(timeout=60_000) as download:
        page.click("button[data-export]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert {"meta.xml", "eml.xml", "occurrence.txt"} <= set(archive.namelist())
