"""An execution cache for `make serve`: a page re-runs only the sessions whose inputs changed.

A session's outcomes (what each block showed, and its failure if any) are
stored under a hash of everything they can depend on:

- the session's fences, sources and attributes, in page order;
- the execution settings (time and output limits, preloaded modules);
- the data files under docs/ that blocks may read;
- the code of `nnfs_ref` and `docs_build`;
- the installed distributions and their versions, and the Python version;
- the `NPY_*` and `OPENBLAS_*` environment variables.

A hit replays the stored verdict too: a block that failed fails again, with the
same message. Only `mkdocs serve` uses it (it lives in memory, for the life of
the server); `make build`, `make test` and CI run every block.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from docs_build.core.fences import Fence

#: Files under docs/ that blocks may read (pages, styles and images are not inputs).
DATA_SUFFIXES = frozenset({".json", ".csv", ".tsv", ".txt", ".npy", ".npz", ".dat"})
#: Packages whose code a block's output depends on.
CODE_FOLDERS = ("nnfs_ref", "docs_build")
ENVIRONMENT_PREFIXES = ("NPY_", "OPENBLAS_")


def digest(parts: Iterable[str | bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def file_parts(paths: Iterable[Path], root: Path) -> list[str | bytes]:
    """Each file's path (from `root`) and bytes, in path order, to hash with `digest`."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return parts


def world_digest(root: Path, docs: Path, settings: str) -> str:
    """The hash of every input shared by all sessions (see the module docstring)."""
    data = [p for p in docs.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES]
    code = [p for folder in CODE_FOLDERS for p in (root / folder).rglob("*.py")]
    distributions = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    environment = sorted(
        f"{k}={v}" for k, v in os.environ.items() if k.startswith(ENVIRONMENT_PREFIXES)
    )
    return digest(
        [
            settings,
            sys.version,
            *distributions,
            *environment,
            *file_parts(data, root),
            *file_parts(code, root),
        ]
    )


def session_digest(world: str, page: str, fences: Iterable[Fence]) -> str:
    """The key of one session of one page: the shared inputs and its own fences."""
    parts: list[str] = [world, page]
    for fence in fences:
        parts += [fence.language, repr(sorted(fence.attributes.items())), fence.body]
    return digest(parts)


class ExecutionCache:
    """Session outcomes by key, in memory; counts hits and misses for the tests.

    A session is stored only once all its blocks have run, so a session is
    either replayed whole or run whole, never half and half.
    """

    def __init__(self) -> None:
        self._sessions: dict[str, list[tuple[str, str | None]]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str, index: int) -> tuple[str, str | None] | None:
        """The outcome of block `index` of the session `key`, if the session is stored."""
        outcomes = self._sessions.get(key)
        if outcomes is None:
            self.misses += 1
            return None
        self.hits += 1
        return outcomes[index]

    def store(self, key: str, outcomes: list[tuple[str, str | None]]) -> None:
        """Keep a session whose blocks have all run."""
        self._sessions[key] = list(outcomes)
