"""Fixtures for the browser tests: the built site, a local server, and Chromium.

The site is built once per session into a temporary folder and served on
127.0.0.1 on a free port. Chromium is the system one (Playwright's own browser
download is not available everywhere): set CHROMIUM to use another binary.
Without Chromium the browser tests skip, unless CI is set: then they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.server import serve
from tests.conftest import BuiltSite

#: What Debian's Chromium needs to run headless as root, and to stay off the network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL_HINT = (
    "Chromium not found: the browser tests need it. Install it with "
    "`sudo apt-get install chromium` (Debian/Ubuntu), or point the CHROMIUM "
    "environment variable at a Chromium or Chrome binary."
)


def find_chromium() -> str | None:
    """The Chromium binary to drive: $CHROMIUM, else the first one on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """Chromium's path; skip without it, or fail when running in CI."""
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail(f"{INSTALL_HINT} (CI is set, so a missing browser is an error.)")
        pytest.skip(INSTALL_HINT)
    return chromium


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch arguments, with the system Chromium and its flags."""
    return {
        **browser_type_launch_args,
        "executable_path": require_chromium(),
        "args": CHROMIUM_FLAGS,
    }


@dataclass(frozen=True)
class Site:
    """The built site, served locally."""

    root: Path
    url: str  # ends with '/'
    pages: list[str]  # paths relative to `url`, home first, e.g. 'part1/single-neuron/'

    def page_url(self, path: str) -> str:
        return self.url + path


def pages_of(site: Path) -> list[str]:
    """Every page of the navigation, from the sitemap the build wrote."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(site / "sitemap.xml")
    paths = [urlsplit(loc.text or "").path for loc in tree.iterfind("s:url/s:loc", namespace)]
    base = min(paths, key=len)  # the home page: the site_url's own path
    return [path[len(base) :] for path in paths]


@pytest.fixture(scope="session")
def site(built_site: BuiltSite) -> Iterator[Site]:
    """The shared built site, served on a free local port."""
    require_chromium()
    with serve(built_site.root) as url:
        yield Site(root=built_site.root, url=url, pages=pages_of(built_site.root))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh reader (light preference, clipboard allowed, empty storage).

    Replaces pytest-playwright's `context` and `page`, which go through its
    `base_url` fixture and a pytest deprecation warning (an error here).
    """
    context = browser.new_context(
        color_scheme="light",
        viewport={"width": 1280, "height": 800},
        permissions=["clipboard-read", "clipboard-write"],
    )
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A tab of that reader's browser."""
    return context.new_page()
