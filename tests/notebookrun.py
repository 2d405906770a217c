"""Run a generated notebook in a fresh kernel and compare it with its page.

The comparison is the site's own (docs_build.core.compare), so a notebook
output passes exactly when the page's written output would accept it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

from docs_build.core.compare import difference, matches
from docs_build.core.settings import load_limits
from docs_build.notebooks.execute import execute as run_notebook

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted(p for p in (ROOT / "docs").glob("part*/*.md") if p.name != "index.md")
LIMITS = load_limits(ROOT / "mkdocs.yml")
#: A first cell the tests add: the notebooks must not need the site's build machinery.
NO_BUILD_MACHINERY = "import sys\nsys.modules['docs_build'] = None  # added by the tests"


# nbformat has no type hints: typed wrappers.
def read(path: Path) -> NotebookNode:
    notebook: NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    return notebook


def reads(text: str) -> NotebookNode:
    notebook: NotebookNode = nbformat.reads(text, as_version=4)  # type: ignore[no-untyped-call]
    return notebook


def code_cell(source: str, cell_id: str) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_code_cell(source, id=cell_id)  # type: ignore[no-untyped-call]
    return cell


def name_of(notebook: NotebookNode) -> str:
    """How a failure names a notebook: by the page it was made from, if it was."""
    page = notebook.get("metadata", {}).get("nnfs", {}).get("page")
    return f"the notebook of docs/{page}" if page else "the notebook"


def execute(
    notebook: NotebookNode,
    python_path: Path = ROOT,
    env: Mapping[str, str] | None = None,
    *,
    name: str | None = None,
    root: Path = ROOT,
) -> str | None:
    """Run every cell from a clean kernel, within the site's time limit, in a scratch
    folder; a change to the files of the project `root` fails it, naming `name`."""
    name = name or name_of(notebook)
    return run_notebook(notebook, python_path, LIMITS.timeout, env, name=name, root=root)


def _text(outputs: list[Any]) -> tuple[str, Any]:
    """Standard output and echoed values as the REPL prints them, and the error if any."""
    text, error = "", None
    for output in outputs:
        if output.output_type == "stream" and output.name == "stdout":
            text += output.text
        elif output.output_type in {"execute_result", "display_data"}:
            text += output.data.get("text/plain", "") + "\n"
        elif output.output_type == "error":
            error = output
    return text, error


def _unqualified(exc_msg: str) -> str:
    """`nnfs_ref._checks.ShapeError: ...` -> `ShapeError: ...` (Jupyter gives the bare name)."""
    name, sep, rest = exc_msg.partition(":")
    return name.rsplit(".", 1)[-1] + sep + rest if sep and " " not in name else exc_msg


def _message(error: Any) -> str:
    """The message as the REPL's last traceback line has it (a SyntaxError's str() adds
    `(file, line n)`, which the REPL shows elsewhere)."""
    if error.ename in {"SyntaxError", "IndentationError", "TabError"}:
        return re.sub(r" \([^()]*, line \d+\)$", "", error.evalue)
    return str(error.evalue)


#: A warning as `python -W default` prints it: `<stdin>:1: RuntimeWarning: ...`.
_WARNING = re.compile(r"^\S+:\d+: \w*Warning: .*\n", re.MULTILINE)


def without_warnings(output: str) -> str:
    """The written output without its warning lines: Jupyter prints warnings apart
    (to stderr, naming its own cell file), and the page's tests check them already."""
    return _WARNING.sub("", output)


def differences(notebook: NotebookNode) -> list[str]:
    """Where an executed notebook's outputs differ from what the page wrote."""
    found = []
    for cell in notebook.cells:
        expected = cell.metadata.get("nnfs", {})
        if cell.cell_type != "code" or not ({"output", "exception"} & expected.keys()):
            continue
        got, error = _text(cell.outputs)
        where = f"block '{expected['block']}', cell {cell.id}:\n{cell.source}\n"
        if "exception" in expected:
            want = _unqualified(expected["exception"])
            actual = f"{error.ename}: {_message(error)}\n" if error else "no exception"
            if error is None or not matches(want, actual):
                found.append(f"{where}expected {want.strip()!r}, got {actual.strip()!r}")
        elif error is not None or not matches(without_warnings(expected["output"]), got):
            found.append(where + difference(cell.source, without_warnings(expected["output"]), got))
    return found


#: A last cell the tests add to a kernel started with the SIMD dispatch limited:
#: the limit took (a misspelt feature name would disable nothing).
DISPATCH_LIMITED = (
    "import importlib  # added by the tests\n"
    "_simd = importlib.import_module('numpy._core._multiarray_umath')\n"
    "_found = [n for n in _simd.__cpu_dispatch__ if _simd.__cpu_features__.get(n)]\n"
    "assert _found == [], f'the limit did not take: NumPy still uses {_found}'"
)


def run_and_compare(
    notebook: NotebookNode,
    python_path: Path = ROOT,
    limited: Mapping[str, str] | None = None,
    name: str | None = None,
) -> list[str]:
    """Every problem of one notebook: an unexpected error, or an output unlike the page's.

    `limited`: start the kernel with these variables
    (docs_build/core/codepaths.limited_environment()) and check, last, that
    NumPy found no SIMD extension above the baseline.
    """
    notebook = copy.deepcopy(notebook)  # outputs are added to it
    guard = code_cell(NO_BUILD_MACHINERY, "tests-guard")
    notebook.cells.insert(0, guard)
    if limited:
        notebook.cells.append(code_cell(DISPATCH_LIMITED, "tests-dispatch-limited"))
    error = execute(notebook, python_path, limited, name=name)
    return ([error] if error else []) + differences(notebook)
