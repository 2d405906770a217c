"""An executed notebook as the Markdown of a page, shown as the lessons show their blocks.

The build renders the playground with it (`docs_build.notebooks.hooks`), through
the site's own Markdown, instead of mkdocs-jupyter's Jupyter styles: the page has
the lessons' code boxes, syntax colours, output boxes and copy buttons, in both
palettes and on every screen.

- A Markdown cell is Markdown already: it is kept as it is.
- A code cell is a code box, and what it printed one box under it, captioned
  "Output", as in a lesson's script block (`docs_build.site.formatters`):
  its streams and the text of its results, in order, normalised as every block's
  output is (`docs_build.core.output`); an exception (a cell tagged
  `raises-exception`) as its traceback, without IPython's colours.
- An output in another form (an image, HTML), even with a text form beside it,
  has no box to go in: it stops the build, naming the cell, rather than vanish
  from the page.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode

from docs_build.core.output import normalise
from docs_build.site.formatters import OUTPUT_LABEL, code_block

#: The element a lesson's block is shown in (`docs_build.site.formatters`), without
#: the block id: a box in it has the lesson's margins, where Material draws a code box
#: at the top level of a page from edge to edge on a phone.
BLOCK = '<div class="nnfs-block" markdown>'
#: IPython colours its tracebacks with ANSI escape sequences.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class CannotShowError(ValueError):
    """A cell, or what it printed, that a page cannot show."""


def _output_text(output: NotebookNode, cell: int) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return str(output.get("text", ""))
    if kind == "error":
        return _ANSI.sub("", "\n".join(output.get("traceback", []))) + "\n"
    if kind in ("execute_result", "display_data"):
        data = output.get("data", {})
        others = sorted(set(data) - {"text/plain"})
        if others or "text/plain" not in data:
            raise CannotShowError(
                f"code cell {cell} shows {', '.join(others) or 'nothing'}: a page shows a "
                "cell's text output only"
            )
        return str(data["text/plain"]) + "\n"
    raise CannotShowError(f"code cell {cell} has an output of unknown type {kind!r}")


def code_cell_markdown(cell: NotebookNode, number: int) -> str:
    """The cell's code in a box, and what it printed in a box captioned "Output", in the
    wrapper of a lesson's block (`BLOCK`)."""
    parts = [code_block("python", str(cell.source).rstrip("\n"))]
    printed = "".join(_output_text(output, number) for output in cell.get("outputs", []))
    if printed.strip():
        parts += [OUTPUT_LABEL, code_block("text", normalise(printed).rstrip("\n"))]
    return "\n\n".join([BLOCK, *parts, "</div>"])


def notebook_markdown(notebook: NotebookNode) -> str:
    """The page's Markdown: every cell in order, a blank line between cells."""
    parts, code_cells = [], 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(str(cell.source).strip("\n"))
        elif cell.cell_type == "code":
            code_cells += 1
            parts.append(code_cell_markdown(cell, code_cells))
        else:
            raise CannotShowError(f"a {cell.cell_type} cell has no place on a page")
    return "\n\n".join(parts) + "\n"
