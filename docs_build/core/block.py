"""What every kind of executable block has in common.

A *kind* (`docs_build.core.kinds.KINDS`) knows how to run the code of one
fence language in a namespace, how to judge what it printed, how the page
shows it, and how it becomes notebook cells. The build (`docs_build.site`),
pytest (`docs_build.sybil_collector`) and the notebooks (`docs_build.notebooks`)
only ever go through a kind, so a language is defined in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docs_build.core.capture import LimitedBuffer
from docs_build.core.fences import Fence

Namespace = dict[str, Any]

#: A line containing this runs but is not shown (markdown-exec's convention).
HIDE = "markdown-exec: hide"


@dataclass(frozen=True)
class Run:
    """What one block did: the text the page shows, and what was wrong, if anything.

    `failure` is the kind's own wording of the problem (without page or block
    name, which the engine adds).
    """

    shown: str
    failure: str | None = None


@dataclass(frozen=True)
class Cell:
    """One notebook code cell made from a block, and what the page says it prints."""

    code: str
    expected: dict[str, Any] = field(default_factory=dict)


class Kind:
    """One fence language that the site executes.

    Subclasses set the presentation attributes and implement `run` and
    `notebook_cells`. `run` is called inside a worker process (see
    `docs_build.core.session`), with standard output and error sent to `out`.
    """

    #: Does the page show the code apart from its output (a script), or is the
    #: output woven into the code (a console transcript)?
    transcript: bool = False
    #: The highlighting language of the box that shows the output.
    output_language: str = "text"

    def run(self, code: str, namespace: Namespace, filename: str, out: LimitedBuffer) -> Run:
        """Run `code` in `namespace`; `out` holds what it printed so far."""
        raise NotImplementedError

    def notebook_cells(self, fence: Fence, banned: set[str]) -> list[Cell]:
        """The cells of a notebook for this fence; `banned` names what the site alone has."""
        raise NotImplementedError


def unhide(code: str) -> str:
    """Drop every hidden line, at any indentation: the page does not show it."""
    return "\n".join(line for line in code.splitlines() if HIDE not in line)
