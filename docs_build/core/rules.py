"""What a fence must say before it may run: checked the same way in the build and tests.

- Its attributes are those of the vocabulary (`docs_build.core.attributes`),
  with values it can read: a typo such as `sesion=`, or `html="y"`, would
  otherwise mean one thing to the lexer and another to the Markdown parser.
- An `exec` fence must be of a kind in `KINDS`; no other language ever runs.
- An executed fence has an `id`.
- Output is text; only a figure block (its id ends in `-figure`) may emit HTML.
- A fence of an executable language that does not run says why, visibly:
  `title="Not run: <why>"`.
"""

from __future__ import annotations

from docs_build.core.attributes import attribute_problems
from docs_build.core.fences import NOT_RUN_PREFIX, Fence, Scan
from docs_build.core.kinds import KINDS

FIGURE_SUFFIX = "-figure"


def fence_problems(fence: Fence) -> list[str]:
    """Everything wrong with one fence before it runs; empty if it may run (or need not)."""
    problems = attribute_problems(fence.attributes)
    if not fence.executed:
        if fence.language in KINDS and fence.not_run_reason is None:
            problems.append(
                f'a {fence.language} fence is neither run (exec="on") nor marked '
                f'title="{NOT_RUN_PREFIX} <why>"'
            )
        return problems
    if fence.language not in KINDS:
        known = ", ".join(sorted(KINDS))
        return [
            f"an exec fence in language '{fence.language or '(none)'}', which the site does not "
            f"run (it runs {known}); remove exec= to show it as code"
        ]
    if not fence.block_id:
        problems.insert(0, 'an executed block needs an id="..." (unique on the site)')
    if fence.html:
        if KINDS[fence.language].transcript:
            problems.append(f"a {fence.language} block cannot output HTML")
        elif not fence.block_id.endswith(FIGURE_SUFFIX):
            problems.append(
                f'html="true" is only for figure blocks, whose id ends in "{FIGURE_SUFFIX}"; '
                "other output is shown as text"
            )
    return problems


def page_problems(scan: Scan) -> list[tuple[int, str]]:
    """(line, message) for every malformed or unrunnable fence of one page."""
    found = [(problem.line, problem.message) for problem in scan.problems]
    for fence in scan.fences:
        found += [(fence.line, message) for message in fence_problems(fence)]
    return sorted(found)
