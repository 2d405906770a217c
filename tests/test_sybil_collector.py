"""The pytest side: attribute-carrying fences are collected, scoped by session, and can fail."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docs_build.core.cache import RESULTS_VARIABLE
from docs_build.core.engine import Engine
from docs_build.core.fences import find_fences
from docs_build.core.settings import load_limits
from docs_build.sybil_collector import RunResults
from tests.pages import ROOT, run_with_pytest


def test_fences_with_attributes_are_collected_and_pass(tmp_path: Path) -> None:
    text = (
        '```pycon exec="on" id="a"\n>>> 2 + 2\n4\n```\n\n'
        '```python exec="on" source="above" result="text" id="b"\nprint(1)\n```\n'
    )
    assert run_with_pytest(tmp_path, text) == []


def test_a_fence_marked_not_run_is_not_run(tmp_path: Path) -> None:
    assert run_with_pytest(tmp_path, '```python title="Not run: a typo"\nprnt(1)\n```\n') == []


def test_a_fence_neither_run_nor_marked_fails(tmp_path: Path) -> None:
    (failure,) = run_with_pytest(tmp_path, "```python\nx = 1\n```\n")
    assert "neither run" in failure


def test_a_stale_output_fails(tmp_path: Path) -> None:
    (failure,) = run_with_pytest(tmp_path, '```pycon exec="on" id="stale"\n>>> 1.3 + 1\n2.4\n```\n')
    assert "block 'stale' (pycon)" in failure
    assert "Expected:\n    2.4\nGot:\n    2.3" in failure


def test_a_failed_hidden_assert_fails(tmp_path: Path) -> None:
    text = '```python exec="on" id="check"\nx = 2\nassert x == 3  # markdown-exec: hide\n```\n'
    (failure,) = run_with_pytest(tmp_path, text)
    assert "AssertionError" in failure


def test_blocks_of_one_session_share_names(tmp_path: Path) -> None:
    text = (
        '```python exec="on" session="s" id="define"\nx = 41\n```\n\n'
        '```pycon exec="on" session="s" id="use"\n>>> x + 1\n42\n```\n'
    )
    assert run_with_pytest(tmp_path, text) == []


def test_a_name_from_another_session_is_not_visible(tmp_path: Path) -> None:
    text = (
        '```python exec="on" session="s" id="define"\nx = 41\n```\n\n'
        '```pycon exec="on" session="other" id="use"\n>>> x + 1\n42\n```\n'
    )
    (failure,) = run_with_pytest(tmp_path, text)
    assert "NameError: name 'x' is not defined" in failure


def test_a_block_without_session_starts_fresh(tmp_path: Path) -> None:
    text = (
        '```python exec="on" id="define"\nx = 41\n```\n\n'
        '```python exec="on" id="use"\nprint(x)\n```\n'
    )
    (failure,) = run_with_pytest(tmp_path, text)
    assert "NameError" in failure


def test_an_executed_block_needs_an_id(tmp_path: Path) -> None:
    (failure,) = run_with_pytest(tmp_path, '```python exec="on"\nx = 1\n```\n')
    assert "needs an id" in failure


def test_a_replay_stops_waiting_once_the_pages_doc_tests_are_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check that replays a page's stored sessions waits for the process running its
    doc tests; once those are over, a session still missing fails it at once, saying
    why (here: they were stored under other inputs), instead of after the whole wait."""
    monkeypatch.setenv(RESULTS_VARIABLE, str(tmp_path))
    engine = Engine(ROOT, load_limits(ROOT / "mkdocs.yml"))
    page = "docs/part1/layer.md"
    fences = [f for f in find_fences((ROOT / page).read_text()) if f.executed]
    try:
        elsewhere = RunResults(engine, ROOT)  # the process that ran the doc tests
        elsewhere.places(page, fences)
        elsewhere.world = "a world with other inputs"
        elsewhere.page_done(page)
        here = RunResults(engine, ROOT)
        places = here.places(page, fences)
        start = time.monotonic()
        problem = here.wait(page, places, 600)
        assert time.monotonic() - start < 10
        assert problem is not None
        assert page in problem
        assert "under other inputs than this process sees" in problem
        # a page nobody ran: the wait ends at its limit
        assert "within 0.3 s" in str(here.wait("docs/part1/other.md", places, 0.3))
    finally:
        engine.close()
