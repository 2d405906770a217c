"""The fence lexer shared by the Sybil collector and the audit."""

from __future__ import annotations

from docs_build.core.fences import find_fences, parse_attributes


def test_attributes_in_every_quoting_style() -> None:
    assert parse_attributes(" exec=\"on\" session='s' id=block-1") == {
        "exec": "on",
        "session": "s",
        "id": "block-1",
    }


def test_a_fence_with_attributes_is_found_with_them() -> None:
    text = 'Intro\n\n```pycon exec="on" id="a"\n>>> 1\n1\n```\n'
    (fence,) = find_fences(text)
    assert fence.language == "pycon"
    assert fence.executed
    assert fence.body == ">>> 1\n1\n"
    assert fence.line == 3
    assert text[fence.start : fence.end].startswith("```pycon")


def test_indented_fences_are_dedented() -> None:
    text = '??? note\n    ```python exec="on" id="x"\n    print(1)\n    ```\n'
    (fence,) = find_fences(text)
    assert fence.body == "print(1)\n"


def test_a_longer_fence_contains_shorter_ones() -> None:
    text = "````markdown\n```python\nx = 1\n```\n````\n"
    fences = list(find_fences(text))
    assert [f.language for f in fences] == ["markdown"]


def test_a_bare_fence_is_not_executed_and_has_no_reason() -> None:
    (fence,) = find_fences("```python\nx = 1\n```\n")
    assert not fence.executed
    assert fence.not_run_reason is None


def test_a_not_run_marker_gives_its_reason() -> None:
    (fence,) = find_fences('```python title="Not run: it waits for input"\ninput()\n```\n')
    assert fence.not_run_reason == "it waits for input"
