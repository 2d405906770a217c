"""Find code fences in Markdown, with their language and attributes.

One lexer serves the Sybil collector and the guard tests, so "what counts as
a fence" has one definition. Fences may be indented (inside tabs, admonitions
or docstrings); their body is returned dedented.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Languages whose fences hold Python and must be run or marked as not run.
PYTHON_LANGUAGES = frozenset({"python", "py", "pycon"})

#: The title prefix that marks a Python fence deliberately left unexecuted.
NOT_RUN_PREFIX = "Not run:"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<language>[\w+-]*)"
    r"(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")


@dataclass(frozen=True)
class Fence:
    """One fenced code block."""

    language: str
    attributes: dict[str, str]
    body: str
    start: int  # character offsets of the whole fence in the text
    end: int
    line: int  # 1-based line of the opening fence

    @property
    def executed(self) -> bool:
        """True when markdown-exec runs this fence at build time."""
        return self.attributes.get("exec", "").lower() in {"on", "yes", "true", "1"}

    @property
    def not_run_reason(self) -> str | None:
        """The visible reason given for not running it, if any."""
        title = self.attributes.get("title", "")
        if title.startswith(NOT_RUN_PREFIX):
            return title[len(NOT_RUN_PREFIX) :].strip() or None
        return None

    @property
    def name(self) -> str:
        """How error messages refer to the block."""
        block_id = self.attributes.get("id")
        return f"'{block_id}'" if block_id else f"at line {self.line}"


def parse_attributes(info: str) -> dict[str, str]:
    """`exec="on" session="x"` -> {"exec": "on", "session": "x"}."""
    return {m[1]: m[2] or m[3] or m[4] or "" for m in _ATTRIBUTE.finditer(info)}


def _dedent(body: str, indent: str) -> str:
    lines = body.splitlines(keepends=True)
    return "".join(line[len(indent) :] if line.startswith(indent) else line for line in lines)


def find_fences(text: str) -> Iterator[Fence]:
    """Every fenced block of `text`, in order."""
    for match in _FENCE.finditer(text):
        yield Fence(
            language=match["language"],
            attributes=parse_attributes(match["info"]),
            body=_dedent(match["body"], match["indent"]),
            start=match.start(),
            end=match.end(),
            line=text.count("\n", 0, match.start()) + 1,
        )
