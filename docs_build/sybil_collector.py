"""The pytest side: every executed block of the site as a pytest item, through Sybil.

Stock Sybil Markdown parsers skip fences that carry attributes, such as
```` ```pycon exec="on" ````. This parser reads pages with the same fence lexer
as the build and runs each block with the same engine (`docs_build.core`),
with the limits mkdocs.yml sets, so a block passes here exactly when it passes
in the build. Malformed fences, and fences that may not run, are failing
items of their own: nothing is skipped without a word. A page's sessions end
when Sybil tears the page down.

When the run keeps its results in a folder (`DOCS_BUILD_RESULTS`, set by
tests/conftest.py for the whole suite), each session's outcomes are stored
there once it has run, so the builds of the same run replay them instead of
executing every block again; a session already stored is replayed here too.
"""

from __future__ import annotations

import atexit
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.sybil import SybilCollection

from docs_build import PROJECT_ROOT
from docs_build.core.cache import (
    RESULTS_VARIABLE,
    ExecutionCache,
    Place,
    block_name,
    session_keys,
    settings_of,
    world_digest,
)
from docs_build.core.engine import Engine, Outcome, page_failures
from docs_build.core.fences import Fence, scan
from docs_build.core.kinds import KINDS
from docs_build.core.settings import load_limits

_PAGE = "_docs_build_page"
_ENGINES: dict[Path, Engine] = {}
#: Each project's results, shared by its parsers (pages and docstrings) and teardowns.
_RESULTS: dict[Path, RunResults] = {}


@atexit.register
def _close_engines() -> None:
    for engine in _ENGINES.values():
        engine.close()


def engine_for(root: Path) -> Engine:
    """One engine per project for the whole test session, with mkdocs.yml's limits."""
    if root not in _ENGINES:
        config = root / "mkdocs.yml"
        limits = load_limits(config) if config.is_file() else None
        _ENGINES[root] = Engine(root, limits)
    return _ENGINES[root]


def _failing(message: str) -> Any:
    def evaluate(example: Example) -> str:
        return message

    return evaluate


class RunResults:
    """This run's results folder, if it keeps one (see the module docstring)."""

    def __init__(self, engine: Engine, root: Path) -> None:
        # Pages named from another folder than the engine's project (a test's scratch
        # pages) are not the project's: they are never stored.
        self._project = root.resolve() == engine.root.resolve()
        self._engine = engine
        self._cache: ExecutionCache | None = None
        self._looked = False
        self.world = ""

    @property
    def cache(self) -> ExecutionCache | None:
        """The run's results, looked up when first needed: the root conftest makes its
        parsers when it is imported, before the run's sessionstart names the folder
        (`DOCS_BUILD_RESULTS`), so a single-process run would otherwise keep nothing."""
        if not self._looked and self._project and os.environ.get(RESULTS_VARIABLE):
            self._looked = True
            engine = self._engine
            self._cache = ExecutionCache.of_run(engine.root)
            settings = settings_of(engine.limits, engine.root)
            self.world = world_digest(engine.root, engine.root / "docs", settings)
        return self._cache

    def places(self, page: str, fences: list[Fence]) -> dict[str, Place]:
        """Each block's session key and place, as the build computes them."""
        if self.cache is None:
            return {}
        return session_keys(self.world, page, fences)

    def page_done(self, page: str) -> None:
        """Note that `page`'s doc tests are over (its sessions stored), and the world
        they were stored under."""
        if self.cache is not None:
            self.cache.mark_page_done(page, self.world)

    def wait(self, page: str, places: dict[str, Place], seconds: float) -> str | None:
        """Wait until every session of `places` is stored (by another process of this
        run, executing them now), at most `seconds`; None once they are, else why not.
        Stops waiting as soon as the page's doc tests are over (`page_done`)."""
        if self.cache is None:
            return f"{page}: this run keeps no results"
        cache, keys = self.cache, {key for key, _, _ in places.values()}
        deadline = time.monotonic() + seconds
        while True:
            there = cache.page_done_under(page)  # read first: it is written after them
            if all(cache.stored(key) for key in keys):
                return None
            if there is not None and there != self.world:
                return (
                    f"{page}: its doc tests stored their sessions under other inputs "
                    f"than this process sees (world {there[:12]} there, "
                    f"{self.world[:12]} here): an environment variable, an installed "
                    "package or a file differs between the two processes "
                    "(docs_build.core.cache.world_digest)"
                )
            if there is not None:
                return (
                    f"{page}: its doc tests are over, but not every session replayed here "
                    "was stored (a session is stored only once all its blocks have run)"
                )
            if time.monotonic() > deadline:
                return f"{page}: this run's doc tests stored no results within {seconds:g} s"
            time.sleep(0.2)

    def run(self, engine: Engine, page: str, fence: Fence, places: dict[str, Place]) -> Outcome:
        """Replay the block if its session is stored, else run it."""
        name = block_name(fence)
        if self.cache is None or name not in places:
            return engine.run(page, fence)

        def run() -> tuple[str, str | None]:
            ran = engine.run(page, fence)
            return ran.shown, ran.failure

        return Outcome(*self.cache.outcome(places, name, page, run))


def _running(results: RunResults, engine: Engine, page: str, fence: Fence, places: Any) -> Any:
    def evaluate(example: Example) -> str | None:
        return results.run(engine, page, fence, places).failure

    return evaluate


def blocks(root: Path, *, docstrings: bool = False, engine: Engine | None = None) -> Any:
    """A Sybil parser for executable fences; in docstrings every fence of a kind runs.

    Pages are named from `root`; blocks run in `engine` (by default the one of `root`).
    """
    if engine is None:  # the project's own engine: its results are shared
        engine = engine_for(root)
        results = _RESULTS.setdefault(root, RunResults(engine, root))
    else:
        results = RunResults(engine, root)

    def parse(document: Document) -> Iterable[Region]:
        path = Path(document.path).resolve()
        page = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        document.namespace[_PAGE] = page
        found = scan(document.text)
        malformed = {problem.start for problem in found.problems}
        failures = page_failures(page, found)
        executed = [f for f in found.fences if (docstrings or f.executed) and f.language in KINDS]
        places = results.places(page, executed)
        for problem in found.problems:
            message = failures[problem.start]
            yield Region(problem.start, problem.end, parsed=message, evaluator=_failing(message))
        for fence in found.fences:
            if fence.start in malformed:
                continue
            if docstrings:  # examples in docstrings: every fence of a kind runs, no rules
                if fence.language in KINDS:
                    evaluator = _running(results, engine, page, fence, places)
                    yield Region(fence.start, fence.end, parsed=fence, evaluator=evaluator)
                continue
            if fence.start in failures:
                message = failures[fence.start]
                yield Region(fence.start, fence.end, parsed=fence, evaluator=_failing(message))
            elif fence.executed:
                evaluator = _running(results, engine, page, fence, places)
                yield Region(fence.start, fence.end, parsed=fence, evaluator=evaluator)

    return parse


def _end_page(root: Path) -> Any:
    def teardown(namespace: dict[str, Any]) -> None:
        page = namespace.get(_PAGE, "")
        changed = engine_for(root).end_page(page)
        if root in _RESULTS:
            _RESULTS[root].page_done(page)
        if changed:  # an error of the page's last item, naming the page
            raise AssertionError(changed)

    return teardown


def docs_and_docstrings(root: Path = PROJECT_ROOT) -> SybilCollection:
    """Every executed block of docs/*.md and every example in nnfs_ref's docstrings."""
    pages = Sybil(
        parsers=[blocks(root)],
        path=str(root / "docs"),
        patterns=["*.md"],
        teardown=_end_page(root),
    )
    package = Sybil(
        parsers=[blocks(root, docstrings=True)],
        path=str(root / "nnfs_ref"),
        patterns=["*.py"],
        teardown=_end_page(root),
    )
    return pages + package
