"""The count of executions and renders `make timings` prints (docs_build/core/tally.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_build.core import tally
from docs_build.core.engine import Engine
from docs_build.core.fences import find_fences
from docs_build.core.settings import load_limits
from tests.sitebuild import ROOT


def test_nothing_is_written_without_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(tally.VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    tally.record("block", ["a"])
    assert list(tmp_path.iterdir()) == []


def test_the_engine_counts_each_block_it_runs_as_its_caller_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = tmp_path / "tally.tsv"
    monkeypatch.setenv(tally.VARIABLE, str(counted))
    monkeypatch.delenv("NPY_ENABLE_CPU_FEATURES", raising=False)
    text = (
        '```python exec="on" session="s" id="one"\nx = 1\n```\n'
        '```pycon exec="on" session="s" id="two"\n>>> x\n1\n```\n'
        f'```python exec="on" id="{tally.PASTE_RUNNER}"\nprint(2)\n```\n'
        f'```python exec="on" session="{tally.PASTE_RUNNER}" id="pasted"\nprint(3)\n```\n'
    )
    engine = Engine(ROOT, load_limits(ROOT / "mkdocs.yml"))
    try:
        one, two, console, pasted = find_fences(text)
        for fence in (one, two):
            assert engine.run("docs/t.md", fence).failure is None
        assert engine.run("docs/t.md", console, counted_as=None).failure is None
        assert engine.run("docs/t.md", pasted, counted_as="paste").failure is None
        engine.end_page("docs/t.md")
        assert engine.run("docs/t.md", find_fences(text)[0]).failure is None
    finally:
        engine.close()
    tally.record("render", ["/x/mkdocs.yml"])
    counts = tally.read(counted)
    assert counts == {
        ("block", "default", "one"): 2,
        ("block", "default", "two"): 1,
        ("paste", "default", "pasted"): 1,
        ("render", "default", "/x/mkdocs.yml"): 1,
    }
    assert tally.summary(counts, ["one", "missing"]) == [
        "MkDocs renders: 1 (mkdocs.yml 1)",
        "Executions per block (3 blocks): 2 blocks 1×, 1 blocks 2×",
        "  one: 2 (block default 2)",
        "  missing: 0 (not run)",
    ]
