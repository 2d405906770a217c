"""Every page of the navigation, as a reader's browser loads it (see visits.py).

One session fixture loads every page once per setting (light, dark, phone),
in parallel; each test below checks one kind of finding over all pages and
lists every offender.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from docs_build.site.chromium import CHROMIUM_FLAGS
from tests.browser.conftest import Site, require_chromium
from tests.browser.visits import PHONE_WIDTH, SETTINGS, Visit, visit_all

pytestmark = pytest.mark.browser

PROMPTS = (">>> ", "... ")


@pytest.fixture(scope="module")
def visits(site: Site) -> list[Visit]:
    return visit_all(require_chromium(), CHROMIUM_FLAGS, site.url, site.pages)


def where(visit: Visit) -> str:
    return f"{visit.page or 'home'} ({visit.setting})"


def of(visits: list[Visit], setting: str) -> list[Visit]:
    chosen = [visit for visit in visits if visit.setting == setting]
    assert chosen
    return chosen


def test_every_page_of_the_navigation_is_visited(site: Site, visits: list[Visit]) -> None:
    assert site.pages[0] == ""
    assert len(site.pages) >= 2
    for setting in SETTINGS:
        assert sorted(v.page for v in of(visits, setting.name)) == sorted(site.pages)


def test_no_request_leaves_the_local_server(site: Site, visits: list[Visit]) -> None:
    outside = [
        f"{where(visit)}: {url}"
        for visit in visits
        for url in visit.requests
        if not url.startswith(site.url) and not url.startswith(("data:", "blob:"))
    ]
    assert outside == [], "requests to another host:\n" + "\n".join(outside)


def test_no_console_errors(visits: list[Visit]) -> None:
    errors = [f"{where(visit)}: {error}" for visit in visits for error in visit.console_errors]
    assert errors == [], "console errors:\n" + "\n".join(errors)


def describe(violation: dict[str, Any]) -> str:
    targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"


@pytest.mark.parametrize("setting", [setting.name for setting in SETTINGS])
def test_axe_finds_no_violations(visits: list[Visit], setting: str) -> None:
    found = [
        f"{visit.page or 'home'}: {describe(violation)}"
        for visit in of(visits, setting)
        for violation in visit.violations
    ]
    assert found == [], f"axe-core violations ({setting}):\n" + "\n".join(found)


def test_no_horizontal_scrolling_on_a_phone(visits: list[Visit]) -> None:
    wide = [
        f"{where(v)}: {v.report['scrollWidth']} px of content in {v.report['clientWidth']} px"
        for v in of(visits, "phone")
        if v.report["scrollWidth"] > v.report["clientWidth"]
    ]
    assert wide == [], f"pages that scroll sideways at {PHONE_WIDTH} px:\n" + "\n".join(wide)


def test_formulas_render_as_math_with_the_math_font(visits: list[Visit]) -> None:
    pages_with_math = 0
    for visit in of(visits, "light"):
        math = visit.report["math"]
        assert not math["rawLatex"], f"{where(visit)}: LaTeX shown as text"
        if math["count"] == 0:
            continue
        pages_with_math += 1
        # Chromium reports `display: inline math` as "math".
        assert set(math["displays"]) <= {"math", "inline math", "block math"}, where(visit)
        assert math["fontLoaded"], f"{where(visit)}: Latin Modern Math did not load"
        assert all(f.startswith('"Latin Modern Math"') for f in math["families"]), math
        # Laid out as formulas: a few lines tall per row, not one token a line.
        sizes = zip(math["heights"], math["fontSizes"], math["rows"], strict=True)
        for height, size, rows in sizes:
            assert 0 < height < 5 * size * rows, (where(visit), math)
    assert pages_with_math > 0, "no page has a formula"


def test_generated_figures_are_visible_with_alt_text(visits: list[Visit]) -> None:
    figures = [
        (visit, figure) for visit in of(visits, "light") for figure in visit.report["figures"]
    ]
    assert figures, "no generated figure on any page"
    for visit, figure in figures:
        assert figure["visible"], where(visit)
        assert figure["width"] > 100, (where(visit), figure)
        assert figure["height"] > 50, (where(visit), figure)
        assert figure["role"] == "img", where(visit)
        assert len(figure["label"]) > 10, f"{where(visit)}: a figure without alt text"
        assert figure["sameLabel"] == 1, f"{where(visit)}: two images share the label"


def code_lines(shown: str) -> list[str]:
    return [line[4:] for line in shown.splitlines() if line.startswith(PROMPTS)]


def copies(visits: list[Visit]) -> list[tuple[str, str, str]]:
    return [
        (visit.page, shown, copied)
        for visit in of(visits, "light")
        for shown, copied in visit.report["copies"]
    ]


def test_copying_a_console_block_copies_only_the_code(visits: list[Visit]) -> None:
    found = copies(visits)
    assert found, "no console block found on any page"
    for page, shown, copied in found:
        lines = copied.splitlines()
        assert not any(line.startswith((">>>", "...")) for line in lines), (page, copied)
        # Only the code, in order; an empty line ends an indented block, as in the REPL.
        assert [line for line in lines if line] == code_lines(shown), (page, shown, copied)


def test_what_is_copied_runs_in_python_and_prints_what_the_page_shows(
    visits: list[Visit],
) -> None:
    _, shown, copied = next(c for c in copies(visits) if c[0] == "")
    outputs = [line for line in shown.splitlines() if line and not line.startswith(PROMPTS)]
    assert outputs, "the home page's first console block should show an output"
    # As if pasted into the interactive interpreter: bare expressions echo.
    run = subprocess.run(
        [sys.executable, "-i", "-q"],
        input=copied,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stdout.splitlines() == outputs


MIN_FIGURE_TEXT = 11  # CSS px on a 375 px phone


def test_figure_text_is_readable_on_a_phone(visits: list[Visit]) -> None:
    small = [
        f"{where(visit)}: {figure['label'][:60]!r}: {figure['smallestText']:.1f} px"
        for visit in of(visits, "phone")
        for figure in visit.report["figures"]
        if figure["smallestText"] is not None and figure["smallestText"] < MIN_FIGURE_TEXT
    ]
    assert not small, f"figure text under {MIN_FIGURE_TEXT} px at {PHONE_WIDTH} px:\n" + "\n".join(
        small
    )


def test_no_copy_button_covers_code(visits: list[Visit]) -> None:
    covered = [
        f"{where(visit)}: {first_line!r}"
        for visit in visits
        for first_line in visit.report["coveredCode"]
    ]
    assert not covered, "copy buttons on top of code:\n" + "\n".join(covered)


#: What a lesson page may weigh on a first visit (bench/audit.py measures the same
#: target with Lighthouse): every file the page requests, compressed as a static host
#: such as GitHub Pages sends it (gzip for text; fonts and images as they are).
MAX_LESSON_BYTES = 400 * 1024
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


def transferred_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in COMPRESSED else len(data)


def test_each_part_3_page_loads_within_400_kb(site: Site, visits: list[Visit]) -> None:
    """Every file a Part 3 page requests, gzipped where a host would, adds up to 400 KB at most."""
    heavy, weighed = [], 0
    for visit in of(visits, "light"):
        if not visit.page.startswith("part3/"):
            continue
        weighed += 1
        files = {url.removeprefix(site.url).split("#")[0].split("?")[0] for url in visit.requests}
        paths = [site.root / (f if f and not f.endswith("/") else f + "index.html") for f in files]
        size = sum(transferred_size(p) for p in paths if p.is_file())
        if size > MAX_LESSON_BYTES:
            heavy.append(f"{where(visit)}: {size / 1024:.0f} KB")
    assert weighed >= 8, "the Part 3 pages were not visited"
    assert heavy == [], "pages over 400 KB:\n" + "\n".join(heavy)
