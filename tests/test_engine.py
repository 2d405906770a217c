"""Everything a page can do to the engine, tried on a scratch page in the build and in pytest.

Each case of the engine issue is a page written to a temporary folder, then
converted as the build converts it (`build_page`) and collected as pytest
collects it (`run_with_pytest`). Both must fail, naming the page and the block, or
both must pass with the right output.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

from docs_build.core.engine import Engine, Outcome
from docs_build.core.fences import Fence, find_fences
from docs_build.core.tracebacks import short_path
from docs_build.core.treeguard import SCRATCH_PREFIX
from docs_build.site.pages import BuildState
from tests.pages import ROOT, build_page, run_with_pytest

PAGE = "docs/page.md"


def both_fail(tmp_path: Path, text: str, *expected: str) -> tuple[str, str]:
    """The page fails the build and pytest, each message naming page, block and `expected`."""
    built = build_page(tmp_path, text)
    tested = run_with_pytest(tmp_path, text)
    assert built.failure is not None, built.html
    assert tested, "pytest passed a page the build should fail"
    joined = "\n".join(tested)
    for message in (built.failure, joined):
        assert PAGE in message
        for part in expected:
            assert part in message, message
    return built.failure, joined


def both_pass(tmp_path: Path, text: str) -> str:
    built = build_page(tmp_path, text)
    assert built.failure is None, built.failure
    assert run_with_pytest(tmp_path, text) == []
    return built.html


def test_sys_exit_in_a_script_block_fails_with_page_and_block(tmp_path: Path) -> None:
    text = '```python exec="on" id="leave"\nimport sys\nsys.exit()\n```\n'
    both_fail(tmp_path, text, "block 'leave' (python)", "raised SystemExit")


def test_system_exit_in_a_console_block_fails(tmp_path: Path) -> None:
    text = '```pycon exec="on" id="leave-3"\n>>> raise SystemExit(3)\n```\n'
    both_fail(tmp_path, text, "block 'leave-3' (pycon)", "raised SystemExit (3)")


def test_a_raised_keyboard_interrupt_is_a_failure_of_the_block(tmp_path: Path) -> None:
    text = '```python exec="on" id="ctrl-c"\nraise KeyboardInterrupt\n```\n'
    both_fail(tmp_path, text, "block 'ctrl-c'", "raised KeyboardInterrupt")


def test_os_exit_and_crashes_are_reported(tmp_path: Path) -> None:
    text = '```python exec="on" id="gone"\nimport os\nos._exit(4)\n```\n'
    both_fail(tmp_path, text, "block 'gone'", "ended the Python process (exit status 4")


def test_a_block_that_closes_its_connection_and_runs_on_is_stopped_at_once(
    tmp_path: Path,
) -> None:
    """The engine hears nothing more from a worker whose block closed every file
    descriptor; it stops the worker rather than wait for an end that may never come."""
    text = (
        '```python exec="on" id="closer"\nimport os\nos.closerange(3, 65536)\n'
        "while True:\n    pass\n```\n"
    )
    start = time.monotonic()
    built = build_page(tmp_path, text)
    assert built.failure is not None
    assert "block 'closer'" in built.failure
    assert "closed its connection to the build" in built.failure
    assert time.monotonic() - start < 20  # the site's time limit is 60 s


def test_a_block_that_pauses_the_zygote_fails_and_the_next_block_still_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zygote that no longer answers (SIGSTOP) counts as gone after its time to
    answer: the engine starts another instead of waiting for it forever. The block
    answered at once, while the engine asked the paused zygote for the next worker for
    longer than the block's time limit: its answer still counts."""
    from docs_build.core import zygote

    monkeypatch.setattr(zygote, "ANSWER_SECONDS", 4.0)
    text = (
        '```python exec="on" id="pause" timeout="2"\nimport os, signal\n'
        "os.kill(os.getppid(), signal.SIGSTOP)\n```\n\n"
        '```pycon exec="on" id="after"\n>>> 40 + 2\n42\n```\n'
    )
    built = build_page(tmp_path, text)
    assert built.failure is not None
    assert "block 'pause'" in built.failure
    assert "stopped the process that starts the workers" in built.failure
    assert "block 'after'" not in built.failure


def test_an_answer_that_came_while_the_engine_was_busy_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a block runs, the engine asks for the next session's worker; if that takes
    longer than the block's time limit (a loaded machine, a paused zygote), a block that
    has answered meanwhile has not run past its limit."""
    monkeypatch.setattr(Engine, "_fork_spare", lambda self: time.sleep(2))
    text = '```pycon exec="on" id="quick" timeout="0.5"\n>>> 40 + 2\n42\n```\n'
    built = build_page(tmp_path, text)
    assert built.failure is None, built.failure


def test_an_endless_loop_stops_at_the_time_limit_in_seconds(tmp_path: Path) -> None:
    text = (
        '```python exec="on" session="s" id="forever" timeout="0.5"\nwhile True:\n    pass\n```\n'
        '\n```pycon exec="on" session="s" id="after"\n>>> 1\n1\n```\n'
    )
    start = time.monotonic()
    built, tested = both_fail(tmp_path, text, "block 'forever'", "time limit of 0.5 s")
    assert time.monotonic() - start < 10
    # the next block of the session cannot run on a state that is gone
    assert "block 'after'" in built
    assert "not run: an earlier block of session 's'" in tested


def test_the_site_wide_time_limit_applies_to_every_block(tmp_path: Path) -> None:
    text = '```python exec="on" id="slow"\nimport time\ntime.sleep(5)\n```\n'
    built = build_page(tmp_path, text, timeout=0.3)
    assert built.failure is not None
    assert "time limit of 0.3 s" in built.failure


def test_a_bad_timeout_attribute_is_refused(tmp_path: Path) -> None:
    text = '```python exec="on" id="t" timeout="soon"\nx = 1\n```\n'
    both_fail(tmp_path, text, "block 't'", 'timeout="soon" is not a number of seconds')


def test_input_fails_at_once(tmp_path: Path) -> None:
    text = '```python exec="on" id="ask"\nname = input("name? ")\n```\n'
    both_fail(tmp_path, text, "block 'ask'", "cannot read from standard input")


def test_flooding_output_fails_with_a_clear_message(tmp_path: Path) -> None:
    text = '```python exec="on" id="flood"\nwhile True:\n    print("x" * 1000)\n```\n'
    both_fail(tmp_path, text, "block 'flood'", "printed more than the limit of 100000")


@pytest.mark.parametrize("language", ["bash", "sh", "console", "md", "tree", "pyodide"])
def test_an_exec_fence_of_another_language_fails_and_runs_nothing(
    tmp_path: Path, language: str
) -> None:
    marker = tmp_path / "ran"
    text = f'Intro\n\n```{language} exec="on" id="shell"\ntouch {marker}\n```\n'
    both_fail(tmp_path, text, f"{PAGE}:3", f"an exec fence in language '{language}'")
    assert not marker.exists()


def test_an_unclosed_last_fence_fails(tmp_path: Path) -> None:
    text = '```pycon exec="on" id="ok"\n>>> 1\n1\n```\n\n```python exec="on" id="open"\nx = 1\n'
    both_fail(tmp_path, text, f"{PAGE}:6", "never closed")


def test_attributes_that_do_not_parse_fail(tmp_path: Path) -> None:
    text = '```python exec="on id="broken"\nx = 1\n```\n'
    both_fail(tmp_path, text, f"{PAGE}:1", "do not parse")


def test_an_unknown_attribute_fails(tmp_path: Path) -> None:
    text = '```python exec="on" id="typo" sesion="s"\nx = 1\n```\n'
    both_fail(tmp_path, text, "block 'typo'", "unknown attribute(s) sesion")


def test_text_outside_the_prompts_of_a_console_block_fails(tmp_path: Path) -> None:
    text = '```pycon exec="on" id="stray"\n>>> 1 + 1\n2\n\n999\n```\n'
    both_fail(tmp_path, text, "block 'stray'", "line 4 of the block, '999', is neither")


def test_printed_html_and_markdown_are_shown_as_text(tmp_path: Path) -> None:
    text = (
        '```python exec="on" id="html"\nprint("<img src=x onerror=alert(1)>")\nprint("# hi")\n```\n'
    )
    html = both_pass(tmp_path, text)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<h1" not in html
    assert '<p class="nnfs-output-label">Output</p>' in html


def test_html_output_is_only_for_figure_blocks(tmp_path: Path) -> None:
    text = '```python exec="on" html="true" id="raw"\nprint("<b>x</b>")\n```\n'
    both_fail(tmp_path, text, "block 'raw'", 'html="true" is only for figure blocks')
    figure = '```python exec="on" html="true" id="raw-figure"\nprint("<b>x</b>")\n```\n'
    assert "<b>x</b>" in both_pass(tmp_path, figure)


@pytest.mark.parametrize(
    ("fence", "expected"),
    [
        ('pycon exec="on" html="y" id="c"', 'html="y" is neither yes (on, yes, true, 1) nor no'),
        ('python exec="on" html="enabled" id="s-figure"', 'html="enabled" is neither yes'),
        ('python exec="yes please" id="s"', 'exec="yes please" is neither yes'),
        ('python exec="on" id="s" source="left"', 'source="left" is not one of above'),
        ('python exec="on" id="s" notebook="no"', 'notebook="no": the only value is "skip"'),
        ('python exec="on" id="s" source="tabbed-left" tabs="Code"', "must be two titles"),
        ('python exec="on" id="s" source="above" title=\'a "b"\'', "may not hold a double"),
        ('python exec="on" id=s', "do not parse"),
        ('python title="Not run: a sketch" notebook="skip"', "only title=, not notebook="),
        ('text exec="off"', "may carry only title=, not exec="),
    ],
)
def test_attributes_mean_one_thing_or_fail(tmp_path: Path, fence: str, expected: str) -> None:
    """What the lexer, the rules and the Markdown parser could read differently fails."""
    both_fail(tmp_path, f"```{fence}\nprint(1)\n```\n", f"{PAGE}:1", expected)


WARNING = "<stdin>:1: RuntimeWarning: divide by zero encountered in divide\n"


def test_a_warning_is_shown_and_compared_like_output(tmp_path: Path) -> None:
    text = (
        '```pycon exec="on" id="warn"\n>>> import numpy as np\n>>> np.array([1.0]) / 0\n'
        f"{WARNING}array([inf])\n```\n"
    )
    html = both_pass(tmp_path, text)
    assert "RuntimeWarning: divide by zero" in html
    silent = text.replace(WARNING, "")
    both_fail(tmp_path, silent, "block 'warn'", "RuntimeWarning: divide by zero")


def test_a_warning_appears_once_per_place_as_python_w_default_shows_it(tmp_path: Path) -> None:
    text = (
        '```python exec="on" id="twice"\nimport warnings\nfor _ in range(3):\n'
        '    warnings.warn("careful")\n\nprint("done")\n```\n'
    )
    html = both_pass(tmp_path, text)
    assert html.count("UserWarning: careful") == 1
    assert html.index("careful") < html.index("done")


def test_tracebacks_name_no_path_of_this_machine(tmp_path: Path) -> None:
    text = (
        '```pycon exec="on" id="json"\n>>> import json\n>>> json.loads("x")\n'
        "Traceback (most recent call last):\n  ...\n"
        "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n```\n"
    )
    html = both_pass(tmp_path, text)
    assert "json/decoder.py" in html
    for prefix in {sys.prefix, sys.base_prefix, str(Path.home()), str(tmp_path)}:
        assert prefix not in html


def test_blocks_start_in_an_empty_scratch_folder_wherever_the_build_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not in the project (README): a block reads the site's own files from
    `docs_build.PROJECT_ROOT`, as the figure modules do."""
    monkeypatch.chdir(tmp_path)
    text = (
        '```pycon exec="on" id="cwd"\n>>> import os\n>>> from docs_build import PROJECT_ROOT\n'
        ">>> os.getcwd(), os.listdir()\n('.', [])\n"
        '>>> (PROJECT_ROOT / "mkdocs.yml").is_file()\nTrue\n```\n'
    )
    both_pass(tmp_path, text)


def test_a_whitespace_difference_is_shown(tmp_path: Path) -> None:
    text = '```pycon exec="on" id="spaces"\n>>> print("a  \\tb")\na b\n```\n'
    built, _ = both_fail(tmp_path, text, "block 'spaces'")
    assert "Expected (whitespace shown: · space, → tab, ⏎ end of line):" in built
    assert "    a·b⏎" in built
    assert "    a··→b⏎" in built


CHANGES_STATE = """\
```python exec="on" session="s" id="mess"
import os, sys, warnings
import numpy as np
np.set_printoptions(precision=1)
np.seterr(all="raise")
np.random.seed(1)
np.dot = None
os.chdir("/")
sys.path.insert(0, "/nowhere")
warnings.simplefilter("error")
import colorsys
```
"""

READS_STATE = """\
```pycon exec="on" session="s" id="clean"
>>> import os, sys, warnings
>>> import numpy as np
>>> np.array([1 / 3])
array([0.33333333])
>>> np.geterr()["divide"], callable(np.dot), os.listdir() == []
('warn', True, True)
>>> "/nowhere" in sys.path, "colorsys" in sys.modules
(False, False)
>>> "error" in [f[0] for f in warnings.filters]
False
```
"""


def test_nothing_a_page_changes_reaches_another_page(tmp_path: Path) -> None:
    messy = CHANGES_STATE
    clean = READS_STATE
    for order in ([messy, clean], [clean, messy]):
        for number, text in enumerate(order):
            assert build_page(tmp_path, text, f"p{number}.md").failure is None
            assert run_with_pytest(tmp_path, text, f"p{number}.md") == []


def run_blocks(text: str) -> dict[str, Outcome]:
    """What each block of `text` shows, run by the engine in page order."""
    engine = Engine(ROOT)
    try:
        return {fence.block_id: engine.run(PAGE, fence) for fence in find_fences(text)}
    finally:
        engine.close()


def test_a_script_blocks_warning_names_the_block_not_its_id() -> None:
    """`<block>:3:` is line 3 of the block above (README), the same name for every block."""
    text = '```python exec="on" id="sm-overflow"\nimport numpy as np\n\nprint(np.exp(1000))\n```\n'
    shown = run_blocks(text)["sm-overflow"].shown
    assert shown == (
        "<block>:3: RuntimeWarning: overflow encountered in exp\n  print(np.exp(1000))\ninf\n"
    )


def test_code_of_an_earlier_block_is_quoted_from_that_block() -> None:
    """Every block is `<block>`: a warning or traceback in a function defined in an
    earlier block quotes that block's line, not the line of the block now running."""
    text = (
        '```python exec="on" session="s" id="define"\n'
        "import warnings\n\n\ndef noisy():\n"
        '    warnings.warn("careful")\n'
        "    return 1\n\n\ndef broken():\n    return 1 / 0\n```\n\n"
        '```python exec="on" session="s" id="call"\nnoisy()\n```\n\n'
        '```pycon exec="on" session="s" id="again"\n>>> broken()\n'
        "Traceback (most recent call last):\n  ...\nZeroDivisionError: division by zero\n```\n"
    )
    outcomes = run_blocks(text)
    assert [o.failure for o in outcomes.values()] == [None, None, None]
    assert outcomes["call"].shown == (
        '<block>:5: UserWarning: careful\n  warnings.warn("careful")\n'
    )
    assert '  File "<block>", line 10, in broken\n    return 1 / 0\n' in outcomes["again"].shown


def test_a_change_in_the_test_process_does_not_reach_the_pages(tmp_path: Path) -> None:
    import numpy as np

    saved = np.get_printoptions()
    np.set_printoptions(precision=1)
    try:
        text = '```pycon exec="on" id="p"\n>>> import numpy as np\n>>> np.array([1 / 3])\n'
        both_pass(tmp_path, text + "array([0.33333333])\n```\n")
    finally:
        np.set_printoptions(**saved)


def test_failure_messages_name_the_line_of_the_fence(tmp_path: Path) -> None:
    text = 'Text\n\nMore\n\n```pycon exec="on" id="stale"\n>>> 1.3 + 1\n2.4\n```\n'
    built, tested = both_fail(tmp_path, text, f"{PAGE}:5, block 'stale' (pycon)")
    for message in (built, tested):
        assert re.search(r"Expected:\n\s+2\.4\n\s*Got:\n\s+2\.3", message), message


def test_the_build_runs_exactly_the_kinds_of_the_registry() -> None:
    import markdown
    from pymdownx.superfences import SuperFencesCodeExtension

    from docs_build.core.kinds import KINDS
    from docs_build.core.settings import read_config
    from docs_build.site.extension import BlocksExtension

    config = read_config(ROOT / "mkdocs.yml")
    plugins = [p for p in config["plugins"] if isinstance(p, dict) and "markdown-exec" in p]
    assert plugins, "markdown-exec must list its languages, or it runs shells at build time"
    assert plugins[0]["markdown-exec"]["languages"] == [], "markdown-exec runs no kind itself"
    md = markdown.Markdown(extensions=["pymdownx.superfences", BlocksExtension()])
    (superfences,) = [e for e in md.registeredExtensions if isinstance(e, SuperFencesCodeExtension)]
    assert [entry["name"] for entry in superfences.superfences[1:]] == list(KINDS)


def test_a_block_that_takes_too_much_memory_fails_with_the_limit(tmp_path: Path) -> None:
    """Issue 18, case 1: a block that keeps allocating is stopped at the memory limit
    (here 200 MiB; it would reach 2 GiB), naming page and block."""
    text = (
        '```python exec="on" id="hog"\n'
        "chunks = []\nfor _ in range(20):\n    chunks.append(b'x' * (100 << 20))\n```\n"
    )
    built = build_page(tmp_path, text, memory_limit=200)
    assert built.failure is not None
    for part in (PAGE, "block 'hog'", "over the limit of 200 MiB (memory_limit in mkdocs.yml"):
        assert part in built.failure, built.failure


def test_a_fence_may_set_its_own_memory_limit(tmp_path: Path) -> None:
    """memory="MIB" on one fence: lower than the site's here, so the same block fails."""
    text = (
        '```python exec="on" id="hog" memory="150"\n'
        "chunks = []\nfor _ in range(20):\n    chunks.append(b'x' * (100 << 20))\n```\n"
    )
    both_fail(tmp_path, text, "block 'hog'", "over the limit of 150 MiB")
    bad = '```python exec="on" id="m" memory="lots"\nx = 1\n```\n'
    both_fail(tmp_path, bad, "block 'm'", 'memory="lots" must be a whole number of MiB')


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_a_block_that_kills_its_parent_fails_alone(tmp_path: Path, signal_name: str) -> None:
    """Issue 18, case 2: a block's parent is the zygote. SIGTERM does nothing to it;
    SIGKILL fails that block, naming it, and the next block and the next page pass."""
    killer = (
        f'```python exec="on" id="kill"\nimport os, signal\n'
        f'os.kill(os.getppid(), signal.{signal_name})\nprint("done")\n```\n\n'
    )
    innocent = '```pycon exec="on" id="innocent"\n>>> 1 + 1\n2\n```\n'
    if signal_name == "SIGTERM":
        assert "done" in both_pass(tmp_path, killer + innocent)
    else:
        built, tested = both_fail(tmp_path, killer + innocent, "block 'kill'", "its parent")
        assert "innocent" not in built + tested
    (tmp_path / "next").mkdir()
    both_pass(tmp_path / "next", innocent)  # the engine carries on with a new zygote


def _gone(pid: int) -> bool:
    """Ended (a zombie waiting for its parent counts: it runs nothing)."""
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" in status.read_text()
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_processes_a_block_starts_end_with_its_session(tmp_path: Path) -> None:
    """Issue 18, case 3: a grandchild that called setsid() and lost its parent would
    sleep 30 s, then write a file; it ends when the page ends."""
    marker, pid_file = tmp_path / "written-later", tmp_path / "grandchild.pid"
    text = (
        '```python exec="on" id="spawn"\nimport os, time\n'
        "child = os.fork()\n"
        "if child == 0:\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        f"        with open({str(pid_file)!r}, 'w') as f:\n"
        "            f.write(str(os.getpid()))\n"
        f"        time.sleep(30)\n        open({str(marker)!r}, 'w').close()\n"
        f"    while not os.path.exists({str(pid_file)!r}) or "
        f"not os.path.getsize({str(pid_file)!r}):\n"
        "        time.sleep(0.01)\n"
        "    os._exit(0)\n"
        "os.waitpid(child, 0)\n"
        "print('started')\n```\n"
    )
    built = build_page(tmp_path, text)
    assert built.failure is None, built.failure
    grandchild = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while not _gone(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(grandchild)
    assert not marker.exists()


def test_a_thread_left_running_fails_the_block(tmp_path: Path) -> None:
    """Issue 18, case 3: a non-daemon thread still running when the block ends."""
    text = (
        '```python exec="on" id="thread"\nimport threading, time\n'
        "threading.Thread(target=time.sleep, args=(30,), name='sleeper').start()\n```\n"
    )
    both_fail(tmp_path, text, "block 'thread'", "left a thread running (sleeper)")


def test_a_block_that_changes_the_project_fails_its_page(tmp_path: Path) -> None:
    """Issue 18, case 4: a block that edits a page and adds a file, in a copy of a
    project (no git here: every file counts), fails its page, naming both files."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Home\n")
    engine = Engine(project)
    try:
        code = (  # by absolute paths: a relative one is in the page's scratch folder
            f"from pathlib import Path\n"
            f"with open({str(project / 'docs/index.md')!r}, 'a') as page:\n"
            f"    page.write('injected')\nPath({str(project / 'stray.txt')!r}).write_text('x')\n"
        )
        fence = Fence("python", {"exec": "on", "id": "edit"}, code, 0, 0, 1)
        assert engine.run("docs/page.md", fence).failure is None
        message = engine.end_page("docs/page.md")
    finally:
        engine.close()
    assert message is not None
    for part in (
        "docs/page.md: its blocks changed",
        "docs/index.md (changed, while block 'edit' ran)",
        "stray.txt (new, while block 'edit' ran)",
    ):
        assert part in message, message


def test_a_relative_file_a_block_writes_is_in_a_scratch_folder_removed_after_its_page(
    tmp_path: Path,
) -> None:
    """Issue 18, case 4: blocks run in a scratch folder of their page, not in the
    project. A file a block writes by a relative path lands there (another session of
    the page reads it), `os.getcwd()` shows `.`, the page does not fail, the project
    holds nothing new, and the folder is gone when the page ends."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Home\n")
    where = tmp_path / "where.txt"  # outside the project: the block says where it wrote
    write = (
        "import os\nwith open('out.txt', 'w') as out:\n    out.write('written')\n"
        f"with open({str(where)!r}, 'w') as note:\n    note.write(os.path.abspath('out.txt'))\n"
        "print(os.getcwd(), os.path.abspath('out.txt'))\n"
    )
    read = "from pathlib import Path\nprint(Path('out.txt').read_text())\n"
    engine = Engine(project)
    try:
        wrote = engine.run(PAGE, Fence("python", {"exec": "on", "id": "write"}, write, 0, 0, 1))
        again = engine.run(PAGE, Fence("python", {"exec": "on", "id": "read"}, read, 0, 0, 9))
        written = Path(where.read_text())
        there = written.is_file()
        message = engine.end_page(PAGE)
    finally:
        engine.close()
    assert (wrote.failure, wrote.shown) == (None, ". out.txt\n")
    assert (again.failure, again.shown) == (None, "written\n")
    assert there
    assert not written.is_relative_to(project), written
    assert message is None, message
    assert not written.parent.exists(), "the scratch folder outlived its page"
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == [
        "docs",
        "docs/index.md",
    ]


def test_bytes_written_to_the_binary_streams_are_shown_decoded(tmp_path: Path) -> None:
    """Issue 18, item 7: `sys.stdout.buffer.write` failed with an AttributeError. Bytes
    are decoded as UTF-8 (a character split between writes included), an undecodable
    byte shown as the replacement character, in order with the text."""
    text = (
        '```python exec="on" id="bytes"\nimport sys\n\nprint("text")\n'
        'sys.stdout.buffer.write(b"caf\\xc3")\nsys.stdout.buffer.write(b"\\xa9 \\xff\\n")\n'
        'sys.stderr.buffer.write(b"error\\n")\nsys.stdout.buffer.flush()\nprint("after")\n```\n'
    )
    both_pass(tmp_path, text)
    assert run_blocks(text)["bytes"].shown == "text\ncafé \ufffd\nerror\nafter\n"


def test_bytes_count_toward_the_output_limit(tmp_path: Path) -> None:
    text = (
        '```python exec="on" id="byte-flood"\nimport sys\n\n'
        'while True:\n    sys.stdout.buffer.write(b"x" * 1000)\n```\n'
    )
    both_fail(tmp_path, text, "block 'byte-flood'", "printed more than the limit of 100000")


#: This machine's folders: the project, the environment, the Python installation, home.
MACHINE = {str(ROOT), sys.prefix, sys.base_prefix, str(Path.home())}


def assert_no_machine_path(text: str) -> None:
    assert SCRATCH_PREFIX not in text, f"a scratch folder is published:\n{text}"
    for folder in MACHINE | {str(Path(folder).resolve()) for folder in MACHINE}:
        assert folder not in text, f"{folder} is published:\n{text}"


@pytest.mark.parametrize("chain", ["from error", ""])
def test_every_traceback_of_a_chain_names_no_path_of_this_machine(
    tmp_path: Path, chain: str
) -> None:
    """Issue 18, item 7: the traceback of the exception a raised one came from (its
    cause, or the one being handled) is shortened like the last one."""
    text = (
        '```pycon exec="on" id="chained"\n>>> import json\n>>> try:\n'
        '...     json.loads("x")\n... except ValueError as error:\n'
        f'...     raise RuntimeError("bad file") {chain}\n...\n'
        "Traceback (most recent call last):\n  ...\nRuntimeError: bad file\n```\n"
    )
    assert_no_machine_path(both_pass(tmp_path, text))
    shown = run_blocks(text)["chained"].shown
    assert '  File "json/decoder.py", line ' in shown, shown


def test_the_engines_own_frames_are_hidden_in_every_traceback_of_a_chain() -> None:
    """`input()` fails in the engine's own code (standard input is closed): the traceback
    of that error, which a later one was raised from, hides that frame too."""
    text = (
        '```python exec="on" id="own-frames"\ntry:\n    input()\n'
        'except EOFError as error:\n    raise ValueError("no input") from error\n```\n'
    )
    outcome = run_blocks(text)["own-frames"]
    assert outcome.failure is not None
    assert "cannot read from standard input" in outcome.shown
    assert "capture.py" not in outcome.shown, outcome.shown


def test_printed_paths_of_this_machine_are_named_as_tracebacks_name_files(
    tmp_path: Path,
) -> None:
    """Issue 18, item 7: the project root, the scratch folder the block runs in, the
    environment (sys.executable), the standard library and the home folder, printed,
    lose this machine's prefix: the project's files are named from its root, the
    scratch folder's from there (each folder itself is `.`)."""
    text = (
        '```python exec="on" id="where"\nimport json, os, sys\n'
        "from docs_build import PROJECT_ROOT\n\n"
        "print(os.getcwd())\nprint(sys.executable)\nprint(json.__file__)\n"
        'print(PROJECT_ROOT, PROJECT_ROOT / "docs" / "index.md")\n'
        'print(os.path.join(os.getcwd(), "out", "a.txt"))\n'
        'print(os.path.expanduser("~/notes.txt"))\n```\n\n'
        '```pycon exec="on" id="where-repr"\n>>> import os\n>>> os.getcwd()\n\'.\'\n```\n'
    )
    assert_no_machine_path(both_pass(tmp_path, text))
    executable = short_path(sys.executable)
    assert run_blocks(text)["where"].shown == (
        f".\n{executable}\njson/__init__.py\n. docs/index.md\nout/a.txt\nnotes.txt\n"
    )


def test_a_traceback_the_block_prints_itself_names_no_path_of_this_machine(
    tmp_path: Path,
) -> None:
    """Issue 18, item 7: `traceback.print_exc()` quotes the standard library's files."""
    text = (
        '```python exec="on" id="print-exc"\nimport json, traceback\n\n'
        'try:\n    json.loads("x")\nexcept ValueError:\n    traceback.print_exc()\n```\n'
    )
    assert_no_machine_path(both_pass(tmp_path, text))
    shown = run_blocks(text)["print-exc"].shown
    assert '  File "json/decoder.py", line ' in shown, shown


def test_a_warning_at_an_explicit_file_names_no_path_of_this_machine(tmp_path: Path) -> None:
    """Issue 18, item 7: `warnings.warn_explicit` names a file of the standard library
    and one of the project as tracebacks name them."""
    text = (
        '```python exec="on" id="explicit"\nimport json, os, warnings\n\n'
        'warnings.warn_explicit("old format", UserWarning, json.__file__, 1)\n'
        "from docs_build import PROJECT_ROOT\n"
        'data = os.path.join(PROJECT_ROOT, "docs", "data.csv")\n'
        'warnings.warn_explicit("moved", UserWarning, data, 2)\n```\n'
    )
    assert_no_machine_path(both_pass(tmp_path, text))
    shown = run_blocks(text)["explicit"].shown
    assert shown.startswith("json/__init__.py:1: UserWarning: old format\n"), shown
    assert shown.endswith("docs/data.csv:2: UserWarning: moved\n"), shown


CONTROLS = (
    '```python exec="on" id="controls"\n'
    'print("\\x1b[1mbold\\x1b[0m|\\x00|\\x02start\\x03|50%\\r100%|\\x7f|\\x85|a\\tb")\n```\n\n'
    '```pycon exec="on" id="controls-console"\n'
    '>>> print("\\x1b[31mred\\x1b[0m", "\\x00")\n\\x1b[31mred\\x1b[0m \\x00\n```\n'
)


def test_control_characters_are_shown_as_escapes(tmp_path: Path) -> None:
    """Issue 18, item 7: ANSI escapes and NUL went into the HTML raw, \\x02 and \\x03
    vanished. Every control character but a line end and a tab is shown as its escape,
    and a console block's written output is compared with that."""
    html = both_pass(tmp_path, CONTROLS)
    for raw in "\x1b\x00\x02\x03\r\x7f\x85":
        assert raw not in html, repr(raw)
    assert "\\x1b[1mbold\\x1b[0m|\\x00|\\x02start\\x03|50%\\r100%|\\x7f|\\x85|" in html
    assert run_blocks(CONTROLS)["controls"].shown == (
        "\\x1b[1mbold\\x1b[0m|\\x00|\\x02start\\x03|50%\\r100%|\\x7f|\\x85|a\tb\n"
    )


WRITTEN = "\\x1b[1mbold\\x1b[0m json/__init__.py\n"
NORMALISED = (
    '```pycon exec="on" id="normalised"\n>>> import json\n'
    '>>> print("\\x1b[1mbold\\x1b[0m", json.__file__)\n'
    f"{WRITTEN}```\n"
)


def test_the_notebooks_compare_output_as_the_page_shows_it() -> None:
    """Issue 18, item 7: a notebook's kernel prints the raw escape and the full path;
    the comparison with the page normalises them as the page does."""
    from docs_build.notebooks.convert import page_to_notebook
    from tests.notebookrun import run_and_compare

    notebook = page_to_notebook(NORMALISED, "Test page", page="part1/test.md", site_url="")
    assert run_and_compare(notebook) == []


def test_the_paste_check_compares_output_as_the_page_shows_it() -> None:
    """Issue 18, item 7: what the interactive prompt prints, pasted, is normalised as
    the page's output is before the two are compared."""
    from tests.paste import comparable, driver, pasted, shown_output

    (fence,) = find_fences(NORMALISED)
    shown = shown_output(fence, run_blocks(NORMALISED)["normalised"].shown)
    paste = driver([pasted(fence, as_copied=True)])
    runner = f'```python exec="on" id="paste"\n{paste}\n```\n'
    (printed,) = json.loads(run_blocks(runner)["paste"].shown.splitlines()[-1])
    assert "\x1b" in printed  # the prompt prints the raw escape
    assert comparable(printed) == comparable(shown) == WRITTEN


def test_under_serve_a_watched_file_changed_once_is_the_writers_save(tmp_path: Path) -> None:
    """Issue 18, item 8: under `mkdocs serve`, files it watches that change while a page's
    blocks run are taken as the writer's save (the rebuild the save starts runs the page
    again), so the page does not fail for them; the same page seeing it again in its next
    run fails (its blocks write them), as does a change outside the watched folders or
    in the first build, before the server watches anything."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Home\n")
    append = "with open({!r}, 'a') as file:\n    file.write('x')\n"
    index, outside = str(project / "docs/index.md"), str(project / "stray.txt")
    saves = Fence("python", {"exec": "on", "id": "save"}, append.format(index), 0, 0, 1)
    quiet = Fence("python", {"exec": "on", "id": "quiet"}, "x = 1\n", 0, 0, 1)
    stray = Fence("python", {"exec": "on", "id": "stray"}, append.format(outside), 0, 0, 1)
    state = BuildState()
    state.root = project
    state.engine = Engine(project)
    state.serving = True

    def failures(fence: Fence) -> list[str]:
        state.begin_page("docs/page.md", fence_text(fence))
        state.run_block(fence.language, fence.body, fence.block_id)
        return state.end_page()

    try:
        [first] = failures(saves)  # the first build: no rebuild would follow
        assert "docs/page.md: its blocks changed the project's files: docs/index.md" in first
        assert "if you saved these files yourself" in first
        state.watched = (project / "docs",)
        assert failures(quiet) == []
        assert failures(saves) == []  # as far as anyone can tell, a save
        [again] = failures(saves)
        assert "docs/index.md (changed, while block 'save' ran)" in again
        assert failures(quiet) == []
        assert failures(saves) == []
        assert failures(quiet) == []
        [outside] = failures(stray)
        assert "stray.txt (new, while block 'stray' ran)" in outside
    finally:
        state.engine.close()


def fence_text(fence: Fence) -> str:
    """A page holding just this fence, as the lexer reads it back."""
    return f'```python exec="on" id="{fence.block_id}"\n{fence.body}```\n'


def test_a_changed_file_names_the_runs_its_date_falls_in() -> None:
    """File systems date a write by a clock that may run a tick behind: a run counts
    from that clock's reading at its start, so two runs meet where the date may be
    either's. A file dated in one names it, where two meet names both, outside any
    (or where too many meet) names none; a removed file has no date."""
    from docs_build.core.treeguard import changes

    runs = [("block 'a'", 100, 200), ("block 'b'", 190, 300), ("block 'c'", 400, 500)]
    before = {"kept.md": (1, 1), "gone.md": (1, 1), "one.md": (1, 1), "both.md": (1, 1)}
    after = {
        "kept.md": (1, 1),
        "one.md": (250, 2),
        "both.md": (195, 2),
        "new.md": (450, 1),
        "late.md": (350, 1),
    }
    assert changes(before, after, runs) == [
        "both.md (changed, while block 'a' or block 'b' ran)",
        "one.md (changed, while block 'b' ran)",
        "late.md (new)",
        "new.md (new, while block 'c' ran)",
        "gone.md (removed)",
    ]


def test_a_loop_in_the_process_table_ends_the_search_for_descendants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read while processes end and their pids are reused, /proc can show two processes
    as each other's parent: the tree is still finite."""
    from docs_build.core import proctree

    table = {10: 1, 11: 10, 12: 11, 1: 12}  # 1 → 10 → 11 → 12 → 1
    monkeypatch.setattr(proctree, "_parents", lambda: table)
    assert proctree.descendants(10) == [11, 12, 1]


def test_a_closed_zygote_is_gone_for_every_question() -> None:
    """Once the engine has dropped a zygote (a block killed it), a worker that asks it
    how it ended hears that it is gone, not an error from the closed socket."""
    from docs_build.core.zygote import Zygote, ZygoteGoneError

    zygote = Zygote(ROOT, ())
    zygote.close()
    with pytest.raises(ZygoteGoneError):
        zygote.status(12345)
    with pytest.raises(ZygoteGoneError):
        zygote.fork()
