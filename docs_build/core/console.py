"""The `pycon` kind: an interactive session, run as the Python REPL would run it.

Each `>>>` prompt is compiled in 'single' mode, so a bare expression echoes its
repr. The output written under a prompt is compared with the real one by
doctest's rules (`docs_build.core.compare`); the page shows the real one.
Text that is neither a prompt nor the output of the prompt above it is an
error: doctest would silently ignore it.
"""

from __future__ import annotations

import doctest

from docs_build.core.block import Cell, Kind, Namespace, Run, unhide
from docs_build.core.capture import LimitedBuffer, OutputLimitExceeded
from docs_build.core.compare import difference, matches
from docs_build.core.fences import Fence
from docs_build.core.output import normalise
from docs_build.core.script import exit_failure
from docs_build.core.tracebacks import exception_only, format_exception

_PARSER = doctest.DocTestParser()


def _execute(source: str, namespace: Namespace) -> BaseException | None:
    """Run one prompt; an exception it raised is returned, as the REPL would show it."""
    try:
        exec(compile(source, "<stdin>", "single"), namespace)
    except OutputLimitExceeded:
        raise
    except BaseException as error:
        return error
    return None


def _verdict(example: doctest.Example, got: str, error: BaseException | None) -> str | None:
    """None if the prompt printed what the page wrote, else the difference."""
    if error is None:
        if example.exc_msg is not None:
            return f"expected an exception, none was raised\n{example.exc_msg}"
        return None if matches(example.want, got) else difference(example.source, example.want, got)
    if example.exc_msg is not None and matches(example.exc_msg, exception_only(error)):
        return None
    return difference(example.source, example.want, got + format_exception(error))


def _prompt_lines(lines: list[str], first: int) -> list[str]:
    """The `>>>` line at `first` and the `...` lines after it, a bare `...` included."""
    end = first + 1
    while end < len(lines) and lines[end].lstrip().startswith("..."):
        end += 1
    return lines[first:end]


def stray_text(text: str) -> list[str]:
    """Lines that doctest would drop: neither a prompt nor the output right under one."""
    problems = []
    lines = text.splitlines()
    line = 1
    for piece in _PARSER.parse(text):
        if isinstance(piece, doctest.Example):
            line = 1 + piece.lineno + len(_prompt_lines(lines, piece.lineno))
            line += piece.want.count("\n")
            continue
        for offset, content in enumerate(piece.split("\n")):
            if content.strip():
                problems.append(
                    f"line {line + offset} of the block, {content.strip()!r}, is neither a "
                    "prompt nor the output of one: an output must follow its prompt with no "
                    "blank line between (write <BLANKLINE> for an empty line of output)"
                )
        line += piece.count("\n")
    return problems


class Console(Kind):
    """Runs each prompt as the REPL would; the page shows the real transcript."""

    transcript = True
    output_language = "pycon"

    def run(self, code: str, namespace: Namespace, filename: str, out: LimitedBuffer) -> Run:
        problems = stray_text(code)
        examples = _PARSER.get_examples(code)
        if not examples:
            return Run("", "a pycon block needs at least one `>>>` prompt")
        lines = code.splitlines()
        shown: list[str] = []
        for example in examples:
            shown.extend(_prompt_lines(lines, example.lineno))
            start = len(out.getvalue())
            error = _execute(example.source, namespace)
            got = out.getvalue()[start:]
            if error is not None and not isinstance(error, Exception):
                return Run("\n".join(shown), exit_failure(error))
            # Normalised before it is cut into lines: a raw "\r" would end a line.
            shown.extend(normalise(got + (format_exception(error) if error else "")).splitlines())
            verdict = _verdict(example, got, error)
            if verdict is not None:
                source = "".join(f"    {line}\n" for line in example.source.splitlines())
                problems.append(f"line {example.lineno + 1} of the block:\n{source}{verdict}")
                if error is not None:
                    break  # later prompts would run against a state the page does not describe
        if problems:
            report = "\n\n".join(problems)
            return Run(
                "\n".join(shown), f"the written output differs from the real one.\n\n{report}"
            )
        return Run("\n".join(shown))

    def notebook_cells(self, fence: Fence, banned: set[str]) -> list[Cell]:
        """One cell per prompt that has written output, ending with that prompt."""
        cells: list[Cell] = []
        pending: list[str] = []
        for example in _PARSER.get_examples(fence.body):
            pending.append(unhide(example.source))
            if example.want or example.exc_msg is not None:
                expected: dict[str, str] = {"output": example.want}
                if example.exc_msg is not None:
                    expected = {"exception": example.exc_msg}
                cells.append(Cell("\n".join(pending), expected))
                pending = []
        if pending:  # prompts with no output: the notebook must print nothing either
            cells.append(Cell("\n".join(pending), {"output": ""}))
        return [Cell(c.code.strip("\n"), c.expected) for c in cells if c.code.strip()]
