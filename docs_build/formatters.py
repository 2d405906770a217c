"""markdown-exec formatters for `python` and `pycon` fences.

Relies on markdown-exec's public `formatters` registry and `base_format`
(pinned in pyproject.toml). Both languages run through `docs_build.script` and
`docs_build.console`, the same code the Sybil tests use, with names scoped
by `docs_build.sessions`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import markdown_exec
from markdown_exec import ExecutionError, base_format

from docs_build.console import run_console
from docs_build.script import BlockError, run_script
from docs_build.sessions import Sessions

log = logging.getLogger("mkdocs.plugins.docs_build")


@dataclass
class BuildState:
    """What the formatters need to know about the build in progress."""

    page: str = "<unknown page>"
    sessions: Sessions = field(default_factory=Sessions)
    executed: list[dict[str, str]] | None = None

    def reset(self) -> None:
        self.sessions.clear()
        self.executed = []


STATE = BuildState()


def _label(block_id: str) -> str:
    return f"{STATE.page}, block '{block_id}'" if block_id else f"{STATE.page}, a block without id"


def _record(language: str, block_id: str) -> None:
    if STATE.executed is not None:
        STATE.executed.append({"page": STATE.page, "language": language, "id": block_id})


def _run_python(code: str, session: str | None = None, id: str = "", **_: Any) -> str:
    _record("python", id)
    namespace = STATE.sessions.namespace(STATE.page, session or "")
    try:
        return run_script(code, namespace, filename=f"<{id or 'block'}>")
    except BlockError as error:
        raise ExecutionError(f"{_label(id)} raised:\n\n```text\n{error}\n```") from error


def _run_pycon(code: str, session: str | None = None, id: str = "", **_: Any) -> str:
    _record("pycon", id)
    run = run_console(code, STATE.sessions.namespace(STATE.page, session or ""))
    if run.differences:
        report = "\n\n".join(run.differences)
        raise ExecutionError(
            f"{_label(id)}: the written output differs from the real one.\n\n```text\n{report}\n```"
        )
    if run.examples == 0:
        raise ExecutionError(f"{_label(id)}: no `>>>` prompt found in a pycon block.")
    return run.transcript


def _keep_source(code: str) -> tuple[str, str]:
    # markdown-exec's own pycon formatter drops the written outputs; we need them.
    return code, code


def _guarded(format_block: Any) -> Any:
    """Log unexpected errors: superfences would swallow them and show the raw fence."""

    def wrapper(**kwargs: Any) -> Any:
        try:
            return format_block(**kwargs)
        except Exception:
            log.exception("docs_build failed on a block of %s", STATE.page)
            raise

    return wrapper


@_guarded
def format_python(**kwargs: Any) -> Any:
    """Show a script block and, with `result=`, its printed output."""
    return base_format(language="python", run=_run_python, **kwargs)


@_guarded
def format_pycon(**kwargs: Any) -> Any:
    """Show a console block with the real output after each prompt."""
    kwargs.update(source="", result="pycon")
    return base_format(language="pycon", run=_run_pycon, transform_source=_keep_source, **kwargs)


def register() -> None:
    """Make markdown-exec use our runners for python, py and pycon fences."""
    markdown_exec.formatters.update(python=format_python, py=format_python, pycon=format_pycon)
