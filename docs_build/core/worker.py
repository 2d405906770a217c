"""A worker process per (page, session): blocks run there, never in the build itself.

Each worker is forked from the zygote (`docs_build.core.zygote`), a clean
Python process, and runs the blocks of one session of one page, in order,
keeping the session's names between them. Nothing a block does —
`sys.exit()`, `os.chdir`, `np.set_printoptions`, `nnfs.init()`, an endless
loop, a crash — can reach the build, pytest or another page:

- the parent waits at most the block's time limit, then kills the worker, and
  kills it too if its processes hold more memory than the site's limit
  (`docs_build.core.proctree`);
- a worker that dies (`os._exit`, a segmentation fault) is reported, never hangs;
- when its session ends, every process its blocks started ends with it
  (`docs_build.core.proctree`), and a block that leaves a thread running fails;
- workers ignore Ctrl-C, so a Ctrl-C at the terminal stops the parent (a real
  interruption) while a block that raises `KeyboardInterrupt` is a failure of
  that block;
- standard input is closed: `input()` fails at once;
- the working directory is the page's scratch folder, not the project
  (`docs_build.core.treeguard`).

What a worker runs is `docs_build.core.session`; this module is the parent's
handle on it. POSIX only (it needs `os.fork`).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import NoReturn

from docs_build.core.block import Run
from docs_build.core.proctree import ended, kill_tree, tree_resident_bytes
from docs_build.core.session import Request
from docs_build.core.zygote import Zygote, ZygoteGoneError

#: Seconds between two looks at a running block's memory.
MEMORY_POLL = 0.05


class WorkerGoneError(Exception):
    """The worker can run nothing more: it timed out, crashed or was stopped."""


class Worker:
    """The parent's handle on one worker process."""

    def __init__(self, zygote: Zygote) -> None:
        self._zygote = zygote
        self.pid, fd = zygote.fork()
        self._connection = Connection(fd)
        self.gone: str | None = None  # why this worker can run nothing more

    def run(
        self,
        request: Request,
        timeout: float,
        memory_limit: int = 2048,
        meanwhile: Callable[[], None] | None = None,
    ) -> Run:
        """Run one block; raises WorkerGoneError if the worker did not answer in time,
        or held more than `memory_limit` MiB.

        `meanwhile` is called once the block is on its way: the parent can do
        other work (ask for the next worker) while the block runs.
        """
        if self.gone is not None:
            raise WorkerGoneError(self.gone)
        deadline = time.monotonic() + timeout
        try:
            self._connection.send(request)
            if meanwhile is not None:
                meanwhile()
            while (left := deadline - time.monotonic()) > 0:
                if self._connection.poll(min(left, MEMORY_POLL)):
                    run: Run = self._connection.recv()
                    return run
                used = tree_resident_bytes(self.pid)
                if used is not None and used > memory_limit * 2**20:
                    self._stop(
                        f"held {used / 2**20:.0f} MiB of memory, over the limit of "
                        f"{memory_limit} MiB (memory_limit in mkdocs.yml, or memory= on "
                        "the fence): use less data"
                    )
            if self._connection.poll(0):  # it answered while `meanwhile` took the time
                answer: Run = self._connection.recv()
                return answer
        except (EOFError, OSError):
            if self.pid and not self._ends_soon():
                # Its end of the connection closed (a block closed every file
                # descriptor, say) while it runs on: waiting for it to end could be
                # forever, and the zygote would wait with it (`_exit_status`).
                self._stop("closed its connection to the build (os.close or os.closerange?)")
            self._stop(f"ended the Python process ({self._exit_status()})")
        except BaseException:  # Ctrl-C in the parent: take the worker down with us
            self.close()
            raise
        self._stop(f"ran past its time limit of {timeout:g} s")
        raise AssertionError("unreachable")

    def alive(self) -> bool:
        """A worker that has not run anything yet says nothing: anything readable on its
        socket means it ended (a spare forked just before its zygote was killed)."""
        return self.gone is None and not self._connection.poll(0)

    def _ends_soon(self) -> bool:
        """Whether the worker ends within a second (one that exits closes its socket
        a moment before it has ended)."""
        deadline = time.monotonic() + 1.0
        while not ended(self.pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def _exit_status(self) -> str:
        try:
            status = self._zygote.status(self.pid)
        except ZygoteGoneError:
            self.pid = 0
            return "it ended with the process that started it: did the block stop its parent?"
        self.pid = 0
        if status < 0:
            return "it is gone"
        if os.WIFSIGNALED(status):
            return f"killed by signal {signal.Signals(os.WTERMSIG(status)).name}"
        return f"exit status {os.WEXITSTATUS(status)}, from os._exit() or a crash"

    def _stop(self, reason: str) -> NoReturn:
        self.close()
        self.gone = reason
        raise WorkerGoneError(reason)

    def close(self) -> None:
        """Stop the worker at once (the zygote reaps it), and every process its blocks
        started: before the connection closes, or the worker would exit on its own first
        and its orphans go to init, out of reach."""
        if self.pid:
            kill_tree(self.pid)
            self.pid = 0
        self._connection.close()
