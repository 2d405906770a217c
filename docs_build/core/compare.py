"""Compare a written output with the real one, by doctest's rules.

The build, pytest and the notebook tests all judge outputs here. The real
output is judged as pages show it (`docs_build.core.output.normalise`: no path
of this machine, control characters as escapes), so the written output is what
the page shows. When the two differ only in whitespace, the report shows the
whitespace (`·` a space, `→` a tab, `⏎` the end of a line), so Expected and Got
never look identical.
"""

from __future__ import annotations

import doctest
import re

from docs_build.core.output import normalise

#: The comparison rules: doctest's, with `...` matching any text.
OPTIONFLAGS = doctest.ELLIPSIS

_CHECKER = doctest.OutputChecker()


def matches(want: str, got: str) -> bool:
    """Does the real output `got`, as the page shows it, satisfy the written output `want`?"""
    return _CHECKER.check_output(want, normalise(got), OPTIONFLAGS)


def _visible(text: str) -> str:
    return text.replace(" ", "·").replace("\t", "→").replace("\n", "⏎\n")


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines()) or "    (nothing)\n"


def only_whitespace_differs(want: str, got: str) -> bool:
    return want != got and re.sub(r"\s+", "", want) == re.sub(r"\s+", "", got)


def difference(source: str, want: str, got: str) -> str:
    """Expected and Got (as the page shows it), as doctest words them, with whitespace
    shown where it matters."""
    got = normalise(got)
    if only_whitespace_differs(want, got):
        return (
            "Expected (whitespace shown: · space, → tab, ⏎ end of line):\n"
            f"{_indent(_visible(want))}Got:\n{_indent(_visible(got))}"
        )
    example = doctest.Example(source, want)
    return _CHECKER.output_difference(example, got, OPTIONFLAGS)
