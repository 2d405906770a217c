"""A worker's process tree: how much memory it holds, and ending all of it; and
ending a process (a worker, the zygote) when its parent dies.

Memory (resident set size):

The engine polls this while a block runs and stops a block whose process tree
holds more than the site's `memory_limit`. Resident memory is what exhausts a
machine; an address-space limit (RLIMIT_AS) would not do: OpenBLAS reserves
address space per thread it never touches, and macOS ignores RLIMIT_AS.

Linux reads /proc (the process and its descendants, through each thread's
`children` list); elsewhere psutil is used when it is installed, else nothing is
measured (`None`).

Ending: `kill_tree` kills every descendant of a worker, then the worker. On
Linux each worker is a child subreaper (`adopt_orphans`), so a process a block
started stays its descendant even when its own parent exits or it calls
`setsid()`; elsewhere the worker's process group is killed (each worker starts
a session of its own).

Both sides of the process layer import this module: the zygote and the
workers it forks (`die_with_parent`, `adopt_orphans`), and the parent's handle
on a worker (`kill_tree`, `tree_resident_bytes`).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
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


_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_PDEATHSIG = 1


def adopt_orphans() -> None:
    """(In a worker) become the parent of any orphaned process below this one (Linux),
    and lead a process group of its own (everywhere)."""
    os.setsid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1)


def die_with_parent(parent: int | None = None) -> None:
    """End this process when its parent dies: Linux does it (PR_SET_PDEATHSIG);
    elsewhere a daemon thread checks every half second whether the parent is gone.

    `parent`: the pid the parent had before the fork. If it died before this call,
    this process has another parent already, and ends at once.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # too late for the signal: the parent is gone
            os._exit(70)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(70)

    threading.Thread(target=watch, daemon=True, name="die-with-parent").start()


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc/*/stat (reliable, unlike the `children`
    files, while processes are being reparented)."""
    found = {}
    for entry in _PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return found


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, parents before their children (Linux; else [])."""
    if not _PROC.is_dir():
        return []
    below: dict[int, list[int]] = {}
    for child, parent in _parents().items():
        below.setdefault(parent, []).append(child)
    found: list[int] = []
    seen = {pid}  # a pid reused while /proc was read can make the parents a loop
    todo = list(below.get(pid, []))
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        found.append(current)
        todo += below.get(current, [])
    return found


def ended(pid: int) -> bool:
    """Has `pid` ended (gone, or a zombie waiting to be reaped)? (Linux; elsewhere it
    answers whether the pid is gone.)"""
    if not _PROC.is_dir():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        return "\nState:\tZ" in (_PROC / str(pid) / "status").read_text()
    except OSError:
        return True


def kill_tree(pid: int) -> None:
    """SIGKILL every descendant of `pid` (Linux), its process group, then `pid`."""
    for _ in range(10):  # a process may fork while the tree is read: read it again
        alive = [child for child in descendants(pid) if not _zombie(child)]
        if not alive:
            break
        for child in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


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
