"""The name a script block's code has in warnings and tracebacks, and the lines they quote.

Every script block is compiled as `<block>` (the engine passes that name;
README: `<block>:3:` is line 3 of the block it appears under), whatever its
id: console blocks are `<stdin>`, as in the Python REPL. Since the blocks of
a session share the name, `linecache` alone cannot tell them apart: a function
defined in one block and called from a later one would be quoted from the
later block. So every code object compiled from a block is remembered with
its own block's lines (`remember`, in the worker), and warnings
(`quote_warnings_from_blocks`) and tracebacks (`docs_build.core.tracebacks`)
quote from there.
"""

from __future__ import annotations

import linecache
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType, FrameType
from typing import Any, TextIO

#: Lines of every code object compiled from a script block in this process (a
#: worker runs the blocks of one session), nested functions and classes included.
_LINES: dict[CodeType, list[str]] = {}
_NAMES: set[str] = set()  # their file names


def running(filename: str, source: str) -> None:
    """The block `source` runs now, as `filename`: what `linecache` reads under that name
    for code of no block remembered (its own compile-time warnings; `inspect`)."""
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)


def remember(code: CodeType, source: str) -> None:
    """`code` was compiled from `source`: quote its lines, and its functions', from there."""
    lines = source.splitlines(keepends=True)
    _NAMES.add(code.co_filename)
    pending = [code]
    while pending:
        current = pending.pop()
        _LINES[current] = lines
        pending += [c for c in current.co_consts if isinstance(c, CodeType)]


@contextmanager
def lines_of(code: CodeType) -> Iterator[None]:
    """While inside, `linecache` reads `code`'s file name as the block `code` came from
    (if it came from none, nothing changes)."""
    lines = _LINES.get(code)
    if lines is None:
        yield
        return
    name = code.co_filename
    saved = linecache.cache.get(name)
    linecache.cache[name] = (sum(map(len, lines)), None, lines, name)
    try:
        yield
    finally:
        if saved is None:
            linecache.cache.pop(name, None)
        else:
            linecache.cache[name] = saved


def _frame_line(frame: FrameType | None, filename: str, lineno: int) -> str | None:
    """The line `lineno` of the innermost frame of a block's code at that place; None
    if there is none (a warning while a block compiles: `linecache` has that block)."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename and frame.f_lineno == lineno and code in _LINES:
            with lines_of(code):
                return linecache.getline(filename, lineno)
        frame = frame.f_back
    return None


_installed: list[Any] = []


def quote_warnings_from_blocks() -> None:
    """From now on (in this worker), a warning raised in a block's code quotes its own line."""
    if _installed:
        return
    original = warnings.showwarning

    def showwarning(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if line is None and filename in _NAMES:
            line = _frame_line(sys._getframe(1), filename, lineno)
        original(message, category, filename, lineno, file, line)

    warnings.showwarning = showwarning
    _installed.append(showwarning)
