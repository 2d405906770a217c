"""Inside a worker process: the blocks of one session of one page, in order, until
the parent hangs up.

The zygote (`docs_build.core.zygote`) imports this module, and the `preload`
modules through `preload`, before it forks; each fork runs `serve`. The worker
ends with its zygote, leads a process session of its own and adopts the
processes its blocks leave behind (`docs_build.core.proctree`), reads no
standard input, runs in its page's scratch folder (`Request.folder`), and
answers each `Request` with a
`Run`: what the block showed, normalised as every page shows it
(`docs_build.core.output`), and why it failed, if it did. The parent's handle
on a worker is `docs_build.core.worker.Worker`.

The process layer goes one way: `engine` -> `worker` (the parent's handle on a
worker) -> `zygote` (the process workers are forked from) -> `session` (what a
worker runs); a module imports only those after it, and `proctree` serves both
sides and imports none of them.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import socket
import sys
import threading
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import NoReturn

from docs_build.core.block import Namespace, Run
from docs_build.core.capture import LimitedBuffer, NoInput, OutputLimitExceeded, captured
from docs_build.core.kinds import KINDS
from docs_build.core.output import normalise
from docs_build.core.proctree import adopt_orphans, die_with_parent


@dataclass(frozen=True)
class Request:
    """One block for a worker to run."""

    kind: str
    code: str
    filename: str
    output_limit: int
    #: The page's scratch folder: the session's first block starts there (a block may
    #: change directory, and the next block of the session starts where it left off).
    folder: str


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


def serve(sock: socket.socket, zygote: int) -> NoReturn:
    """The worker's life (in the forked process of the zygote `zygote`): run blocks until
    the parent hangs up."""
    status = 0
    try:
        die_with_parent(zygote)
        adopt_orphans()
        for name in ("SIGTERM", "SIGHUP"):  # the zygote ignores them; a block's code may not
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        sys.stdin = NoInput()
        connection = Connection(sock.detach())
        namespace = fresh_namespace()
        started = False
        while True:
            try:
                request: Request = connection.recv()
            except EOFError:
                break
            try:
                if not started:
                    os.chdir(request.folder)
                    started = True
                run = _execute(request, namespace)
            except BaseException:  # a fault of the engine itself: report it, do not hang
                run = Run("", "the engine failed on this block:\n" + traceback.format_exc())
            connection.send(run)
    except BaseException:
        status = 70
    finally:
        os._exit(status)  # never run the zygote's cleanup, atexit or flushes
