"""A researcher requests a record through the browser (cart, checkout, the center's agreement, submit) and the
center's curator approves it from the request queue."""
from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import sign_in, sign_out

# The screens are the same on either database; the flows under them run on both in tests/search_ui.
pytestmark = [pytest.mark.slow, pytest.mark.parametrize("database", ["sqlite"], indirect=True)]


def test_request_a_record_then_the_curator_approves(page, shoot):
    found = page.request.get("/api/records?filter=center=HBAASPG&size=1").json()["items"]
    assert found, "the demo should publish HBAASPG records"
    identifier = found[0]["id"]

    sign_in(page, "researcher")
    page.goto(f"/resources/{identifier}")
    page.fill("[data-add-to-cart] input[name=quantity]", "2")
    page.click("[data-add-to-cart] button")
    assert identifier in page.text_content(".flash")
    page.click("header nav >> text=Request cart")
    assert page.locator(f'tr[data-resource="{identifier}"] input[name=quantity]').input_value() == "2"
    page.select_option("#checkout select[name=request_type]", "material")
    page.fill("#checkout textarea[name=intended_use]", "水稻抗病性比较研究 / rice disease-resistance study")
    page.fill("#checkout textarea[name=shipping_address]", "湖北省武汉市洪山区狮子山街1号")
    shoot("cart")
    page.click("#checkout button[type=submit]")
    page.wait_for_url(re.compile(r"/requests/\d+/edit$"))
    number = re.search(r"/requests/(\d+)/edit$", page.url).group(1)
    assert page.locator(".agreement").count() == 1 and "Version 1" in page.text_content(".agreement")
    shoot("request-form")
    page.check("input[name=accept_agreements]")
    page.click("button[name=send][value=submit]")
    page.wait_for_url(re.compile(rf"/requests/{number}$"))
    assert page.get_attribute("[data-state]", "data-state") == "submitted"
    sign_out(page)

    sign_in(page, "curator")
    page.click("header nav >> text=Request queue")
    item = page.locator(f'article[data-request="{number}"]')
    item.locator("form[data-action=start_review] button").click()
    item.locator("form[data-action=approve] button").click()
    assert f"Request {number}: Approve — now Approved." in page.text_content(".flash")
    shoot("request-queue")
    page.goto(f"/requests/{number}")
    assert page.get_attribute("[data-state]", "data-state") == "approved"
    assert page.locator("form[data-action=ship]").count() == 1
