"""`make serve` as a writer meets it: failures in the browser, no zombies, a clean stop.

One server (`mkdocs serve --strict`, as `make serve` runs it) of a slim copy of
the project (the home page and a scratch page) serves every check in turn,
with a temporary folder of its own (`TMPDIR`), so its leftovers can be counted:

- finished workers do not linger as zombies (`<defunct>`) between builds;
- a rebuild that fails for the whole site (here the fence audit: two pages use
  one block id) answers every request with an error page naming the failure,
  where MkDocs would hold every request until the next good build;
- a page whose block fails (here: an endless loop, stopped at its time limit)
  is served as that page with an error naming page, block and failure, and the
  other pages keep working;
- a page the writer saves while another page's blocks run does not fail that
  page, though the project's files changed meanwhile;
- SIGTERM (what `timeout` and process managers send) stops the server as
  Ctrl-C does, removing its temporary folders.

The tests run in this order, on the one server; each also passes alone. The
last one drives `FailedBuilds` with a stand-in for MkDocs' server, no build.
"""

from __future__ import annotations

import html
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_build.site import serving
from tests.slimcopy import slim_copy
from tests.test_serve import Server, group_alive, wait_for

SCRATCH = '# Scratch\n\n```pycon exec="on" session="s" id="scratch-sum"\n>>> 40 + 2\n42\n```\n'
#: A block with the id of a block of the home page: the fence audit fails the build.
DUPLICATE = SCRATCH.replace('id="scratch-sum"', 'id="home-teaser"')
LOOP = (
    "# Scratch\n\nProse that still shows.\n\n"
    '```python exec="on" id="scratch-loop" timeout="1"\nwhile True:\n    pass\n```\n'
)
#: What a build leaves in the temporary folder while the server runs.
TEMPORARY = ("mkdocs_", "nnfs-notebooks-", "nnfs-downloads-")


@dataclass
class Served:
    server: Server
    project: Path
    temporary: Path  # the server's TMPDIR

    def rebuild(self, text: str) -> None:
        """Save the scratch page and wait until the rebuild it starts has ended."""
        self.server.save("docs/scratch.md", text)


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


@pytest.mark.slow
def test_finished_workers_are_reaped_at_once(served: Served) -> None:
    """Issue 18, item 8: the zygote reaped its workers only when next asked for one, so
    after a build they stayed `<defunct>` until the next."""
    for _ in range(50):  # 5 s
        left = zombies(served.server.process.pid)
        if not left:
            break
        time.sleep(0.1)
    assert not left, f"finished workers left <defunct>: {', '.join(left)}"


@pytest.mark.slow
def test_a_failed_rebuild_is_an_error_page_for_every_request(served: Served) -> None:
    """Issue 18, item 8: after a failed rebuild MkDocs held every request (the browser
    showed nothing) until the next good build."""
    served.rebuild(DUPLICATE)
    page = served.server.page("/", timeout=10, script=True)
    assert "block id &#x27;home-teaser&#x27; is used 2 times" in page, page or "no answer"
    assert "livereload(" in page  # the next good build reloads it
    assert "block id" in served.server.page("/scratch/", timeout=10)


@pytest.mark.slow
def test_a_failing_page_shows_its_failure_and_the_others_work(served: Served) -> None:
    """Issue 18, item 8: an endless loop failed the rebuild at the time limit, after
    which MkDocs held every request; now the page names page, block and failure."""
    served.rebuild(LOOP)
    page = served.server.page("/scratch/", timeout=10, script=True)
    assert "docs/scratch.md:5, block &#x27;scratch-loop&#x27; (python)" in page, page or "none"
    assert "ran past its time limit of 1 s" in page
    assert page.index("This page failed to build") < page.index("Prose that still shows.")
    assert "livereload(" in page
    home = served.server.page("/", timeout=10)
    assert "nnfs-build-failure" not in home  # the good page, not an error
    assert "2.3" in home
    output = served.server.output()  # and the terminal
    assert "ERROR   -  docs/scratch.md:5, block 'scratch-loop' (python): ran past" in output
    assert "1 page(s) show their failures: docs/scratch.md (make build fails on them)" in output


#: A block whose failure quotes its hidden line (a fresh clone without `nnfs`, say).
HIDDEN_FAILS = (
    "# Scratch\n\nProse that still shows.\n\n"
    '```python exec="on" id="scratch-hidden"\nx = 1\n'
    "assert x == 2, 'no'  # markdown-exec: hide\n```\n"
)


@pytest.mark.slow
def test_a_failure_quoting_a_hidden_line_shows_on_its_page(served: Served) -> None:
    """Found by a fresh clone's `make serve`: such a failure was taken for fence text
    the Markdown parser missed, which failed the whole build; now the page shows it."""
    served.rebuild(HIDDEN_FAILS)
    page = served.server.page("/scratch/", timeout=10)
    assert "The site failed to build" not in page
    assert "This page failed to build" in page
    assert "# markdown-exec: hide" in page  # the traceback quotes the line
    assert "nnfs-build-failure" not in served.server.page("/", timeout=10)


@pytest.mark.slow
def test_a_save_while_blocks_run_does_not_fail_their_page(served: Served) -> None:
    """Issue 18, item 8: the home page saved while the scratch page's block runs is
    the writer's edit, not the block's: no failure (the engine fails a page whose
    blocks change the project's files), and the rebuild shows the edit."""
    started = served.project.parent / "block-started"
    slow = (
        '# Scratch\n\n```python exec="on" id="scratch-slow"\nimport pathlib, time\n'
        f"pathlib.Path({str(started)!r}).touch()\ntime.sleep(1)\n```\n"
    )
    served.server.write("docs/scratch.md", slow)
    wait_for(started.exists, 30, "the block to start")
    with (served.project / "docs/index.md").open("a") as home:
        home.write("\nSaved while a block ran.\n")
    wait_for(lambda: "Saved while a block ran." in served.server.page("/"), 30, "the edit")
    wait_for(served.server.idle, 30, "the rebuilds to end")
    assert "nnfs-build-failure" not in served.server.page("/scratch/", timeout=10)
    output = served.server.output()
    assert "docs/index.md changed while its blocks ran; taken as your edit" in output


@pytest.mark.slow
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


class FakeServer:
    """What FailedBuilds uses of MkDocs' LiveReloadServer."""

    def __init__(self, builder: Callable[[], None]) -> None:
        self.builder = builder
        self._visible_epoch = 7
        self._app: Callable[..., Iterable[bytes]] = lambda environ, start: [b"the site"]

    def get_app(self) -> Callable[..., Iterable[bytes]]:
        return self._app

    def set_app(self, app: Callable[..., Iterable[bytes]]) -> None:
        self._app = app

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return content + b"<script>livereload(%d)</script>" % epoch

    def get(self, path: str) -> tuple[str, str]:
        answered: list[str] = []
        body = self._app({"PATH_INFO": path}, lambda status, headers: answered.append(status))
        return (answered[0] if answered else "200 OK"), b"".join(body).decode()


def test_a_fault_in_a_rebuild_is_shown_with_its_traceback_until_a_good_build() -> None:
    """A rebuild that raises something other than MkDocs' Abort (a plugin's bug): the
    error page shows the traceback; live reload requests still reach MkDocs; the next
    good build serves the site again."""
    broken = True

    def build() -> None:
        if broken:
            raise ValueError("a plugin's bug")

    server = FakeServer(build)
    serving.FailedBuilds(server)
    server.builder()  # returns: MkDocs reloads the browsers onto the error page
    status, page = server.get("/part1/")
    assert status.startswith("500")
    assert "ValueError: a plugin&#x27;s bug" in page
    assert "Traceback (most recent call last)" in page
    assert page.endswith("<script>livereload(7)</script>")
    assert server.get("/livereload/7/1") == ("200 OK", "the site")
    broken = False
    server.builder()
    assert server.get("/part1/") == ("200 OK", "the site")


def test_a_second_sigterm_while_the_server_stops_is_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`timeout make serve`, or a SIGTERM to the process group, reaches the server twice
    (make passes its own on). The second broke off MkDocs' shutdown, before it stopped
    its server thread, and the process never ended (seen once stopping a fresh clone's
    `make serve`: gdb showed the main thread in threading._shutdown, waiting for
    LiveReloadServer.serve_forever). The first SIGTERM stops the server; later ones do
    nothing."""
    handlers: list[tuple[int, object]] = []
    monkeypatch.setattr(
        signal, "signal", lambda number, handler: handlers.append((number, handler))
    )
    with pytest.raises(KeyboardInterrupt):
        serving._interrupt(signal.SIGTERM, None)
    assert handlers == [(signal.SIGTERM, signal.SIG_IGN)]


#: A scratch page with a link to a heading it lacks: a warning (as mkdocs.yml has it), so
#: `--strict` aborts the build.
BROKEN_LINK = SCRATCH + "\nSee [the missing part](#nowhere).\n"
#: The slim copy reports broken anchors at INFO (with its links to left-out pages).
ANCHORS_WARN = ("    anchors: info\n", "    anchors: warn\n")


def livereload_epoch(page: str) -> int:
    """The build a served page belongs to, as MkDocs' live reload script names it."""
    found = re.search(r"livereload\((\d+),", page)
    assert found, page or "no answer"
    return int(found[1])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("broken", "named"),
    [
        (DUPLICATE, "block id &#x27;home-teaser&#x27; is used 2 times"),  # the fence audit
        (BROKEN_LINK, "contains a link &#x27;#nowhere&#x27;"),  # a warning under --strict
    ],
    ids=["fence-audit", "strict-warning"],
)
def test_a_failed_first_build_serves_the_error_page_until_the_fix(
    tmp_path: Path, broken: str, named: str
) -> None:
    """Issue 18, leftover: the first build of `mkdocs serve` that failed for the whole
    site ended the server, though a failed rebuild serves an error page. Now the server
    starts and answers every request with the error page; live reload then shows the
    fixed site."""
    project = slim_copy(tmp_path, ["index.md", "scratch.md"])
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(*ANCHORS_WARN))
    (project / "docs/scratch.md").write_text(broken)
    server = Server(project, "--strict", env={"NNFS_PRINT_BOOK": "false"})
    try:
        wait_for(
            lambda: "Serving on" in server.output() or server.process.poll() is not None,
            300,
            "the first build",
        )
        assert server.process.poll() is None, "the server ended:\n" + server.output()[-3000:]
        output = server.output()
        assert "The first build failed: every page shows why" in output
        page = server.page("/", timeout=10, script=True)
        assert "The site failed to build" in page
        assert named in page, page
        assert named in server.page("/scratch/", timeout=10)
        broken_epoch = livereload_epoch(page)

        server.save("docs/scratch.md", SCRATCH)  # the fix
        fixed = server.page("/scratch/", timeout=10, script=True)
        assert "nnfs-build-failure" not in fixed, fixed
        assert "42" in fixed
        assert livereload_epoch(fixed) > broken_epoch  # the error page's script reloads
        assert "nnfs-build-failure" not in server.page("/", timeout=10)
    finally:
        server.close()


@pytest.fixture
def serve_command(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[..., None]], None]:
    """Make `build` what MkDocs' serve command builds with (restored after the test)."""
    from mkdocs.commands import build as build_module
    from mkdocs.commands import serve as serve_module

    monkeypatch.setattr(serving.FirstBuild, "failure", None)

    def use(build: Callable[..., None]) -> None:
        monkeypatch.setattr(build_module, "build", build)
        monkeypatch.setattr(serve_module, "build", build)

    return use


def served_build() -> Callable[..., None]:
    """What MkDocs' serve command builds with now."""
    from mkdocs.commands import serve as serve_module

    build: Callable[..., None] = vars(serve_module)["build"]
    return build


def test_mkdocs_serve_builds_through_the_name_replaced_for_the_first_build() -> None:
    """`keep_serving_first_build` replaces `build` in MkDocs' serve command: another
    MkDocs that builds otherwise would end on a failed first build again."""
    from mkdocs.commands import build as build_module

    assert served_build() is build_module.build


def test_only_the_first_build_is_kept_from_ending_the_server(
    serve_command: Callable[[Callable[..., None]], None],
) -> None:
    """The first build's failure is kept for the error page; a rebuild reaches MkDocs'
    own build again (FailedBuilds catches its failure), and Ctrl-C is never caught."""
    from mkdocs.exceptions import Abort

    def build(config: object, **options: object) -> None:
        if config == "interrupted":
            raise KeyboardInterrupt
        raise Abort("Aborted with 1 warnings in strict mode!")

    serve_command(build)
    serving.keep_serving_first_build()
    served_build()("config", serve_url="http://127.0.0.1:8000/")  # returns
    assert serving.FirstBuild.failure == "Aborted with 1 warnings in strict mode!"
    assert served_build() is build
    with pytest.raises(Abort):
        served_build()("config")

    serving.keep_serving_first_build()
    with pytest.raises(KeyboardInterrupt):
        served_build()("interrupted")


def test_without_live_reload_a_failed_first_build_still_ends_the_server(
    serve_command: Callable[[Callable[..., None]], None],
) -> None:
    """`mkdocs serve --no-livereload` watches nothing and never rebuilds: an error page
    could never go away, so its first build's failure ends it, as MkDocs does."""
    import click

    def build(config: object, **options: object) -> None:
        pass

    serve_command(build)
    context = click.Context(click.Command("serve"))
    context.params["livereload"] = False
    with context:
        serving.keep_serving_first_build()
    assert served_build() is build


def test_a_failure_that_quotes_a_hidden_line_is_not_fence_text() -> None:
    """Found by a fresh clone's `make serve` (no `nnfs` installed): a failed block whose
    traceback quotes its hidden line (`# markdown-exec: hide`) was taken for a fence the
    Markdown parser missed, which failed the whole build instead of showing the page
    with its failures. The page's text outside its failures is still checked."""
    from docs_build.site.pages import lost_blocks

    failure = (
        "docs/part2/loss.md:343, block 'check' (python): raised:\n"
        '  File "<block>", line 1, in <module>\n'
        "    plain = -np.log(picked)  # markdown-exec: hide\n"
        "NameError: name 'np' is not defined"
    )
    block = f'<pre class="nnfs-block-failure">{html.escape(failure)}</pre>'
    page = serving.failed_page("docs/part2/loss.md", [failure], f"<h1>Loss</h1>\n{block}\n")
    serving.FAILED_PAGES.clear()
    assert lost_blocks("docs/part2/loss.md", [], page) == []
    leaked = page + "<p>x = 1  # markdown-exec: hide</p>"
    assert "executable fence's own text" in lost_blocks("docs/part2/loss.md", [], leaked)[0]
