"""Account for every Python fence of the site: run at build, or marked as not run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docs_build.fences import NOT_RUN_PREFIX, PYTHON_LANGUAGES, find_fences


@dataclass
class Audit:
    """Counts and problems found across the pages."""

    fences: int = 0
    executed: int = 0
    marked: int = 0
    problems: list[str] = field(default_factory=list)


def audit_pages(docs: Path, built: Iterable[Mapping[str, str]]) -> Audit:
    """Compare the fences of every page with the blocks the build really ran.

    `built` is the build's manifest (see docs_build.hooks): one record per block
    executed, with its page and id.
    """
    ran = Counter(record["page"] for record in built)
    ids: Counter[str] = Counter()
    audit = Audit()
    for path in sorted(docs.rglob("*.md")):
        page = f"docs/{path.relative_to(docs).as_posix()}"
        executed = 0
        fences = [f for f in find_fences(path.read_text()) if f.language in PYTHON_LANGUAGES]
        for fence in fences:
            audit.fences += 1
            if fence.executed:
                executed += 1
                block_id = fence.attributes.get("id", "")
                ids[block_id] += 1
                if not block_id:
                    audit.problems.append(f"{page}:{fence.line}: an executed block needs an id=")
            elif fence.not_run_reason:
                audit.marked += 1
            else:
                audit.problems.append(
                    f'{page}:{fence.line}: a {fence.language} fence is neither run (exec="on") '
                    f'nor marked title="{NOT_RUN_PREFIX} <why>"'
                )
        audit.executed += executed
        if executed != ran[page]:
            audit.problems.append(
                f"{page}: {executed} fences say exec, but the build ran {ran[page]} blocks"
            )
        if fences and not executed:
            audit.problems.append(f"{page}: has Python fences but no executed example")
    audit.problems += [f"block id '{i}' is used {n} times" for i, n in ids.items() if i and n > 1]
    return audit
