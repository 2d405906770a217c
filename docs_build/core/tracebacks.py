"""Tracebacks as a reader would see them: no frames of ours, no path of this machine."""

from __future__ import annotations

import sysconfig
import traceback
from pathlib import Path

from docs_build import PROJECT_ROOT

_OWN_DIR = str(Path(__file__).resolve().parent)  # docs_build/core: the engine itself
#: Folders whose files are named relative to them: installed packages, the standard library.
_PREFIXES = sorted(
    {
        str(Path(p).resolve())
        for key in ("purelib", "platlib", "stdlib", "platstdlib")
        if (p := sysconfig.get_paths().get(key))
    },
    key=len,
    reverse=True,
)


def short_path(filename: str) -> str:
    """A path without the machine-specific prefix, so pages build the same anywhere.

    `/usr/lib/python3.11/json/decoder.py` -> `json/decoder.py`; a file of the
    repository is named from its root; any other absolute path by its last part.
    """
    for marker in ("site-packages/", "dist-packages/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    path = Path(filename)
    if not path.is_absolute():
        return filename
    resolved = str(path.resolve())
    for prefix in _PREFIXES:
        if resolved.startswith(prefix + "/"):
            return resolved[len(prefix) + 1 :]
    if path.resolve().is_relative_to(PROJECT_ROOT):
        return str(path.resolve().relative_to(PROJECT_ROOT))
    return path.name


def format_exception(error: BaseException) -> str:
    """Format `error` like the Python REPL does, hiding the engine's own frames."""
    report = traceback.TracebackException.from_exception(error)
    kept = [frame for frame in report.stack if not frame.filename.startswith(_OWN_DIR)]
    for frame in kept:
        frame.filename = short_path(frame.filename)
    report.stack = traceback.StackSummary.from_list(kept)
    if isinstance(error, SyntaxError) and report.filename is not None:
        report.filename = short_path(report.filename)
    return "".join(report.format())


def exception_only(error: BaseException) -> str:
    """The last line of a traceback, which doctest compares: `ValueError: ...`."""
    return traceback.format_exception_only(type(error), error)[-1]
