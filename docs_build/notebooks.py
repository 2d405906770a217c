"""Turn a lesson page into a Jupyter notebook, so it can never drift from the page.

Prose becomes Markdown cells (see `docs_build.notebook_prose`); every executed
Python fence becomes code, in page order:

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

import ast
import doctest
import posixpath
import re
from typing import Any

import nbformat
from nbformat import NotebookNode

from docs_build.fences import PYTHON_LANGUAGES, Fence, find_fences
from docs_build.notebook_prose import (
    dedent_leading,
    flatten_containers,
    rewrite_inline,
    site_link,
)

HIDE = "markdown-exec: hide"
_PARSER = doctest.DocTestParser()
_BUILD_PACKAGE = "docs_build"
#: One wording everywhere (index.md, reference.md, notebooks.md, the playground).
INSTALL = (
    "`nnfs_ref` is not on PyPI: clone the site's repository and run `pip install .` "
    "in its folder (this brings NumPy too)."
)
_MARKER = re.compile(r"\x00(\d+)\x00")
#: `notebook="skip"` on a fence: it needs the site's own files, leave it out.
SKIP = "skip"
SKIPPED = "*(On the page, a block runs here that needs the site's own files: `{block}`.)*"


def _unhide(code: str) -> str:
    """Drop every hidden line, at any indentation: the page does not show it.

    Hidden lines are the page's own checks and their set-up; in a notebook,
    which has one namespace, they would only add names the reader never saw.
    """
    return "\n".join(line for line in code.splitlines() if HIDE not in line)


def _without_build_code(code: str, banned: set[str]) -> str:
    """Remove statements that import `docs_build` or use a name imported from it.

    `banned` collects those names across the page: a block may use a figure
    function that an earlier block of its session imported.
    """
    try:
        tree = ast.parse(code)
    except SyntaxError:  # not ours to judge: the page's own tests report it
        return code
    dropped: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [alias.name for alias in node.names]
            if any(m.split(".")[0] == _BUILD_PACKAGE for m in modules):
                banned.update((a.asname or a.name).split(".")[0] for a in node.names)
                dropped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
                continue
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        if names & banned:
            dropped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    lines = code.splitlines()
    return "\n".join(line for i, line in enumerate(lines, 1) if i not in dropped).strip("\n")


def _python_cells(fence: Fence, banned: set[str]) -> list[tuple[str, dict[str, Any]]]:
    code = _without_build_code(_unhide(fence.body), banned)
    if not code.strip():
        return []
    if fence.attributes.get("html") and "source" not in fence.attributes:
        code = "# The page draws a figure from these values here.\n" + code
    return [(code, {})]


def _console_cells(fence: Fence) -> list[tuple[str, dict[str, Any]]]:
    cells: list[tuple[str, dict[str, Any]]] = []
    pending: list[str] = []
    for example in _PARSER.get_examples(fence.body):
        pending.append(_unhide(example.source))
        if example.want or example.exc_msg is not None:
            expected: dict[str, Any] = {"output": example.want}
            if example.exc_msg is not None:
                expected = {"exception": example.exc_msg}
            cells.append(("\n".join(pending), expected))
            pending = []
    if pending:  # prompts with no output: the notebook must print nothing either
        cells.append(("\n".join(pending), {"output": ""}))
    return [(code.strip("\n"), expected) for code, expected in cells if code.strip()]


# nbformat has no type hints.
def _markdown_cell(source: str) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_markdown_cell(source)  # type: ignore[no-untyped-call]
    return cell


def _new_code_cell(source: str, metadata: dict[str, Any]) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_code_cell(source, metadata=metadata)  # type: ignore[no-untyped-call]
    return cell


def _code_cell(code: str, block: str, expected: dict[str, Any]) -> NotebookNode:
    metadata: dict[str, Any] = {"nnfs": {"block": block, **expected}}
    if "exception" in expected:
        metadata["tags"] = ["raises-exception"]
    return _new_code_cell(code, metadata=metadata)


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
    fences = [
        f for f in find_fences(markdown_text) if f.executed and f.language in PYTHON_LANGUAGES
    ]
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
        if fence.attributes.get("notebook") == SKIP:
            cells.append(_markdown_cell(SKIPPED.format(block=block)))
            continue
        if fence.language == "pycon":
            pieces = _console_cells(fence)
        else:
            pieces = _python_cells(fence, banned)
        cells += [_code_cell(code, block, expected) for code, expected in pieces]
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
