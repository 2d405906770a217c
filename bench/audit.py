"""`make audit`: Lighthouse scores, page weight, layout shift, and the build time.

Not part of `make test` (a Lighthouse run takes about 13 s a page). Builds the
site strictly (timed), serves it locally, then prints:

- Lighthouse (desktop preset) on the home page, the first two lessons and the
  first lesson of each later part: performance, accessibility, best practices, SEO;
- bytes transferred to load each page with a cold cache (target for lessons),
  and its cumulative layout shift. The local server compresses text with gzip,
  as any static host does (GitHub Pages, Netlify, nginx with gzip on), so the
  figure is what a reader downloads; the uncompressed size is printed too.

The test suite's times are `make timings`' (bench/timings.py). Run it with
`python -m bench.audit`. Lighthouse
comes from npm (`lighthouse@12`, installed into .lighthouse/ by `make audit`).
Exits 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench.browser import pages_of
from bench.server import GzipHandler, serve
from docs_build.site.chromium import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from tests.sitebuild import ROOT, mkdocs_build

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_LESSON_BYTES = 400 * 1024
MAX_CLS = 0.0

#: Sums the layout shifts not caused by input, from the very start of the load.
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def lighthouse(url: str, chromium: str, out: Path) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--preset=desktop",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    subprocess.run(command, env=env, check=True, timeout=300)
    report: dict[str, Any] = json.loads(out.read_text())
    return report


def cold_load(browser: Browser, url: str) -> tuple[dict[str, int], int, float]:
    """Bytes transferred by URL, bytes before compression, and the layout shift,
    of one load with an empty cache."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(CLS_OBSERVER)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    transferred: dict[str, int] = {}
    decoded: dict[str, int] = {}
    cdp.on(
        "Network.dataReceived",
        lambda e: decoded.update(
            {e["requestId"]: decoded.get(e["requestId"], 0) + int(e["dataLength"])}
        ),
    )
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.update({e["requestId"]: e["request"]["url"]})
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: transferred.update({urls.get(e["requestId"], "?"): int(e["encodedDataLength"])}),
    )
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(1000)  # let late shifts (fonts, scripts) happen
    cls = float(page.evaluate("window.__cls"))
    context.close()
    return transferred, sum(decoded.values()), cls


def nav_order() -> list[str]:
    """Page URLs in the order mkdocs.yml's nav lists them."""
    nav = (ROOT / "mkdocs.yml").read_text().split("\nnav:", 1)[1]
    return [f"{m[1]}/" for m in re.finditer(r":\s*(part\d+/[\w-]+)\.md\s*$", nav, re.M)]


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    chromium = find_chromium()
    if chromium is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make audit`, it installs it.", file=sys.stderr)
        return 2
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        start = time.perf_counter()
        build = mkdocs_build(ROOT, site)
        build_seconds = time.perf_counter() - start
        if build.returncode != 0:
            print(build.stderr, file=sys.stderr)
            return 1
        print(f"Full strict build: {build_seconds:.1f} s\n")
        pages = pages_of(site)
        lessons = [p for p in pages if p.startswith("part")]
        # The home page, the first two lessons, and the first lesson of each later part.
        ordered = [p for p in nav_order() if p in lessons]
        first = ordered[:2] + [
            next(p for p in ordered if p.startswith(part))
            for part in sorted({p.split("/")[0] for p in ordered})[1:]
        ]
        audited = [p for p in pages if not p][:1] + first
        with serve(site, GzipHandler) as url:
            print("Lighthouse 12, desktop preset (targets: performance >= 0.98, others 1.0)")
            print(f"  {'page':32} " + " ".join(f"{name:>14}" for name in CATEGORIES))
            for path in audited:
                report = lighthouse(url + path, chromium, Path(tmp) / "lighthouse.json")
                scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
                cells = []
                for name in CATEGORIES:
                    ok = scores[name] is not None and scores[name] >= TARGETS[name]
                    missed |= not ok
                    cells.append(f"{scores[name]!s:>9} {verdict(ok):>4}")
                print(f"  {path or '(home)':32} " + " ".join(cells))
                for name in CATEGORIES:
                    for ref in report["categories"][name]["auditRefs"]:
                        audit = report["audits"][ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            shown = audit.get("displayValue", "")
                            print(f"      below 1 in {name}: {audit['id']} {shown}")
            if len(audited) < 3:
                print(f"  (only {len(audited) - 1} lesson in the navigation)")

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
                print(
                    f"\nCold loads, text gzip-compressed (target for a lesson <= "
                    f"{MAX_LESSON_BYTES // 1024} KB; layout shift {MAX_CLS:g})"
                )
                heaviest: dict[str, int] = {}
                for path in pages:
                    transferred, raw, cls = cold_load(browser, url + path)
                    size = sum(transferred.values())
                    is_lesson = path in lessons
                    ok = cls <= MAX_CLS and (not is_lesson or size <= MAX_LESSON_BYTES)
                    missed |= not ok
                    print(
                        f"  {path or '(home)':32} {size / 1024:5.0f} KB in {len(transferred):2} "
                        f"requests ({raw / 1024:4.0f} KB uncompressed), CLS {cls:.4f} "
                        f"{verdict(ok)}{'' if is_lesson else ' (not a lesson)'}"
                    )
                    if is_lesson and size > sum(heaviest.values()):
                        heaviest = transferred
                print("  The heaviest lesson's largest files:")
                for resource, length in sorted(heaviest.items(), key=lambda i: -i[1])[:6]:
                    print(f"  {length / 1024:6.0f} KB  {resource.removeprefix(url)}")
                browser.close()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
