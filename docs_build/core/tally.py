"""Counting what one run executes and renders, for `make timings` (bench/timings.py).

When `DOCS_BUILD_TALLY` names a file, every block the engine runs, every block a
paste check pastes, every notebook cell a kernel runs and every MkDocs render
appends one line to it: `what<TAB>environment<TAB>name`, where `what` is `block`,
`paste`, `notebook` or `render`, the environment is `limited` when the oldest code
paths are set (docs_build/core/codepaths.py) and `default` otherwise, and the name
is a block's (ids are unique across the site) or a render's configuration file.
Each line is one `write` to a file opened for appending, so processes can share
the file. Without the variable nothing is written.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

VARIABLE = "DOCS_BUILD_TALLY"
#: The id of the block the paste check starts its console in (a run counted as nothing)
#: and the session it pastes each block in (each paste counted as `paste`).
PASTE_RUNNER = "paste-console"


def environment() -> str:
    return "limited" if "NPY_ENABLE_CPU_FEATURES" in os.environ else "default"


def record(what: str, names: Iterable[str]) -> None:
    """One line per name, if this run keeps a tally."""
    target = os.environ.get(VARIABLE)
    if not target:
        return
    lines = "".join(f"{what}\t{environment()}\t{name}\n" for name in names)
    if lines:
        with open(target, "a", encoding="utf-8") as tally:
            tally.write(lines)


def read(path: Path) -> Counter[tuple[str, str, str]]:
    """How many times each (what, environment, name) was recorded."""
    found: Counter[tuple[str, str, str]] = Counter()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            what, env, name = line.split("\t", 2)
            found[(what, env, name)] += 1
    return found


def summary(counts: Counter[tuple[str, str, str]], heavy: Iterable[str] = ()) -> list[str]:
    """Lines for a person: renders per configuration, and executions per block."""
    lines = []
    renders: Counter[str] = Counter()
    for (what, _, name), n in counts.items():
        if what == "render":
            renders[Path(name).name] += n  # the site's, its offline copy's, a test copy's
    total = sum(renders.values())
    where = ", ".join(f"{name} {n}" for name, n in sorted(renders.items()))
    lines.append(f"MkDocs renders: {total} ({where})" if total else "MkDocs renders: 0")
    per_block: dict[str, Counter[str]] = {}
    for (what, env, name), n in counts.items():
        if what != "render":
            per_block.setdefault(name, Counter())[f"{what} {env}"] += n
    if not per_block:
        return lines
    runs = Counter(sum(c.values()) for c in per_block.values())
    spread = ", ".join(f"{n} blocks {times}×" for times, n in sorted(runs.items()))
    lines.append(f"Executions per block ({len(per_block)} blocks): {spread}")
    for name in heavy:
        got = per_block.get(name, Counter())
        detail = ", ".join(f"{k} {v}" for k, v in sorted(got.items())) or "not run"
        lines.append(f"  {name}: {sum(got.values())} ({detail})")
    return lines
