"""`mkdocs serve` while a writer breaks a page and fixes it, then a Ctrl-C at the terminal.

A small project (one page, the site's own machinery) is served from a
temporary folder. The writer adds an endless loop: the block fails at the
time limit, and the page shows that failure (tests/test_serve_writer.py checks
the error pages in detail); the writer fixes the page and the server shows it.
A block that raises KeyboardInterrupt is a failure of that block, not the end
of the server; an edit of the prose alone replays the block from the execution
cache; a Ctrl-C at the terminal (SIGINT to the whole process group) stops the
server and its workers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.serve_reload import free_port
from docs_build.core.cache import PREVIEW_FOLDER, RESULTS_VARIABLE
from tests.sitebuild import ROOT, mkdocs_build, run_pytest
from tests.slimcopy import slim_copy

CONFIG = """\
site_name: Serve test
theme:
  name: material
  font: false
hooks:
  - docs_build/site/hooks.py
plugins:
  - markdown-exec:
      languages: []
markdown_extensions:
  - pymdownx.superfences
  - docs_build.site.extension:
      timeout: 1
"""

GOOD = '# Page\n\n```pycon exec="on" id="answer"\n>>> 40 + 2\n42\n```\n'
LOOP = '# Page\n\n```python exec="on" id="answer"\nwhile True:\n    pass\n```\n'
INTERRUPT = '# Page\n\n```python exec="on" id="answer"\nraise KeyboardInterrupt\n```\n'
FIXED = '# Page\n\n```pycon exec="on" id="answer"\n>>> 40 + 3\n43\n```\n'


#: What MkDocs says when a rebuild failed (and then holds every request).
MKDOCS_FAILED = "An error happened during the rebuild"


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s for {what}")


class Server:
    """`mkdocs serve` of `project` in a process group of its own; `options` go to mkdocs
    serve, `env` adds to the environment. Its log is written next to the project, not
    into it: a file that changes while blocks run would fail their page."""

    def __init__(self, project: Path, *options: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.project = project
        self.log = project.parent / "serve.log"
        self._log = self.log.open("w")
        address = f"127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", address],
            cwd=project,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "PYTHONPATH": str(project),
                **(env or {}),
            },
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, like a terminal's job
        )

    def page(self, path: str = "/", timeout: float = 2, script: bool = False) -> str:
        """The page's HTML (an error page's too), or "" if none came within `timeout`.
        Without MkDocs' live reload script unless `script`: its numbers (the build's
        time) could hold the digits a test looks for."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=timeout) as answer:
                text = str(answer.read().decode())
        except urllib.error.HTTPError as error:
            text = str(error.read().decode())
        except OSError:
            return ""
        return (
            text
            if script
            else re.sub(r"<script>[^<]*livereload\(.*?</script>", "", text, flags=re.S)
        )

    def idle(self) -> bool:
        """Built, and every rebuild MkDocs started has ended (well or not)."""
        output = self.output()
        ended = output.count("Reloading browsers") + output.count(MKDOCS_FAILED)
        return "Serving on" in output and ended >= output.count("Detected file changes")

    def save(self, page: str, text: str) -> None:
        """Save a page as an editor does (whole, at once), once the server is idle, and
        wait until the rebuild it starts has ended. (A plain write can be seen half
        done, empty, and start two rebuilds.)"""
        wait_for(self.idle, 60, "the server to finish building")
        output = self.output()
        before = output.count("Reloading browsers") + output.count(MKDOCS_FAILED)
        self.write(page, text)
        wait_for(
            lambda: (
                self.output().count("Reloading browsers") + self.output().count(MKDOCS_FAILED)
                > before
            ),
            60,
            "the rebuild",
        )

    def write(self, page: str, text: str) -> None:
        """Write a page whole, at once (through a file outside the watched folders)."""
        scratch = self.project.parent / "saving.md"
        scratch.write_text(text)
        scratch.replace(self.project / page)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._log.close()

    def output(self) -> str:
        return self.log.read_text()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "docs_build", project / "docs_build")
    (project / "mkdocs.yml").write_text(CONFIG)
    (project / "docs/index.md").write_text(GOOD)
    return project


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    server = Server(project)
    yield server
    server.close()


@pytest.mark.slow
def test_serve_survives_a_broken_page_recovers_and_stops_on_ctrl_c(
    project: Path, server: Server
) -> None:
    wait_for(lambda: "42" in server.page(), 60, "the first build")

    server.save("docs/index.md", LOOP)
    wait_for(lambda: "ran past its time limit of 1 s" in server.output(), 30, "the time limit")
    assert "docs/index.md:3, block 'answer' (python)" in server.output()
    assert "ran past its time limit of 1 s" in server.page()  # at once, on the page

    server.save("docs/index.md", INTERRUPT)
    wait_for(lambda: "raised KeyboardInterrupt" in server.output(), 60, "the failed block")
    assert server.process.poll() is None  # a block's KeyboardInterrupt is not a Ctrl-C

    server.save("docs/index.md", FIXED)
    wait_for(lambda: "43" in server.page(), 30, "the fixed page")

    # Only prose changes: the block's session is replayed from the execution cache.
    server.save("docs/index.md", FIXED + "\nMore prose.\n")
    wait_for(lambda: "More prose" in server.page(), 30, "the prose edit")
    assert "1 blocks replayed from the execution cache, 0 run" in server.output()

    os.killpg(server.process.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    server.process.wait(timeout=60)  # a busy machine (the whole suite) can take its time
    assert "Shutting down" in server.output()
    wait_for(lambda: not group_alive(server.process.pid), 10, "the zygote and workers to end")


def group_alive(group: int) -> bool:
    """Is any process of the process group still running?"""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


#: What a poisoned session of the preview's folder shows, and its failure.
POISON = "POISONED: replayed from .cache/preview"


@pytest.mark.slow
def test_the_preview_cache_serves_restarts_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, item 18: `make serve` keeps its results in the project's
    .cache/preview/ from one run to the next; `mkdocs build` (`make build`, CI) and
    pytest (`make test`) never read it. Every session of the folder is poisoned after a
    first run: a restart of the server replays the poison (so the keys are the ones a
    build would compute), a strict build and the doc tests of the same project run the
    blocks and pass."""
    project = slim_copy(tmp_path, ["index.md"])
    preview = project / PREVIEW_FOLDER
    first = Server(project, "--strict", env={"NNFS_PRINT_BOOK": "false"})
    try:
        wait_for(lambda: "2.3" in first.page(), 120, "the first build")
    finally:
        first.close()
    assert "0 blocks replayed from the execution cache" in first.output()
    sessions = sorted(preview.glob("*.json"))
    assert sessions, "the first run kept nothing"
    for path in sessions:
        session = json.loads(path.read_text())
        for block in session["blocks"]:
            block.update(shown=POISON, failure=POISON)
        path.write_text(json.dumps(session))

    again = Server(project, "--strict", env={"NNFS_PRINT_BOOK": "false"})
    try:
        wait_for(lambda: POISON in again.page(), 120, "the restart")
    finally:
        again.close()
    assert re.search(r"\d+ blocks replayed from the execution cache, 0 run", again.output())

    monkeypatch.delenv(RESULTS_VARIABLE, raising=False)  # a plain `mkdocs build`
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    assert POISON not in (tmp_path / "site/index.html").read_text()
    assert "2.3" in (tmp_path / "site/index.html").read_text()

    env = {**os.environ, RESULTS_VARIABLE: str(tmp_path / "results")}  # as `make test`
    tested = run_pytest(project, "docs/index.md", env=env)
    assert tested.returncode == 0, tested.stdout[-3000:]
    assert POISON not in tested.stdout
    assert list((tmp_path / "results").rglob("*.json")), "the doc tests ran nothing"
