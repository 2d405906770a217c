"""`make serve` as a writer meets it: failures in the browser, no zombies, a clean stop.

One server (`mkdocs serve --strict`, as `make serve` runs it) of a slim copy of
the project (the home page and a scratch page) serves every check in turn,
with a temporary folder of its own (`TMPDIR`), so its leftovers can be counted:

- finished workers do not linger as zombies (`<defunct>`) between builds;
- SIGTERM (what `timeout` and process managers send) stops the server as
  Ctrl-C does, removing its temporary folders.

The tests run in this order, on the one server; each also passes alone.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.slimcopy import slim_copy
from tests.test_serve import Server, group_alive, wait_for

pytestmark = pytest.mark.slow

SCRATCH = '# Scratch\n\n```pycon exec="on" session="s" id="scratch-sum"\n>>> 40 + 2\n42\n```\n'
#: What a build leaves in the temporary folder while the server runs.
TEMPORARY = ("mkdocs_", "nnfs-notebooks-", "nnfs-downloads-")


@dataclass
class Served:
    server: Server
    project: Path
    temporary: Path  # the server's TMPDIR

    def rebuild(self, text: str) -> None:
        """Save the scratch page and wait until the rebuild it triggers has ended."""
        output = self.server.output
        before = output().count("Detected file changes")
        ended = output().count("Reloading browsers") + output().count(MKDOCS_FAILED)
        (self.project / "docs/scratch.md").write_text(text)
        wait_for(
            lambda: (
                output().count("Detected file changes") > before
                and output().count("Reloading browsers") + output().count(MKDOCS_FAILED) > ended
            ),
            60,
            "the rebuild",
        )


#: What MkDocs says when a rebuild failed (and it holds every request).
MKDOCS_FAILED = "An error happened during the rebuild"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("serve-writer")
    project = slim_copy(tmp, ["index.md", "scratch.md"])
    (project / "docs/scratch.md").write_text(SCRATCH)
    temporary = tmp / "temporary"
    temporary.mkdir()
    env = {"NNFS_PRINT_BOOK": "false", "TMPDIR": str(temporary)}
    server = Server(project, "--strict", env=env)
    wait_for(lambda: "Serving on" in server.output(), 120, "the first build")
    yield Served(server, project, temporary)
    server.close()


def zombies(root: int) -> list[str]:
    """The zombie processes (`<defunct>`) among the descendants of `root`, with their
    parents. (Workers lead sessions of their own: only parents lead to them.)"""
    processes = {}  # pid: (name, state, parent)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()  # state, parent, ...
        name = text[text.index("(") + 1 : text.rindex(")")]
        processes[int(stat.parent.name)] = (name, fields[0], int(fields[1]))
    found = []
    for pid, (name, state, parent) in processes.items():
        ancestor = parent
        while ancestor not in (root, 0, 1) and ancestor in processes:
            ancestor = processes[ancestor][2]
        if state == "Z" and ancestor == root:
            found.append(f"{pid} ({name}, child of {parent})")
    return found


def test_finished_workers_are_reaped_at_once(served: Served) -> None:
    """Issue 18, item 8: the zygote reaped its workers only when next asked for one, so
    after a build they stayed `<defunct>` until the next."""
    for _ in range(50):  # 5 s
        left = zombies(served.server.process.pid)
        if not left:
            break
        time.sleep(0.1)
    assert not left, f"finished workers left <defunct>: {', '.join(left)}"


def test_sigterm_stops_the_server_and_removes_its_temporary_folders(served: Served) -> None:
    """Issue 18, item 8: SIGTERM ended the server without its cleanup, leaving its
    temporary folders behind (Ctrl-C removed them)."""
    left = sorted(path.name for path in served.temporary.iterdir())
    assert all(any(name.startswith(prefix) for name in left) for prefix in TEMPORARY), left
    served.server.process.send_signal(signal.SIGTERM)  # to the server alone, as `timeout` does
    served.server.process.wait(timeout=30)
    assert "Shutting down" in served.server.output()
    assert sorted(path.name for path in served.temporary.iterdir()) == []
    wait_for(
        lambda: not group_alive(served.server.process.pid), 10, "the zygote and workers to end"
    )
