"""Run a `python` block as a script and capture what it prints."""

from __future__ import annotations

import io
import linecache
from contextlib import redirect_stdout

from docs_build.sessions import Namespace
from docs_build.tracebacks import format_exception


class BlockError(Exception):
    """A block raised; the message is the traceback a reader would see."""


def run_script(code: str, namespace: Namespace, filename: str) -> str:
    """Execute `code` in `namespace`; return its standard output or raise BlockError."""
    # Registering the source lets tracebacks quote the failing line.
    linecache.cache[filename] = (len(code), None, code.splitlines(keepends=True), filename)
    buffer = io.StringIO()
    try:
        with redirect_stdout(buffer):
            exec(compile(code, filename, "exec"), namespace)
    except Exception as error:
        raise BlockError(buffer.getvalue() + format_exception(error)) from error
    return buffer.getvalue()
