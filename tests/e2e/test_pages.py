"""The language choice persists from page to page, and every page is photographed in both languages."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import sign_in

# The screens are the same on either database; the flows under them run on both in tests/search_ui.
pytestmark = [pytest.mark.slow, pytest.mark.parametrize("database", ["sqlite"], indirect=True)]


def language(page) -> str:
    return page.locator("html").get_attribute("lang")


def test_language_switch_persists_across_pages(page, shoot):
    page.goto("/")
    assert language(page) == "zh-CN"  # the browser asks for Chinese
    shoot("home")
    page.click("header a[lang=en]")
    assert language(page) == "en"
    shoot("home")
    page.click("header nav >> text=Search")
    assert language(page) == "en" and "lang=" not in page.url
    shoot("search")
    page.click("main a[href^='/resources/']")
    assert language(page) == "en"
    shoot("record")
    page.click("header nav >> text=Field reference")
    assert language(page) == "en"
    shoot("fields")
    page.goto("/centers/HBAASPG")
    assert language(page) == "en" and "[Demo]" in page.text_content("main")
    shoot("center")

    page.click("header a[lang=zh-CN]")
    assert language(page) == "zh-CN" and "【演示】" in page.text_content("main")
    shoot("center")
    page.click("header nav >> text=检索")
    assert language(page) == "zh-CN"
    shoot("search")
    page.click("main a[href^='/resources/']")
    shoot("record")
    page.goto("/reference/fields")
    assert language(page) == "zh-CN"
    shoot("fields")
    page.goto("/login")
    shoot("login")
    page.goto("/login?lang=en")
    shoot("login")


def test_curator_pages_in_both_languages(page, shoot):
    sign_in(page, "curator", language="zh")
    page.click("header nav >> text=汇交数据")
    assert language(page) == "zh-CN" and page.is_visible("[data-dropzone]")
    shoot("submit")
    page.click("header nav >> text=汇交记录")
    shoot("submissions")
    page.click("header a[lang=en]")
    assert language(page) == "en"
    shoot("submissions")
    page.click("header nav >> text=Submit data")
    assert language(page) == "en"
