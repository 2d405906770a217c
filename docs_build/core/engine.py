"""Run blocks page by page, session by session, and word every failure the same way.

The build and pytest each hold one `Engine`. Blocks with the same `session=`
on the same page share a worker process (and so their names); a block
without `session=` gets a worker of its own. Every block of a page starts in
the page's scratch folder (`docs_build.core.treeguard`), not in the project.
`end_page` stops a page's workers, removes the folder and fails the page if its
blocks changed the project's files. Every failure is worded here, as
`docs/page.md:12, block 'id' (pycon): what went wrong`, so the build, pytest
and the notebooks say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docs_build import PROJECT_ROOT
from docs_build.core import tally
from docs_build.core.block import Run
from docs_build.core.cache import block_name
from docs_build.core.fences import Fence, Scan
from docs_build.core.preload import stamp
from docs_build.core.rules import fence_problems
from docs_build.core.session import Request
from docs_build.core.settings import Limits
from docs_build.core.treeguard import Watch, failure
from docs_build.core.worker import Worker, WorkerGoneError
from docs_build.core.zygote import Zygote, ZygoteGoneError


@dataclass(frozen=True)
class Outcome:
    """What the page shows for a block, and the failure message if it failed."""

    shown: str
    failure: str | None = None


def describe(page: str, fence: Fence, problem: str) -> str:
    """The one wording of a failed block."""
    return f"{page}:{fence.line}, {fence.name} ({fence.language}): {problem}"


def page_failures(page: str, found: Scan) -> dict[int, str]:
    """Why each malformed or unrunnable fence of `page` fails, by the offset it starts at.

    The build and pytest both read a page's failures here, before any block runs:
    `Engine.run` takes only fences without one.
    """
    failures = {
        problem.start: f"{page}:{problem.line}: {problem.message}" for problem in found.problems
    }
    for fence in found.fences:
        problems = fence_problems(fence)
        if problems and fence.start not in failures:
            failures[fence.start] = describe(page, fence, "; ".join(problems))
    return failures


class Engine:
    """Runs blocks in isolated worker processes; see `docs_build.core.worker`."""

    def __init__(self, root: Path = PROJECT_ROOT, limits: Limits | None = None) -> None:
        self.root = root
        self.limits = limits or Limits()
        self._workers: dict[tuple[str, str], Worker] = {}
        self._zygote: Zygote | None = None
        self._stamps: dict[Path, int] = {}
        self._spare: Worker | None = None
        self._pages: dict[str, Watch] = {}  # pages that ran blocks: each one's scratch
        # folder, the project's files when it began, and when each block ran
        self._get_zygote()  # it starts up while the build reads its configuration

    def run(self, page: str, fence: Fence, counted_as: str | None = "block") -> Outcome:
        """Run one block of `page` in its session; blocks of a session run in page order.

        The fence must be one `page_failures` found nothing wrong with. `counted_as`:
        what `make timings` counts the run as (docs_build/core/tally.py), or None for
        a run that executes no block of a page (the paste check's console starting).
        """
        run = self._run(page, fence)
        if counted_as is not None:
            tally.record(counted_as, [block_name(fence)])
        return Outcome(run.shown, describe(page, fence, run.failure) if run.failure else None)

    def _run(self, page: str, fence: Fence) -> Run:
        key = (page, fence.session)
        worker = self._workers.get(key) if fence.session else None
        if worker is None:
            worker = self._new_worker(page)
            if fence.session:
                self._workers[key] = worker
        earlier = worker.gone
        watch = self._pages[page]
        request = Request(
            kind=fence.language,
            code=fence.body,
            filename="<block>",  # every script block: README explains `<block>:3:`
            output_limit=self.limits.output_limit,
            folder=str(watch.folder),
        )
        try:
            timeout = self.limits.timeout_for(fence.attributes)
            memory = self.limits.memory_for(fence.attributes)
            zygote = self._zygote
            with watch.running(fence.name):
                run = worker.run(request, timeout, memory, meanwhile=self._fork_spare)
            if self._zygote_killed(zygote):
                return Run(run.shown, "stopped the process that starts the workers (its parent)")
            return run
        except WorkerGoneError as gone:
            self._zygote_killed(self._zygote)
            if earlier is not None:
                return Run("", f"not run: an earlier block of session '{fence.session}' {gone}")
            return Run("", str(gone))
        finally:
            if not fence.session:
                worker.close()

    def _new_worker(self, page: str) -> Worker:
        """A worker for a new session: the one forked while the last block ran, if any."""
        if page not in self._pages:  # the page's first session: is the zygote up to date?
            self._pages[page] = Watch(self.root)
            self._check_zygote()
        self._pages[page].folder.mkdir(exist_ok=True)  # (if a block removed it)
        zygote = self._get_zygote()  # a new one (and no spare) if a block killed the last
        spare, self._spare = self._spare, None
        if spare is not None and spare.alive():
            return spare
        if spare is not None:
            spare.close()
        try:
            return Worker(zygote)
        except ZygoteGoneError:  # killed since we looked: start another, once
            self._drop_zygote()
            return Worker(self._get_zygote())

    def _fork_spare(self) -> None:
        """Ask for the next session's worker while a block runs (it starts up meanwhile)."""
        if self._spare is None:
            try:
                self._spare = Worker(self._get_zygote())
            except ZygoteGoneError:  # the running block killed it: the next worker says so
                self._spare = None

    def _zygote_killed(self, before: Zygote | None) -> bool:
        """Did the block that just ran kill the zygote it started on (`before`)? Then
        forget it and its spare (which dies with it): the next block gets a new one. (A
        spare asked for meanwhile may already have started the new one.)"""
        if before is None or (before is self._zygote and before.ping()):
            return False
        if before is self._zygote:
            self._drop_zygote()
        return True

    def _drop_zygote(self) -> None:
        """Forget a zygote a block killed, and the spare that went with it."""
        if self._zygote is not None:
            self._zygote.close()
            self._zygote = None
        if self._spare is not None:
            self._spare.close()
            self._spare = None

    def _get_zygote(self) -> Zygote:
        if self._zygote is None or not self._zygote.alive():
            self._drop_zygote()
            self._stamps = stamp(self.limits.preload, self.root)
            self._zygote = Zygote(self.root, self.limits.preload)
        return self._zygote

    def _check_zygote(self) -> None:
        """Start a new zygote if a preloaded file was edited (under `mkdocs serve`)."""
        if self._zygote is not None and stamp(self.limits.preload, self.root) != self._stamps:
            if self._spare is not None:
                self._spare.close()
                self._spare = None
            self._zygote.close()
            self._zygote = None

    def end_page(self, page: str, excuse: Callable[[list[str]], bool] | None = None) -> str | None:
        """Stop the workers of `page`: its sessions are over; remove its scratch folder.
        The failure, if its blocks changed the project's files
        (`docs_build.core.treeguard`), naming each file and the block that was running
        when it was written.

        `excuse`, if given, hears the paths that changed (from the root; none if
        nothing did) whenever the page ran blocks, and says whether the change is not
        theirs: under `mkdocs serve`, a file the writer saved meanwhile
        (`docs_build.site.pages`).
        """
        for key in [key for key in self._workers if key[0] == page]:
            self._workers.pop(key).close()
        watch = self._pages.pop(page, None)
        if watch is None:
            return None
        paths, changed = watch.end()
        if excuse is not None and excuse(paths):
            return None
        return failure(page, "blocks", changed) if changed else None

    def close(self) -> None:
        """Stop every worker."""
        for worker in [*self._workers.values(), *([self._spare] if self._spare else [])]:
            worker.close()
        self._workers.clear()
        self._spare = None
        for watch in self._pages.values():
            watch.discard()
        self._pages.clear()
        if self._zygote is not None:
            self._zygote.close()
            self._zygote = None
