"""Every page of the navigation, as a reader's browser loads it.

Each page is loaded in the light palette, in the dark palette (both on a
desktop screen) and on a 375 px wide phone screen. Every load records every
request, console error and axe-core violation; the tests below then check one
kind of finding each, over all pages at once, and list all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Request, Route

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375


@dataclass(frozen=True)
class Setting:
    """How a reader looks at the site."""

    name: str
    # Material follows prefers-color-scheme until the reader picks a palette.
    color_scheme: Literal["light", "dark"]
    width: int
    height: int


SETTINGS = [
    Setting("light", "light", 1280, 800),
    Setting("dark", "dark", 1280, 800),
    Setting("phone", "light", PHONE_WIDTH, 812),
]


@dataclass
class Visit:
    """What one load of one page showed."""

    page: str
    setting: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    scroll_width: int = 0
    client_width: int = 0


def visit_everything(browser: Browser, site: Site) -> list[Visit]:
    axe = Axe()
    local = urlsplit(site.url).netloc
    visits: list[Visit] = []
    for setting in SETTINGS:
        context = browser.new_context(
            color_scheme=setting.color_scheme,
            viewport={"width": setting.width, "height": setting.height},
            service_workers="block",
        )
        current: list[Visit] = []

        def on_request(request: Request, current: list[Visit] = current) -> None:
            current[-1].requests.append(request.url)

        def on_console(message: ConsoleMessage, current: list[Visit] = current) -> None:
            if message.type == "error":
                current[-1].console_errors.append(f"{message.text} ({message.location})")

        def stay_local(route: Route) -> None:
            # Recorded by on_request already; never let a test wait on the outside world.
            if urlsplit(route.request.url).netloc == local:
                route.continue_()
            else:
                route.abort()

        context.on("request", on_request)
        context.on("console", on_console)
        context.route("**/*", stay_local)
        page = context.new_page()
        for path in site.pages:
            current.append(Visit(page=path, setting=setting.name))
            page.goto(site.page_url(path), wait_until="load")
            page.wait_for_load_state("networkidle")
            if setting.width == PHONE_WIDTH:
                width = page.evaluate(
                    "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                )
                current[-1].scroll_width, current[-1].client_width = width
            current[-1].violations = axe.run(page).response["violations"]
        context.close()
        visits.extend(current)
    return visits


@pytest.fixture(scope="module")
def visits(browser: Browser, site: Site) -> list[Visit]:
    return visit_everything(browser, site)


def test_every_page_of_the_navigation_is_visited(site: Site, visits: list[Visit]) -> None:
    assert site.pages[0] == ""
    assert len(site.pages) >= 2
    assert {visit.page for visit in visits} == set(site.pages)


def test_no_request_leaves_the_local_server(site: Site, visits: list[Visit]) -> None:
    outside = [
        f"{visit.page or 'home'} ({visit.setting}): {url}"
        for visit in visits
        for url in visit.requests
        if not url.startswith(site.url) and not url.startswith(("data:", "blob:"))
    ]
    assert outside == [], "requests to another host:\n" + "\n".join(outside)


def test_no_console_errors(visits: list[Visit]) -> None:
    errors = [
        f"{visit.page or 'home'} ({visit.setting}): {error}"
        for visit in visits
        for error in visit.console_errors
    ]
    assert errors == [], "console errors:\n" + "\n".join(errors)


def describe(violation: dict[str, Any]) -> str:
    targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"


@pytest.mark.parametrize("setting", [setting.name for setting in SETTINGS])
def test_axe_finds_no_violations(visits: list[Visit], setting: str) -> None:
    found = [
        f"{visit.page or 'home'}: {describe(violation)}"
        for visit in visits
        if visit.setting == setting
        for violation in visit.violations
    ]
    assert found == [], f"axe-core violations ({setting}):\n" + "\n".join(found)


def test_no_horizontal_scrolling_on_a_phone(visits: list[Visit]) -> None:
    phone = [visit for visit in visits if visit.setting == "phone"]
    assert phone
    wide = [
        f"{visit.page or 'home'}: {visit.scroll_width} px of content in {visit.client_width} px"
        for visit in phone
        if visit.scroll_width > visit.client_width
    ]
    assert wide == [], f"pages that scroll sideways at {PHONE_WIDTH} px:\n" + "\n".join(wide)
