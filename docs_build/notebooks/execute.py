"""Run a notebook in a fresh Jupyter kernel, every cell within the site's time limit.

The build runs the playground with it (instead of mkdocs-jupyter, which has no
time limit) and the tests run every lesson notebook with it. A cell may carry
its block's own `timeout` in `metadata["nnfs"]["timeout"]`.

The kernel runs in a scratch folder of its own, removed afterwards, as a page's
blocks do, and a notebook whose cells change the project's files fails, naming
it, each file and the cell that was running when the file was written
(`docs_build.core.treeguard`).

The kernel talks to this process over IPC (Unix sockets in a private temporary
folder), not TCP: nothing listens on a port, and ipykernel has no reason to
warn that TCP traffic is unencrypted. (Windows has no IPC transport: TCP there.)
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbformat import NotebookNode
from traitlets.config import Config

from docs_build import PROJECT_ROOT
from docs_build.core import tally
from docs_build.core.treeguard import Watch, failure


def kernel_env(python_path: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The kernel imports nnfs_ref from `python_path` (a broken copy, in one test);
    `extra` adds variables (NumPy's SIMD dispatch limited, in the tests)."""
    base = {"PYTHONPATH": str(python_path), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    return {**os.environ, **base, **(extra or {})}


def kernel_config(folder: Path) -> Config:
    """The kernel manager's settings: IPC sockets named `folder`/kernel-<port>."""
    if sys.platform == "win32":
        return Config()
    return Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "kernel")}})


def cell_name(cell: NotebookNode) -> str:
    """How a failure names a cell: its id, and the page's block it came from."""
    block = cell.get("metadata", {}).get("nnfs", {}).get("block")
    return f"cell '{cell.get('id')}'" + (f" (block '{block}')" if block else "")


def execute(
    notebook: NotebookNode,
    python_path: Path,
    timeout: float,
    env: Mapping[str, str] | None = None,
    *,
    name: str,
    root: Path = PROJECT_ROOT,
) -> str | None:
    """Run every cell from a clean kernel, in place, in a scratch folder; the error if an
    unexpected one was raised, or if the cells changed the files of the project `root`
    (the message names the notebook as `name`)."""

    def cell_timeout(cell: NotebookNode) -> int:
        seconds = cell.get("metadata", {}).get("nnfs", {}).get("timeout", timeout)
        return max(1, round(float(seconds)))

    watch = Watch(root)
    error = None
    try:
        with tempfile.TemporaryDirectory(prefix="nnfs-kernel-") as sockets:
            client = NotebookClient(
                notebook,
                timeout_func=cell_timeout,
                kernel_name="python3",
                allow_errors=False,  # cells tagged raises-exception may raise, no other
                record_timing=False,  # no dates in the outputs: builds stay byte-identical
                resources={"metadata": {"path": str(watch.folder)}},
                config=kernel_config(Path(sockets)),
                on_cell_execute=lambda cell, **_: watch.start(cell_name(cell)),
                on_cell_executed=lambda **_: watch.stop(),
            )
            try:
                client.execute(env=kernel_env(python_path, env))
            except CellTimeoutError as timed_out:
                error = f"a cell ran past its time limit: {timed_out}"
            except CellExecutionError as raised:
                error = re.sub(r"\x1b\[[0-9;]*m", "", str(raised))  # IPython's colours
            finally:
                tally.record("notebook", _blocks_run(notebook))
    finally:
        _, changed = watch.end()  # after the kernel has stopped
    problems = [error] if error else []
    if changed:
        problems.append(failure(name, "cells", changed))
    return "\n".join(problems) or None


def _blocks_run(notebook: NotebookNode) -> list[str]:
    """The page blocks whose code ran in the kernel (each once, however many cells)."""
    ran = [
        cell.metadata["nnfs"]["block"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        and "block" in cell.get("metadata", {}).get("nnfs", {})
        and cell.get("execution_count")
    ]
    return list(dict.fromkeys(ran))
