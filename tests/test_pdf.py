"""The printed book (`make pdf`): the shared built site's book page, printed by Chromium as
`make pdf` prints it (twice: the second print has the contents' page numbers), once per run.

Read back with PDFium (pypdfium2): every lesson's title is in the text, no line of code runs
past the right margin (the longest line of any fence is far wider than the
page, so it must wrap), no placeholder address is printed, and the file stays
small enough to mail. The contents give each lesson's page; the page numbers
are in the body's font; no page ends with a script's "Output" caption, apart
from its box; and nothing only a screen can use is printed (`make serve`, a
link to a file of the site).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from docs_build.core.fences import find_fences
from docs_build.site.formatters import OUTPUT_LABEL
from docs_build.site.release import print_book
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
    return print_book(built_site.root, target, chromium)


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
class Footer:
    """What one page prints under its bottom margin: its page number."""

    text: str  # whitespace removed
    fonts: frozenset[str]  # font families, without the subset tag (AAAAAA+)


@dataclass(frozen=True)
class Printed:
    """What the PDF holds: its text (whitespace removed), its runs of code, each page's
    footer and last line of text above the bottom margin, and its main font."""

    page_width: float  # points
    text: str
    code: list[Run]
    footers: list[Footer]  # page by page
    last_lines: list[str]  # page by page, whitespace removed
    body_font: str  # the family most of the text is in, code aside
    links: list[str]  # the addresses of the links that lead out of the PDF


@pytest.fixture(scope="module")
def printed(book: Path) -> Printed:
    """One pass over the PDF with PDFium: the text and where the code is."""
    document = pdfium.PdfDocument(book)
    try:
        width = document[0].get_width()
        pdf = read_pdf(document)
    finally:
        document.close()
    fonts = Counter({name: n for name, n in pdf.fonts.items() if "Mono" not in name})
    [(body_font, _)] = fonts.most_common(1)
    return Printed(
        width, squeeze(pdf.text), pdf.code, pdf.footers, pdf.last_lines, body_font, pdf.links
    )


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


def page_margins() -> tuple[float, float, float]:
    """The top, side and bottom page margins print.css sets, in points."""
    css = (ROOT / "docs/stylesheets/print.css").read_text()
    rule = re.search(r"@page\s*\{[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", css)
    assert rule, "print.css sets the page margins as `margin: TOP SIDES BOTTOM` in mm"
    top, sides, bottom = (float(rule[i]) * MM for i in (1, 2, 3))
    return top, sides, bottom


def side_margin() -> float:
    """The left and right page margin print.css sets, in points."""
    return page_margins()[1]


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


def family(font: str) -> str:
    """`LiberationSans` for `AAAAAA+LiberationSans` (the tag names one subset of it)."""
    return font.rpartition("+")[2]


@dataclass(frozen=True)
class Placed:
    """A text object and where its pen starts, in points."""

    baseline: float
    origin: float
    obj: Any


#: Text objects whose baselines are this close (points) are on one line.
SAME_LINE = 1.0


def lines_of(placed: list[Placed], textpage: Any, first: int | None = None) -> list[str]:
    """The lines these objects make, top to bottom, each read left to right (only the
    `first` lines, if given)."""
    lines: list[list[Placed]] = []
    for item in sorted(placed, key=lambda p: -p.baseline):
        if lines and lines[-1][0].baseline - item.baseline <= SAME_LINE:
            lines[-1].append(item)
        else:
            lines.append([item])
    return [
        "".join(object_text(p.obj, textpage) for p in sorted(line, key=lambda p: p.origin))
        for line in lines[:first]
    ]


def placed_text(page: Any) -> list[Placed]:
    """Every text object of a page, and where it is."""
    matrix = raw.FS_MATRIX()
    placed = []
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            placed.append(Placed(matrix.f, matrix.e, obj))
    return placed


@dataclass
class Read:
    """What `read_pdf` finds."""

    text: str  # every page's
    code: list[Run]
    footers: list[Footer]
    last_lines: list[str]
    fonts: Counter[str]  # text objects by font family
    links: list[str]  # the addresses of the links that lead out of the PDF


def read_pdf(document: pdfium.PdfDocument) -> Read:
    """The text of every page, every text object in a monospaced font, what each page
    prints under its bottom margin and its last line above it, and the fonts used.

    The raw PDFium calls (not the object wrappers) keep the ~200,000 text
    objects Chromium writes to a few seconds: only code, footers and last lines
    are read object by object.
    """
    names: dict[int | None, str] = {}
    counts: Counter[int | None] = Counter()  # text objects by font
    runs: list[Run] = []
    pages = []
    footers = []
    last_lines = []
    links: list[str] = []
    margin = page_margins()[2]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = raw.FS_MATRIX()
    for number, page in enumerate(document, 1):
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        under: list[Placed] = []  # the footer's objects
        under_fonts = set()
        lowest: list[Placed] = []  # the last line's above the margin, so far
        low = float("inf")  # its baseline
        for index in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, index)
            if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            font = raw.FPDFTextObj_GetFont(obj)
            key = ctypes.cast(font, ctypes.c_void_p).value
            if key not in names:
                names[key] = font_name(font)
            counts[key] += 1
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            baseline = matrix.f
            if baseline < margin:
                under.append(Placed(baseline, matrix.e, obj))
                under_fonts.add(family(names[key]))
            elif baseline < low - SAME_LINE:
                lowest, low = [Placed(baseline, matrix.e, obj)], baseline
            elif baseline <= low + SAME_LINE:
                lowest.append(Placed(baseline, matrix.e, obj))
            if "Mono" not in names[key]:
                continue
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            text = object_text(obj, textpage.raw)
            runs.append(Run(number, text, left.value, right.value, matrix.e, baseline))
        footer = squeeze("".join(lines_of(under, textpage.raw)))
        footers.append(Footer(footer, frozenset(under_fonts)))
        last_lines.append(squeeze("".join(lines_of(lowest, textpage.raw))))
        links += link_addresses(document, page)
    fonts: Counter[str] = Counter()
    for key, count in counts.items():
        fonts[family(names[key])] += count
    return Read("".join(pages), runs, footers, last_lines, fonts, links)


def link_addresses(document: pdfium.PdfDocument, page: Any) -> list[str]:
    """The address of each link of a page that leads out of the PDF."""
    found = []
    position, link = ctypes.c_int(0), raw.FPDF_LINK()
    while raw.FPDFLink_Enumerate(page.raw, position, link):
        action = raw.FPDFLink_GetAction(link)
        if action and raw.FPDFAction_GetType(action) == raw.PDFACTION_URI:
            size = raw.FPDFAction_GetURIPath(document.raw, action, None, 0)
            buffer = ctypes.create_string_buffer(size)
            raw.FPDFAction_GetURIPath(document.raw, action, buffer, size)
            found.append(buffer.value.decode())
    return found


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


def body_lines(document: pdfium.PdfDocument, number: int, first: int | None = None) -> list[str]:
    """The lines of page `number` (from 1) above its bottom margin, whitespace removed
    (the `first` lines only, if given)."""
    page = document[number - 1]
    margin = page_margins()[2]
    placed = [p for p in placed_text(page) if p.baseline >= margin]
    textpage = page.get_textpage()  # kept: its handle closes with it
    return [squeeze(line) for line in lines_of(placed, textpage.raw, first)]


#: A contents entry, whitespace removed: its title, then its page number.
ENTRY = re.compile(r"(?P<title>.*\D)(?P<page>\d+)")


def read_contents(document: pdfium.PdfDocument) -> tuple[list[tuple[str, int]], str]:
    """The contents' entries (title, page), whitespace removed, and the text left over
    without a number. They end on the page before the one their first entry gives."""
    lines = body_lines(document, 1)
    assert lines[0] == "Contents"
    lines = lines[1:]
    entries: list[tuple[str, int]] = []
    pending = ""  # a title that wraps has its number on its last line
    number = 1
    while True:
        for line in lines:
            entry = ENTRY.fullmatch(pending + line)
            pending = "" if entry else pending + line
            if entry:
                entries.append((entry["title"], int(entry["page"])))
        number += 1
        if not entries or number >= min(entries[0][1], len(document)):
            return entries, pending
        lines = body_lines(document, number)


def test_the_contents_give_the_page_each_lesson_starts_on(book: Path, printed: Printed) -> None:
    """Every entry of the contents ends with a page number; a lesson's is the page its
    title heads, and that page's footer prints the same number."""
    document = pdfium.PdfDocument(book)
    try:
        entries, unnumbered = read_contents(document)
        assert unnumbered == "", f"contents without page numbers: {unnumbered[:200]!r}"
        pages = [page for _, page in entries]
        assert pages == sorted(pages), "the contents' page numbers go up"
        assert pages[0] > 1
        assert pages[-1] <= len(document)
        listed = dict(entries)
        for title in map(squeeze, lesson_titles()):
            assert title in listed, f"no contents entry for the lesson {title!r}"
            page = listed[title]
            top = "".join(body_lines(document, page, first=3))  # a title may wrap
            assert top.startswith(title), f"{title!r}: page {page} starts {top[:80]!r}"
            assert printed.footers[page - 1].text == f"Page{page}"
    finally:
        document.close()


def test_every_page_is_numbered_in_the_body_font(printed: Printed) -> None:
    """Chromium's default for a page margin box is a serif; print.css names the body's."""
    numbers = [footer.text for footer in printed.footers]
    assert numbers == [f"Page{n}" for n in range(1, len(numbers) + 1)]
    fonts = {n: sorted(f.fonts) for n, f in enumerate(printed.footers, 1)}
    other = {n: names for n, names in fonts.items() if names != [printed.body_font]}
    assert other == {}, f"page numbers not in {printed.body_font}: {dict(list(other.items())[:5])}"


def test_no_page_ends_with_an_output_caption(printed: Printed) -> None:
    """A script's "Output" caption is printed on the page of its box, never alone at the
    bottom of the page before it."""
    caption = squeeze(re.sub(r"<[^>]+>", "", OUTPUT_LABEL))
    assert printed.text.count(caption) > 50, "the book has many script outputs"
    alone = [n for n, line in enumerate(printed.last_lines, 1) if line == caption]
    assert alone == [], f"pages ending with a lone {caption!r} caption: {alone}"


def test_the_book_prints_nothing_only_a_screen_can_use(
    printed: Printed, built_site: BuiltSite
) -> None:
    """The home page's "Run the site yourself" (make serve, a local address) and the offline
    copy's download link stay on the web page only; no link of the PDF leads to a file of
    the machine that printed it (a relative link, read from file://)."""
    home = squeeze(re.sub(r"<[^>]+>", "", (built_site.root / "index.html").read_text()))
    screen_only = ["Run the site yourself", "127.0.0.1:8000", "Download the offline copy"]
    for words in map(squeeze, screen_only):
        assert words in home, f"the web page lost {words!r}"
        assert words not in printed.text, f"the book prints {words!r}"
    assert len(printed.links) > 10
    local = [address for address in printed.links if not address.startswith("https://")]
    assert local == [], f"links a reader of the PDF cannot follow: {local}"
