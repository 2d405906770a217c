"""Every block of the site pastes into the interactive Python prompt and prints what the page shows.

For each page, each reader's path (a session, in one tab) is pasted in page
order into one interactive console, once as the copy button gives the code
and once as the page shows it, and what the prompt prints for each block must
match what the page shows for it. Also: no source line of a fence is longer
than 72 characters, so no code is cut at a desktop width.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from docs_build.core import tally
from docs_build.core.engine import Engine
from docs_build.core.fences import Fence, find_fences
from docs_build.core.kinds import KINDS
from docs_build.core.settings import load_limits
from docs_build.sybil_collector import RunResults
from tests.conftest import DOC_TESTS_WAIT
from tests.paste import (
    CONSOLE,
    comparable,
    paste_one,
    pasted,
    readers,
    shown_output,
    statements,
    tab_of,
)
from tests.sitebuild import ROOT

PAGES = sorted((ROOT / "docs").rglob("*.md"))
MAX_LINE = 72


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    engine = Engine(ROOT, load_limits(ROOT / "mkdocs.yml"))  # its preloads: fast workers
    yield engine
    engine.close()


def pasting(engine: Engine, page: str, fences: list[Fence], *, as_copied: bool) -> list[str]:
    """What one interactive console printed for each of `fences`, pasted one at a time.

    The console runs in the engine as a page `<page> (pasted)`, in the session
    `tally.PASTE_RUNNER`, each paste a block named as its fence (counted as a paste),
    with its fence's time limit and the most memory any fence asks for (the console
    keeps what every block made). So it runs in the page's scratch folder, and a
    change to the project's files fails, naming the page and the block pasted when a
    file was written.
    """
    name = f"{page} (pasted)"
    memory = str(max((engine.limits.memory_for(f.attributes) for f in fences), default=1))
    session = {"exec": "on", "session": tally.PASTE_RUNNER, "memory": memory}
    console = Fence("python", {**session, "id": tally.PASTE_RUNNER}, CONSOLE, 0, 0, 1)
    runs = [engine.run(name, console, counted_as=None)]
    for fence in fences:
        code = paste_one(pasted(fence, as_copied=as_copied))
        own = {k: v for k, v in fence.attributes.items() if k in ("id", "timeout")}
        paste = Fence("python", {**session, **own}, code, 0, 0, fence.line)
        runs.append(engine.run(name, paste, counted_as="paste"))
    changed = engine.end_page(name)
    failures = [run.failure for run in runs if run.failure] + ([changed] if changed else [])
    assert not failures, "\n".join(failures)
    return [json.loads(run.shown.splitlines()[-1]) for run in runs[1:]]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_block_pastes_and_prints_what_the_page_shows(
    engine: Engine, path: Path, doc_test_pages: frozenset[str], request: pytest.FixtureRequest
) -> None:
    page = path.relative_to(ROOT).as_posix()
    text = path.read_text()
    fences = [f for f in find_fences(text) if f.executed and f.language in KINDS]
    shown = {}
    results = RunResults(engine, ROOT)  # what the doc tests of this run stored, if they did
    places = results.places(page, fences)
    # This run's doc tests execute the page's blocks (under xdist perhaps now, on another
    # worker; in one process they ran before): replay what they stored rather than run
    # the blocks a second time.
    wait = DOC_TESTS_WAIT if hasattr(request.config, "workerinput") else 0.0
    replaying = page in doc_test_pages and results.cache is not None
    if replaying:
        problem = results.wait(page, places, wait)
        assert problem is None, problem
    for fence in fences:
        outcome = results.run(engine, page, fence, places)
        assert outcome.failure is None, outcome.failure
        shown[fence.block_id] = shown_output(fence, outcome.shown)
    changed = engine.end_page(page)
    assert changed is None, changed
    if replaying and results.cache is not None:
        assert results.cache.misses == 0, f"{page}: blocks ran again instead of being replayed"
    problems = []
    for reader in readers(text, fences):
        variants = [True, False]
        copied, typed = ([pasted(f, as_copied=c) for f in reader.fences] for c in variants)
        if statements(copied) == statements(typed):
            variants = [True]  # the same statements, in the same order: one paste says it all
        for as_copied in variants:
            printed = pasting(engine, page, reader.fences, as_copied=as_copied)
            for fence, got in zip(reader.fences, printed, strict=True):
                if comparable(got) != comparable(shown[fence.block_id]):
                    how = "copied" if as_copied else "typed as shown"
                    tab = f", tab {reader.tab!r}" if reader.tab else ""
                    problems.append(
                        f"{page}:{fence.line}, {fence.name} ({how}{tab}): the prompt printed\n"
                        f"{got}\nbut the page shows\n{shown[fence.block_id]}"
                    )
    assert not problems, "\n\n".join(problems)


def shows_code(fence: Fence) -> bool:
    """A console block shows its code; a script block only with `source=`."""
    return KINDS[fence.language].transcript or "source" in fence.attributes


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_no_source_line_is_longer_than_72_characters(path: Path) -> None:
    long = [
        f"{path.relative_to(ROOT).as_posix()}:{fence.line}, {fence.name}: {line!r}"
        for fence in find_fences(path.read_text())
        if fence.language in KINDS and fence.executed and shows_code(fence)
        for line in pasted(fence, as_copied=False)
        if len(line) > MAX_LINE
    ]
    assert not long, f"source lines over {MAX_LINE} characters:\n" + "\n".join(long)


TABS = """\
Text

=== "Plain Python"

    ```pycon exec="on" session="a" id="plain"
    >>> 1
    1
    ```

=== "NumPy"

    !!! note
        ```pycon exec="on" session="a" id="numpy"
        >>> 2
        2
        ```

```pycon exec="on" session="a" id="after"
>>> 3
3
```
"""


def test_blocks_are_grouped_by_session_and_tab() -> None:
    fences = find_fences(TABS)
    assert [tab_of(TABS, f) for f in fences] == ["Plain Python", "NumPy", None]
    paths = {(r.tab, tuple(f.block_id for f in r.fences)) for r in readers(TABS, fences)}
    assert paths == {("NumPy", ("numpy", "after")), ("Plain Python", ("plain", "after"))}


def test_a_loop_without_its_closing_dots_fails_when_typed_but_not_when_copied(
    engine: Engine,
) -> None:
    text = '```pycon exec="on" id="loop"\n>>> for i in range(2):\n...     print(i)\n>>> i\n1\n```\n'
    (fence,) = find_fences(text)
    copied = pasting(engine, "docs/t.md", [fence], as_copied=True)
    typed = pasting(engine, "docs/t.md", [fence], as_copied=False)
    assert copied == ["0\n1\n1\n"]
    assert "SyntaxError" in typed[0]


def test_statements_are_what_the_console_runs_and_tell_copied_from_typed() -> None:
    """`statements` agrees with a real console, line for line, and sees the difference
    the closing empty line makes."""
    text = (
        '```pycon exec="on" id="s"\n>>> def f():\n...     return 1\n...\n>>> f()\n1\n'
        ">>> for i in range(2):\n...     i\n>>> i\n1\n```\n"
    )
    (fence,) = find_fences(text)
    copied, typed = pasted(fence, as_copied=True), pasted(fence, as_copied=False)
    assert statements([copied]) == [
        ["def f():\n    return 1\n", "f()", "for i in range(2):\n    i\n", "i"]
    ]
    assert statements([typed]) == [
        ["def f():\n    return 1\n", "f()", "SyntaxError: for i in range(2):\n    i\ni"]
    ]
    # A statement left open at the end of a block goes on in the next, as in the console.
    assert statements([["x = (1 +"], ["2)"]]) == [[], ["x = (1 +\n\n2)"]]


def test_a_script_whose_loop_runs_into_the_next_line_fails_when_pasted(engine: Engine) -> None:
    text = (
        '```python exec="on" id="s"\n'
        "total = 0\nfor i in range(3):\n    total += i\nprint(total)\n```\n"
    )
    (fence,) = find_fences(text)
    (printed,) = pasting(engine, "docs/t.md", [fence], as_copied=True)
    assert "SyntaxError" in printed
    fixed = find_fences(text.replace("total += i\n", "total += i\n\n"))
    assert pasting(engine, "docs/t.md", fixed, as_copied=True) == ["3\n"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_no_page_holds_a_control_character(path: Path) -> None:
    """A tab or other control character is a slip (a "\\t" that ate the t of "\\theta")."""
    bad = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line!r}"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if any(ord(c) < 32 for c in line)
    ]
    assert not bad, "\n".join(bad)


def test_a_paste_that_writes_into_the_project_fails_naming_the_page_and_block(
    tmp_path: Path,
) -> None:
    """Issue 18, case 4: the interactive console the paste check drives runs in the
    page's scratch folder too, and a change it makes to the project fails, naming
    the page and the block pasted when the file was written."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    stray = project / "stray.txt"
    text = (
        '```pycon exec="on" id="harmless"\n>>> 1 + 1\n2\n```\n\n'
        '```pycon exec="on" id="writes"\n>>> import time\n>>> from pathlib import Path\n'
        ">>> time.sleep(0.05)  # after the block before: a write is dated by a coarse clock\n"
        '>>> _ = Path("out.txt").write_text("x")\n'
        f'>>> _ = Path({str(stray)!r}).write_text("x")\n```\n'
    )
    engine = Engine(project)
    try:
        with pytest.raises(AssertionError) as failed:
            pasting(engine, "docs/t.md", find_fences(text), as_copied=True)
    finally:
        engine.close()
    message = str(failed.value)
    assert "docs/t.md (pasted): its blocks changed the project's files" in message, message
    assert "stray.txt (new, while block 'writes' ran)" in message, message
    assert sorted(p.name for p in project.iterdir()) == ["docs", "stray.txt"]  # no out.txt
