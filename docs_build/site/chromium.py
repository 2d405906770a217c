"""The Chromium that prints the book (`make pdf`) and drives the browser tests and `make audit`.

Chromium is the system one (Playwright's own browser download is not
available everywhere): set CHROMIUM to use another binary.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: What Debian's Chromium needs to run headless as root, and to stay off the network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL_HINT = (
    "Chromium not found: `make pdf`, `make audit` and the browser tests need it. Install "
    "it with `sudo apt-get install chromium` (Debian/Ubuntu), or point the CHROMIUM "
    "environment variable at a Chromium or Chrome binary."
)


def find_chromium() -> str | None:
    """The Chromium binary to drive: $CHROMIUM, else the first one on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
