"""Guards that prove the build and the tests check what the pages claim.

These run the real strict build (a few seconds each), so they are marked slow.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docs_build.audit import audit_pages
from tests.sitebuild import ROOT, built_files, copy_project, mkdocs_build, run_pytest

pytestmark = pytest.mark.slow

LESSON = Path("docs/part1/single-neuron.md")
STALE_BLOCK = "three-inputs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    """The real site, built once, with the manifest of the blocks it executed."""
    tmp = tmp_path_factory.mktemp("site")
    manifest = tmp / "manifest.json"
    result = mkdocs_build(ROOT, tmp / "site", manifest)
    assert result.returncode == 0, result.stderr
    return tmp / "site", json.loads(manifest.read_text())


def test_every_python_fence_is_run_at_build_or_marked(
    site: tuple[Path, list[dict[str, str]]],
) -> None:
    _, executed = site
    audit = audit_pages(ROOT / "docs", executed)
    assert audit.problems == []
    assert audit.fences == audit.executed + audit.marked
    assert audit.executed == len(executed) > 0


def test_the_audit_catches_a_fence_nobody_runs(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(
        '```python\nx = 1\n```\n\n```pycon exec="on" id="a"\n>>> 1\n1\n```\n'
    )
    audit = audit_pages(tmp_path, [{"page": "docs/page.md", "id": "a", "language": "pycon"}])
    assert len(audit.problems) == 1
    assert "page.md:1: a python fence is neither run" in audit.problems[0]


def test_the_audit_catches_a_fence_the_build_did_not_run(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text('```pycon exec="on" id="a"\n>>> 1\n1\n```\n')
    audit = audit_pages(tmp_path, [])
    assert audit.problems == ["docs/page.md: 1 fences say exec, but the build ran 0 blocks"]


def test_two_builds_give_identical_html(
    site: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    first, _ = site
    result = mkdocs_build(ROOT, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert built_files(first) == built_files(tmp_path / "again")


def test_the_page_shows_the_computed_output(site: tuple[Path, list[dict[str, str]]]) -> None:
    html = (site[0] / "part1/single-neuron/index.html").read_text()
    assert "4.800000000000001" in html  # printed by a block, never written in the Markdown
    assert "4.800000000000001" in (ROOT / LESSON).read_text()  # ... and checked there


def break_lesson(tmp_path: Path, old: str, new: str) -> Path:
    project = copy_project(tmp_path)
    page = project / LESSON
    text = page.read_text()
    assert old in text
    page.write_text(text.replace(old, new, 1))
    return project


def test_a_stale_output_fails_the_build_and_pytest(tmp_path: Path) -> None:
    project = break_lesson(tmp_path, "+ bias\n2.3\n", "+ bias\n2.4\n")
    build = mkdocs_build(project, tmp_path / "out")
    assert build.returncode != 0
    assert f"{LESSON.as_posix()}, block '{STALE_BLOCK}'" in build.stderr
    assert "Expected:\n      2.4\n  Got:\n      2.3" in build.stderr
    tests = run_pytest(project, str(LESSON))
    assert tests.returncode == 1, tests.stdout
    assert f"block '{STALE_BLOCK}': the written output differs" in tests.stdout


def test_a_raising_block_fails_the_build_and_pytest(tmp_path: Path) -> None:
    project = break_lesson(
        tmp_path, "print(output)\n", "print(output)\nraise RuntimeError('boom')\n"
    )
    build = mkdocs_build(project, tmp_path / "out")
    assert build.returncode != 0
    assert "block 'neuron-loop' raised" in build.stderr
    assert "RuntimeError: boom" in build.stderr
    tests = run_pytest(project, str(LESSON))
    assert tests.returncode == 1, tests.stdout
    assert "block 'neuron-loop' raised" in tests.stdout


def test_a_rebuild_imports_nnfs_ref_afresh() -> None:
    """`mkdocs serve` rebuilds in one process: edited package code must be re-read."""
    import sys

    import nnfs_ref.pure
    from docs_build import hooks

    saved = dict(sys.modules)
    try:
        hooks.on_pre_build(config=None)
        assert "nnfs_ref.pure" not in sys.modules
        import nnfs_ref.pure as again

        assert again is not nnfs_ref.pure
    finally:  # later tests keep the modules they imported
        sys.modules.clear()
        sys.modules.update(saved)
