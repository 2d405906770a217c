"""How much memory a worker and the processes it started hold (resident set size).

The engine polls this while a block runs and stops a block whose process tree
holds more than the site's `memory_limit`. Resident memory is what exhausts a
machine; an address-space limit (RLIMIT_AS) would not do: OpenBLAS reserves
address space per thread it never touches, and macOS ignores RLIMIT_AS.

Linux reads /proc (the process and its descendants, through each thread's
`children` list); elsewhere psutil is used when it is installed, else nothing is
measured (`None`).
"""

from __future__ import annotations

import os
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    found = []
    for task in (_PROC / str(pid) / "task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _resident(pid: int) -> int:
    try:
        return int((_PROC / str(pid) / "statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_resident_bytes(pid: int) -> int | None:
    """Resident bytes of `pid` and every process below it, or None if unknown here."""
    if (_PROC / "self" / "statm").is_file():
        total, todo, seen = 0, [pid], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            total += _resident(current)
            todo += _children(current)
        return total
    try:
        import psutil
    except ImportError:
        return None
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total
