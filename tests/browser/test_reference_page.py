"""The API reference page: whole words in its tables, one signature box per function, and
a table of contents that names each module once.

The error tables once broke "ValueError" into "ValueErro" and "r" at every width (inline
code may break anywhere in Material); each overload of a function had a code box of its
own, and the implementation's `(x: Any) -> Any` one more; the table of contents listed
"pure" again under the heading "nnfs_ref.pure" (mkdocstrings' root entry).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.visits import NEXT_FRAME, PHONE_WIDTH

pytestmark = pytest.mark.browser

REFERENCE = "reference/"

#: Every word (a run of letters, digits and underscores) of every table cell whose
#: letters do not all stand on one line: broken across lines, not wrapped between words.
BROKEN_WORDS = """() => {
  const broken = [];
  document.querySelectorAll(".md-typeset table td, .md-typeset table th").forEach((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\w+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set(Array.from(range.getClientRects())
          .filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(word[0]);
      }
    }
  });
  return broken;
}"""


def test_table_cells_never_break_a_word(page: Page, site: Site) -> None:
    page.goto(site.page_url(REFERENCE), wait_until="load")
    assert page.locator(".md-typeset table").count() >= 3
    found = {}
    for width in (1280, 800, PHONE_WIDTH):
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate(NEXT_FRAME)
        found[width] = page.evaluate(BROKEN_WORDS)
    assert not any(found.values()), {w: sorted(set(b)) for w, b in found.items() if b}
    # Nor does the page scroll sideways on a phone: a wide table scrolls in its own box.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


#: Per function or method: its path and the lines of each signature box of its own.
SIGNATURES = """() => Array.from(document.querySelectorAll(".doc-function")).map((f) => ({
  name: f.querySelector(".doc-heading").id,
  boxes: Array.from(f.querySelectorAll(".doc-signature"))
    .filter((box) => box.closest(".doc-function") === f)
    .map((box) => box.querySelector("code").innerText.trimEnd().split("\\n")),
}))"""

#: The table of contents: each entry's text, with the text of the entry it is under.
TOC = """() => Array.from(document.querySelectorAll(
  ".md-sidebar--secondary .md-nav__link")).map((link) => {
    const parent = link.closest(".md-nav__item").parentElement.closest(".md-nav__item");
    const parentLink = parent && parent.querySelector(":scope > .md-nav__link");
    return [link.textContent.trim(), parentLink ? parentLink.textContent.trim() : null,
            link.getAttribute("href")];
  })"""


def test_each_function_has_one_signature_box_and_the_contents_name_each_module_once(
    page: Page, site: Site
) -> None:
    page.goto(site.page_url(REFERENCE), wait_until="load")
    functions = page.evaluate(SIGNATURES)
    assert len(functions) > 20
    for function in functions:
        name, boxes = function["name"], function["boxes"]
        assert len(boxes) == 1, f"{name}: {len(boxes)} signature boxes: {boxes}"
        assert not any(line.endswith("-> Any") for line in boxes[0]), f"{name}: {boxes[0]}"
    relu = next(f for f in functions if f["name"] == "nnfs_ref.pure.relu")
    assert [line for line in relu["boxes"][0] if line.startswith("relu(")] == [
        "relu(x: float) -> float",
        "relu(x: Vector) -> list[float]",
        "relu(x: Matrix) -> list[list[float]]",
    ]
    toc = page.evaluate(TOC)
    assert ["nnfs_ref.pure", None] in [entry[:2] for entry in toc]
    repeated = [(text, parent) for text, parent, _ in toc if parent and parent.endswith(f".{text}")]
    assert not repeated, f"entries that repeat the heading they are under: {repeated}"
    hrefs = [href for *_, href in toc]
    assert len(hrefs) == len(set(hrefs)), "an entry of the table of contents twice"
