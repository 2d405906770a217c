"""What a fence must say before it may run: checked the same way in the build and tests.

- An `exec` fence must be of a kind in `KINDS`; no other language ever runs.
- An executed fence has an `id` and only attributes the site knows (a typo
  such as `sesion=` would otherwise be ignored without a word).
- Output is text; only a figure block (its id ends in `-figure`) may emit HTML.
- A fence of an executable language that does not run says why, visibly:
  `title="Not run: <why>"`.
"""

from __future__ import annotations

from docs_build.core.fences import NOT_RUN_PREFIX, Fence, Scan
from docs_build.core.kinds import KINDS
from docs_build.core.settings import bad_timeout

#: Attributes an executed fence may carry: markdown-exec's and the site's own.
KNOWN_ATTRIBUTES = frozenset(
    {"exec", "id", "session", "source", "result", "html", "title", "tabs", "timeout", "notebook"}
)
FIGURE_SUFFIX = "-figure"


def fence_problems(fence: Fence) -> list[str]:
    """Everything wrong with one fence before it runs; empty if it may run (or need not)."""
    if not fence.executed:
        if fence.language in KINDS and fence.not_run_reason is None:
            return [
                f'a {fence.language} fence is neither run (exec="on") nor marked '
                f'title="{NOT_RUN_PREFIX} <why>"'
            ]
        return []
    if fence.language not in KINDS:
        known = ", ".join(sorted(KINDS))
        return [
            f"an exec fence in language '{fence.language or '(none)'}', which the site does not "
            f"run (it runs {known}); remove exec= to show it as code"
        ]
    problems = []
    if not fence.block_id:
        problems.append('an executed block needs an id="..." (unique on the site)')
    unknown = sorted(fence.attributes.keys() - KNOWN_ATTRIBUTES)
    if unknown:
        known = ", ".join(sorted(KNOWN_ATTRIBUTES))
        problems.append(f"unknown attribute(s) {', '.join(unknown)}; known: {known}")
    if fence.html:
        if KINDS[fence.language].transcript:
            problems.append(f"a {fence.language} block cannot output HTML")
        elif not fence.block_id.endswith(FIGURE_SUFFIX):
            problems.append(
                f'html="true" is only for figure blocks, whose id ends in "{FIGURE_SUFFIX}"; '
                "other output is shown as text"
            )
    if "timeout" in fence.attributes:
        problem = bad_timeout(fence.attributes["timeout"])
        if problem:
            problems.append(problem)
    return problems


def page_problems(scan: Scan) -> list[tuple[int, str]]:
    """(line, message) for every malformed or unrunnable fence of one page."""
    found = [(problem.line, problem.message) for problem in scan.problems]
    for fence in scan.fences:
        found += [(fence.line, message) for message in fence_problems(fence)]
    return sorted(found)
