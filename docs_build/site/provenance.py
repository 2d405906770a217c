"""Where a build comes from: the commit, whether the tree was clean, the versions.

Everything here is read from git and from the running interpreter, never from
the clock, so two builds of the same commit say the same thing (and give the
same bytes). Outside a git checkout (a copy of the sources, as some tests make)
the commit is unknown and the file dates fall back to a fixed day.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: 1980-01-01T00:00:00Z, the earliest date a zip file can hold.
ZIP_EPOCH = 315532800


@dataclass(frozen=True)
class Commit:
    """The commit a tree was checked out from, and whether it had changes on top."""

    sha: str | None  # full hexadecimal SHA; None outside a git checkout
    dirty: bool = False
    timestamp: int | None = None  # committer date, seconds since 1970

    @property
    def short(self) -> str:
        return self.sha[:12] if self.sha else ""

    @property
    def label(self) -> str:
        """`abc123def456`, `abc123def456+uncommitted` or `unknown commit`."""
        if not self.sha:
            return "unknown commit"
        return self.short + ("+uncommitted" if self.dirty else "")

    @property
    def slug(self) -> str:
        """The label as a file name part: `abc123def456-uncommitted`, `unknown-commit`."""
        return self.label.replace("+", "-").replace(" ", "-")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def commit_of(root: Path) -> Commit:
    """The commit `root` is checked out at, if `root` is the top of a git work tree."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != root.resolve():
        return Commit(None)  # not a checkout, or a folder inside another repository
    sha = _git(root, "rev-parse", "HEAD")
    if not sha:
        return Commit(None)
    status = _git(root, "status", "--porcelain")
    stamp = _git(root, "log", "-1", "--format=%ct")
    return Commit(
        sha=sha,
        dirty=bool(status),  # modified, staged or new files; ignored ones do not count
        timestamp=int(stamp) if stamp and stamp.isdigit() else None,
    )


def source_date_epoch(commit: Commit) -> int:
    """The date every built file carries: the commit's, else $SOURCE_DATE_EPOCH, else 1980."""
    if commit.timestamp is not None:
        return max(commit.timestamp, ZIP_EPOCH)
    given = os.environ.get("SOURCE_DATE_EPOCH", "")
    return max(int(given), ZIP_EPOCH) if given.isdigit() else ZIP_EPOCH


def versions() -> dict[str, str]:
    """The versions of Python and NumPy that run the blocks (the workers fork this Python)."""
    import numpy

    return {"python": platform.python_version(), "numpy": str(numpy.__version__)}
