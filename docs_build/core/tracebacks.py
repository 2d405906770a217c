"""Tracebacks as a reader would see them: no frames of ours, no path of this machine,
and each line of a block's code quoted from its own block."""

from __future__ import annotations

import sysconfig
import traceback
from collections.abc import Iterator
from pathlib import Path

from docs_build import PROJECT_ROOT
from docs_build.core.blocklines import lines_of

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


def _chain(
    error: BaseException, report: traceback.TracebackException, seen: set[int]
) -> Iterator[tuple[BaseException, traceback.TracebackException]]:
    """`error` and its report, then the exceptions chained to it (its cause, the one it
    was raised while handling) or grouped in it, each with its own report."""
    if id(error) in seen:
        return
    seen.add(id(error))
    yield error, report
    pairs = [(error.__cause__, report.__cause__), (error.__context__, report.__context__)]
    groups = getattr(report, "exceptions", None) or ()  # an ExceptionGroup's
    pairs += zip(getattr(error, "exceptions", ()), groups, strict=False)
    for chained, chained_report in pairs:
        if chained is not None and chained_report is not None:
            yield from _chain(chained, chained_report, seen)


def _quote_from_blocks(error: BaseException, report: traceback.TracebackException) -> None:
    """Look up the line of each frame now: a frame of a block's code in its own block
    (all are `<block>`)."""
    frames = traceback.walk_tb(error.__traceback__)  # the stack's frames, in order
    for (frame, _), summary in zip(frames, report.stack, strict=False):  # (a limit cuts it)
        with lines_of(frame.f_code):
            _ = summary.line  # looked up now, under its real file name, and kept


def format_exception(error: BaseException) -> str:
    """Format `error` like the Python REPL does, hiding the engine's own frames and
    naming files by `short_path`, in every traceback of the chain."""
    report = traceback.TracebackException.from_exception(error, lookup_lines=False)
    for each, each_report in _chain(error, report, set()):
        _quote_from_blocks(each, each_report)
        kept = [frame for frame in each_report.stack if not frame.filename.startswith(_OWN_DIR)]
        for frame in kept:
            frame.filename = short_path(frame.filename)
        each_report.stack = traceback.StackSummary.from_list(kept)
        if isinstance(each, SyntaxError) and each_report.filename is not None:
            each_report.filename = short_path(each_report.filename)
    return "".join(report.format())


def exception_only(error: BaseException) -> str:
    """The last line of a traceback, which doctest compares: `ValueError: ...`."""
    return traceback.format_exception_only(type(error), error)[-1]
