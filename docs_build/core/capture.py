"""Capture what a block prints, as a terminal would show it, within a size limit.

Standard output and standard error go to one buffer, in the order they were
written, so a warning (which Python prints to standard error) appears where
`python -W default` would print it. Past the limit, writing raises
`OutputLimitExceeded`, a `BaseException`, so a block that prints in an endless
loop stops at once even if it catches `Exception`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class OutputLimitExceeded(BaseException):
    """A block printed more than the site allows."""


class NoInput:
    """Standard input of a block: there is nobody to type, so reading fails at once."""

    MESSAGE = (
        "a block cannot read from standard input: nobody types at build time "
        "(input() would wait forever); give the value in the code instead"
    )

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def read(self, size: int = -1) -> str:
        raise EOFError(self.MESSAGE)

    def readline(self, size: int = -1) -> str:
        raise EOFError(self.MESSAGE)


class LimitedBuffer(io.TextIOBase):
    """A text stream that keeps at most `limit` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._size += len(text)
        if self._size > self.limit:
            raise OutputLimitExceeded(self.limit)
        self._parts.append(text)
        return len(text)

    def getvalue(self) -> str:
        return "".join(self._parts)


@contextmanager
def captured(buffer: LimitedBuffer) -> Iterator[LimitedBuffer]:
    """Send standard output and standard error to `buffer` while the block runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = buffer
    try:
        yield buffer
    finally:
        sys.stdout, sys.stderr = saved
