"""Account for every fence of the site: run at build, or visibly marked as not run.

The build runs this after its last page (`docs_build.site.hooks`), and a test
runs it too, so an unrun, unmarked or malformed fence fails both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docs_build.core.fences import scan
from docs_build.core.kinds import KINDS
from docs_build.core.rules import page_problems


@dataclass
class Audit:
    """Counts and problems found across the pages."""

    fences: int = 0  # fences of an executable kind
    executed: int = 0
    marked: int = 0
    problems: list[str] = field(default_factory=list)


def audit_pages(docs: Path, built: Iterable[Mapping[str, str]], root: Path) -> Audit:
    """Compare the fences of every page under `docs` with the blocks the build ran.

    `built` is the build's record: one mapping per block run, with its `page`
    (a path from `root`, such as docs/part1/layer.md) and `id`.
    """
    built = list(built)
    ran = Counter(record["page"] for record in built)
    ids = Counter(record["id"] for record in built if record["id"])
    audit = Audit()
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(root).as_posix()
        found = scan(path.read_text(encoding="utf-8"))
        audit.problems += [f"{page}:{line}: {message}" for line, message in page_problems(found)]
        fences = [f for f in found.fences if f.language in KINDS]
        executed = sum(f.executed for f in fences)
        audit.fences += len(fences)
        audit.executed += executed
        audit.marked += sum(not f.executed and f.not_run_reason is not None for f in fences)
        if executed != ran[page]:
            audit.problems.append(
                f"{page}: {executed} fences say exec, but the build ran {ran[page]} blocks"
            )
        if fences and not executed:
            audit.problems.append(f"{page}: has Python fences but no executed example")
    audit.problems += [f"block id '{i}' is used {n} times" for i, n in ids.items() if n > 1]
    return audit
