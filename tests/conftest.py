"""Fixtures shared by the whole suite.

`built_site`: the real site as `make build` makes it — the offline copy
zipped into dist/ first, then the hosted site, which publishes that zip — built
once per test session (once for all pytest-xdist workers, behind a file lock),
with the list of blocks the build ran. Every test that needs built HTML or the
offline zip uses it; only the determinism test builds the real site a second
time (the end-to-end failure test builds a broken copy). When the
whole suite runs, the build starts with the session, in the background, so it
is ready by the time the first test asks for it.
"""

from __future__ import annotations

import fcntl
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_build.site.release import build_offline
from tests.sitebuild import ROOT, mkdocs_build


@dataclass(frozen=True)
class BuiltSite:
    """The site as `make build` makes it, the blocks that build ran, and dist/."""

    root: Path
    records: list[dict[str, object]]
    dist: Path  # holds the offline zip the site publishes


@contextmanager
def locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


SHARED = "built-site"


def shared_folder(request: pytest.FixtureRequest, factory: pytest.TempPathFactory) -> Path:
    """A folder all xdist workers of this run share (the run's base temporary folder)."""
    base = factory.getbasetemp()
    return base.parent if hasattr(request.config, "workerinput") else base


_BACKGROUND: list[threading.Thread] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    """A whole-suite run starts building the shared site at once, in the background
    (in the xdist controller, which runs no tests itself)."""
    config = session.config
    whole_suite = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    factory: pytest.TempPathFactory | None = getattr(config, "_tmp_path_factory", None)
    if whole_suite and factory is not None and not hasattr(config, "workerinput"):
        folder = factory.getbasetemp() / SHARED
        thread = threading.Thread(target=build_shared, args=(folder,), daemon=True)
        thread.start()
        _BACKGROUND.append(thread)


def pytest_sessionfinish(session: pytest.Session) -> None:
    for thread in _BACKGROUND:
        thread.join()


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
    return BuiltSite(folder / "site", records, folder / "dist")
