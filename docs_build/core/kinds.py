"""The registry of executable block kinds: the one place a fence language is defined.

The build's formatters, the Sybil collector, the fence audit and the notebook
converter all iterate `KINDS`. An `exec` fence in a language that is not a key
here fails the build and the tests. To add a kind, subclass
`docs_build.core.block.Kind` and add it below.
"""

from __future__ import annotations

from docs_build.core.block import Kind
from docs_build.core.console import Console
from docs_build.core.script import Script

_SCRIPT = Script()

KINDS: dict[str, Kind] = {
    "python": _SCRIPT,
    "py": _SCRIPT,
    "pycon": Console(),
}
