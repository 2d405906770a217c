"""What a block printed, as every page shows it: `normalise`, the one place.

A block's output is normalised once, here, wherever it is shown or compared:
the worker normalises every outcome it sends (so the build and pytest get the
same text), a console block's written output is compared with the normalised
output (`docs_build.core.compare`, which the notebook tests use too), and the
paste check (`tests/paste.py`) normalises what the interactive prompt printed.

- A path inside this machine's folders (the project, the virtual environment,
  the Python installation and its standard library, the home folder) is named as
  tracebacks name files (`docs_build.core.tracebacks.short_path`):
  `/usr/lib/python3.11/json/decoder.py` is `json/decoder.py`, a file of the
  project is named from its root (the root itself is `.`), and so is a file of
  the scratch folder blocks run in (`docs_build.core.treeguard`: `os.getcwd()`
  is `.`), any other one by its last part (`sys.executable` is `python`). The
  page reads the same on every machine, and names none.
- A control character other than a line end and a tab is shown as Python's
  escape for it (`\\x1b`, `\\x00`, `\\r`): a browser would drop it or take it for
  markup, and a terminal would obey it.

The result is normalised already: normalising it again changes nothing.
"""

from __future__ import annotations

import os
import re
import sys
import sysconfig

from docs_build import PROJECT_ROOT
from docs_build.core.tracebacks import short_path
from docs_build.core.treeguard import SCRATCH_NAME


def _machine_folders() -> list[str]:
    """This machine's folders, as given and resolved, longest first."""
    folders = [
        str(PROJECT_ROOT),
        sys.prefix,
        sys.exec_prefix,
        sys.base_prefix,
        sys.base_exec_prefix,
        *sysconfig.get_paths().values(),
        os.path.expanduser("~"),
    ]
    found = {os.path.normpath(f) for f in folders} | {os.path.realpath(f) for f in folders}
    return sorted((f for f in found if os.path.isabs(f) and f != "/"), key=len, reverse=True)


#: A character a path may hold, as it appears in output: not a space, quote, bracket,
#: separator of a list or a path, nor a backslash (an escape, in a repr or JSON).
_PATH_CHAR = r"[^\s/'\"`:;,()\[\]{}<>|\\\x00-\x1f\x7f]"
#: A scratch folder blocks run in, wherever it is.
_SCRATCH = rf"(?:/{_PATH_CHAR}+)*?/{SCRATCH_NAME}"
#: A path that starts at a scratch folder or one of the machine's folders (not inside a
#: longer name), and any ANSI escape sequences right before it (a coloured path is
#: still a path).
_MACHINE_PATH = re.compile(
    rf"(?<![\w.-])(?P<ansi>(?:\x1b\[[0-9;?]*[A-Za-z])*)"
    rf"(?P<path>(?:{'|'.join([_SCRATCH, *map(re.escape, _machine_folders())])})"
    rf"(?!{_PATH_CHAR})(?:/{_PATH_CHAR}*)*)"
)
#: Control characters (category Cc) but a line end and a tab.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _short(match: re.Match[str]) -> str:
    return match["ansi"] + short_path(match["path"])


def normalise(output: str) -> str:
    """`output` as a page shows it: no path of this machine, no raw control character."""
    output = _MACHINE_PATH.sub(_short, output)
    return _CONTROL.sub(lambda match: repr(match[0])[1:-1], output)
