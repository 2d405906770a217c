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
import subprocess
import sys
from pathlib import Path

import pytest

from docs_build.core.audit import audit_pages
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT, built_files, mkdocs_build, run_pytest
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


@pytest.mark.slow
def test_two_builds_give_identical_html(built_site: BuiltSite, tmp_path: Path) -> None:
    again = mkdocs_build(ROOT, tmp_path / "again", dist=built_site.dist)
    assert again.returncode == 0, again.stderr
    assert built_files(built_site.root) == built_files(tmp_path / "again")


def test_the_page_shows_the_computed_output(built_site: BuiltSite) -> None:
    html = (built_site.root / "part1/single-neuron/index.html").read_text()
    assert "4.800000000000001" in html  # printed by a block, never written in the Markdown
    assert "4.800000000000001" in (ROOT / LESSON).read_text()  # ... and checked there


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
        f"{LESSON.as_posix()}:66, block 'three-inputs' (pycon)",
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
