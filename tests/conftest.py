"""Fixtures shared by the whole suite, and the one execution of every block per environment.

Every process of a run (the xdist controller and its workers) keeps block
results in one folder, `results-default/` of the run's shared temporary
folder (`DOCS_BUILD_RESULTS`, docs_build/core/cache.py): the doc tests of
docs/ and nnfs_ref/ execute each block once and store it, and the builds
replay it. `limited_results`: the same doc tests, run once more in a pytest of
their own with the oldest code paths of this machine
(docs_build/core/codepaths.py), store theirs in `results-limited/`.

`built_site`: the real site as `make build` makes it — the offline copy
zipped into dist/ first, then the hosted site, which publishes that zip — built
once per test session (once for all pytest-xdist workers, behind a file lock),
with the list of blocks the build ran. Every test that needs built HTML or the
offline zip uses it; only the determinism test renders the real site a second
time (the end-to-end failure test builds a broken copy). When the whole suite
runs, the controller starts the limited run at once, in the background, and the
build as soon as every doc test has reported, so both are ready by the time
the first test asks for them.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_build.core.cache import RESULTS_VARIABLE, results_folder
from docs_build.core.codepaths import child_environment, limited_environment
from docs_build.site.release import build_offline
from tests.sitebuild import ROOT, mkdocs_build, run_pytest


@dataclass(frozen=True)
class BuiltSite:
    """The site as `make build` makes it, the blocks that build ran, and dist/."""

    root: Path
    records: list[dict[str, object]]
    dist: Path  # holds the offline zip the site publishes
    log: str = ""  # what the site's build printed (its standard error: MkDocs' log)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


SHARED = "built-site"
#: Where each environment's results are kept, in the run's shared folder.
DEFAULT_RESULTS, LIMITED_RESULTS = "results-default", "results-limited"
#: The doc tests: each block of the site and each docstring example, one item each.
DOC_TESTS = ("docs/", "nnfs_ref/")
#: At most this long, the build waits for the doc tests to store their results.
DOC_TESTS_WAIT = 600.0


def shared_folder(request: pytest.FixtureRequest, factory: pytest.TempPathFactory) -> Path:
    """A folder all xdist workers of this run share (the run's base temporary folder)."""
    return _shared(request.config, factory)


def _shared(config: pytest.Config, factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


_BACKGROUND: list[threading.Thread] = []
_DOC_TESTS_DONE = threading.Event()
_PENDING: set[str] | None = None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Every process keeps its results in the run's folder. A whole-suite run starts the
    limited run at once, and the shared build once the doc tests are done, in the
    background (in the xdist controller, which runs no tests itself)."""
    config = session.config
    factory: pytest.TempPathFactory | None = getattr(config, "_tmp_path_factory", None)
    if factory is None:
        return
    shared = _shared(config, factory)
    os.environ[RESULTS_VARIABLE] = str(shared / DEFAULT_RESULTS)
    whole_suite = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    if whole_suite and not hasattr(config, "workerinput"):
        for target in (run_limited, build_after_doc_tests):
            thread = threading.Thread(target=target, args=(shared,), daemon=True)
            thread.start()
            _BACKGROUND.append(thread)


def _expect(node_ids: list[str]) -> None:
    global _PENDING
    if _PENDING is None:
        _PENDING = {node for node in node_ids if node.startswith(DOC_TESTS)}
        if not _PENDING:
            _DOC_TESTS_DONE.set()


#: Fixtures that wait for the shared build.
NEEDS_THE_SITE = frozenset({"built_site", "both_results", "site"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the doc tests first, then the files that need no built site, then those that
    do: pytest-xdist hands out files in this order, so the workers keep busy while the
    site builds instead of waiting for it. (Every worker sorts the same way.)"""

    def path(item: pytest.Item) -> str:
        return item.nodeid.split("::")[0]

    waits = {path(i) for i in items if NEEDS_THE_SITE & set(getattr(i, "fixturenames", ()))}

    def rank(item: pytest.Item) -> int:
        if item.nodeid.startswith(DOC_TESTS):
            return 0
        return 2 if path(item) in waits else 1

    items.sort(key=rank)  # stable: the order within each group is kept


#: The pages whose doc tests this process's run holds (every xdist worker collects all).
DOC_TEST_PAGES = pytest.StashKey[frozenset[str]]()


_DESELECTED_PAGES: set[str] = set()


def _page_of(item: pytest.Item) -> str | None:
    return item.nodeid.split("::")[0] if item.nodeid.startswith("docs/") else None


def pytest_deselected(items: list[pytest.Item]) -> None:
    """A page some of whose blocks are left out (`-k`) stores none of its sessions."""
    _DESELECTED_PAGES.update(page for page in map(_page_of, items) if page)


def pytest_collection_finish(session: pytest.Session) -> None:
    """(Without xdist) the doc tests this run will run; (everywhere) the pages all of
    whose blocks they run."""
    _expect([item.nodeid for item in session.items])
    pages = {page for page in map(_page_of, session.items) if page}
    session.config.stash[DOC_TEST_PAGES] = frozenset(pages - _DESELECTED_PAGES)


@pytest.fixture(scope="session")
def doc_test_pages(request: pytest.FixtureRequest) -> frozenset[str]:
    """The pages (`docs/….md`) whose blocks this run's doc tests execute and store: a
    check that replays them waits for them instead of running them a second time."""
    return request.config.stash.get(DOC_TEST_PAGES, frozenset())


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    """(In the xdist controller) the doc tests this run will run."""
    _expect(ids)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if _PENDING is not None and report.when in ("teardown", "???"):
        _PENDING.discard(report.nodeid)
        if not _PENDING:
            _DOC_TESTS_DONE.set()


def pytest_sessionfinish(session: pytest.Session) -> None:
    _DOC_TESTS_DONE.set()  # a run cut short: the build waits no more
    for thread in _BACKGROUND:
        thread.join()


def build_after_doc_tests(folder: Path) -> None:
    """Build once every doc test has stored its results. (A worker that needs the site
    sooner builds it itself, executing what is not stored yet: it never waits here, as
    the doc tests it waited for could be queued behind it on the same worker.)"""
    _DOC_TESTS_DONE.wait(DOC_TESTS_WAIT)
    build_shared(folder / SHARED)


def run_limited(folder: Path) -> None:
    """Run every doc test once with the oldest code paths, storing the results (once per
    run, one process at a time)."""
    with locked(folder / f"{LIMITED_RESULTS}.lock"):
        outcome = folder / f"{LIMITED_RESULTS}.json"
        if outcome.exists():
            return
        env = child_environment(dict(os.environ), limited_environment())
        env[RESULTS_VARIABLE] = str(folder / LIMITED_RESULTS)
        run = run_pytest(ROOT, "-p", "tests.limited_dispatch", *DOC_TESTS, env=env)
        outcome.write_text(json.dumps({"code": run.returncode, "log": run.stdout + run.stderr}))


def build_shared(folder: Path) -> None:
    """Build the shared site into `folder` unless it is there (one process at a time)."""
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder / "lock"):
        outcome = folder / "outcome.json"
        if not outcome.exists():
            try:
                build_offline(ROOT, folder / "dist", quiet=True)
            except RuntimeError as error:
                outcome.write_text(json.dumps({"code": 1, "log": f"make offline: {error}"}))
            else:
                result = mkdocs_build(
                    ROOT, folder / "site", folder / "manifest.json", dist=folder / "dist"
                )
                outcome.write_text(json.dumps({"code": result.returncode, "log": result.stderr}))


@pytest.fixture(scope="session")
def built_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> BuiltSite:
    folder = shared_folder(request, tmp_path_factory) / SHARED
    build_shared(folder)  # waits for the background build, or builds
    built = json.loads((folder / "outcome.json").read_text())
    assert built["code"] == 0, built["log"]
    records = json.loads((folder / "manifest.json").read_text())
    return BuiltSite(folder / "site", records, folder / "dist", built["log"])


@dataclass(frozen=True)
class Results:
    """Both environments' results folders, once both runs are over."""

    default: Path
    limited: Path


@pytest.fixture(scope="session")
def both_results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, built_site: BuiltSite
) -> Results:
    """The default results (complete once the shared site is built: the build executes
    what the doc tests did not) and the limited run's."""
    folder = shared_folder(request, tmp_path_factory)
    run_limited(folder)  # waits for the background run, or runs
    # The build stored every page's blocks; the docstrings' own doc tests may still be
    # queued on another worker: this replays those that are stored and runs the rest.
    run_pytest(ROOT, "nnfs_ref")
    return Results(
        results_folder(folder / DEFAULT_RESULTS, ROOT),
        results_folder(folder / LIMITED_RESULTS, ROOT),
    )
