"""Name scoping shared by the build and the tests.

Blocks with the same `session=` on the same page share one namespace; a block
without `session=` starts from fresh globals. Pages never share names, so a
block that only works because another page defined something fails everywhere.
"""

from __future__ import annotations

from typing import Any

Namespace = dict[str, Any]


def fresh_namespace() -> Namespace:
    """Globals of a new block, as a script run with `python file.py` has them."""
    return {"__name__": "__main__", "__builtins__": __builtins__}


class Sessions:
    """Namespaces keyed by (page, session name)."""

    def __init__(self) -> None:
        self._spaces: dict[tuple[str, str], Namespace] = {}

    def namespace(self, page: str, session: str) -> Namespace:
        """The globals a block of `session` on `page` runs in."""
        if not session:
            return fresh_namespace()
        return self._spaces.setdefault((page, session), fresh_namespace())

    def clear(self) -> None:
        """Forget every session (a new build starts from nothing)."""
        self._spaces.clear()
