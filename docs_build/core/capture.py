"""Capture what a block prints, as a terminal would show it, within a size limit.

Standard output and standard error go to one buffer, in the order they were
written, so a warning (which Python prints to standard error) appears where
`python -W default` would print it. Bytes written to their binary side
(`sys.stdout.buffer`, `sys.stderr.buffer`) join the same text, decoded as UTF-8
(an undecodable byte becomes U+FFFD, the replacement character). Past the
limit, writing text or bytes raises `OutputLimitExceeded`, a `BaseException`, so
a block that prints in an endless loop stops at once even if it catches
`Exception`. What a page shows of it is made from this text by
`docs_build.core.output.normalise`.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


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
    """A text stream that keeps at most `limit` characters; `buffer` is its binary side."""

    #: How bytes written to `buffer` are read (and what `sys.stdout.encoding` says).
    encoding = "utf-8"

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._parts: list[str] = []
        self._size = 0
        self._decoder = codecs.getincrementaldecoder(self.encoding)("replace")
        self.buffer = _BinarySide(self)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._end_bytes()
        self._keep(text)
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        """Bytes, decoded; a character whose bytes are split between writes included."""
        self._keep(self._decoder.decode(data))

    def _end_bytes(self) -> None:
        """The bytes of an unfinished character, written before text (or at the end):
        a replacement character."""
        self._keep(self._decoder.decode(b"", final=True))

    def _keep(self, text: str) -> None:
        if not text:
            return
        self._size += len(text)
        if self._size > self.limit:
            raise OutputLimitExceeded(self.limit)
        self._parts.append(text)

    def getvalue(self) -> str:
        with contextlib.suppress(OutputLimitExceeded):  # past it, the output is cut anyway
            self._end_bytes()
        return "".join(self._parts)


class _BinarySide(io.BufferedIOBase):
    """`sys.stdout.buffer` (and `sys.stderr.buffer`) of a block."""

    def __init__(self, text: LimitedBuffer) -> None:
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        written = bytes(data)
        self._text.write_bytes(written)
        return len(written)


@contextmanager
def captured(buffer: LimitedBuffer) -> Iterator[LimitedBuffer]:
    """Send standard output and standard error to `buffer` while the block runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = buffer
    try:
        yield buffer
    finally:
        sys.stdout, sys.stderr = saved
