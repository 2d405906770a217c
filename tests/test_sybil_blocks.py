"""The Sybil collector: attribute-carrying fences are collected, and can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil import Sybil
from sybil.example import SybilFailure

from docs_build.sybil_blocks import executable_blocks


def evaluate_page(tmp_path: Path, text: str) -> int:
    """Run every executed block of a one-page site; return how many ran."""
    page = tmp_path / "page.md"
    page.write_text(text)
    sybil = Sybil(parsers=[executable_blocks(require_exec=True)], path=str(tmp_path))
    examples = list(sybil.parse(page))
    for example in examples:
        example.evaluate()
    return len(examples)


def test_fences_with_attributes_are_collected(tmp_path: Path) -> None:
    text = (
        '```pycon exec="on" id="a"\n>>> 2 + 2\n4\n```\n\n'
        '```python exec="on" source="above" result="text" id="b"\nprint(1)\n```\n'
    )
    assert evaluate_page(tmp_path, text) == 2


def test_fences_without_exec_are_not_run(tmp_path: Path) -> None:
    text = '```python title="Not run: shows a typo"\nprnt(1)\n```\n'
    assert evaluate_page(tmp_path, text) == 0


def test_a_stale_output_fails(tmp_path: Path) -> None:
    with pytest.raises(
        SybilFailure, match=r"(?s)block 'stale'.*Expected:\n    2\.4\nGot:\n    2\.3"
    ):
        evaluate_page(tmp_path, '```pycon exec="on" id="stale"\n>>> 1.3 + 1\n2.4\n```\n')


def test_a_raising_script_block_fails(tmp_path: Path) -> None:
    with pytest.raises(SybilFailure, match=r"(?s)block 'boom' raised:.*ZeroDivisionError"):
        evaluate_page(tmp_path, '```python exec="on" id="boom"\n1 / 0\n```\n')


def test_a_failed_hidden_assert_fails(tmp_path: Path) -> None:
    text = '```python exec="on" id="check"\nx = 2\nassert x == 3  # markdown-exec: hide\n```\n'
    with pytest.raises(SybilFailure, match="AssertionError"):
        evaluate_page(tmp_path, text)


def test_blocks_of_one_session_share_names(tmp_path: Path) -> None:
    text = (
        '```python exec="on" session="s" id="define"\nx = 41\n```\n\n'
        '```pycon exec="on" session="s" id="use"\n>>> x + 1\n42\n```\n'
    )
    assert evaluate_page(tmp_path, text) == 2


def test_a_name_from_another_session_is_not_visible(tmp_path: Path) -> None:
    text = (
        '```python exec="on" session="s" id="define"\nx = 41\n```\n\n'
        '```pycon exec="on" session="other" id="use"\n>>> x + 1\n42\n```\n'
    )
    with pytest.raises(SybilFailure, match="NameError: name 'x' is not defined"):
        evaluate_page(tmp_path, text)


def test_a_block_without_session_starts_fresh(tmp_path: Path) -> None:
    text = (
        '```python exec="on" id="define"\nx = 41\n```\n\n'
        '```python exec="on" id="use"\nprint(x)\n```\n'
    )
    with pytest.raises(SybilFailure, match="NameError"):
        evaluate_page(tmp_path, text)


def test_a_pycon_block_without_prompts_fails(tmp_path: Path) -> None:
    with pytest.raises(SybilFailure, match="no `>>>` prompt"):
        evaluate_page(tmp_path, '```pycon exec="on" id="empty"\n1 + 1\n```\n')
