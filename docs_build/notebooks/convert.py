"""Turn a lesson page into a Jupyter notebook, so it can never drift from the page.

Prose becomes Markdown cells (see `docs_build.notebooks.prose`); every executed
fence becomes code cells, in page order, as its kind (`docs_build.core.kinds`)
says:

- a `python` block is one cell, without its hidden lines (any line marked
  `markdown-exec: hide`, at any indentation: checks and their set-up) and without
  any statement that needs `docs_build` (figures are drawn by the site only);
  a block marked `notebook="skip"` (it reads the site's own files) is left out;
- a `pycon` block is split after every prompt that has written output, so each
  cell ends with the statement whose output the page shows. The prompts are
  removed; the written output goes to `metadata["nnfs"]` for the tests, and a
  cell whose output is an exception is tagged `raises-exception` so Jupyter
  runs on.

A notebook has one namespace where the page has one per `session=`: blocks run
top to bottom, which works as long as no block relies on a name being unset
(tests/test_notebooks.py runs every notebook to prove it). Cell ids are derived
from the position, so the same page always gives the same bytes.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

import nbformat
from nbformat import NotebookNode

from docs_build.core.attributes import NOTEBOOK_SKIP
from docs_build.core.block import Cell
from docs_build.core.fences import find_fences
from docs_build.core.kinds import KINDS
from docs_build.notebooks.prose import (
    dedent_leading,
    flatten_containers,
    rewrite_inline,
    site_link,
)

#: One wording everywhere (index.md, reference.md, notebooks.md, the playground).
INSTALL = (
    "`nnfs_ref` installs with one `pip install` of the wheel the site publishes: the "
    "site's page “Get nnfs_ref” gives the command (pip brings NumPy too)."
)
_MARKER = re.compile(r"\x00(\d+)\x00")
SKIPPED = "*(On the page, a block runs here that needs the site's own files: `{block}`.)*"
#: Where a page draws a figure (the site's own code): a pointer to the page.
FIGURE = "*(The page draws a figure here, from the values above: see it at {url}.)*"


# nbformat has no type hints.
def _markdown_cell(source: str) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_markdown_cell(source)  # type: ignore[no-untyped-call]
    return cell


def _code_cell(cell: Cell, block: str, timeout: str | None) -> NotebookNode:
    metadata: dict[str, Any] = {"nnfs": {"block": block, **cell.expected}}
    if timeout is not None:
        metadata["nnfs"]["timeout"] = float(timeout)
    if "exception" in cell.expected:
        metadata["tags"] = ["raises-exception"]
    node: NotebookNode = nbformat.v4.new_code_cell(cell.code, metadata=metadata)  # type: ignore[no-untyped-call]
    return node


def _header(title: str, url: str) -> str:
    source = f"[{url}]({url})" if url else "the companion site"
    return (
        f"# {title}\n\n"
        f"Generated from {source}: the page's prose and code, runnable top to bottom. "
        "Change a number and run the cells again.\n\n"
        f"Requires Python 3.10+, NumPy and `nnfs_ref`. {INSTALL}"
    )


def page_to_notebook(
    markdown_text: str, title: str, *, page: str = "", site_url: str = ""
) -> NotebookNode:
    """The notebook of one page. `page` is its path under docs/ (resolves links)."""
    url = site_link(posixpath.basename(page), page, site_url) if site_url and page else ""
    cells: list[NotebookNode] = [_markdown_cell(_header(title, url))]
    fences = [f for f in find_fences(markdown_text) if f.executed and f.language in KINDS]
    banned: set[str] = set()  # names imported from docs_build
    # Executed fences become markers, so the prose keeps its structure around them.
    text, position = "", 0
    for index, fence in enumerate(fences):
        text += markdown_text[position : fence.start] + f"\n\x00{index}\x00\n"
        position = fence.end
    text += markdown_text[position:]
    text = re.sub(r"\A\s*# [^\n]*\n", "", text)  # the title is in the header cell
    text = flatten_containers(text, _MARKER)
    for number, piece in enumerate(_MARKER.split(text)):
        if number % 2 == 0:
            prose = re.sub(r"\n{3,}", "\n\n", rewrite_inline(piece, page, site_url)).strip("\n")
            prose = dedent_leading(prose)
            if prose.strip():
                cells.append(_markdown_cell(prose))
            continue
        fence = fences[int(piece)]
        block = fence.attributes.get("id", f"line-{fence.line}")
        if fence.attributes.get("notebook") == NOTEBOOK_SKIP:
            cells.append(_markdown_cell(SKIPPED.format(block=block)))
            continue
        timeout = fence.attributes.get("timeout")
        pieces = KINDS[fence.language].notebook_cells(fence, banned)
        cells += [_code_cell(piece, block, timeout) for piece in pieces]
        if fence.html:
            cells.append(_markdown_cell(FIGURE.format(url=url or "the lesson's page")))
    notebook: NotebookNode = nbformat.v4.new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index:03d}"
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "nnfs": {"page": page},
    }
    return notebook


def notebook_bytes(notebook: NotebookNode) -> str:
    """The notebook as text: sorted keys, no timestamps, so builds are reproducible."""
    text: str = nbformat.writes(notebook)  # type: ignore[no-untyped-call]
    return text + "\n"
