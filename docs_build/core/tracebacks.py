"""Tracebacks as a reader would see them: no frames of ours, no path of this machine,
and each line of a block's code quoted from its own block.

`nnfs_ref` is shown as if it were written in C: a call into it shows the frame of
the public function the reader called, then the exception, as Python would if the
error were raised there. The frames under it (the package's internal helpers,
`nnfs_ref._checks` and the like, and what they call) are left out, unless the
reader's own code runs again under them (a function of theirs that `nnfs_ref`
called): that frame is shown, under the public call.
"""

from __future__ import annotations

import sys
import sysconfig
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from docs_build import PROJECT_ROOT
from docs_build.core.blocklines import lines_of
from docs_build.core.treeguard import in_scratch

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
    repository is named from its root, one in a scratch folder blocks run in from
    that folder (either folder itself is `.`); any other absolute path by its last
    part.
    """
    for marker in ("site-packages/", "dist-packages/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    path = Path(filename)
    if not path.is_absolute():
        return filename
    resolved = str(path.resolve())
    scratch = in_scratch(resolved)
    if scratch is not None:
        return scratch
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


def _frames(
    error: BaseException, report: traceback.TracebackException
) -> list[tuple[FrameType, traceback.FrameSummary]]:
    """Each frame of `error`'s traceback with its summary in `report`, in order."""
    frames = [frame for frame, _ in traceback.walk_tb(error.__traceback__)]
    return list(zip(frames, report.stack, strict=False))  # (a limit would cut the stack)


def _quote_from_blocks(frames: list[tuple[FrameType, traceback.FrameSummary]]) -> None:
    """Look up the line of each frame now: a frame of a block's code in its own block
    (all are `<block>`)."""
    for frame, summary in frames:
        with lines_of(frame.f_code):
            _ = summary.line  # looked up now, under its real file name, and kept


#: The site's reference package, whose insides a reader does not need to see.
REFERENCE_PACKAGE = "nnfs_ref"


def _in_package(frame: FrameType) -> bool:
    module = str(frame.f_globals.get("__name__", ""))
    return module == REFERENCE_PACKAGE or module.startswith(REFERENCE_PACKAGE + ".")


def _readers_code(frame: FrameType) -> bool:
    """A block's code, or a function it defined: the reader's own code."""
    return frame.f_globals.get("__name__") == "__main__"


def _shown(frames: list[tuple[FrameType, traceback.FrameSummary]]) -> list[traceback.FrameSummary]:
    """The frames a reader sees: not the engine's, and of a call into `nnfs_ref` only
    the public function called (its markers left out when frames under it are)."""
    shown: list[traceback.FrameSummary] = []
    entry: traceback.FrameSummary | None = None  # the public call we are under
    for frame, summary in frames:
        if summary.filename.startswith(_OWN_DIR):
            continue
        if _readers_code(frame):
            entry = None
        elif entry is not None:
            if sys.version_info >= (3, 11):  # no ^^^ under the call: its inside is hidden
                entry.colno = entry.end_colno = None
            continue
        elif _in_package(frame):
            entry = summary
        shown.append(summary)
    return shown


def format_exception(error: BaseException) -> str:
    """Format `error` like the Python REPL does, hiding the engine's own frames and
    `nnfs_ref`'s insides and naming files by `short_path`, in every traceback of the
    chain."""
    report = traceback.TracebackException.from_exception(error, lookup_lines=False)
    for each, each_report in _chain(error, report, set()):
        frames = _frames(each, each_report)
        _quote_from_blocks(frames)
        kept = _shown(frames)
        for frame in kept:
            frame.filename = short_path(frame.filename)
        each_report.stack = traceback.StackSummary.from_list(kept)
        if isinstance(each, SyntaxError) and each_report.filename is not None:
            each_report.filename = short_path(each_report.filename)
    return "".join(report.format())


def exception_only(error: BaseException) -> str:
    """The last line of a traceback, which doctest compares: `ValueError: ...`."""
    return traceback.format_exception_only(type(error), error)[-1]
