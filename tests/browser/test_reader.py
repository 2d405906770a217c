"""What a reader relies on: search, copying code, the palette, formulas, figures."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser

DOT_PRODUCT = "part1/dot-product/"
DOT_PRODUCT_TITLE = "Dot product and vector addition"
COPY_BUTTON = "button.md-code__button[data-md-type=copy]"
PROMPTS = (">>> ", "... ")


def open_page(page: Page, site: Site, path: str) -> None:
    page.goto(site.page_url(path))
    page.wait_for_load_state("networkidle")


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


SELECT_TAB = """pre => {
  const tab = pre.closest(".tabbed-block");
  const index = Array.from(tab.parentElement.children).indexOf(tab);
  tab.closest(".tabbed-set").querySelectorAll(":scope > .tabbed-labels > label")[index].click();
}"""


def console_blocks(page: Page) -> list[tuple[str, str]]:
    """(shown text, copied text) of every console block of the page, in order."""
    blocks = []
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for block in page.locator(".highlight pre:has(> code > .gp)").all():
        if not block.is_visible():  # in a tab that is not selected: select it
            block.evaluate(SELECT_TAB)
        block.hover()
        block.locator(COPY_BUTTON).click()
        copied = page.evaluate("navigator.clipboard.readText()")
        blocks.append((block.locator("code").inner_text(), copied))
    return blocks


def code_lines(shown: str) -> list[str]:
    return [line[4:] for line in shown.splitlines() if line.startswith(PROMPTS)]


def test_copying_a_console_block_copies_only_the_code(page: Page, site: Site) -> None:
    checked = 0
    for path in site.pages:
        open_page(page, site, path)
        for shown, copied in console_blocks(page):
            lines = copied.splitlines()
            assert not any(line.startswith((">>>", "...")) for line in lines), copied
            # Only the code, in order; an empty line ends an indented block, as in the REPL.
            assert [line for line in lines if line] == code_lines(shown), (path, shown, copied)
            checked += 1
    assert checked > 0, "no console block found on any page"


def test_what_is_copied_runs_in_python_and_prints_what_the_page_shows(
    page: Page, site: Site
) -> None:
    open_page(page, site, "")
    (shown, copied), *_ = console_blocks(page)
    outputs = [line for line in shown.splitlines() if line and not line.startswith(PROMPTS)]
    assert outputs, "the home page's first console block should show an output"
    # As if pasted into the interactive interpreter: bare expressions echo.
    run = subprocess.run(
        [sys.executable, "-i", "-q"],
        input=copied,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stdout.splitlines() == outputs


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_palette_toggle_switches_and_survives_a_reload(page: Page, site: Site) -> None:
    open_page(page, site, site.pages[-1])
    assert scheme(page) == "default"
    page.locator("label[title='Switch to dark mode']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert scheme(page) == "slate"
    open_page(page, site, "")  # the choice holds on every page
    assert scheme(page) == "slate"
    page.locator("label[title='Switch to light mode']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert scheme(page) == "default"


MATH_REPORT = """() => {
  const formulas = Array.from(document.querySelectorAll("math"));
  return {
    count: formulas.length,
    displays: formulas.map(m => getComputedStyle(m).display),
    heights: formulas.map(m => m.getBoundingClientRect().height),
    rows: formulas.map(m => Math.max(1, m.querySelectorAll("mtr").length)),
    fontSizes: formulas.map(m => parseFloat(getComputedStyle(m).fontSize)),
    families: formulas.map(m => getComputedStyle(m).fontFamily),
    fontLoaded: Array.from(document.fonts).some(
      f => f.family.replace(/"/g, "") === "Latin Modern Math" && f.status === "loaded"),
    rawLatex: /\\\\[(\\[]|\\\\(frac|sum|text|dots)\\b/.test(document.body.innerText),
  };
}"""


def test_formulas_render_as_math_with_the_math_font(page: Page, site: Site) -> None:
    pages_with_math = 0
    for path in site.pages:
        open_page(page, site, path)
        page.evaluate("document.fonts.ready.then(() => true)")
        report = page.evaluate(MATH_REPORT)
        assert not report["rawLatex"], f"{path}: LaTeX shown as text"
        if report["count"] == 0:
            continue
        pages_with_math += 1
        # Chromium reports `display: inline math` as "math".
        assert set(report["displays"]) <= {"math", "inline math", "block math"}, (path, report)
        assert report["fontLoaded"], f"{path}: Latin Modern Math did not load"
        assert all(f.startswith('"Latin Modern Math"') for f in report["families"]), report
        # Laid out as formulas: a few lines tall per row, not one token a line.
        sizes = zip(report["heights"], report["fontSizes"], report["rows"], strict=True)
        for height, size, rows in sizes:
            assert 0 < height < 5 * size * rows, (path, report)
    assert pages_with_math > 0, "no page has a formula"


def test_generated_figures_are_visible_with_alt_text(page: Page, site: Site) -> None:
    figures = 0
    for path in site.pages:
        open_page(page, site, path)
        for figure in page.locator("figure svg.nnfs-figure").all():
            figure.scroll_into_view_if_needed()
            expect(figure).to_be_visible()
            box = figure.bounding_box()
            assert box is not None
            assert box["width"] > 100
            assert box["height"] > 50
            assert figure.get_attribute("role") == "img"
            label = figure.get_attribute("aria-label") or ""
            assert len(label) > 10, f"{path}: a figure without alt text"
            expect(page.get_by_role("img", name=label)).to_have_count(1)
            figures += 1
    assert figures > 0, "no generated figure on any page"
