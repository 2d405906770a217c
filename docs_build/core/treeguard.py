"""Did a page's blocks change the project? A fingerprint of its files before and after.

Blocks run in the project root and may write files (file permissions do not stop
root, which CI and these machines run as). The engine takes a fingerprint of the
project's files when a page's first block runs and compares it when the page
ends: a changed, new or removed file fails the page, so no block can edit a page
or the package and have the change published. The files are git's: tracked and
untracked ones that .gitignore does not exclude; outside a git checkout, every
file outside hidden, build and cache folders.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

Fingerprint = dict[str, tuple[int, int]]
#: Folders skipped outside a git checkout (what .gitignore ignores in one).
SKIPPED = {"site", "dist", "build", "node_modules", "__pycache__", "site.building"}


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


def changes(before: Fingerprint, after: Fingerprint) -> list[str]:
    """The files changed, added or removed between two fingerprints, described."""
    described = [f"{name} (changed)" for name in sorted(before.keys() & after.keys())
                 if before[name] != after[name]]  # fmt: skip
    described += [f"{name} (new)" for name in sorted(after.keys() - before.keys())]
    described += [f"{name} (removed)" for name in sorted(before.keys() - after.keys())]
    return described
