"""The execution cache of `make serve`: every input invalidates exactly what depends on it.

The keys are checked input by input (`world_digest`, `session_digest`), then
the build state is driven with a counting engine: an unchanged page is
replayed (failures included), a changed session alone runs again, and a
change of the world runs everything.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from docs_build.core import cache
from docs_build.core.cache import (
    PREVIEW_FOLDER,
    ExecutionCache,
    results_by_block,
    session_digest,
    world_digest,
)
from docs_build.core.engine import Outcome
from docs_build.core.fences import Fence, find_fences
from docs_build.site.pages import BuildState


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in {
        "docs/page.md": "# Page\n",
        "docs/data/numbers.json": "[1, 2]",
        "docs/stylesheets/extra.css": "p {}",
        "nnfs_ref/pure.py": "x = 1\n",
        "docs_build/figures/svg.py": "y = 1\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def world(project: Path, settings: str = "limits") -> str:
    return world_digest(project, project / "docs", settings)


EDITS: dict[str, Callable[[Path, pytest.MonkeyPatch], object]] = {
    "a data file": lambda p, m: (p / "docs/data/numbers.json").write_text("[1, 3]"),
    "a new data file": lambda p, m: (p / "docs/data/more.csv").write_text("1,2"),
    "nnfs_ref's code": lambda p, m: (p / "nnfs_ref/pure.py").write_text("x = 2\n"),
    "docs_build's code": lambda p, m: (p / "docs_build/figures/svg.py").write_text("y = 2\n"),
    "the Python version": lambda p, m: m.setattr(sys, "version", "3.99.0"),
    "a NumPy variable": lambda p, m: m.setenv("NPY_DISABLE_CPU_FEATURES", "X86_V3"),
    "an OpenBLAS variable": lambda p, m: m.setenv("OPENBLAS_CORETYPE", "Prescott"),
    # What stays the same while a process runs, but not from one run of `make serve`
    # to the next, whose results .cache/preview/ keeps.
    "an OpenMP variable": lambda p, m: m.setenv("OMP_NUM_THREADS", "3"),
    "Python's warnings": lambda p, m: m.setenv("PYTHONWARNINGS", "error"),
    "Python's asserts": lambda p, m: m.setenv("PYTHONOPTIMIZE", "1"),
    "the architecture": lambda p, m: m.setattr(platform, "machine", lambda: "riscv64"),
    "the C library": lambda p, m: m.setattr(platform, "libc_ver", lambda: ("glibc", "9.99")),
    "the processor": lambda p, m: m.setattr(cache, "CPUINFO", cpuinfo(p, "Other CPU", "fpu")),
    "its features": lambda p, m: m.setattr(cache, "CPUINFO", cpuinfo(p, "A CPU", "fpu avx2")),
}
VARIABLES = (
    "NPY_DISABLE_CPU_FEATURES",
    "OPENBLAS_CORETYPE",
    "OMP_NUM_THREADS",
    "PYTHONWARNINGS",
    "PYTHONOPTIMIZE",
)


def cpuinfo(folder: Path, model: str, flags: str, speed: str = "2000.000") -> Path:
    """A stand-in for /proc/cpuinfo: two cores."""
    core = f"processor\t: 0\nmodel name\t: {model}\ncpu MHz\t\t: {speed}\nflags\t\t: {flags}\n\n"
    path = folder / f"cpuinfo-{len(list(folder.glob('cpuinfo-*')))}"
    path.write_text(core + core.replace(": 0", ": 1"))
    return path


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_each_shared_input_changes_the_world(
    project: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cache, "CPUINFO", cpuinfo(project, "A CPU", "fpu"))
    before = world(project)
    EDITS[edit](project, monkeypatch)
    assert world(project) != before


def test_installed_distributions_change_the_world(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = world(project)
    real = list(importlib.metadata.distributions())

    class Upgraded:
        metadata: ClassVar = {"Name": "numpy"}
        version = "99.0"

    monkeypatch.setattr(importlib.metadata, "distributions", lambda: [*real, Upgraded()])
    assert world(project) != before


def test_the_settings_change_the_world(project: Path) -> None:
    assert world(project, "timeout 60") != world(project, "timeout 30")


def test_what_changes_by_the_moment_leaves_the_world_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A processor's clock speed (and any other line of /proc/cpuinfo but its model and
    features) would make every restart of `make serve` run every block."""
    monkeypatch.setattr(cache, "CPUINFO", cpuinfo(project, "A CPU", "fpu", "2000.000"))
    before = world(project)
    monkeypatch.setattr(cache, "CPUINFO", cpuinfo(project, "A CPU", "fpu", "3391.512"))
    assert world(project) == before
    monkeypatch.setenv("HOME", "/elsewhere")
    assert world(project) == before


def test_pages_styles_and_other_variables_do_not_change_the_world(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = world(project)
    (project / "docs/page.md").write_text("# Page, edited\n")  # its sessions have their own keys
    (project / "docs/stylesheets/extra.css").write_text("p { color: red }")
    monkeypatch.setenv("SOMETHING_ELSE", "1")
    # NumPy's import sets this for a moment: a process started meanwhile has it
    monkeypatch.setenv("OPENBLAS_MAIN_FREE", "1")
    assert world(project) == before


PAGE = """\
```pycon exec="on" session="a" id="a1"
>>> x = 1
```

```pycon exec="on" session="a" id="a2"
>>> x
1
```

```python exec="on" session="b" id="b1"
print(2)
```

```python exec="on" id="c1"
print(3)
```
"""


def fences(text: str) -> list[Fence]:
    return find_fences(text)


def test_a_session_key_depends_on_its_own_fences_only() -> None:
    base = fences(PAGE)
    a, b = base[:2], base[2:3]
    key_a, key_b = session_digest("w", "p", a), session_digest("w", "p", b)
    edited = fences(PAGE.replace("print(2)", "print(22)"))
    assert session_digest("w", "p", edited[:2]) == key_a
    assert session_digest("w", "p", edited[2:3]) != key_b
    timed = fences(PAGE.replace('id="b1"', 'id="b1" timeout="5"'))
    assert session_digest("w", "p", timed[2:3]) != key_b  # attributes count
    assert session_digest("w", "p", a[::-1]) != key_a  # so does the order
    assert session_digest("w", "other page", a) != key_a
    assert session_digest("other world", "p", a) != key_a


class CountingEngine:
    """Stands in for the engine: records which blocks really ran."""

    def __init__(self) -> None:
        self.ran: list[str] = []

    def run(self, page: str, fence: Fence, **_: Any) -> Outcome:
        self.ran.append(fence.block_id)
        failure = f"{page}: {fence.block_id} failed" if fence.block_id == "c1" else None
        return Outcome(f"shown by {fence.block_id} #{len(self.ran)}", failure)

    def end_page(self, page: str, *_: Any) -> None:
        pass


def build(state: BuildState, text: str) -> dict[str, Outcome]:
    state.begin_page("docs/page.md", text)
    outcomes = {f.block_id: state.run_block(f.language, f.body, f.block_id) for f in fences(text)}
    state.end_page()
    return outcomes


@pytest.fixture
def state(project: Path) -> BuildState:
    state = BuildState()
    state.root = project
    state.engine = CountingEngine()  # type: ignore[assignment]
    state.use_cache(ExecutionCache())
    state.reset(project / "docs")
    return state


def ran(state: BuildState) -> list[str]:
    engine: CountingEngine = state.engine  # type: ignore[assignment]
    done, engine.ran = engine.ran, []
    return done


def test_an_unchanged_page_is_replayed_failures_included(state: BuildState) -> None:
    first = build(state, PAGE)
    assert ran(state) == ["a1", "a2", "b1", "c1"]
    again = build(state, PAGE)
    assert ran(state) == []
    assert again == first
    assert again["c1"].failure == "docs/page.md: c1 failed"


def test_only_the_edited_session_runs_again(state: BuildState) -> None:
    build(state, PAGE)
    ran(state)
    edited = build(state, PAGE.replace("print(2)", "print(22)"))
    assert ran(state) == ["b1"]
    assert edited["b1"].shown.startswith("shown by b1")
    build(state, PAGE.replace(">>> x = 1", ">>> x = 2").replace("\n1\n", "\n2\n"))
    assert ran(state) == ["a1", "a2"]  # a session runs whole, never half


def test_a_change_of_the_world_runs_every_block(state: BuildState, project: Path) -> None:
    build(state, PAGE)
    ran(state)
    (project / "nnfs_ref/pure.py").write_text("x = 3\n")
    state.reset(project / "docs")  # what each rebuild of `mkdocs serve` does
    build(state, PAGE)
    assert ran(state) == ["a1", "a2", "b1", "c1"]


def test_a_block_whose_attributes_the_parser_reads_otherwise_fails(state: BuildState) -> None:
    """The formatter gets the attributes superfences read; the lexer's must be the same."""
    state.begin_page("docs/page.md", PAGE)
    a1 = fences(PAGE)[0]
    read = {**a1.attributes, "timeout": "5"}
    outcome = state.run_block(a1.language, a1.body, a1.block_id, read)
    assert outcome.failure is not None
    assert "block 'a1' (pycon): the Markdown parser reads its attributes as" in outcome.failure
    assert ran(state) == []
    assert state.run_block(a1.language, a1.body, a1.block_id, dict(a1.attributes)).failure is None
    assert state.end_page()[0] == outcome.failure


def test_without_the_cache_every_block_runs_every_time(state: BuildState) -> None:
    state.use_cache(None)
    build(state, PAGE)
    build(state, PAGE)
    assert ran(state) == ["a1", "a2", "b1", "c1"] * 2


def test_the_playground_runs_once_while_nothing_it_depends_on_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docs_build.notebooks import hooks
    from docs_build.site.pages import BUILD

    runs: list[str] = []

    def fake_execute(notebook: Any, *_: Any, **__: Any) -> None:
        runs.append(notebook.cells[0].source)

    class NotebookFile:
        src_uri = "playground.ipynb"

        def __init__(self, path: Path) -> None:
            self.abs_src_path = str(path)

    notebook = tmp_path / "playground.ipynb"
    notebook.write_text(
        '{"cells": [{"cell_type": "code", "execution_count": null, "id": "cell-000", '
        '"metadata": {}, "outputs": [], "source": "1"}], "metadata": {}, '
        '"nbformat": 4, "nbformat_minor": 5}'
    )
    monkeypatch.setattr(hooks, "execute", fake_execute)
    monkeypatch.setattr(BUILD, "cache", ExecutionCache())
    for _ in range(2):
        hooks.execute_playgrounds([NotebookFile(notebook)])
    assert runs == ["1"]
    notebook.write_text(notebook.read_text().replace('"source": "1"', '"source": "2"'))
    hooks.execute_playgrounds([NotebookFile(notebook)])
    assert runs == ["1", "2"]
    monkeypatch.setattr(BUILD, "_world", "another world")  # e.g. nnfs_ref was edited
    hooks.execute_playgrounds([NotebookFile(notebook)])
    assert runs == ["1", "2", "2"]
    monkeypatch.setattr(BUILD, "cache", None)  # `make build`: every time
    hooks.execute_playgrounds([NotebookFile(notebook)])
    assert runs == ["1", "2", "2", "2"]


def test_a_session_is_stored_only_when_run_whole_and_in_order(tmp_path: Path) -> None:
    cache = ExecutionCache(tmp_path / "results")
    places = {"a": ("k", 0, 2), "b": ("k", 1, 2)}
    calls: list[str] = []

    def run(text: str) -> Callable[[], tuple[str, str | None]]:
        def once() -> tuple[str, str | None]:
            calls.append(text)
            return text, None

        return once

    assert cache.outcome(places, "a", "docs/p.md", run("1")) == ("1", None)
    assert cache.get("k", 0) is None  # half a session is never stored ...
    cache.outcome(places, "a", "docs/p.md", run("2"))  # ... and a restart begins anew
    cache.outcome(places, "b", "docs/p.md", run("3"))
    assert calls == ["1", "2", "3"]
    assert cache.outcome(places, "a", "docs/p.md", run("4")) == ("2", None)  # replayed
    assert calls == ["1", "2", "3"]
    assert results_by_block(tmp_path / "results")[("docs/p.md", "b")]["shown"] == "3"


def serve_run(project: Path) -> BuildState:
    """What a new run of `make serve` starts with: a new process, the project's
    .cache/preview/ (a counting engine runs the blocks)."""
    state = BuildState()
    state.root = project
    state.engine = CountingEngine()  # type: ignore[assignment]
    state.use_cache(ExecutionCache.preview(project))
    state.reset(project / "docs")
    return state


def test_a_restart_of_make_serve_replays_what_succeeded_and_runs_failures_again(
    project: Path,
) -> None:
    """Issue 19, item 18: a restart of `make serve` ran every block again. Now the
    sessions whose blocks succeeded are replayed; a failure (perhaps a time limit on a
    busy machine) is replayed for the life of the server only."""
    first = serve_run(project)
    shown = build(first, PAGE)
    assert ran(first) == ["a1", "a2", "b1", "c1"]
    build(first, PAGE)
    assert ran(first) == []  # within one run, the failure too

    again = serve_run(project)
    replayed = build(again, PAGE)
    assert ran(again) == ["c1"]
    assert {block: replayed[block] for block in ("a1", "a2", "b1")} == {
        block: shown[block] for block in ("a1", "a2", "b1")
    }
    stored = sorted(path.suffix for path in (project / PREVIEW_FOLDER).iterdir())
    assert stored == [".json", ".json"]  # the sessions a and b


def test_an_unreadable_file_of_the_preview_is_a_miss(project: Path) -> None:
    build(serve_run(project), PAGE)
    for path in (project / PREVIEW_FOLDER).iterdir():
        path.write_text(path.read_text()[:20])  # e.g. a disk that filled up
    again = serve_run(project)
    build(again, PAGE)
    assert ran(again) == ["a1", "a2", "b1", "c1"]
    third = serve_run(project)
    build(third, PAGE)
    assert ran(third) == ["c1"]  # stored whole again


def test_a_preview_that_cannot_write_works_on_from_memory(project: Path) -> None:
    (project / ".cache").write_text("not a folder")
    state = serve_run(project)
    build(state, PAGE)
    build(state, PAGE)
    assert ran(state) == ["a1", "a2", "b1", "c1"]


def test_prune_removes_the_least_recently_used_beyond_the_limit(tmp_path: Path) -> None:
    """The preview's folder after a build: the files used since the last prune stay,
    then the most recently used that fit in the limit; a store cut short more than an
    hour ago goes too."""
    folder = tmp_path / "preview"
    folder.mkdir()
    now = time.time()
    session = {"page": "docs/p.md", "blocks": [{"id": "a", "shown": "x" * 50, "failure": None}]}
    ages = {"new": 60, "middle": 3600, "old": 86400, "older": 2 * 86400}
    for name, age in ages.items():
        (folder / f"{name}.json").write_text(json.dumps(session))
        os.utime(folder / f"{name}.json", (now - age, now - age))
    for name, age in {"new.json.123": 60, "old.json.456": 7200}.items():
        (folder / name).write_text("{")
        os.utime(folder / name, (now - age, now - age))
    size = len(json.dumps(session))  # this build's session is smaller
    preview = ExecutionCache(folder, limit=3 * size)  # four sessions do not fit
    assert preview.get("older", 0) == ("x" * 50, None)  # this build replays one ...
    preview.store("this-build", [("shown", None)], "docs/p.md", ["b"])  # ... and runs one
    assert preview.prune() == 3
    left = sorted(path.name for path in folder.iterdir())
    assert left == ["new.json", "new.json.123", "older.json", "this-build.json"]
    assert preview.prune() == 0  # what is left fits


def test_a_runs_results_folder_is_never_pruned(tmp_path: Path) -> None:
    results = ExecutionCache(tmp_path / "results")
    results.store("k", [("x" * 1000, None)])
    assert results.prune() == 0
    assert (tmp_path / "results/k.json").is_file()


def test_the_playground_is_kept_from_one_run_of_make_serve_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docs_build.notebooks import hooks
    from docs_build.site.pages import BUILD

    runs: list[str] = []
    monkeypatch.setattr(hooks, "execute", lambda notebook, *_, **__: runs.append("ran"))
    notebook = tmp_path / "playground.ipynb"
    notebook.write_text(
        '{"cells": [{"cell_type": "code", "execution_count": null, "id": "cell-000", '
        '"metadata": {}, "outputs": [], "source": "1"}], "metadata": {}, '
        '"nbformat": 4, "nbformat_minor": 5}'
    )
    file = type("NotebookFile", (), {"src_uri": "playground.ipynb"})()
    for run in range(2):
        monkeypatch.setattr(BUILD, "cache", ExecutionCache.preview(tmp_path))
        file.abs_src_path = str(notebook)  # the hook points it at the executed copy
        hooks.execute_playgrounds([file])
        assert runs == ["ran"], f"run {run}"
    kept = list((tmp_path / PREVIEW_FOLDER).glob("*.ipynb"))
    assert len(kept) == 1
    monkeypatch.setattr(BUILD, "cache", ExecutionCache.of_run(tmp_path / "elsewhere"))
    monkeypatch.delenv("DOCS_BUILD_RESULTS", raising=False)
    file.abs_src_path = str(notebook)
    hooks.execute_playgrounds([file])  # `make build` never reads the preview's copy
    assert runs == ["ran", "ran"]


def test_only_mkdocs_serve_uses_the_preview_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs build` (`make build`, CI) and pytest (`make test`) use a run's results
    folder if the run has one, and never the preview's; tests/test_serve.py checks it
    on real runs with a poisoned preview folder."""
    from docs_build.site import hooks, serving
    from docs_build.site.pages import BUILD

    monkeypatch.setattr(serving, "start", lambda: None)  # no signal handler in pytest
    monkeypatch.setattr(serving, "keep_serving_first_build", lambda: None)
    monkeypatch.setattr(BUILD, "root", project)
    monkeypatch.setattr(BUILD, "cache", None)
    monkeypatch.delenv("DOCS_BUILD_RESULTS", raising=False)
    hooks.on_startup("serve", dirty=False)
    assert BUILD.cache is not None
    assert BUILD.cache.folder == project / PREVIEW_FOLDER
    hooks.on_startup("build", dirty=False)
    assert BUILD.cache is None
    monkeypatch.setenv("DOCS_BUILD_RESULTS", str(project / "results"))
    hooks.on_startup("build", dirty=False)
    assert BUILD.cache is not None
    assert BUILD.cache.folder is not None
    assert BUILD.cache.folder.parent == project / "results"
