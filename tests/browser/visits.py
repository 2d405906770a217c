"""Load every page of the site, a few at a time, and record what three readers see.

Each page is loaded once, on a desktop screen (Playwright's async API, several
pages side by side), and looked at in the light palette, then in the dark
palette (switched with Material's own toggle, as a reader does), then on a
375 px phone screen (the page resized, its resize listeners run at once);
axe-core runs in each setting: every rule in light and on the phone; in dark,
where only colours change, the colour rules (every rule on the home page, for
the palette toggle that only the dark palette shows); axe_run.js checks each
style of text once for the colour rules. The load records every request and console
error; the light setting also records the formulas and what each console
block's copy button copies; every setting records the page width, the figures
(with their text sizes) and whether a copy button covers code. The tests then
check one kind of finding each, over all pages at once. No fixed waits: a
page is ready when it has loaded and its fonts are ready, transitions are
switched off, and a resize is followed by two drawn frames.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.async_api import BrowserContext, ConsoleMessage, Page, Route, async_playwright

PHONE_WIDTH = 375
#: Pages loaded at the same time (the machine has two cores).
PARALLEL = 6
HERE = Path(__file__).resolve().parent


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
    report: dict[str, Any] = field(default_factory=dict)  # from the page's own JavaScript


# Records what the copy button copies (Material copies through a selected
# textarea and document.execCommand), so parallel pages never share a clipboard.
RECORD_COPIES = """
window.__copied = [];
document.addEventListener("copy", () => {
  const element = document.activeElement;
  const text = element && "value" in element && element.selectionEnd > element.selectionStart
    ? element.value.slice(element.selectionStart, element.selectionEnd)
    : String(document.getSelection());
  window.__copied.push(text);
}, true);
"""

REPORT = (HERE / "report.js").read_text()
#: axe-core itself (the copy axe-playwright-python ships), added to every page.
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_RUN = (HERE / "axe_run.js").read_text()


#: No transitions or animations: a palette switch or a resize takes effect at once.
NO_TRANSITIONS = """
document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; "
    + "animation: none !important; }";
  document.head.append(style);
});
"""

#: Choose a palette with Material's own toggle, as a reader does.
SWITCH_PALETTE = """(scheme) => {
  if (document.body.getAttribute("data-md-color-scheme") === scheme) return;
  const name = scheme === "slate" ? "Switch to dark mode" : "Switch to light mode";
  const labels = Array.from(document.querySelectorAll(`label[title="${name}"]`));
  (labels.find((label) => label.checkVisibility()) || labels[0]).click();
}"""


async def _load(context: BrowserContext, url: str, visit: Visit) -> Page:
    """Open `url`, recording every request and console error into `visit`."""
    page = await context.new_page()
    page.on("request", lambda request: visit.requests.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.console_errors.append(f"{message.text} ({message.location})")

    page.on("console", on_console)
    await page.goto(url, wait_until="load")
    await page.evaluate("document.fonts.ready.then(() => true)")
    return page


async def _look(page: Page, visit: Visit, rules: list[str] | None = None) -> None:
    """Measure what the reader sees, and run axe (`rules`, or every rule)."""
    visit.report = await page.evaluate(REPORT, visit.setting)
    visit.violations = await page.evaluate(AXE_RUN, rules)


#: The axe rules whose outcome depends on colours.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

#: Resolves once the browser has drawn two more frames.
NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


async def _resize(page: Page, setting: Setting) -> None:
    """Give the page the reader's screen, as if it had been loaded at that size: its
    resize listeners run now (not whenever the browser gets to it), then it redraws."""
    await page.set_viewport_size({"width": setting.width, "height": setting.height})
    await page.evaluate("window.dispatchEvent(new Event('resize'))")
    await page.evaluate(NEXT_FRAME)


async def _visit(context: BrowserContext, url: str, path: str) -> list[Visit]:
    """One page as three readers see it: on a desktop in the light palette, then in the
    dark one (Material's toggle), then on a phone (the same page, resized)."""
    light, dark, small = (Visit(page=path, setting=s.name) for s in SETTINGS)
    page = await _load(context, url, light)
    await _look(page, light)
    await page.evaluate(SWITCH_PALETTE, "slate")
    # The palette changes colours, not the page: every rule on the home page (the
    # toggle shown in the dark palette is another element), the colour rules elsewhere.
    await _look(page, dark, None if path == "" else COLOUR_RULES)
    await page.evaluate(SWITCH_PALETTE, "default")
    await _resize(page, SETTINGS[2])
    await _look(page, small)
    await _resize(page, SETTINGS[0])
    # Last: each copy opens Material's "Copied" dialog.
    light.report["copies"] = await _copies(page)
    await page.close()
    return [light, dark, small]


async def _copies(page: Page) -> list[tuple[str, str]]:
    """(shown text, copied text) of every console block, clicking its copy button."""
    found: list[tuple[str, str]] = await page.evaluate(COPY_EVERY_BLOCK)
    return found


#: Open every collapsed block and tab that holds a console block, click each
#: block's copy button (Material's own handler runs), and pair what the block
#: shows with what was copied.
COPY_EVERY_BLOCK = """() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const found = [];
  document.querySelectorAll(".highlight pre:has(> code > .gp)").forEach((pre) => {
    const tab = pre.closest(".tabbed-block");
    if (tab && !pre.checkVisibility()) {
      const index = Array.from(tab.parentElement.children).indexOf(tab);
      tab.closest(".tabbed-set")
        .querySelectorAll(":scope > .tabbed-labels > label")[index].click();
    }
    const before = window.__copied.length;
    pre.querySelector("button.md-code__button[data-md-type=copy]").click();
    const copied = window.__copied.length > before ? window.__copied[before] : null;
    found.push([pre.querySelector("code").innerText, copied]);
  });
  return found;
}"""


async def _visit_all(chromium: str, flags: list[str], base: str, pages: list[str]) -> list[Visit]:
    local = urlsplit(base).netloc
    visits: list[Visit] = []
    gate = asyncio.Semaphore(PARALLEL)

    async def stay_local(route: Route) -> None:
        # Recorded by the request listener; never let a test wait on the outside world.
        if urlsplit(route.request.url).netloc == local:
            await route.continue_()
        else:
            await route.abort()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=flags)
        context = await browser.new_context(
            color_scheme="light",
            viewport={"width": SETTINGS[0].width, "height": SETTINGS[0].height},
            service_workers="block",
        )
        await context.add_init_script(RECORD_COPIES + NO_TRANSITIONS + AXE)
        await context.route("**/*", stay_local)

        async def one(path: str) -> None:
            async with gate:
                visits.extend(await _visit(context, base + path, path))

        await asyncio.gather(*(one(path) for path in pages))
        await browser.close()
    return visits


def visit_all(chromium: str, flags: list[str], base: str, pages: list[str]) -> list[Visit]:
    """Every page in every setting. The async API runs in a thread of its own: the
    sync API of the other browser tests keeps an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _visit_all(chromium, flags, base, pages)).result()
