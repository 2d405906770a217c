"""A small clean Python process whose only job is to fork workers.

The build (or pytest) starts it once. It sets warnings to show as `python -W
default` shows them, imports the engine and the `preload` modules (NumPy among
them), then waits; each worker is a fork of it, so every session
starts from this same untouched interpreter, never from a build or a test
process that may have changed NumPy's state. It is also small, so a fork takes
about a millisecond. Strings hash the same in every build (`PYTHONHASHSEED=0`),
so a printed set of strings reads the same everywhere.

Protocol on the socket to the parent: `("fork",)` answers the worker's pid and
passes the parent's end of a new socket pair (SCM_RIGHTS); `("status", pid)`
answers how that worker ended; `("ping",)` answers that the zygote is there.
The zygote reaps each worker as soon as it ends (SIGCHLD) and keeps its status
for that question, so no ended worker stays a zombie while nothing is asked.
Workers and the zygote ignore Ctrl-C (the zygote SIGTERM too) and die with
their parent (Linux `PR_SET_PDEATHSIG`; elsewhere a thread that watches
for the parent to go).

macOS: NumPy's wheels there use Apple's Accelerate, which is not safe to use
in a process forked after it was loaded. The zygote therefore preloads
nothing on macOS: each worker imports what its blocks import, after the fork
(slower, but safe).
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import socket
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docs_build.core.proctree import die_with_parent

#: At most this long, the parent waits for the zygote's answer; then it counts the
#: zygote as gone (a block may have stopped it with SIGSTOP). Its first answer comes
#: after its imports, a few seconds on a loaded machine.
ANSWER_SECONDS = 120.0

#: Where a fork after NumPy (and its BLAS) has loaded is safe.
PRELOAD_BEFORE_FORK = sys.platform != "darwin"


def _send(sock: socket.socket, message: Any, fds: list[int] | None = None) -> None:
    data = pickle.dumps(message)
    header = len(data).to_bytes(4, "big")
    if fds:
        socket.send_fds(sock, [header + data], fds)
    else:
        sock.sendall(header + data)


def _receive(sock: socket.socket) -> tuple[Any, list[int]]:
    data, fds, _, _ = socket.recv_fds(sock, 4096, 1)
    if not data:
        raise EOFError
    size = int.from_bytes(data[:4], "big")
    data = data[4:]
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return pickle.loads(data), fds


class ZygoteGoneError(RuntimeError):
    """The zygote process is gone (a block may have killed it: it is a worker's parent)."""


class Zygote:
    """The parent's handle on the zygote process."""

    def __init__(self, root: Path, preload: tuple[str, ...]) -> None:
        ours, theirs = socket.socketpair()
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "docs_build.core.zygote",
                str(theirs.fileno()),
                json.dumps(list(preload)),
            ],
            pass_fds=[theirs.fileno()],
            cwd=root,
            env=environment,
            stdin=subprocess.DEVNULL,
        )
        theirs.close()
        self._sock = ours
        self._silent = False  # it did not answer once: it is gone for good

    def _ask(self, message: Any) -> tuple[Any, list[int]]:
        if self._silent:
            raise ZygoteGoneError("the process that starts workers stopped answering")
        try:
            self._sock.settimeout(ANSWER_SECONDS)  # (a closed socket raises OSError here)
            _send(self._sock, message)
            return _receive(self._sock)
        except TimeoutError as silent:
            self._silent = True  # an answer that came late would answer the next question
            raise ZygoteGoneError("the process that starts workers stopped answering") from silent
        except (OSError, EOFError) as gone:
            raise ZygoteGoneError("the process that starts workers is gone") from gone

    def fork(self) -> tuple[int, int]:
        """A new worker: its pid and the file descriptor of the parent's end of its socket."""
        pid, fds = self._ask(("fork",))
        if not fds:
            raise RuntimeError("the zygote did not hand over the worker's socket")
        return int(pid), fds[0]

    def ping(self) -> bool:
        """Is the zygote there and answering? (A barrier: a zygote killed before the
        question dies before it can answer.)"""
        try:
            self._ask(("ping",))
        except ZygoteGoneError:
            return False
        return True

    def status(self, pid: int) -> int:
        """The wait status of a worker that has ended (see os.waitpid), or -1 if unknown."""
        status, _ = self._ask(("status", pid))
        return int(status)

    def alive(self) -> bool:
        return self._process.poll() is None

    def close(self) -> None:
        self._sock.close()
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


def _reap(statuses: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return
        statuses[pid] = status


def main() -> None:
    """The zygote: import what every worker needs, then fork on request."""
    fd, preload = int(sys.argv[1]), json.loads(sys.argv[2])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A block can reach this process (its worker's parent): a polite stop does
    # nothing; the engine stops it with SIGKILL, and a block that does the same is
    # reported (docs_build.core.engine).
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    die_with_parent()
    sys.argv = [""]
    # Warnings show as `python -W default` shows them, set before anything is
    # imported, so that modules add their own filters on top as they would there.
    warnings.resetwarnings()
    warnings.simplefilter("default")
    from docs_build.core import session  # the kinds and what they import

    for name in preload if PRELOAD_BEFORE_FORK else []:
        session.preload(name)
    with socket.socket(fileno=fd) as parent:
        _loop(parent, session.serve)


def _loop(parent: socket.socket, serve: Callable[[socket.socket, int], Any]) -> None:
    statuses: dict[int, int] = {}
    # Reap each worker as it ends, not at the next request: between two builds of
    # `mkdocs serve` nothing asks, and ended workers would stay zombies (<defunct>).
    signal.signal(signal.SIGCHLD, lambda *_: _reap(statuses))
    while True:
        try:
            request, _ = _receive(parent)
        except (EOFError, OSError):
            return
        _reap(statuses)
        if request[0] == "fork":
            ours, theirs = socket.socketpair()
            me = os.getpid()
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the block's children are its own
                parent.close()
                ours.close()
                serve(theirs, me)  # never returns
            theirs.close()
            _send(parent, pid, [ours.fileno()])
            ours.close()
        elif request[0] == "ping":
            _send(parent, "pong")
        elif request[0] == "status":
            pid = request[1]
            if pid not in statuses:
                try:
                    _, status = os.waitpid(pid, 0)
                    statuses[pid] = status
                except ChildProcessError:  # reaped meanwhile (SIGCHLD), or forgotten long ago
                    statuses.setdefault(pid, -1)
            _send(parent, statuses.pop(pid))
        if len(statuses) > 1000:  # statuses of killed workers nobody asks about
            statuses.clear()


if __name__ == "__main__":
    main()
