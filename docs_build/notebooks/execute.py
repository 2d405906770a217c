"""Run a notebook in a fresh Jupyter kernel, every cell within the site's time limit.

The build runs the playground with it (instead of mkdocs-jupyter, which has no
time limit) and the tests run every lesson notebook with it. A cell may carry
its block's own `timeout` in `metadata["nnfs"]["timeout"]`.

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

from docs_build.core import tally


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


def execute(
    notebook: NotebookNode,
    cwd: Path,
    python_path: Path,
    timeout: float,
    env: Mapping[str, str] | None = None,
) -> str | None:
    """Run every cell from a clean kernel, in place; the error if an unexpected one was raised."""

    def cell_timeout(cell: NotebookNode) -> int:
        seconds = cell.get("metadata", {}).get("nnfs", {}).get("timeout", timeout)
        return max(1, round(float(seconds)))

    with tempfile.TemporaryDirectory(prefix="nnfs-kernel-") as sockets:
        client = NotebookClient(
            notebook,
            timeout_func=cell_timeout,
            kernel_name="python3",
            allow_errors=False,  # cells tagged raises-exception may raise, no other
            record_timing=False,  # no dates in the outputs: builds stay byte-identical
            resources={"metadata": {"path": str(cwd)}},
            config=kernel_config(Path(sockets)),
        )
        try:
            client.execute(env=kernel_env(python_path, env))
        except CellTimeoutError as error:
            return f"a cell ran past its time limit: {error}"
        except CellExecutionError as error:
            return re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # IPython colours its tracebacks
        finally:
            tally.record("notebook", _blocks_run(notebook))
    return None


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
