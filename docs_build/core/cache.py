"""Execution results kept and replayed: a session whose inputs did not change is not run.

A session's outcomes (what each block showed, and its failure if any) are
stored under a hash of everything they can depend on:

- the session's fences, sources and attributes, in page order;
- the execution settings (time and output limits, preloaded modules);
- the data files under docs/ that blocks may read;
- the code of `nnfs_ref` and `docs_build`;
- the installed distributions and their versions, and the Python version;
- the machine: its architecture, its C library, its processor's model and
  features (`machine_parts`);
- the environment variables that change what NumPy, OpenBLAS, glibc or Python
  do (`NPY_*`, `OPENBLAS_*`, `GLIBC_*`, `OMP_*`, and Python's own that change
  warnings, asserts and text: `ENVIRONMENT_NAMES`), but for
  `OPENBLAS_MAIN_FREE` (see `IGNORED_VARIABLES`).

The machine and Python's variables stay the same while a process runs; they
are in the key so that results kept on disk are never replayed on another
machine, or under another setting, than the one they were made on.

A hit replays the stored verdict too: a block that failed fails again, with the
same message. Two uses:

- `mkdocs serve` keeps it in memory for the life of the server, and in the
  project's `.cache/preview/` (ignored by git) from one run of `make serve` to
  the next (`ExecutionCache.preview`), so a restart replays what did not change.
  Only sessions whose blocks all succeeded go to the folder (a restart runs a
  failure again: a block past its time limit on a busy machine may pass), with
  the executed playground notebook (`document`, under the same world), and the
  folder is bounded: after each build, the files used longest ago are removed
  until it holds at most `PREVIEW_LIMIT` bytes (`prune`). `make build`,
  `mkdocs build`, `make test` and CI never read it;
- a run that executes the same pages more than once in one environment keeps
  it in a folder named by `DOCS_BUILD_RESULTS` (`make build`: the offline copy
  executes, the hosted site replays; `make test`: the doc tests execute, the
  builds replay), removed when the run ends.

Either folder holds each session as a JSON file, `<key>.json`, that also names
its page and blocks, so two folders made in two environments can be compared
block by block (`results_by_block`). In a run's folder, each project root has
a folder of its own (`results_folder`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from docs_build.core.fences import Fence

#: Files under docs/ that blocks may read (pages, styles and images are not inputs).
DATA_SUFFIXES = frozenset({".json", ".csv", ".tsv", ".txt", ".npy", ".npz", ".dat"})
#: Packages whose code a block's output depends on.
CODE_FOLDERS = ("nnfs_ref", "docs_build")
ENVIRONMENT_PREFIXES = ("NPY_", "OPENBLAS_", "GLIBC_", "OMP_")
#: Python's variables that change what a block shows: warnings, asserts, text.
ENVIRONMENT_NAMES = frozenset(
    {
        "PYTHONWARNINGS",
        "PYTHONDEVMODE",
        "PYTHONOPTIMIZE",
        "PYTHONUTF8",
        "PYTHONIOENCODING",
        "PYTHONINTMAXSTRDIGITS",
    }
)
#: What Linux says of the processor: its model and features, each core's clock speed.
CPUINFO = Path("/proc/cpuinfo")
#: The lines of /proc/cpuinfo that say which processor this is and what it can do.
CPU_FIELDS = frozenset(
    {"model name", "flags", "Features", "CPU implementer", "CPU architecture", "CPU part"}
)
#: Variables of those prefixes that change no output. NumPy sets OPENBLAS_MAIN_FREE
#: (thread affinity) in the C environment while it is imported, and unsets it after:
#: a process started meanwhile by another thread inherits it, so whether a process
#: has it depends on timing. Counted in, it gave two xdist workers of one run two
#: keys for the same session (one worker's replays then waited for the other's).
IGNORED_VARIABLES = frozenset({"OPENBLAS_MAIN_FREE"})
#: The folder of this run's results, when a run keeps them on disk.
RESULTS_VARIABLE = "DOCS_BUILD_RESULTS"
#: Where `mkdocs serve` keeps its results from one run to the next, from the project root.
PREVIEW_FOLDER = Path(".cache", "preview")
#: The bytes `PREVIEW_FOLDER` may hold after a build (a whole site's sessions: about 1 MB).
PREVIEW_LIMIT = 64 * 1024 * 1024

#: What each block of a session showed, and its failure if it failed.
Outcomes = list[tuple[str, str | None]]
#: Where a block sits: its session's key, its place in the session, the session's length.
Place = tuple[str, int, int]


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


def machine_parts() -> list[str]:
    """What a block's output may depend on in this machine: its architecture and system,
    its C library, and its processor's model and features (Linux: from /proc/cpuinfo)."""
    parts = [platform.machine(), platform.system(), *platform.libc_ver(), platform.mac_ver()[0]]
    try:
        lines = CPUINFO.read_text(errors="replace").splitlines()
    except OSError:  # not Linux
        return [*parts, platform.processor()]
    wanted = {
        " ".join(line.split()) for line in lines if line.partition(":")[0].strip() in CPU_FIELDS
    }
    return parts + sorted(wanted)


def world_digest(root: Path, docs: Path, settings: str) -> str:
    """The hash of every input shared by all sessions (see the module docstring)."""
    data = [p for p in docs.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES]
    code = [p for folder in CODE_FOLDERS for p in (root / folder).rglob("*.py")]
    distributions = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    environment = sorted(
        f"{k}={v}"
        for k, v in os.environ.items()
        if (k.startswith(ENVIRONMENT_PREFIXES) or k in ENVIRONMENT_NAMES)
        and k not in IGNORED_VARIABLES
    )
    return digest(
        [
            settings,
            sys.version,
            *machine_parts(),
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


def settings_of(limits: object, root: Path) -> str:
    """The execution settings a world digest covers (the build and pytest agree on it)."""
    return repr((limits, root))


def session_keys(world: str, page: str, fences: list[Fence]) -> dict[str, Place]:
    """For each block (by `block_name`): its session's key, its place in the session, and
    the session's length."""
    sessions: dict[str, list[Fence]] = {}
    for fence in fences:  # a block without session= is a session of its own
        sessions.setdefault(fence.session or f"\0{block_name(fence)}", []).append(fence)
    keys = {}
    for members in sessions.values():
        key = session_digest(world, page, members)
        for index, fence in enumerate(members):
            keys[block_name(fence)] = (key, index, len(members))
    return keys


def block_name(fence: Fence) -> str:
    """A block's id; for a block without one (a docstring's example, whose line counts
    from its docstring), its line and a hash of its code."""
    return fence.block_id or f"line {fence.line}, {digest([fence.body])[:8]}"


class ExecutionCache:
    """Session outcomes by key, in memory or in a folder; counts hits and misses.

    A session is stored only once all its blocks have run, so a session is
    either replayed whole or run whole, never half and half. A file of the
    folder that cannot be read is a miss. With a `limit` (the preview's folder,
    kept from run to run), a session that failed stays in memory only, and
    `prune` bounds the folder.
    """

    def __init__(self, folder: Path | None = None, limit: int | None = None) -> None:
        self._sessions: dict[str, Outcomes] = {}
        self._running: dict[str, Outcomes] = {}  # sessions part-way through
        self._documents: dict[str, str] = {}  # by file name (`document`)
        self._used: set[str] = set()  # files replayed or stored since the last prune
        self.folder = folder
        self.limit = limit
        self.hits = 0
        self.misses = 0

    @classmethod
    def of_run(cls, root: Path) -> ExecutionCache | None:
        """The cache of this run's results for the project at `root`, if the run keeps
        them (`DOCS_BUILD_RESULTS`)."""
        base = os.environ.get(RESULTS_VARIABLE)
        if not base:
            return None
        return cls(results_folder(Path(base), root))

    @classmethod
    def preview(cls, root: Path) -> ExecutionCache:
        """`mkdocs serve`'s cache of the project at `root`, kept in its `PREVIEW_FOLDER`."""
        return cls(root / PREVIEW_FOLDER, PREVIEW_LIMIT)

    def _load(self, key: str) -> Outcomes | None:
        if key not in self._sessions and self.folder is not None:
            path = self.folder / f"{key}.json"
            try:
                blocks = json.loads(path.read_text())["blocks"]
                self._sessions[key] = [(b["shown"], b["failure"]) for b in blocks]
            except (OSError, ValueError, KeyError, TypeError):
                return None  # not stored, or not readable (a miss runs the session)
        return self._sessions.get(key)

    def stored(self, key: str) -> bool:
        """Whether the session `key` is stored (in memory or in the folder)."""
        return key in self._sessions or (
            self.folder is not None and (self.folder / f"{key}.json").is_file()
        )

    def get(self, key: str, index: int) -> tuple[str, str | None] | None:
        """The outcome of block `index` of the session `key`, if the session is stored."""
        outcomes = self._load(key)
        if outcomes is None or not 0 <= index < len(outcomes):
            self.misses += 1
            return None
        self.hits += 1
        self._used.add(f"{key}.json")
        return outcomes[index]

    def store(
        self, key: str, outcomes: Outcomes, page: str = "", ids: list[str] | None = None
    ) -> None:
        """Keep a session whose blocks have all run (`ids`: their block ids, for
        `results_by_block`)."""
        self._sessions[key] = list(outcomes)
        self._used.add(f"{key}.json")
        failed = any(failure is not None for _, failure in outcomes)
        if self.folder is None or (failed and self.limit is not None):
            return
        names = ids or [str(i) for i in range(len(outcomes))]
        blocks = [
            {"id": name, "shown": shown, "failure": failure}
            for name, (shown, failure) in zip(names, outcomes, strict=True)
        ]
        self._write(f"{key}.json", json.dumps({"page": page, "blocks": blocks}))

    def _write(self, name: str, text: str) -> None:
        assert self.folder is not None
        scratch = self.folder / f"{name}.{os.getpid()}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            scratch.write_text(text)
            scratch.replace(self.folder / name)  # whole, or not at all
        except OSError:
            if self.limit is None:  # a run's results must be kept
                raise
            with contextlib.suppress(OSError):
                scratch.unlink(missing_ok=True)  # the preview works on from memory

    def mark_page_done(self, page: str, world: str) -> None:
        """Note in the folder that `page`'s sessions are all stored, under `world`: a
        process waiting for them (another xdist worker) then stops waiting."""
        if self.folder is not None:
            self._write(_page_mark(page), json.dumps({"page": page, "world": world}))

    def page_done_under(self, page: str) -> str | None:
        """The world `page`'s sessions were stored under, once they all are (in any
        process of the run), else None."""
        if self.folder is None:
            return None
        try:
            world: str = json.loads((self.folder / _page_mark(page)).read_text())["world"]
        except (OSError, ValueError, KeyError):
            return None
        return world

    def document(self, name: str) -> str | None:
        """Something else the build made, stored by `keep_document` under the file name
        `name` (the executed playground notebook: `<key>.ipynb`), if it is stored."""
        if name not in self._documents and self.folder is not None and self.limit is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                self._documents[name] = (self.folder / name).read_text()
        found = self._documents.get(name)
        if found is not None:
            self._used.add(name)
        return found

    def keep_document(self, name: str, text: str) -> None:
        """Store `text` under the file name `name`: in memory, and in the folder of the
        preview (a run's results folder holds sessions only)."""
        self._documents[name] = text
        self._used.add(name)
        if self.folder is not None and self.limit is not None:
            self._write(name, text)

    def prune(self) -> int:
        """Bound the folder (with a `limit`): mark the files used since the last prune as
        used now, then remove the files used longest ago (by modification time) until
        the folder holds at most `limit` bytes, never one used since the last prune.
        Also removes what a store cut short more than an hour ago. Returns how many
        files it removed."""
        if self.folder is None or self.limit is None or not self.folder.is_dir():
            return 0
        used = {self.folder / name for name in self._used}
        self._used.clear()
        now = time.time()
        for path in used:
            with contextlib.suppress(OSError):  # failed, or removed by another server
                os.utime(path, (now, now))
        files = []
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):
                stat = path.stat()
                files.append((stat.st_mtime, stat.st_size, path))
        removed, kept, full = 0, 0, False
        for mtime, size, path in sorted(files, key=lambda file: file[0], reverse=True):
            cut_short = path.suffix[1:].isdigit() and now - mtime > 3600  # name.<pid>
            if path in used or not (full or cut_short or kept + size > self.limit):
                kept += size
                continue
            full = full or not cut_short
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    def outcome(
        self,
        places: dict[str, Place],
        name: str,
        page: str,
        run: Callable[[], tuple[str, str | None]],
    ) -> tuple[str, str | None]:
        """Block `name`'s outcome: replayed if its session is stored, else `run()`; a
        session is stored once its last block has run (`places`: the page's blocks)."""
        key, index, total = places[name]
        stored = self.get(key, index)
        if stored is not None:
            return stored
        if index == 0:  # a session starts (again, after a rebuild broke off)
            self._running[key] = []
        outcome = run()
        running = self._running.get(key)
        if running is None or len(running) != index:  # blocks out of order: never store
            self._running.pop(key, None)
            return outcome
        running.append(outcome)
        if len(running) == total:
            ids = [block for block, (k, _, _) in places.items() if k == key]
            self.store(key, self._running.pop(key), page, ids)
        return outcome


def _page_mark(page: str) -> str:
    """The file name of `page`'s mark (not `.json`: `results_by_block` reads sessions)."""
    return f"{digest([page])[:16]}.page"


def results_folder(base: Path, root: Path) -> Path:
    """Where a run keeps the results of the project at `root` (a temporary copy of the
    project, made by a test, keeps its own)."""
    return base / digest([str(root.resolve())])[:16]


def results_by_block(folder: Path) -> dict[tuple[str, str], dict[str, str | None]]:
    """Every block stored in a results folder, by (page, block id): what it showed, and
    its failure if it failed."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        session = json.loads(path.read_text())
        for block in session["blocks"]:
            found[(session["page"], block["id"])] = {
                "shown": block["shown"],
                "failure": block["failure"],
            }
    return found
