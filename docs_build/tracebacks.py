"""Tracebacks as a reader would see them, without our own frames or paths."""

from __future__ import annotations

import traceback
from pathlib import Path

_OWN_DIR = str(Path(__file__).resolve().parent)
_REPO = Path(__file__).resolve().parent.parent


def _short(filename: str) -> str:
    """A path without the machine-specific prefix, so pages build the same anywhere."""
    for marker in ("site-packages/", "dist-packages/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    path = Path(filename)
    if path.is_absolute() and path.is_relative_to(_REPO):
        return str(path.relative_to(_REPO))
    return filename


def format_exception(error: BaseException) -> str:
    """Format `error` like the Python REPL does, hiding the frames of docs_build."""
    report = traceback.TracebackException.from_exception(error)
    kept = [frame for frame in report.stack if not frame.filename.startswith(_OWN_DIR)]
    for frame in kept:
        frame.filename = _short(frame.filename)
    report.stack = traceback.StackSummary.from_list(kept)
    if isinstance(error, SyntaxError) and report.filename is not None:
        report.filename = _short(report.filename)
    return "".join(report.format())


def exception_only(error: BaseException) -> str:
    """The last line of a traceback, which doctest compares: `ValueError: ...`."""
    return traceback.format_exception_only(type(error), error)[-1]
