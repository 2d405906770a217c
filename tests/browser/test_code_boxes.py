"""Code boxes: no empty band above the code, the copy button never covers code, and
an exception's message is read without scrolling.

The copy button sits in the top right corner of every code box. A first line that
ends before the button must start beside it, not below it (an empty band a line
high above every box, to clear the button, was the old way); a first line that
reaches the button must start below it. Checked on a desktop and on a phone,
on pages with one-line boxes, the API reference's signatures and the playground's
cells.

The line of a console block naming an exception (`ValueError: ...`) wraps inside
the box: every piece of it lies between the box's left and right edges, at both
widths, on the long messages of nnfs_ref and of NumPy a lesson asks a reader to
read.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.visits import NEXT_FRAME, NO_TRANSITIONS, PHONE_WIDTH

pytestmark = pytest.mark.browser

PAGES = ["part1/single-neuron/", "reference/", "playground/"]
#: Console blocks whose exception message is longer than a box is wide (page, block id).
LONG_EXCEPTIONS = [
    ("part2/loss/", "loss-mistake-raw-nnfs-ref"),
    ("part1/matrix-product/", "matmul-mistake-inner"),
]
WIDTHS = [1280, PHONE_WIDTH]
#: A first line ending this close to the button (CSS px) may start below it.
CLOSE = 8

#: Every code box laid out, with its copy button: where its first line starts (below the
#: box's top, and on the page) and ends (the box scrolled to its start), the button's
#: left and bottom edges, and whether any code is under the button.
CODE_BOXES = """() => {
  const found = [];
  const boxes = Array.from(document.querySelectorAll(".md-typeset pre > code")).map(
    (code) => [code, code.parentElement.querySelector(":scope > .md-code__nav")]);
  for (const [code, button] of boxes) {
    // Boxes in a closed block count too: laid out, they are where a reader opening it
    // finds them (a tab not shown has no layout, and no rectangles).
    if (!button || !code.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(code);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    if (!rects.length) continue;
    const place = button.getBoundingClientRect();
    const first = rects[0];
    const firstLine = rects.filter((r) => Math.abs(r.top - first.top) < 1);
    found.push({
      text: code.textContent.split("\\n")[0].slice(0, 50),
      gap: first.top - code.getBoundingClientRect().top,
      firstTop: first.top,
      buttonBottom: place.bottom,
      lineEnd: Math.max(...firstLine.map((r) => r.right)) + code.scrollLeft,
      buttonLeft: place.left,
      covered: rects.some((r) => r.left < place.right && r.right > place.left &&
        r.top < place.bottom && r.bottom > place.top),
    });
  }
  return found;
}"""


def problems(boxes: list[dict[str, Any]]) -> list[str]:
    found = []
    for box in boxes:
        text, gap = box["text"], box["gap"]
        if box["covered"]:
            found.append(f"{text!r}: the copy button covers code")
        fits = box["lineEnd"] <= box["buttonLeft"] - CLOSE
        if fits and box["firstTop"] >= box["buttonBottom"]:
            found.append(f"{text!r}: starts {gap:.0f}px down, below the button, though it fits")
    return found


def test_code_starts_at_the_top_of_its_box_and_never_under_the_copy_button(
    page: Page, site: Site
) -> None:
    page.add_init_script(NO_TRANSITIONS)
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    failures, checked = [], 0
    for path in PAGES:
        page.goto(site.page_url(path), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate(NEXT_FRAME)
            boxes = page.evaluate(CODE_BOXES)
            assert boxes, f"{path} at {width}px: no code box with a copy button"
            checked += len(boxes)
            failures += [f"{path} at {width}px: {p}" for p in problems(boxes)]
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    assert not failures, f"{len(failures)} of {checked} boxes:\n" + "\n".join(failures)


#: The exception lines of one block: their text, how many characters were measured,
#: and how far any character of each reaches past the left or right edge of the box's
#: code area (CSS px; 0 when inside). A space at a line's end may hang past the edge,
#: as a wrapped line's spaces do: only the visible characters count.
EXCEPTION_LINES = """(block) => {
  const found = [];
  for (const line of document.querySelectorAll(
      `[data-block="${block}"] pre > code .nnfs-exception`)) {
    const code = line.closest("code");
    const box = code.getBoundingClientRect();
    const style = getComputedStyle(code);
    const left = box.left + code.clientLeft + parseFloat(style.paddingLeft);
    const right = box.left + code.clientLeft + code.clientWidth - parseFloat(style.paddingRight);
    const range = document.createRange();
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let measured = 0, past = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        for (const r of range.getClientRects()) {
          measured += 1;
          past = Math.max(past, left - r.left, r.right - right);
        }
      }
    }
    found.push({text: line.textContent, measured: measured, past: past});
  }
  return found;
}"""


def exception_problems(lines: list[dict[str, Any]]) -> list[str]:
    if not lines:
        return ["no exception line found (marked nnfs-exception)"]
    return [
        f"{line['text'][:60]!r} reaches {line['past']:.0f}px past the box"
        for line in lines
        if line["past"] > 0.5 or not line["measured"]
    ]


def test_an_exception_line_wraps_inside_its_box(page: Page, site: Site) -> None:
    page.add_init_script(NO_TRANSITIONS)
    failures = []
    for path, block in LONG_EXCEPTIONS:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(site.page_url(path), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate(NEXT_FRAME)
            lines = page.evaluate(EXCEPTION_LINES, block)
            failures += [f"{path} {block} at {width}px: {p}" for p in exception_problems(lines)]
    assert not failures, "\n".join(failures)
