"""What only `mkdocs serve` (`make serve`) needs, set up by `docs_build.site.hooks`.

A writer sees every failure in the browser, and the server never hangs on one:

- a page whose blocks fail is still built, with its failures above it
  (`failed_page`, called by `docs_build.site.extension`); the rest of the site
  builds and live reload shows the page. The terminal shows the failures as
  errors, which `--strict` does not count (they would abort the whole rebuild);
  `make build`, `mkdocs build` and the tests fail on them as before;
- a build that fails anyway (the fence audit, a warning under `--strict`, a
  broken notebook) answers every request with a page naming the failure, until
  the next good build (`FailedBuilds`). MkDocs itself would hold every request
  until then after a rebuild, so the browser showed nothing, and would end the
  server after the first build (`keep_serving_first_build`);
- SIGTERM stops the server as Ctrl-C does (`stop_on_sigterm`).
"""

from __future__ import annotations

import html
import logging
import signal
import traceback
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any, NoReturn

import click

from docs_build.site.pages import BUILD

#: What the writer must see in the terminal, though `--strict` must not count it: a
#: logger outside "mkdocs" (whose handlers count warnings in strict mode), writing
#: through MkDocs' own terminal handler (`start`).
TERMINAL = logging.getLogger("docs_build.serve")
#: The class of what says a build failed, in a page and in the error page.
FAILURE_CLASS = "nnfs-build-failure"
#: The pages of this build that show their failures.
FAILED_PAGES: list[str] = []


def start() -> None:
    """`mkdocs serve` starts (the hooks' on_startup, and on_serve for `--clean`)."""
    BUILD.serving = True
    stop_on_sigterm()
    TERMINAL.propagate = False
    TERMINAL.setLevel(logging.INFO)
    handlers = [h for h in logging.getLogger("mkdocs").handlers if type(h) is logging.StreamHandler]
    for handler in handlers or [logging.StreamHandler()]:
        if handler not in TERMINAL.handlers:
            TERMINAL.addHandler(handler)


def stop_on_sigterm() -> None:
    """SIGTERM (what `timeout` and process managers send) stops the server as Ctrl-C does.

    MkDocs catches the KeyboardInterrupt, shuts the server down and removes its
    site folder; the process then ends normally, so the temporary folders of the
    build (the executed notebooks, the downloads) are removed too, and the zygote and
    workers end with it. SIGTERM's default would end the process at once, leaving
    every folder behind. A later SIGTERM is ignored: `timeout make serve` and a
    SIGTERM to the process group reach the server twice (make passes its own on),
    and the second would break off MkDocs' shutdown before it stops its server
    thread, which then keeps the process alive for ever. (Call from the main thread.)
    """
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the server is stopping
    raise KeyboardInterrupt(signal.Signals(signum).name)


def failed_page(page: str, failures: list[str], content: str) -> str:
    """A page whose blocks failed, as `mkdocs serve` shows it: its failures above the page
    as it was converted (where each failed block shows its failure too)."""
    FAILED_PAGES.append(page)
    for failure in failures:
        TERMINAL.error(failure)
    listed = "".join(f"<pre><code>{html.escape(failure)}</code></pre>" for failure in failures)
    return (
        f'<div class="admonition failure {FAILURE_CLASS}" role="alert">'
        '<p class="admonition-title">This page failed to build</p>'
        f"{listed}<p>make build and make test fail on it. This preview shows the page "
        "again after each save.</p></div>\n"
    ) + content


def report_failed_pages() -> None:
    """At the end of a build, name the pages that show their failures (and forget them)."""
    if FAILED_PAGES:
        pages = ", ".join(dict.fromkeys(FAILED_PAGES))
        TERMINAL.error(
            "%d page(s) show their failures: %s (make build fails on them)",
            len(set(FAILED_PAGES)),
            pages,
        )
    FAILED_PAGES.clear()


def error_document(failure: str) -> str:
    """The page every request gets after a rebuild failed."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>The site failed to build</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
        "padding:0 1rem}pre{white-space:pre-wrap;background:#fdecea;padding:1rem;"
        "border-left:4px solid #b71c1c}</style></head>\n"
        f'<body><main class="{FAILURE_CLASS}"><h1>The site failed to build</h1>'
        f"<pre>{html.escape(failure)}</pre>"
        "<p>Every page shows this until the next build succeeds; this page reloads "
        "then.</p></main></body></html>\n"
    )


class _Collected(logging.Handler):
    """The warnings and errors logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def attempt(build: Callable[[], None], what: str) -> str | None:
    """Run `build`; if it fails, say so in the terminal and return why: the warnings and
    errors it logged and the exception (its traceback, unless it is MkDocs' Abort)."""
    collected = _Collected()
    loggers = [logging.getLogger("mkdocs"), TERMINAL]
    for logger in loggers:
        logger.addHandler(collected)
    try:
        build()
    except Exception as error:  # not Ctrl-C or SIGTERM: they stop the server
        if isinstance(error, SystemExit):  # MkDocs' Abort: what failed is logged
            cause = str(error)
        else:  # a fault of a plugin or of MkDocs: the traceback says where
            cause = traceback.format_exc()
            TERMINAL.error(cause.rstrip())
        failure = "\n\n".join([*collected.messages, cause]).strip()
    else:
        return None
    finally:
        for logger in loggers:
            logger.removeHandler(collected)
    TERMINAL.error("%s: every page shows why until the next build succeeds.", what)
    return failure


class FirstBuild:
    """What became of the first build of `mkdocs serve` (`keep_serving_first_build`)."""

    failure: str | None = None


def keep_serving_first_build() -> None:
    """Let `mkdocs serve` start though its first build fails (call from on_startup).

    MkDocs runs the first build itself, before it calls any hook that sees the
    server (on_serve), and ends on its failure; a rebuild's failure it only logs.
    No hook can catch that exception, so this replaces the function the serve
    command builds with (`mkdocs.commands.serve.build`, a name its builder looks up
    at each call) for that one call: a failure is kept in `FirstBuild`, the
    command goes on to watch the files and serve, and on_serve hands the failure
    to `FailedBuilds`, which answers with the error page until a build succeeds.
    Without live reload (`--no-livereload`) nothing is watched or rebuilt, so the
    first build's failure still ends the server. With another MkDocs, whose serve
    command has no such name, MkDocs' own behaviour stays (the tests say so).
    """
    from mkdocs.commands import build as build_command
    from mkdocs.commands import serve as serve_command

    context = click.get_current_context(silent=True)
    if context is not None and context.params.get("livereload") is False:
        return
    if getattr(serve_command, "build", None) is not build_command.build:
        TERMINAL.info("docs_build: this MkDocs ends when the first build fails")
        return
    original = build_command.build

    def first_build(*args: Any, **kwargs: Any) -> None:
        serve_command.build = original  # type: ignore[attr-defined]  # rebuilds: MkDocs' own
        FirstBuild.failure = attempt(lambda: original(*args, **kwargs), "The first build failed")

    serve_command.build = first_build  # type: ignore[attr-defined]


class FailedBuilds:
    """Serve an error page for every request after a build failed (the first one, or a
    rebuild), until the next good one: wraps the builder and the WSGI application of
    MkDocs' LiveReloadServer.

    The builder returns as if the build had succeeded, so the server reloads the
    browsers (onto the error page) and answers requests at once; MkDocs would
    hold each request until a build succeeds. The error page carries MkDocs' live
    reload script, so the next good build replaces it in the browser.
    """

    def __init__(self, server: Any, failure: str | None = None) -> None:
        self.server = server
        self.failure = failure  # the first build's, if it failed (`keep_serving_first_build`)
        self._build: Callable[[], None] = server.builder
        self._app: Callable[..., Iterable[bytes]] = server.get_app()
        server.builder = self.build
        server.set_app(self.app)

    def build(self) -> None:
        self.failure = attempt(self._build, "The rebuild failed")

    def app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        failure = self.failure
        if failure is None or str(environ.get("PATH_INFO", "")).startswith("/livereload/"):
            return self._app(environ, start_response)
        document = error_document(failure).encode()
        # MkDocs' live reload script, as it adds it to every page it serves.
        body: bytes = self.server._inject_js_into_html(document, self.server._visible_epoch)
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]
