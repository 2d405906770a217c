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
- the working directory is the project root.

POSIX only (it needs `os.fork`).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NoReturn

from docs_build.core.block import Namespace, Run
from docs_build.core.capture import LimitedBuffer, NoInput, OutputLimitExceeded, captured
from docs_build.core.kinds import KINDS
from docs_build.core.output import normalise
from docs_build.core.proctree import adopt_orphans, kill_tree, tree_resident_bytes
from docs_build.core.zygote import Zygote, ZygoteGoneError, die_with_parent


@dataclass(frozen=True)
class Request:
    """One block for a worker to run."""

    kind: str
    code: str
    filename: str
    output_limit: int


#: Seconds between two looks at a running block's memory.
MEMORY_POLL = 0.05


class WorkerGoneError(Exception):
    """The worker can run nothing more: it timed out, crashed or was stopped."""


def preload(name: str) -> None:
    """Import a module; `package.*` imports every module of the package."""
    package = name.removesuffix(".*")
    module = importlib.import_module(package)
    if name.endswith(".*"):
        for sub in pkgutil.iter_modules(getattr(module, "__path__", [])):
            importlib.import_module(f"{package}.{sub.name}")


def fresh_namespace() -> Namespace:
    """Globals of a new session, as a script run with `python file.py` has them."""
    return {"__name__": "__main__", "__builtins__": __builtins__}


def _execute(request: Request, namespace: Namespace) -> Run:
    """Run one block: what it shows, and why it failed, as pages show them (normalised:
    no path of this machine, no raw control character)."""
    run = _run_block(request, namespace)
    failure = None if run.failure is None else normalise(run.failure)
    return Run(normalise(run.shown), failure)


def _run_block(request: Request, namespace: Namespace) -> Run:
    out = LimitedBuffer(request.output_limit)
    before = set(threading.enumerate())
    try:
        with captured(out):
            run = KINDS[request.kind].run(request.code, namespace, request.filename, out)
        left = [t.name for t in threading.enumerate() if t not in before and _running(t)]
        if left and run.failure is None:
            return Run(
                run.shown,
                f"left a thread running ({', '.join(left)}): join it before the block "
                "ends (or make it a daemon thread), since the session's process is stopped",
            )
        return run
    except OutputLimitExceeded:
        return Run(
            out.getvalue(),
            f"printed more than the limit of {request.output_limit} characters "
            "(output_limit in mkdocs.yml): print less, for example a slice or a shape",
        )


def _running(thread: threading.Thread) -> bool:
    return thread.is_alive() and not thread.daemon


def serve(sock: socket.socket, root: Path, zygote: int) -> NoReturn:
    """The worker's life (in the forked process of the zygote `zygote`): run blocks until
    the parent hangs up."""
    status = 0
    try:
        die_with_parent(zygote)
        adopt_orphans()
        for name in ("SIGTERM", "SIGHUP"):  # the zygote ignores them; a block's code may not
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        os.chdir(root)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        sys.stdin = NoInput()
        connection = Connection(sock.detach())
        namespace = fresh_namespace()
        while True:
            try:
                request: Request = connection.recv()
            except EOFError:
                break
            try:
                run = _execute(request, namespace)
            except BaseException:  # a fault of the engine itself: report it, do not hang
                run = Run("", "the engine failed on this block:\n" + traceback.format_exc())
            connection.send(run)
    except BaseException:
        status = 70
    finally:
        os._exit(status)  # never run the zygote's cleanup, atexit or flushes


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
                        f"{memory_limit} MiB (memory_limit in mkdocs.yml): use less data"
                    )
        except (EOFError, OSError):
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
