"""What only `mkdocs serve` (`make serve`) needs, set up by `docs_build.site.hooks`.

- SIGTERM stops the server as Ctrl-C does (`stop_on_sigterm`).
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import NoReturn


def stop_on_sigterm() -> None:
    """SIGTERM (what `timeout` and process managers send) stops the server as Ctrl-C does.

    MkDocs catches the KeyboardInterrupt, shuts the server down and removes its
    site folder; the process then ends normally, so the temporary folders of the
    build (the executed notebooks, the downloads) are removed too, and the zygote and
    workers end with it. SIGTERM's default would end the process at once, leaving
    every folder behind. (Call from the main thread.)
    """
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt(signal.Signals(signum).name)
