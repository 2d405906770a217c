"""What every block publishes, kept as a digest per block, and checked on every platform.

`tests/data/published_outputs.json` holds, for each page and docstring, the
SHA-256 of what each block showed when the digests were last written. A
platform whose blocks show anything else (another maths library, another
BLAS) fails, naming the block; a block that did not run there is reported as
missing, never passed over.

    python -m docs_build.published write RESULTS   # make published: after a deliberate change
    python -m docs_build.published check RESULTS   # make test-platform, and CI on each platform

RESULTS is a run's results folder (`DOCS_BUILD_RESULTS`, docs_build/core/cache.py).
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docs_build import PROJECT_ROOT
from docs_build.core.cache import results_by_block, results_folder

PUBLISHED = PROJECT_ROOT / "tests" / "data" / "published_outputs.json"


def digests(results: Path) -> dict[str, dict[str, str]]:
    """page -> block -> the SHA-256 of what it showed ("failed" if it failed)."""
    found: dict[str, dict[str, str]] = {}
    for (page, block), outcome in sorted(results_by_block(results).items()):
        shown = outcome["shown"] or ""
        value = "failed" if outcome["failure"] else hashlib.sha256(shown.encode()).hexdigest()
        found.setdefault(page, {})[block] = value
    return found


@dataclass
class Report:
    """How a platform's blocks compare with the published ones."""

    compared: int = 0
    different: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # published, but not run here
    unpublished: list[str] = field(default_factory=list)  # run here, but not published

    def problems(self) -> list[str]:
        return (
            [f"{name}: shows other output than the published digest" for name in self.different]
            + [f"{name}: published, but it did not run here" for name in self.missing]
            + [f"{name}: ran, but has no published digest" for name in self.unpublished]
        )

    def summary(self) -> str:
        where = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
        return (
            f"{self.compared} blocks compared with the published outputs on {where}: "
            f"{len(self.different)} differ, {len(self.missing)} not run, "
            f"{len(self.unpublished)} not published"
        )


def compare(results: Path, published: Path = PUBLISHED) -> Report:
    """Compare a run's results with the committed digests, block by block."""
    want = json.loads(published.read_text())
    got = digests(results)
    report = Report()
    for page in sorted(set(want) | set(got)):
        mine, theirs = got.get(page, {}), want.get(page, {})
        for block in sorted(set(mine) | set(theirs)):
            name = f"{page}, block '{block}'"
            if block not in mine:
                report.missing.append(name)
            elif block not in theirs:
                report.unpublished.append(name)
            else:
                report.compared += 1
                if mine[block] != theirs[block] or mine[block] == "failed":
                    report.different.append(name)
    return report


def main(argv: list[str]) -> int:
    command, base = argv
    results = results_folder(Path(base), PROJECT_ROOT)
    if command == "write":
        PUBLISHED.write_text(json.dumps(digests(results), indent=1, sort_keys=True) + "\n")
        print(f"wrote {PUBLISHED.relative_to(PROJECT_ROOT)}")
        return 0
    report = compare(results)
    for problem in report.problems():
        print(problem)
    print(report.summary())
    if report.problems():
        print("If the change is intended, run `make published` and commit the file.")
    return 1 if report.problems() else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
