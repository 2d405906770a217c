"""Find the code fences of a Markdown text, with their language and attributes.

One lexer serves the build, the Sybil collector, the notebooks and the audit,
so "what counts as a fence" has one definition. Fences may be indented (inside
tabs, admonitions, list items or docstrings); their body is returned dedented.

A fence that is never closed, or whose attributes do not parse, is reported as
a `FenceProblem` instead of being skipped: either would otherwise publish code
that never ran. What the attributes are and mean is `docs_build.core.attributes`'s
to say, for the lexer, the rules and the build alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docs_build.core.attributes import executes, outputs_html, parse_attributes, split_info

#: The title prefix that marks a fence deliberately left unexecuted.
NOT_RUN_PREFIX = "Not run:"

_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


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
        """True when the fence asks to be run at build time (`exec="on"`)."""
        return executes(self.attributes)

    @property
    def html(self) -> bool:
        """True when the block's output is HTML (`html="true"`: a figure block)."""
        return outputs_html(self.attributes)

    @property
    def block_id(self) -> str:
        return self.attributes.get("id", "")

    @property
    def session(self) -> str:
        return self.attributes.get("session", "")

    @property
    def not_run_reason(self) -> str | None:
        """The visible reason given for not running it, if any."""
        title = self.attributes.get("title", "")
        if title.startswith(NOT_RUN_PREFIX):
            return title[len(NOT_RUN_PREFIX) :].strip() or None
        return None

    @property
    def name(self) -> str:
        """How messages refer to the block."""
        return f"block '{self.block_id}'" if self.block_id else f"the block at line {self.line}"


@dataclass(frozen=True)
class FenceProblem:
    """A fence the lexer could not take as written."""

    line: int
    message: str
    start: int
    end: int


@dataclass
class Scan:
    """Everything the lexer found in one text."""

    fences: list[Fence] = field(default_factory=list)
    problems: list[FenceProblem] = field(default_factory=list)


def _dedent(lines: list[str], indent: str) -> str:
    return "".join(line[len(indent) :] if line.startswith(indent) else line for line in lines)


def scan(text: str) -> Scan:
    """Every fenced block of `text`, in order, and every fence that is malformed."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    found = Scan()
    number = 0
    while number < len(lines):
        opening = _OPENING.match(lines[number].rstrip("\r\n"))
        if opening is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            number += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{re.escape(indent)}{re.escape(fence)}[ \t]*$")
        end = next(
            (j for j in range(number + 1, len(lines)) if closing.match(lines[j].rstrip("\r\n"))),
            None,
        )
        start = offsets[number]
        if end is None:
            found.problems.append(
                FenceProblem(
                    number + 1,
                    f"a fence opened with {fence} is never closed: its code would be "
                    f"published as text and never run (close it with {fence} at the same indent)",
                    start,
                    len(text),
                )
            )
            break
        language, rest = split_info(opening["info"])
        attributes = parse_attributes(rest)
        if attributes is None:
            found.problems.append(
                FenceProblem(
                    number + 1,
                    f"the attributes of this {language or 'plain'} fence do not parse: "
                    f'{rest.strip()!r}; write key="value" pairs separated by spaces, each key '
                    "once (letters, digits and _), or the Markdown parser publishes the "
                    "fence's text as Markdown",
                    start,
                    offsets[end + 1],
                )
            )
            attributes = {}
        found.fences.append(
            Fence(
                language=language,
                attributes=attributes,
                body=_dedent(lines[number + 1 : end], indent),
                start=start,
                end=offsets[end] + len(lines[end].rstrip("\r\n")),
                line=number + 1,
            )
        )
        number = end + 1
    return found


def find_fences(text: str) -> list[Fence]:
    """The well-formed fences of `text` (see `scan` for the malformed ones)."""
    return scan(text).fences
