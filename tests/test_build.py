"""The real build: every fence accounted for, identical twice, and failing end to end.

The shared built site (`built_site`, built once per session) serves every
check of the built HTML. The failure paths of single blocks are proven in
this process (tests/test_engine.py); one end-to-end test here breaks a copy
of a page in two ways at once and shows that the build, run from another
folder, and pytest both fail naming both blocks, and that a failed
`make build` leaves the previous site in place.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from docs_build.core.audit import audit_pages
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT, run_pytest
from tests.slimcopy import slim_copy

LESSON = Path("docs/part1/single-neuron.md")


def test_every_fence_is_run_at_build_or_marked(built_site: BuiltSite) -> None:
    records = [{k: str(v) for k, v in record.items()} for record in built_site.records]
    audit = audit_pages(ROOT / "docs", records, ROOT)
    assert audit.problems == []
    assert audit.fences == audit.executed + audit.marked
    assert audit.executed == len(records) > 0


def test_the_audit_catches_a_fence_nobody_runs(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text(
        '```python\nx = 1\n```\n\n```pycon exec="on" id="a"\n>>> 1\n1\n```\n'
    )
    audit = audit_pages(tmp_path / "docs", [{"page": "docs/page.md", "id": "a"}], tmp_path)
    assert audit.problems == [
        'docs/page.md:1: a python fence is neither run (exec="on") nor marked '
        'title="Not run: <why>"'
    ]


def test_the_audit_catches_a_fence_the_build_did_not_run(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text('```pycon exec="on" id="a"\n>>> 1\n1\n```\n')
    audit = audit_pages(tmp_path / "docs", [], tmp_path)
    assert audit.problems == ["docs/page.md: 1 fences say exec, but the build ran 0 blocks"]


def test_the_audit_catches_an_id_used_twice(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    for name in ("a", "b"):
        (tmp_path / f"docs/{name}.md").write_text('```pycon exec="on" id="x"\n>>> 1\n1\n```\n')
    records = [{"page": f"docs/{name}.md", "id": "x"} for name in ("a", "b")]
    assert audit_pages(tmp_path / "docs", records, tmp_path).problems == [
        "block id 'x' is used 2 times"
    ]


def test_two_renders_of_the_same_results_agree(built_site: BuiltSite) -> None:
    """Rendering is deterministic: the offline copy and the site are two renders of the
    same results (tests/conftest.py), and every block's HTML, tags and attributes
    included, must be the same in both (the rest of a page differs by design: links,
    the offline plugin's scripts). This replaces a third, full build."""
    [archive] = built_site.dist.glob("*.zip")
    compared = 0
    with zipfile.ZipFile(archive) as offline:
        top = offline.namelist()[0].split("/")[0]
        for path in sorted(built_site.root.rglob("index.html")):
            page = path.relative_to(built_site.root).as_posix()
            if page.startswith(("print_page/", "404")):
                continue
            names = set(offline.namelist())
            twin = page if f"{top}/{page}" in names else page.removesuffix("/index.html") + ".html"
            hosted = _Blocks(raw=True)
            hosted.feed(path.read_text())
            other = _Blocks(raw=True)
            other.feed(offline.read(f"{top}/{twin}").decode())
            assert hosted.text == other.text, page
            compared += len(hosted.text)
    assert compared > 300


def test_the_page_shows_the_computed_output(built_site: BuiltSite) -> None:
    html = (built_site.root / "part1/single-neuron/index.html").read_text()
    assert "4.800000000000001" in html  # printed by a block, never written in the Markdown
    assert "4.800000000000001" in (ROOT / LESSON).read_text()  # ... and checked there


def fence_line(page: Path, block_id: str) -> int:
    """The line of `page` (from the project root) where block `block_id` opens."""
    for number, line in enumerate((ROOT / page).read_text().splitlines(), 1):
        if f'id="{block_id}"' in line:
            return number
    raise AssertionError(f"{page} has no block {block_id!r}")


def break_twice(project: Path) -> None:
    """A stale output in 'three-inputs' and a raising block in 'neuron-loop'."""
    page = project / LESSON
    text = page.read_text()
    for old, new in [
        ("+ bias\n2.3\n", "+ bias\n2.4\n"),
        ("print(output)\n", "print(output)\n1 / 0\n"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    page.write_text(text)


@pytest.mark.slow
def test_a_broken_page_fails_the_build_and_pytest_naming_both_blocks(tmp_path: Path) -> None:
    project = slim_copy(tmp_path, ["index.md", LESSON.relative_to("docs").as_posix()])
    break_twice(project)
    (project / "site").mkdir()
    (project / "site/index.html").write_text("the last good build")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    # `make build`, started from another folder. (That a failed block stops a build
    # that is not strict is shown by tests/pages.py's build_page: the extension raises.)
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "docs_build.site.safe_build",
            str(project / "site"),
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert build.returncode != 0
    for expected in (
        f"{LESSON.as_posix()}:{fence_line(LESSON, 'three-inputs')}, block 'three-inputs' (pycon)",
        "Expected:\n    2.4\nGot:\n    2.3",
        "block 'neuron-loop' (python): raised:",
        "ZeroDivisionError: division by zero",
    ):
        assert expected in build.stderr, build.stderr
    assert (project / "site/index.html").read_text() == "the last good build"
    tests = run_pytest(project, str(LESSON))
    assert tests.returncode == 1, tests.stdout
    assert "block 'three-inputs' (pycon): the written output differs" in tests.stdout
    assert "block 'neuron-loop' (python): raised:" in tests.stdout


class _Blocks(HTMLParser):
    """The text of every `<div data-block=ID>` of a page, by ID (with `raw`, its HTML)."""

    def __init__(self, raw: bool = False) -> None:
        super().__init__(convert_charrefs=not raw)
        self.raw = raw
        self.text: dict[str, list[str]] = {}
        self._open: list[str | None] = []  # the block id of each open div, if any

    def _add(self, text: str) -> None:
        for block in self._open:
            if block is not None:
                self.text[block].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.raw:
            self._add(self.get_starttag_text() or "")
        if tag == "div":
            block = dict(attrs).get("data-block")
            self._open.append(block)
            if block is not None:
                self.text.setdefault(block, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._open:
            self._open.pop()
        if self.raw:
            self._add(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._add(data)

    def handle_entityref(self, name: str) -> None:
        self._add(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._add(f"&#{name};")


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def blocks_not_shown(site: Path, records: list[dict[str, object]]) -> list[str]:
    """Each block the build ran that is not in its own page showing its output."""
    pages: dict[str, _Blocks] = {}
    missing = []
    for record in records:
        page, block, shown = str(record["page"]), str(record["id"]), str(record["shown"])
        html_path = page.removeprefix("docs/").removesuffix(".md")
        html_path = f"{html_path.removesuffix('index')}/index.html".lstrip("/").replace("//", "/")
        if page not in pages:
            pages[page] = _Blocks()
            pages[page].feed((site / html_path).read_text())
        found = pages[page].text.get(block)
        lines = [line for line in shown.splitlines() if line.strip()]
        if found is None:
            missing.append(f"{page}, block '{block}': not in the page")
        elif (
            lines
            and not lines[-1].lstrip().startswith("<")  # a figure: its SVG, not text
            and _squeeze(lines[-1]) not in _squeeze("".join(found))
        ):
            missing.append(f"{page}, block '{block}': its output is not shown")
    return missing


def test_every_blocks_output_lands_in_its_page(built_site: BuiltSite) -> None:
    """Issue 18, case 6: each block the build ran is in its own page, showing its output
    (a fence the Markdown parser took apart would run, and its output be lost)."""
    assert blocks_not_shown(built_site.root, built_site.records) == []
    assert len(built_site.records) > 300


FENCE_TEXT = re.compile(r'exec=(&quot;|"|\\")|markdown-exec: hide')


def fence_text_leaks(site: Path) -> list[str]:
    """The pages, search index or book that show an executable fence's own text."""
    return [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.suffix in (".html", ".json") and FENCE_TEXT.search(path.read_text(errors="replace"))
    ]


def test_no_fence_text_is_published(built_site: BuiltSite) -> None:
    """Issue 18, case 6: no opening line of an executed fence and no hidden line appears
    in any page, the search index or the printable book."""
    assert fence_text_leaks(built_site.root) == []


MISINDENTED = """# Scratch

!!! note "A box"
    A sentence in the box,
which a line outside it breaks off:

    ```python exec="on" source="above" id="lost"
    print("shown?")
    x = 1  # markdown-exec: hide
    ```
"""


@pytest.mark.slow
def test_a_block_torn_out_of_its_box_is_caught(tmp_path: Path) -> None:
    """Issue 18, case 6, as the layer lesson's exercise had it: two lines that leave a
    box break off a fence inside it. The block ran, but its output is not in the page,
    and the fence's text is: a real build of a scratch site fails, naming the block;
    the checks above, run on the pages it would have written, find it too."""
    project = slim_copy(tmp_path, ["index.md", "scratch.md"])
    (project / "docs/scratch.md").write_text(MISINDENTED)
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert build.returncode != 0
    for part in ("docs/scratch.md: block 'lost' ran, but its output is not in the page",
                 "the page shows an executable fence's own text"):  # fmt: skip
        assert part in build.stderr, build.stderr
