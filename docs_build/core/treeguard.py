"""Blocks run in a scratch folder, and must leave the project's files alone.

A page's blocks (and a notebook's cells, and the console the paste check drives)
run with a scratch folder of their own as the current directory: a file a block
writes by a relative path (`open("out.txt", "w")`) lands there, and the folder is
removed when the page ends. Blocks that read the site's own files name them from
`docs_build.PROJECT_ROOT`, as the figure modules read `docs/data/bench.json`.

A block can still write into the project by an absolute path, and file
permissions do not stop root (which CI and these machines run as). So a `Watch`
takes a fingerprint of the project's files when a page's first block runs and
compares it when the page ends: a changed, new or removed file fails the page,
naming it and each file, so no block can edit a page or the package and have the
change published. A changed or new file also names the block that was running
when it was written, where one was: file systems date a write by a clock that
may run a tick behind (Linux's coarse clock), so a run counts from that clock's
reading when it starts to the exact time when it ends, and a file dated where
two runs meet names both. The files are git's: tracked and untracked ones that
.gitignore does not exclude; outside a git checkout, every file outside hidden,
build and cache folders.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Fingerprint = dict[str, tuple[int, int]]
#: Folders skipped outside a git checkout (what .gitignore ignores in one).
SKIPPED = {"site", "dist", "build", "node_modules", "__pycache__", "site.building"}
#: How scratch folders are named (`tempfile.mkdtemp` adds 8 characters): output names
#: a scratch folder `.` and a file in it from there, wherever it is
#: (`docs_build.core.output`), as it names the project's root and files.
SCRATCH_PREFIX = "nnfs-blocks-"
SCRATCH_NAME = rf"{SCRATCH_PREFIX}[a-z0-9_]{{8}}"
_SCRATCH_PART = re.compile(rf"/{SCRATCH_NAME}(?=/|$)")
#: Linux's CLOCK_REALTIME_COARSE (which the time module does not name): the clock file
#: systems date writes by.
_COARSE_CLOCK = 5
#: Elsewhere, how far before the moment of a write a file system may date it.
CLOCK_SLACK_NS = 20_000_000
#: At most this many runs are named for one file (a file dated where more met names none).
MOST_WRITERS = 3


def scratch_folder() -> Path:
    """A new, empty scratch folder (the caller removes it: `remove_folder`)."""
    return Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX)).resolve()


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def in_scratch(path: str) -> str | None:
    """A path inside a scratch folder named from that folder (the folder itself `.`);
    None for any other path."""
    found = list(_SCRATCH_PART.finditer(path))
    if not found:
        return None
    return path[found[-1].end() :].lstrip("/") or "."


def _files(root: Path) -> list[str]:
    try:
        command = ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others"]
        listed = subprocess.run(
            [*command, "--exclude-standard"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        listed = None
    if listed is not None and listed.returncode == 0:
        return [name for name in listed.stdout.decode().split("\0") if name]
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and d not in SKIPPED]
        found += [str(Path(folder, f).relative_to(root)) for f in files]
    return found


def fingerprint(root: Path) -> Fingerprint:
    """Each project file's modification time and size, by path from `root`."""
    found: Fingerprint = {}
    for name in _files(root):
        try:
            stat = (root / name).stat()
        except OSError:
            continue
        found[name] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_paths(before: Fingerprint, after: Fingerprint) -> list[str]:
    """The paths (from the root) of the files changed, added or removed."""
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


def changes(
    before: Fingerprint, after: Fingerprint, runs: list[tuple[str, int, int]] | None = None
) -> list[str]:
    """The files changed, added or removed between two fingerprints, described; with
    `runs` (what ran, from `earliest_date()` at its start to `time.time_ns()` at its
    end), a changed or new file names what was running when it was written."""

    def described(name: str, how: str) -> str:
        writer = _writer(after[name][0], runs or [])
        return f"{name} ({how}, while {writer} ran)" if writer else f"{name} ({how})"

    found = [described(name, "changed") for name in sorted(before.keys() & after.keys())
             if before[name] != after[name]]  # fmt: skip
    found += [described(name, "new") for name in sorted(after.keys() - before.keys())]
    found += [f"{name} (removed)" for name in sorted(before.keys() - after.keys())]
    return found


def _writer(modified: int, runs: list[tuple[str, int, int]]) -> str | None:
    """What was running when a file dated `modified` was written: every run whose time
    holds that date, if there are a few."""
    writers = [name for name, start, end in runs if start <= modified <= end]
    if not writers or len(writers) > MOST_WRITERS:
        return None
    return " or ".join(writers)


def earliest_date() -> int:
    """A time no file written from now on is dated before (in `time.time_ns()`'s units):
    the coarse clock a Linux file system dates writes by, else the time less a slack."""
    if sys.platform.startswith("linux"):
        try:
            return time.clock_gettime_ns(_COARSE_CLOCK)
        except OSError:
            pass
    return time.time_ns() - CLOCK_SLACK_NS


def failure(name: str, what: str, described: list[str]) -> str:
    """The one wording of a page (or notebook) whose `what` ("blocks", "cells") changed
    the project's files."""
    return (
        f"{name}: its {what} changed the project's files: {', '.join(described[:10])}. "
        "A block must not write into the project (a change would be published): it runs "
        "in a scratch folder, removed afterwards, so write there, by a relative path "
        "such as open('out.txt', 'w')"
    )


class Watch:
    """One run of blocks (a page's, a notebook's): the scratch folder they run in, the
    project's files when they began, and when each block ran."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.before = fingerprint(root)
        self.folder = scratch_folder()
        self.runs: list[tuple[str, int, int]] = []
        self._started: tuple[str, int] | None = None

    def start(self, name: str) -> None:
        """`name` ("block 'id'") starts running (what ran before it has ended)."""
        self.stop()
        self._started = (name, earliest_date())

    def stop(self) -> None:
        """What was running has ended."""
        if self._started is not None:
            self.runs.append((*self._started, time.time_ns()))
            self._started = None

    @contextmanager
    def running(self, name: str) -> Iterator[None]:
        self.start(name)
        try:
            yield
        finally:
            self.stop()

    def discard(self) -> None:
        """Remove the scratch folder (no comparison)."""
        self.stop()
        remove_folder(self.folder)

    def end(self) -> tuple[list[str], list[str]]:
        """Remove the scratch folder; the paths (from the root) of the project's files
        that changed since the start, and each change described."""
        self.discard()
        after = fingerprint(self.root)
        return changed_paths(self.before, after), changes(self.before, after, self.runs)
