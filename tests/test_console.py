"""The console runner: REPL echo, doctest comparison, shown tracebacks."""

from __future__ import annotations

import textwrap

from docs_build.console import run_console
from docs_build.sessions import fresh_namespace


def run(text: str) -> tuple[str, list[str]]:
    result = run_console(textwrap.dedent(text), fresh_namespace())
    return result.transcript, result.differences


def test_bare_expressions_echo_their_repr() -> None:
    transcript, differences = run(
        """\
        >>> x = 0.1 + 0.2
        >>> x
        0.30000000000000004
        """
    )
    assert differences == []
    assert transcript == ">>> x = 0.1 + 0.2\n>>> x\n0.30000000000000004"


def test_the_transcript_shows_the_real_output_not_the_written_one() -> None:
    transcript, differences = run(">>> 1 + 1\n3\n")
    assert transcript == ">>> 1 + 1\n2"
    assert len(differences) == 1
    assert "Expected:\n    3\nGot:\n    2" in differences[0]


def test_missing_written_output_is_a_difference() -> None:
    _, differences = run(">>> 'echoed'\n")
    assert len(differences) == 1
    assert "Got:\n    'echoed'" in differences[0]


def test_prints_are_interleaved_after_their_prompt() -> None:
    transcript, differences = run(">>> print('a')\na\n>>> print('b')\nb\n")
    assert differences == []
    assert transcript == ">>> print('a')\na\n>>> print('b')\nb"


def test_continuation_lines_are_kept_as_written() -> None:
    transcript, differences = run(">>> for i in range(2):\n...     print(i)\n0\n1\n")
    assert differences == []
    assert transcript.splitlines()[:2] == [">>> for i in range(2):", "...     print(i)"]


def test_an_expected_exception_matches_on_its_last_line() -> None:
    transcript, differences = run(
        """\
        >>> [1, 2][5]
        Traceback (most recent call last):
          ...
        IndexError: list index out of range
        """
    )
    assert differences == []
    assert 'File "<stdin>", line 1, in <module>' in transcript
    assert transcript.endswith("IndexError: list index out of range")


def test_a_wrong_exception_message_is_a_difference() -> None:
    _, differences = run(">>> int('x')\nTraceback (most recent call last):\nValueError: nope\n")
    assert len(differences) == 1
    assert "invalid literal" in differences[0]


def test_an_unexpected_exception_is_a_difference_and_stops_the_block() -> None:
    transcript, differences = run(">>> 1 / 0\n>>> print('never')\nnever\n")
    assert len(differences) == 1
    assert "ZeroDivisionError" in differences[0]
    assert "never" not in transcript


def test_syntax_errors_are_shown_like_the_repl_shows_them() -> None:
    transcript, differences = run(
        ">>> 1 = [1, 5, 6, 2]\nTraceback (most recent call last):\n"
        "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"
    )
    assert differences == []
    assert "Traceback" not in transcript  # the REPL prints no traceback header here
    assert "^" in transcript


def test_ellipsis_matches_any_text() -> None:
    _, differences = run(">>> list(range(20))\n[0, 1, ..., 19]\n")
    assert differences == []


def test_names_persist_between_prompts_in_the_given_namespace() -> None:
    namespace = fresh_namespace()
    run_console(">>> total = 40\n", namespace)
    result = run_console(">>> total + 2\n42\n", namespace)
    assert result.differences == []
