"""The printed book (`make pdf`): the shared built site's book page, printed once by Chromium.

Read back with pypdf: every lesson's title is in the text, no line of code runs
past the right margin (the longest line of any fence is far wider than the
page, so it must wrap), and the file stays small enough to mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from docs_build.core.fences import find_fences
from docs_build.site.release import print_page_of, print_pdf
from tests.browser.conftest import require_chromium
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT
from tests.test_distribution import lesson_titles

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MM = 72 / 25.4  # PDF points per millimetre
MAX_BYTES = 15 * 1024 * 1024


@pytest.fixture(scope="module")
def book(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium = require_chromium()
    target = tmp_path_factory.mktemp("pdf") / "book.pdf"
    return print_pdf(print_page_of(built_site.root), target, chromium)


@dataclass(frozen=True)
class Printed:
    """What the PDF holds: its text (whitespace removed) and its runs of code."""

    page_width: float  # points
    text: str
    code: list[tuple[int, str, float, float]]  # (page, text, left, right), in points


@pytest.fixture(scope="module")
def printed(book: Path) -> Printed:
    """One pass over the PDF (pypdf takes seconds): the text and where the code is."""
    reader = PdfReader(book)
    text, code = read_pdf(reader)
    return Printed(float(reader.pages[0].mediabox.width), squeeze(text), code)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_pdf_is_under_15_mb(book: Path) -> None:
    assert 100_000 < book.stat().st_size < MAX_BYTES


def test_the_pdf_has_every_lesson_title_in_reading_order(printed: Printed) -> None:
    text = printed.text
    titles = [squeeze(title) for title in lesson_titles()]
    # The contents come first and list every title; the lessons follow, in order.
    assert text.find("Contents") < text.find(titles[0])
    cursor = text.find(titles[-1]) + len(titles[-1])  # the end of the contents
    assert cursor > len(titles[-1])
    for title in titles:
        found = text.find(title, cursor)
        assert found > 0, f"no lesson titled {title!r} after the contents (or out of order)"
        cursor = found + len(title)


def side_margin() -> float:
    """The left and right page margin print.css sets, in points."""
    css = (ROOT / "docs/stylesheets/print.css").read_text()
    rule = re.search(r"@page\s*\{[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm", css)
    assert rule, "print.css sets the page margins as `margin: TOP SIDES ...` in mm"
    return float(rule[2]) * MM


def monospace_advance(font: Any) -> float:
    """The widest glyph advance of a (monospaced) font, in thousandths of its size.

    A CID font's /W array holds `first [w1 w2 ...]` and `first last w` entries.
    """
    entries = list(font["/DescendantFonts"][0].get_object().get("/W", []))
    widths: list[float] = []
    index = 0
    while index < len(entries):
        if isinstance(entries[index + 1], list):
            widths += [float(w) for w in entries[index + 1]]
            index += 2
        else:
            widths.append(float(entries[index + 2]))
            index += 3
    assert widths, font
    return max(widths)


def read_pdf(reader: PdfReader) -> tuple[str, list[tuple[int, str, float, float]]]:
    """The text, and (page, text, left, right) in points of every run of monospaced text."""
    runs: list[tuple[int, str, float, float]] = []
    pages = []
    for number, page in enumerate(reader.pages, 1):

        def visit(
            text: str, cm: list[float], tm: list[float], font: Any, size: float, at: int = number
        ) -> None:
            if not text.strip() or font is None or "Mono" not in str(font.get("/BaseFont")):
                return
            scale = cm[0]  # CSS pixels to points; the text matrix is unscaled
            left = cm[4] + scale * tm[4]
            width = len(text.rstrip("\n")) * monospace_advance(font) / 1000 * size * scale
            runs.append((at, text, left, left + width))

        pages.append(page.extract_text(visitor_text=visit))
    return "".join(pages), runs


def test_no_code_line_is_cut_at_the_right_margin(printed: Printed) -> None:
    width = printed.page_width
    left_margin = right_margin = side_margin()
    runs = printed.code
    assert len(runs) > 1000, "code is printed in a monospaced font"
    # Each line of code ends inside the printable width (half a point for rounding).
    past = [(p, t, round(r, 1)) for p, t, _, r in runs if r > width - right_margin + 0.5]
    assert past == [], f"code past the right margin at {width - right_margin:.1f} pt: {past[:5]}"
    assert min(left for _, _, left, _ in runs) >= left_margin - 0.5
    # Lines of code wider than the page were wrapped, and all of each is printed
    # (Chromium leaves out what a box cuts off, so a cut line is missing text).
    per_character = sorted((r - left) / len(t.rstrip()) for _, t, left, r in runs)
    typical = per_character[len(per_character) // 2]
    printable = width - left_margin - right_margin
    pages = sorted(ROOT.glob("docs/part*/*.md"))  # the lessons, all in the book
    wide = [
        line.strip()
        for page in pages
        for fence in find_fences(page.read_text())
        for line in fence.body.split("\n")
        if len(line) * typical > printable
        and "markdown-exec: hide" not in line
        and "..." not in line[4:]  # an ELLIPSIS output: the page shows the real one
    ]
    assert len(wide) > 5, "the lessons have lines wider than the page"
    missing = [line for line in wide if squeeze(line) not in printed.text]
    assert missing == [], f"{len(missing)} of {len(wide)} wide lines cut: {missing[:3]}"
