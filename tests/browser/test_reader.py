"""What a reader does by hand: search, and the palette toggle (the rest is in visits.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser

DOT_PRODUCT = "part1/dot-product/"
DOT_PRODUCT_TITLE = "Dot product and vector addition"


def open_page(page: Page, site: Site, path: str) -> None:
    page.goto(site.page_url(path), wait_until="load")


def test_search_finds_the_dot_product_lesson(page: Page, site: Site) -> None:
    assert DOT_PRODUCT in site.pages, (
        f"the dot-product lesson ({DOT_PRODUCT}, docs/part1/dot-product.md) is not in the "
        f"navigation; pages: {site.pages}"
    )
    open_page(page, site, "")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("dot product", delay=20)  # as typed: Material reads keystrokes
    # The link carries the query (?h=dot+product) for highlighting.
    result = page.locator(f".md-search-result__item a[href*='/{DOT_PRODUCT}']").first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    page.wait_for_url(re.compile(f"/{re.escape(DOT_PRODUCT)}([?#].*)?$"))
    expect(page).to_have_title(re.compile(f"^{re.escape(DOT_PRODUCT_TITLE)} - "))
    expect(page.locator("h1")).to_contain_text(DOT_PRODUCT_TITLE)


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_palette_toggle_switches_and_survives_a_reload(page: Page, site: Site) -> None:
    open_page(page, site, site.pages[-1])
    assert scheme(page) == "default"
    page.locator("label[title='Switch to dark mode']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload(wait_until="load")
    assert scheme(page) == "slate"
    open_page(page, site, "")  # the choice holds on every page
    assert scheme(page) == "slate"
    page.locator("label[title='Switch to light mode']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.reload(wait_until="load")
    assert scheme(page) == "default"


SELECTED_TABS = """() => Array.from(document.querySelectorAll(".tabbed-set")).map((set) => {
  const inputs = Array.from(set.querySelectorAll(":scope > input"));
  const index = inputs.findIndex((input) => input.checked);
  return set.querySelectorAll(":scope > .tabbed-labels > label")[index].innerText.trim();
})"""


def test_tabs_follow_the_readers_choice_across_the_site(page: Page, site: Site) -> None:
    open_page(page, site, "part1/numpy-neuron-layer/")
    chosen = page.evaluate(SELECTED_TABS)
    assert chosen, "the NumPy lesson has no tabs"
    assert set(chosen) == {"NumPy"}, f"a NumPy lesson opens on its NumPy tabs: {chosen}"
    page.locator(".tabbed-labels > label", has_text="Plain Python").first.click()
    # Linked tabs: every set of the page switches with the one clicked.
    page.wait_for_function(f"() => ({SELECTED_TABS})().every(t => t === 'Plain Python')")
    open_page(page, site, "part1/batches/")  # another lesson: the stored choice wins
    assert set(page.evaluate(SELECTED_TABS)) == {"Plain Python"}
