"""The build's side of the engine: which page is being converted, and what its blocks did.

`docs_build.site.extension` calls `begin_page` before a page's Markdown is
converted and `end_page` after it; the formatters call `run_block` for each
fence in between. The page's fences are read from its source file with the
same lexer pytest uses, so both run exactly the same code: a fence is matched
by its id, and a formatter call that matches no fence of the lexer, or whose
code or attributes differ from it, is a failure.
"""

from __future__ import annotations

import atexit
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docs_build import PROJECT_ROOT
from docs_build.core.cache import (
    ExecutionCache,
    Place,
    digest,
    session_digest,
    session_keys,
    settings_of,
    world_digest,
)
from docs_build.core.engine import Engine, Outcome, describe, page_failures
from docs_build.core.fences import Fence, scan
from docs_build.core.kinds import KINDS
from docs_build.core.settings import Limits

log = logging.getLogger("mkdocs.plugins.docs_build")


@dataclass(frozen=True)
class Record:
    """One block the build ran."""

    page: str
    id: str
    language: str
    failed: bool
    shown: str  # what the page shows for it: the transcript, or the printed output


@dataclass
class Page:
    """The page being converted."""

    path: str  # as messages name it: docs/part1/layer.md
    fences: dict[str, Fence]  # executed fences of a known kind, by id
    expected: int  # how many blocks the build must run
    failures: list[str] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)  # fences not to run, and why
    ran: int = 0
    ran_ids: set[str] = field(default_factory=set)
    # With the cache on: each block's session key and place in it.
    keys: dict[str, Place] = field(default_factory=dict)


class BuildState:
    """Pages, their fences and the engine, for one build process."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.limits = Limits()
        self.root = PROJECT_ROOT
        self.page: Page | None = None
        self.owner: object = None  # the Markdown instance converting `page`
        self.records: list[Record] = []
        self.cache: ExecutionCache | None = None  # `mkdocs serve`, or a run's results folder
        self.rendered: dict[tuple[str, int], str] = {}  # with the cache: blocks' HTML
        self.serving = False  # `mkdocs serve`: a page shows its failures instead of raising
        # What `mkdocs serve` watches (set once it does: not in its first build), and
        # the pages whose last run saw watched files change (see `_saved_by_writer`).
        self.watched: tuple[Path, ...] = ()
        self._changed_last_run: set[str] = set()
        self._world = ""

    def configure(self, limits: Limits) -> None:
        """Use these limits from now on (a new engine only if its zygote must differ)."""
        if self.engine is not None and limits.preload == self.limits.preload:
            self.limits = self.engine.limits = limits
            return
        self.limits = limits
        if self.engine is not None:
            self.engine.close()
        self.engine = Engine(self.root, limits)

    def reset(self, docs: Path | None = None) -> None:
        """A new build starts: forget the blocks of the last one (and hash the world)."""
        self.records.clear()
        if self.cache is not None:
            settings = settings_of(self.limits, self.root)
            self._world = world_digest(self.root, docs or self.root / "docs", settings)

    def cache_key(self, *parts: str) -> str:
        """A cache key for something else the build runs (the playground notebook)."""
        return session_digest(self._world, "", []) + digest(parts)

    def use_cache(self, cache: ExecutionCache | None) -> None:
        """Replay unchanged sessions from `cache` (None: run every block)."""
        self.cache = cache
        self.rendered.clear()

    def begin_page(self, path: str, text: str) -> None:
        if self.page is not None and self.engine is not None:  # the last page broke off
            self.engine.end_page(self.page.path)
        found = scan(text)
        executed = [f for f in found.fences if f.executed and f.language in KINDS]
        refused = page_failures(path, found)
        self.page = Page(
            path=path,
            fences={f.block_id: f for f in executed if f.block_id},
            expected=len(executed),
            failures=list(refused.values()),
            refused=refused,
        )
        if self.cache is not None:
            self.page.keys = session_keys(self._world, path, executed)

    def run_block(
        self, language: str, code: str, block_id: str, attributes: dict[str, str] | None = None
    ) -> Outcome:
        """Run the fence `block_id` of the current page (called by a formatter, with the
        code and the attributes the Markdown parser read)."""
        page = self.page
        if page is None or self.engine is None:  # not a page of the site (a docstring)
            return Outcome(code)
        page.ran += 1
        fence = page.fences.get(block_id)
        if not block_id:  # not run: begin_page has already failed the page for it
            outcome = Outcome("")
        elif fence is None or fence.language != language or not _same_code(fence.body, code):
            failure = (
                f"{page.path}: the build met a {language} block '{block_id}' that the fence "
                "lexer (which pytest uses) reads differently; check the fence's indentation "
                "and closing line"
            )
            outcome = Outcome("", failure)
        elif attributes is not None and attributes != fence.attributes:
            failure = describe(
                page.path,
                fence,
                f"the Markdown parser reads its attributes as {attributes}, the fence lexer "
                f"as {fence.attributes}",
            )
            outcome = Outcome("", failure)
        elif fence.start in page.refused:  # begin_page has failed the page for it
            outcome = Outcome("", page.refused[fence.start])
        elif block_id in page.ran_ids:
            outcome = Outcome("", describe(page.path, fence, "was run twice by the build"))
        else:
            page.ran_ids.add(block_id)
            outcome = self._run(page, fence)
        if outcome.failure and outcome.failure not in page.failures:
            page.failures.append(outcome.failure)
        failed = outcome.failure is not None
        self.records.append(Record(page.path, block_id, language, failed, outcome.shown))
        return outcome

    def _run(self, page: Page, fence: Fence) -> Outcome:
        """Run a block, or replay it from the cache when its session is unchanged."""
        assert self.engine is not None
        if self.cache is None or fence.block_id not in page.keys:
            return self.engine.run(page.path, fence)
        engine = self.engine

        def run() -> tuple[str, str | None]:
            ran = engine.run(page.path, fence)
            return ran.shown, ran.failure

        return Outcome(*self.cache.outcome(page.keys, fence.block_id, page.path, run))

    def render_key(self, block_id: str) -> tuple[str, int] | None:
        """Under `mkdocs serve`, the key of a block's HTML: its session's key and place."""
        if self.cache is None or self.page is None or block_id not in self.page.keys:
            return None
        key, index, _ = self.page.keys[block_id]
        return key, index

    def fail(self, message: str) -> str:
        """Record a failure of the machinery itself on the current page."""
        if self.page is not None:
            message = f"{self.page.path}: {message}"
            self.page.failures.append(message)
        return message

    def end_page(self) -> list[str]:
        """Close the page's sessions; return its failures (empty if all went well)."""
        page, self.page = self.page, None
        if page is None:
            return []
        if self.engine is not None:
            excuse = self._saved_by_writer(page.path) if self.serving else None
            changed = self.engine.end_page(page.path, excuse)
            if changed:
                page.failures.append(changed + (SERVE_HINT if self.serving else ""))
        if page.ran != page.expected:
            page.failures.append(
                f"{page.path}: {page.expected} fences say exec, but the build ran {page.ran} "
                "blocks (a fence the Markdown parser did not take as a fence?)"
            )
        return page.failures

    def _saved_by_writer(self, page: str) -> Callable[[list[str]], bool]:
        """Under `mkdocs serve`: are the files that changed while `page`'s blocks ran the
        writer's saves? Then the page does not fail for them: the server watches them, so
        the save has started a rebuild, which runs the page again and replaces it.

        Only once in a row: if the page's next run sees watched files change again, its
        blocks write them (and would start a rebuild each time), and it fails. A change
        outside the watched folders, or in the first build (the server watches nothing
        yet, so no rebuild follows), fails at once. `make build` and the tests always
        fail a page whose blocks change the project.
        """

        def excuse(paths: list[str]) -> bool:
            again = page in self._changed_last_run
            self._changed_last_run.discard(page)
            if not paths:
                return True
            self._changed_last_run.add(page)
            if again or not all(self._watched(path) for path in paths):
                return False
            log.info(
                "docs_build: %s: %s changed while its blocks ran; taken as your edit, "
                "since the rebuild it starts runs the page again",
                page,
                ", ".join(paths[:10]),
            )
            return True

        return excuse

    def _watched(self, path: str) -> bool:
        file = (self.root / path).resolve()
        return any(file == folder or file.is_relative_to(folder) for folder in self.watched)


#: Added to the failure of a page whose blocks changed files, under `mkdocs serve`.
SERVE_HINT = (
    " (Under mkdocs serve: if you saved these files yourself while its blocks ran, "
    "saving the page again runs them again.)"
)


#: An executable fence's own text: its opening line, or a hidden line.
FENCE_TEXT = re.compile(r'exec=(&quot;|"|\\")|markdown-exec: hide')
#: What says a block or a page failed, under `mkdocs serve` (a failed block's box, a
#: page's list of failures): a traceback in it may quote a hidden line.
FAILURES = re.compile(
    r'<pre class="nnfs-block-failure">.*?</pre>'
    r'|<div class="admonition failure nnfs-build-failure".*?</div>',
    re.S,
)


def lost_blocks(path: str, ran: list[str], html_text: str) -> list[str]:
    """Why the HTML of page `path` is wrong: a block of `ran` missing from it (a line
    that leaves a box or list can tear a fence out of it: the block runs, its output is
    lost), or an executable fence's own text in it (outside what says a block failed)."""
    lost = [
        f"{path}: block '{block}' ran, but its output is not in the page (does a line "
        "above it leave the box or list the block sits in? indent it like the block)"
        for block in sorted(ran)
        if block and f'data-block="{html.escape(block)}"' not in html_text
    ]
    shown = FAILURES.sub("", html_text)
    leak = FENCE_TEXT.search(shown)
    if leak:
        start = max(0, leak.start() - 60)
        lost.append(
            f"{path}: the page shows an executable fence's own text "
            f"(...{shown[start : leak.end() + 20]}...): a fence the Markdown parser "
            "did not take as a fence"
        )
    return lost


def _same_code(lexed: str, built: str) -> bool:
    """Equal up to what Python-Markdown normalises: tabs, trailing spaces, end newlines."""

    def norm(text: str) -> list[str]:
        return [line.expandtabs(4).rstrip() for line in text.strip("\n").splitlines()]

    return norm(lexed) == norm(built)


#: The one build state of this process.
BUILD = BuildState()
atexit.register(lambda: BUILD.engine.close() if BUILD.engine else None)
