"""The console kind in this process: REPL echo, doctest comparison, shown tracebacks."""

from __future__ import annotations

import textwrap

from docs_build.core.block import Namespace, Run
from docs_build.core.capture import LimitedBuffer, captured
from docs_build.core.console import Console
from docs_build.core.session import fresh_namespace


def run(text: str, namespace: Namespace | None = None) -> Run:
    out = LimitedBuffer(10_000)
    with captured(out):
        return Console().run(textwrap.dedent(text), namespace or fresh_namespace(), "<t>", out)


def test_bare_expressions_echo_their_repr() -> None:
    result = run(">>> x = 0.1 + 0.2\n>>> x\n0.30000000000000004\n")
    assert result.failure is None
    assert result.shown == ">>> x = 0.1 + 0.2\n>>> x\n0.30000000000000004"


def test_the_transcript_shows_the_real_output_not_the_written_one() -> None:
    result = run(">>> 1 + 1\n3\n")
    assert result.shown == ">>> 1 + 1\n2"
    assert result.failure is not None
    assert "Expected:\n    3\nGot:\n    2" in result.failure


def test_missing_written_output_is_a_difference() -> None:
    result = run(">>> 'echoed'\n")
    assert result.failure is not None
    assert "Got:\n    'echoed'" in result.failure


def test_prints_are_interleaved_after_their_prompt() -> None:
    result = run(">>> print('a')\na\n>>> print('b')\nb\n")
    assert result.failure is None
    assert result.shown == ">>> print('a')\na\n>>> print('b')\nb"


def test_continuation_lines_are_kept_as_written() -> None:
    result = run(">>> for i in range(2):\n...     print(i)\n...\n0\n1\n")
    assert result.failure is None
    assert result.shown.splitlines()[:2] == [">>> for i in range(2):", "...     print(i)"]


def test_an_expected_exception_matches_on_its_last_line() -> None:
    result = run(
        """\
        >>> [1, 2][5]
        Traceback (most recent call last):
          ...
        IndexError: list index out of range
        """
    )
    assert result.failure is None
    assert 'File "<stdin>", line 1, in <module>' in result.shown
    assert result.shown.endswith("IndexError: list index out of range")


def test_a_wrong_exception_message_is_a_difference() -> None:
    result = run(">>> int('x')\nTraceback (most recent call last):\nValueError: nope\n")
    assert result.failure is not None
    assert "invalid literal" in result.failure


def test_an_unexpected_exception_is_a_difference_and_stops_the_block() -> None:
    result = run(">>> 1 / 0\n>>> print('never')\nnever\n")
    assert result.failure is not None
    assert "ZeroDivisionError" in result.failure
    assert "never" not in result.shown


def test_syntax_errors_are_shown_like_the_repl_shows_them() -> None:
    result = run(
        ">>> 1 = [1, 5, 6, 2]\nTraceback (most recent call last):\n"
        "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"
    )
    assert result.failure is None
    assert "Traceback" not in result.shown  # the REPL prints no traceback header here
    assert "^" in result.shown


def test_ellipsis_matches_any_text() -> None:
    assert run(">>> list(range(20))\n[0, 1, ..., 19]\n").failure is None


def test_names_persist_between_prompts_in_the_given_namespace() -> None:
    namespace = fresh_namespace()
    run(">>> total = 40\n", namespace)
    assert run(">>> total + 2\n42\n", namespace).failure is None


def test_a_block_without_a_prompt_fails() -> None:
    result = run("1 + 1\n")
    assert result.failure == "a pycon block needs at least one `>>>` prompt"


def test_the_bare_dots_line_that_ends_a_loop_is_shown() -> None:
    result = run(">>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>> 'after'\n'after'\n")
    assert result.failure is None
    assert result.shown.splitlines()[:3] == [">>> for i in range(2):", "...     print(i)", "..."]
