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
from tests.sitebuild import ROOT

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
