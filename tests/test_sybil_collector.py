"""The pytest side: attribute-carrying fences are collected, scoped by session, and can fail."""

from __future__ import annotations

from pathlib import Path

from tests.pages import run_with_pytest


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
