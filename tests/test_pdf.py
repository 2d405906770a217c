"""The printed book (`make pdf`): the shared built site's book page, printed once by Chromium.

Read back with PDFium (pypdfium2): every lesson's title is in the text, no line of code runs
past the right margin (the longest line of any fence is far wider than the
page, so it must wrap), no placeholder address is printed, and the file stays
small enough to mail.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from docs_build.core.fences import find_fences
from docs_build.site.release import print_page_of, print_pdf
from tests.browser.conftest import require_chromium
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT
from tests.test_distribution import lesson_titles
from tests.test_placeholders import placeholders_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MM = 72 / 25.4  # PDF points per millimetre
MAX_BYTES = 15 * 1024 * 1024


@pytest.fixture(scope="module")
def book(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium = require_chromium()
    target = tmp_path_factory.mktemp("pdf") / "book.pdf"
    return print_pdf(print_page_of(built_site.root), target, chromium)


@dataclass(frozen=True)
class Run:
    """One text object of monospaced text, positions in points."""

    page: int
    text: str
    left: float  # ink
    right: float  # ink
    origin: float  # where the pen started
    baseline: float


@dataclass(frozen=True)
class Printed:
    """What the PDF holds: its text (whitespace removed) and its runs of code."""

    page_width: float  # points
    text: str
    code: list[Run]


@pytest.fixture(scope="module")
def printed(book: Path) -> Printed:
    """One pass over the PDF with PDFium: the text and where the code is."""
    document = pdfium.PdfDocument(book)
    try:
        width = document[0].get_width()
        text, code = read_pdf(document)
    finally:
        document.close()
    return Printed(width, squeeze(text), code)


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


def test_the_pdf_names_no_placeholder_address(printed: Printed) -> None:
    """The printed text, whitespace removed, as tests/test_placeholders.py scans the site."""
    assert "nnfs_ref" in printed.text
    assert placeholders_in(printed.text) == []


def side_margin() -> float:
    """The left and right page margin print.css sets, in points."""
    css = (ROOT / "docs/stylesheets/print.css").read_text()
    rule = re.search(r"@page\s*\{[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm", css)
    assert rule, "print.css sets the page margins as `margin: TOP SIDES ...` in mm"
    return float(rule[2]) * MM


def font_name(font: Any) -> str:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode()


def object_text(obj: Any, textpage: Any) -> str:
    size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)  # bytes of UTF-16, with a NUL
    buffer = (ctypes.c_ushort * (size // 2))()
    raw.FPDFTextObj_GetText(obj, textpage, buffer, size)
    return bytes(buffer)[:-2].decode("utf-16-le")


def read_pdf(document: pdfium.PdfDocument) -> tuple[str, list[Run]]:
    """The text of every page, and every text object in a monospaced font.

    The raw PDFium calls (not the object wrappers) keep the ~200,000 text
    objects Chromium writes to about a second.
    """
    names: dict[int | None, str] = {}
    runs: list[Run] = []
    pages = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = raw.FS_MATRIX()
    for number, page in enumerate(document, 1):
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        for index in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, index)
            if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            font = raw.FPDFTextObj_GetFont(obj)
            key = ctypes.cast(font, ctypes.c_void_p).value
            if key not in names:
                names[key] = font_name(font)
            if "Mono" not in names[key]:
                continue
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            text = object_text(obj, textpage.raw)
            runs.append(Run(number, text, left.value, right.value, matrix.e, matrix.f))
    return "".join(pages), runs


def advance(runs: list[Run]) -> float:
    """The usual width of one code character: the pen's step between neighbouring runs."""
    steps = sorted(
        (b.origin - a.origin) / len(a.text)
        for a, b in itertools.pairwise(runs)
        if a.page == b.page and a.baseline == b.baseline and a.text and b.origin > a.origin
    )
    assert len(steps) > 1000, "code is printed as runs of text on shared lines"
    return steps[len(steps) // 2]


def test_no_code_line_is_cut_at_the_right_margin(printed: Printed) -> None:
    width = printed.page_width
    left_margin = right_margin = side_margin()
    runs = printed.code
    assert len(runs) > 1000, "code is printed in a monospaced font"
    # Each run of code ends inside the printable width (half a point for rounding).
    edge = width - right_margin + 0.5
    past = [(r.page, r.text, round(r.right, 1)) for r in runs if r.right > edge]
    assert past == [], f"code past the right margin at {width - right_margin:.1f} pt: {past[:5]}"
    assert min(r.left for r in runs) >= left_margin - 0.5
    # Lines of code wider than the page were wrapped, and all of each is printed
    # (Chromium leaves out what a box cuts off, so a cut line is missing text).
    typical = advance(runs)
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
