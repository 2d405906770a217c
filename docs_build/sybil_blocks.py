"""Collect the site's code blocks as pytest items, through Sybil.

Stock Sybil Markdown parsers skip fences that carry attributes, such as
```` ```pycon exec="on" ````; this parser uses `docs_build.fences` instead and
runs each block with the same runners, and the same session scoping, as the
build. A page's sessions live in the Sybil document's namespace.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.sybil import SybilCollection

from docs_build.console import run_console
from docs_build.fences import PYTHON_LANGUAGES, Fence, find_fences
from docs_build.script import BlockError, run_script
from docs_build.sessions import Namespace, Sessions

_SESSIONS = "_docs_build_sessions"
_ROOT = Path(__file__).resolve().parent.parent


def _namespace(example: Example, fence: Fence) -> Namespace:
    sessions: Sessions = example.namespace.setdefault(_SESSIONS, Sessions())
    return sessions.namespace(example.path, fence.attributes.get("session", ""))


def evaluate(example: Example) -> str | None:
    """Run one block; a returned string is the failure Sybil reports."""
    fence: Fence = example.parsed
    namespace = _namespace(example, fence)
    if fence.language == "pycon":
        run = run_console(fence.body, namespace)
        if run.examples == 0:
            return f"block {fence.name}: no `>>>` prompt found in a pycon block"
        if run.differences:
            return f"block {fence.name}: the written output differs from the real one.\n\n" + (
                "\n\n".join(run.differences)
            )
        return None
    try:
        run_script(fence.body, namespace, filename=f"<{fence.attributes.get('id', 'block')}>")
    except BlockError as error:
        return f"block {fence.name} raised:\n{error}"
    return None


def executable_blocks(*, require_exec: bool) -> Any:
    """A Sybil parser for Python fences: those marked `exec="on"`, or all of them."""

    def parse(document: Document) -> Iterable[Region]:
        for fence in find_fences(document.text):
            if fence.language not in PYTHON_LANGUAGES:
                continue
            if require_exec and not fence.executed:
                continue  # tests/test_guards.py makes sure such a fence says why
            yield Region(fence.start, fence.end, parsed=fence, evaluator=evaluate)

    return parse


def docs_and_docstrings(root: Path = _ROOT) -> SybilCollection:
    """Every executed block in docs/*.md and every example in nnfs_ref docstrings."""
    pages = Sybil(
        parsers=[executable_blocks(require_exec=True)], path=str(root / "docs"), patterns=["*.md"]
    )
    package = Sybil(
        parsers=[executable_blocks(require_exec=False)],
        path=str(root / "nnfs_ref"),
        patterns=["*.py"],
    )
    return pages + package
