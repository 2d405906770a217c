"""Fixtures for the browser tests: the shared built site, a local server, and Chromium.

The site (tests/conftest.py's `built_site`) is served on 127.0.0.1 on a free
port. Chromium is found by docs_build/site/chromium.py (set CHROMIUM to choose one).
Without Chromium the browser tests skip, unless CI is set: then they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from bench.browser import pages_of
from bench.server import serve
from docs_build.site.chromium import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from tests.conftest import BuiltSite


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
