"""Run a `pycon` block as the Python REPL would, and check its written output.

The written output under each `>>>` prompt is compared with the real one by
Python's own doctest rules (`doctest.OutputChecker` with `OPTIONFLAGS`); the
build and the tests both call `run_console`, so they cannot disagree.
"""

from __future__ import annotations

import doctest
import io
from contextlib import redirect_stdout
from dataclasses import dataclass, field

from docs_build.sessions import Namespace
from docs_build.tracebacks import exception_only, format_exception

#: The comparison rules, the same in the build and under pytest.
OPTIONFLAGS = doctest.ELLIPSIS

_PARSER = doctest.DocTestParser()
_CHECKER = doctest.OutputChecker()


@dataclass
class ConsoleRun:
    """What a console block really printed, and where it differed from the page."""

    transcript: str
    differences: list[str] = field(default_factory=list)
    examples: int = 0


def _execute(source: str, namespace: Namespace) -> tuple[str, BaseException | None]:
    """Run one prompt in 'single' mode, so bare expressions echo their repr."""
    buffer = io.StringIO()
    try:
        with redirect_stdout(buffer):
            code = compile(source, "<stdin>", "single")
            exec(code, namespace)
    except Exception as error:  # a raising prompt is shown, as the REPL shows it
        return buffer.getvalue(), error
    return buffer.getvalue(), None


def _compare(example: doctest.Example, got: str, error: BaseException | None) -> str | None:
    """Doctest's verdict on one example: None if it passes, else the difference."""
    if error is None:
        if example.exc_msg is not None:
            return f"expected an exception, none was raised\n{example.exc_msg}"
        if _CHECKER.check_output(example.want, got, OPTIONFLAGS):
            return None
        return _CHECKER.output_difference(example, got, OPTIONFLAGS)
    actual = exception_only(error)
    if example.exc_msg is not None and _CHECKER.check_output(example.exc_msg, actual, OPTIONFLAGS):
        return None
    return _CHECKER.output_difference(example, format_exception(error), OPTIONFLAGS)


def run_console(text: str, namespace: Namespace) -> ConsoleRun:
    """Run every prompt of `text` in `namespace`; the transcript shows real outputs."""
    lines = text.splitlines()
    run = ConsoleRun(transcript="")
    shown: list[str] = []
    for example in _PARSER.get_examples(text):
        run.examples += 1
        prompt_lines = example.source.count("\n") or 1
        shown.extend(lines[example.lineno : example.lineno + prompt_lines])
        got, error = _execute(example.source, namespace)
        output = got + (format_exception(error) if error else "")
        shown.extend(output.splitlines())
        difference = _compare(example, got, error)
        if difference is not None:
            source = "".join(f"    {line}\n" for line in example.source.splitlines())
            run.differences.append(f"Line {example.lineno + 1} of the block:\n{source}{difference}")
        if error is not None and difference is not None:
            break  # later prompts would run against a state the page does not describe
    run.transcript = "\n".join(shown)
    return run
