"""The offline copy (`make offline`): unzipped into a folder and read from file:// in Chromium.

The zip of the shared build (`built_site`, made as `make build` makes it:
mkdocs-offline.yml built and zipped first), unzipped into a temporary folder. Every
request the browser makes is recorded; anything but a local file is refused
and reported. Every console error, uncaught script error and failed request of
every page opened fails the test that opened it: from file:// a browser refuses
what a web server would serve (a font fetched by a preload, an absolute path
such as the book's /search/search_index.js).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, expect

from docs_build.site.provenance import commit_of
from tests.browser.conftest import require_chromium
from tests.browser.visits import NO_TRANSITIONS, REPORT
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT, project_version

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "part1/dot-product.html"
LESSON_TITLE = "Dot product and vector addition"
#: The printable book, with every lesson's formulas (it takes seconds to load), and the
#: pages not visited otherwise that other plugins make (mkdocs-jupyter) or fill in.
BOOK = "print_page.html"
OTHER_PAGES = ["get-nnfs-ref.html", "playground.html"]
#: How many formulas a page has, and whether the math font is loaded.
MATH = """() => [document.querySelectorAll("math").length, Array.from(document.fonts).some(
  (f) => f.family.replace(/"/g, "") === "Latin Modern Math" && f.status === "loaded")]"""
LOCAL = ("file:", "data:", "blob:", "about:")


@dataclass(frozen=True)
class OfflineCopy:
    archive: Path
    root: Path  # the unzipped top folder, holding index.html


@pytest.fixture(scope="module")
def offline_copy(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> OfflineCopy:
    """The zip `make build` made (the shared build), unzipped into a fresh folder."""
    require_chromium()
    [archive] = built_site.dist.glob("*.zip")
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder / "unzipped")
    [top] = list((folder / "unzipped").iterdir())
    return OfflineCopy(archive, top)


@dataclass
class Requests:
    seen: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@pytest.fixture
def requests(context: BrowserContext) -> Requests:
    found = Requests()

    def only_local(route: Route) -> None:
        url = route.request.url
        found.seen.append(url)
        if url.startswith(LOCAL):
            route.continue_()
        else:
            found.refused.append(url)
            route.abort()

    context.route("**/*", only_local)
    return found


@dataclass
class Console:
    """What went wrong in the pages of one test: console errors, uncaught script errors
    and requests that failed."""

    problems: list[str] = field(default_factory=list)


@pytest.fixture
def console(context: BrowserContext) -> Console:
    found = Console()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.problems.append(f"console error: {message.text} ({message.location['url']})")

    def on_failure(request: Request) -> None:
        # (Not one the browser dropped because the page was left: the favicon, say.)
        if request.failure != "net::ERR_ABORTED":
            found.problems.append(f"request failed: {request.url} ({request.failure})")

    context.on("console", on_console)
    context.on("weberror", lambda error: found.problems.append(f"script error: {error.error}"))
    context.on("requestfailed", on_failure)
    return found


def test_the_zip_is_named_for_the_version_and_commit_and_holds_the_wheel(
    offline_copy: OfflineCopy,
) -> None:
    version = project_version()
    commit = commit_of(ROOT)
    name = offline_copy.archive.name
    assert name == f"nnfs-companion-offline-{version}-{commit.slug}.zip"
    assert offline_copy.root.name == name.removesuffix(".zip")
    assert (offline_copy.root / f"downloads/nnfs_ref-{version}-py3-none-any.whl").is_file()
    with zipfile.ZipFile(offline_copy.archive) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert len({info.date_time for info in archive.infolist()}) == 1


def test_the_offline_copy_makes_no_link_to_a_zip_or_a_cdn(offline_copy: OfflineCopy) -> None:
    pages = sorted(offline_copy.root.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        assert ".zip" not in html, page  # it does not link to itself
        assert not re.search(r'(src|href)="(https?:)?//[^"]*(unpkg|jsdelivr|cdn)', html), page
    download = (offline_copy.root / "get-nnfs-ref.html").read_text()
    assert "You are reading the offline copy" in download
    # Nothing that only a web server can serve: a font fetched by a preload, a 404 page.
    assert not [p for p in pages if 'rel="preload"' in p.read_text()]
    assert not (offline_copy.root / "404.html").exists()
    assert "data:font/woff2;base64," in (offline_copy.root / "stylesheets/extra.css").read_text()
    assert '"base": "."' in (offline_copy.root / BOOK).read_text()  # not "/"


def open_local(page: Page, file: Path) -> None:
    page.goto(file.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


def test_a_reader_navigates_searches_and_sees_math_and_figures_with_no_network(
    offline_copy: OfflineCopy, page: Page, requests: Requests, console: Console
) -> None:
    home = offline_copy.root / "index.html"
    # Material unfolds a part of the navigation in 0.25 s. On a busy machine a click on
    # a link of it once led nowhere (1 run in 10 under load), most likely landing where
    # the moving link no longer was: here, as in the page visits, nothing moves.
    page.add_init_script(NO_TRANSITIONS)
    open_local(page, home)
    # To a lesson through the navigation (its part opened first), and back.
    page.locator("nav.md-nav--primary label.md-nav__link", has_text="Part 1").first.click()
    page.locator(f"nav.md-nav--primary a[href$='{LESSON}']").first.click()
    page.wait_for_url(re.compile(re.escape(LESSON) + "$"))
    expect(page.locator("h1")).to_contain_text(LESSON_TITLE)
    page.go_back(wait_until="load")
    assert page.url == home.as_uri()
    # Search runs from file:// (the vendored iframe-worker shim, the inlined index).
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("dot product", delay=20)
    result = page.locator(f".md-search-result__item a[href*='{LESSON}']").first
    expect(result).to_be_visible(timeout=15_000)
    # A lesson with formulas and figures: math in the shipped font, figures drawn.
    open_local(page, offline_copy.root / LESSON)
    report = page.evaluate(REPORT, "light")
    math = report["math"]
    assert math["count"] > 0
    assert math["fontLoaded"], "Latin Modern Math did not load from the copy"
    assert all(f.startswith('"Latin Modern Math"') for f in math["families"]), math
    assert not math["rawLatex"]
    assert report["figures"], "no figure on the lesson"
    for figure in report["figures"]:
        assert figure["visible"]
        assert figure["width"] > 100
        assert figure["height"] > 50
    assert requests.refused == [], "requests that would leave the machine"
    assert requests.seen, "no request recorded at all"
    assert all(url.startswith(LOCAL) for url in requests.seen)
    assert console.problems == []


def test_the_book_and_the_other_pages_open_with_no_error(
    offline_copy: OfflineCopy, page: Page, requests: Requests, console: Console
) -> None:
    """The book (rendered by print-site with an absolute base, which asked for
    file:///search/search_index.js) finds the search index and the math font in the
    copy; the download page and the playground open with nothing refused or missing."""
    # Material asks for the search index at once (in search's frame), from its base.
    with page.expect_request(lambda r: r.url.endswith("/search/search_index.js")) as asked:
        open_local(page, offline_copy.root / BOOK)
    assert asked.value.url == (offline_copy.root / "search/search_index.js").as_uri()
    formulas, font_loaded = page.evaluate(MATH)
    assert formulas > 0
    assert font_loaded, "Latin Modern Math did not load in the book"
    for name in OTHER_PAGES:
        open_local(page, offline_copy.root / name)
    assert requests.refused == []
    assert console.problems == []


def test_every_notebook_link_resolves_to_a_file_in_the_zip(
    offline_copy: OfflineCopy, page: Page, requests: Requests, console: Console
) -> None:
    listing = offline_copy.root / "notebooks.html"
    open_local(page, listing)
    hrefs: list[str] = page.eval_on_selector_all(
        "article a[download]", "links => links.map((a) => a.href)"
    )
    lessons = sorted((ROOT / "docs").glob("part*/*.md"))
    assert len(hrefs) == len([p for p in lessons if p.name != "index.md"])
    for href in hrefs:
        target = Path(unquote(urlsplit(href).path))
        assert href.startswith("file://")
        assert target.is_file(), href
        assert offline_copy.root in target.parents
        assert target.suffix == ".ipynb"
    # A lesson's own download button points into the copy too.
    open_local(page, offline_copy.root / LESSON)
    button = page.locator("a.md-button[download]").first.evaluate("(a) => a.href")
    assert Path(unquote(urlsplit(button).path)).is_file()
    assert requests.refused == []
    assert console.problems == []
