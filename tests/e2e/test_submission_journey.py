"""A curator submits a real file through the browser and a reviewer approves it; the mapping screen fixes a
real file's unknown headers."""
from __future__ import annotations

import base64
import re
import time

import pytest

from tests.conftest import REAL_DATA
from tests.e2e.conftest import sign_in, sign_out

# The screens are the same on either database; the flows under them run on both in tests/search_ui.
pytestmark = [pytest.mark.slow, pytest.mark.parametrize("database", ["sqlite"], indirect=True)]

TOMATO = REAL_DATA / "plant_germplasm" / "crf_spain_tomato_mcpd_vavilov3.xlsx"
PEANUT = REAL_DATA / "plant_germplasm" / "grin_peanut_us_minicore_legumeinfo.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def drop_file(page, selector: str, path, mime: str) -> None:
    """Drop a file on an element the way a desktop drag does: a drop event carrying a DataTransfer."""
    page.evaluate("""([selector, name, mime, data]) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, {type: mime}));
        const zone = document.querySelector(selector);
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
    }""", [selector, path.name, mime, base64.b64encode(path.read_bytes()).decode("ascii")])


def counts(page) -> dict[str, int]:
    return {name: int(page.text_content(f'[data-count="{name}"]')) for name in ("rows", "valid", "invalid")}


def test_upload_report_submit_approve_then_found(page, shoot):
    if not TOMATO.exists():
        pytest.skip(f"{TOMATO} is not there")
    sign_in(page, "curator")
    page.click("text=Submit data")
    shoot("submit")
    drop_file(page, "[data-dropzone]", TOMATO, XLSX)
    assert TOMATO.name in page.text_content("[data-chosen]")
    page.select_option("select[name=sharing_mode]", "open")
    assert page.is_checked("input[name=accept_suggestions]")   # by default; here the file goes in as it is
    page.uncheck("input[name=accept_suggestions]")
    with page.expect_response(lambda r: r.url.endswith("/submit") and r.request.method == "POST") as upload, \
            page.expect_response(lambda r: r.url.endswith("/progress")) as progress:
        page.click("text=Upload and validate")
    assert upload.value.status == 202
    assert progress.value.json()["state"] in ("uploaded", "validating", "validated")
    page.wait_for_url(re.compile(r"/submissions/\d+$"))
    report_url = page.url
    page.wait_for_selector('[data-state="validated"]')
    assert counts(page) == {"rows": 38, "valid": 38, "invalid": 0}
    shoot("report")

    page.select_option("select[name=code]", "DECIMAL_COORDINATE_IN_DMS_FIELD")
    page.click("#issues form button")
    assert page.get_attribute("[data-matching]", "data-matching") == "76"
    flags = page.eval_on_selector_all("table.issues td[title]", "cells => cells.map(cell => cell.title)")
    assert set(flags) == {"DECIMAL_COORDINATE_IN_DMS_FIELD"}
    assert set(page.locator("table.issues td:nth-child(6)").all_text_contents()) == {"Decimal degrees in a DMS field"}
    page.fill("input[name=row]", "7")
    page.click("#issues form button")
    assert page.locator("table.issues tbody tr").count() == 2
    assert set(page.locator("table.issues td:first-child").all_text_contents()) == {"7"}
    page.goto(report_url + "?lang=en")
    assert "Page 1 of 3" in page.text_content("nav.pager")   # recommended fields left empty: counted above
    page.click("nav.pager a[rel=next]")
    assert "Page 2 of 3" in page.text_content("nav.pager")
    with page.expect_download() as download:
        page.click("text=CSV")
    assert download.value.suggested_filename.endswith("-report.csv")

    page.click("text=Submit for review")
    assert page.get_attribute("[data-state]", "data-state") == "submitted"
    page.goto(report_url + "?lang=zh")
    shoot("report")
    sign_out(page)

    sign_in(page, "reviewer")
    page.click("text=Review queue")
    number = report_url.rsplit("/", 1)[1]
    item = page.locator(f'article[data-submission="{number}"]')
    assert "BGE050162" in item.locator("table.sample").text_content()
    shoot("review")
    page.goto("/review?lang=zh")
    shoot("review")
    page.goto("/review?lang=en")
    item.locator("input[name=confirm]").check()
    item.locator("text=Approve and publish").click()
    assert "38 records are published" in page.text_content(".flash")

    deadline = time.monotonic() + 15  # publishing indexes in the background
    while True:
        page.goto("/search?q=Madrigalejo")
        if page.locator('a[href*="BGE050163"]').count() or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert page.locator('a[href*="BGE050163"]').count() >= 1


def test_mapping_screen_maps_unknown_headers(page, shoot):
    if not PEANUT.exists():
        pytest.skip(f"{PEANUT} is not there")
    sign_in(page, "curator")
    page.goto("/submit")
    page.set_input_files("input[name=file]", str(PEANUT))
    page.click("form[data-upload] button[type=submit]")
    page.wait_for_url(re.compile(r"/submissions/\d+$"))
    earlier = page.url
    page.wait_for_selector('[data-state="validated"]')
    assert page.get_attribute("[data-unknown-columns]", "data-unknown-columns") == "14"
    page.click(f'a[href$="{earlier.rsplit("/", 1)[1]}/mapping"]')
    shoot("mapping")
    identifier = page.locator("tr", has=page.locator("label", has_text=re.compile("^Identifier$")))
    assert "Turkestan B" in identifier.text_content()
    page.goto(page.url + "?lang=zh")
    shoot("mapping")
    page.goto(page.url.replace("?lang=zh", "?lang=en"))
    page.select_option("select[name='column:Identifier']", "name_en")
    page.select_option("select[name='column:Botanical variety']", "subtaxa")
    page.click("text=Save and validate again")
    page.wait_for_url(lambda url: re.search(r"/submissions/\d+$", url) and url != earlier)
    page.wait_for_selector('[data-state="validated"]')
    assert page.locator("[data-unknown-columns]").count() == 0
    assert counts(page) == {"rows": 94, "valid": 94, "invalid": 0}
    page.goto(page.url + "/mapping")
    assert page.input_value("select[name='column:Identifier']") == "name_en"
    assert page.input_value("select[name='column:Botanical variety']") == "subtaxa"
    page.fill("[data-field-filter]", "种下")   # fields found by a word of their Chinese name
    hidden = "option => option.hidden"
    assert page.eval_on_selector("select[name='column:G1'] option[value='subtaxa']", hidden) is False
    assert page.eval_on_selector("select[name='column:G1'] option[value='local_id']", hidden) is True
    page.goto("/submissions?state=withdrawn")
    assert page.locator(f'a[href$="/submissions/{earlier.rsplit("/", 1)[1]}"]').count() >= 1
