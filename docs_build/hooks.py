"""MkDocs hooks (listed in mkdocs.yml): wire the runners into the build."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from docs_build import formatters
from docs_build.math import render_math

formatters.register()

#: Set to a file path to get the list of executed blocks (used by the guard tests).
MANIFEST_VARIABLE = "DOCS_BUILD_MANIFEST"


#: Packages the pages import that a writer may edit while `mkdocs serve` runs.
RELOADED_PACKAGES = ("nnfs_ref", "docs_build.figures")


def on_pre_build(config: Any) -> None:
    """Every build, including each rebuild of `mkdocs serve`, starts from scratch.

    Sessions are emptied, and the packages the pages import are forgotten so that
    the next import reads them again: a served page never shows output computed
    by an older version of nnfs_ref.
    """
    formatters.STATE.reset()
    for name in list(sys.modules):
        if any(name == p or name.startswith(p + ".") for p in RELOADED_PACKAGES):
            del sys.modules[name]


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Remember which page the formatters are running blocks of."""
    formatters.STATE.page = f"docs/{page.file.src_uri}"
    return markdown


def on_post_build(config: Any) -> None:
    """Write the manifest of executed blocks when asked to."""
    target = os.environ.get(MANIFEST_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(formatters.STATE.executed, indent=1))


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Render LaTeX as MathML at build time."""
    return render_math(html, f"docs/{page.file.src_uri}")
