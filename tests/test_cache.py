"""The execution cache of `make serve`: every input invalidates exactly what depends on it.

The keys are checked input by input (`world_digest`, `session_digest`), then
the build state is driven with a counting engine: an unchanged page is
replayed (failures included), a changed session alone runs again, and a
change of the world runs everything.
"""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from docs_build.core.cache import ExecutionCache, results_by_block, session_digest, world_digest
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
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_each_shared_input_changes_the_world(
    project: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    monkeypatch.delenv("NPY_DISABLE_CPU_FEATURES", raising=False)
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
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
