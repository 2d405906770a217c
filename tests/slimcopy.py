"""A throwaway copy of the project with only a few pages: a real build of it takes seconds.

Tests that need a real MkDocs build of a broken page (not the shared site) build
this instead of the whole site: the same mkdocs.yml, plugins, hooks and strict
mode, with the navigation cut to the pages kept and links to the pages left out
reported at INFO level (they would otherwise fail the strict build).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.sitebuild import copy_project

LINKS_TO_LEFT_OUT_PAGES = """
validation:
  nav:
    omitted_files: info
    not_found: info
  links:
    not_found: info
    anchors: info
    absolute_links: info
    unrecognized_links: info
"""


def slim_copy(tmp: Path, keep: list[str]) -> Path:
    """A copy of the project whose docs/ holds only `keep` (paths under docs/, the
    home page included) and no notebook, with a navigation of those pages."""
    project = copy_project(tmp)
    docs = project / "docs"
    for page in [*docs.rglob("*.md"), *docs.rglob("*.ipynb")]:
        if page.relative_to(docs).as_posix() not in keep:
            page.unlink()
    config = project / "mkdocs.yml"
    text = config.read_text()
    nav = "\nnav:\n" + "".join(f"  - {page}\n" for page in keep)
    text = re.sub(r"\nnav:\n(?:[ -].*\n)+", nav, text, count=1)
    text = re.sub(r"\nvalidation:\n(?:[ ].*\n)+", LINKS_TO_LEFT_OUT_PAGES, text, count=1)
    config.write_text(text)
    return project
