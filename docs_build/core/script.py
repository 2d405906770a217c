"""The `python` kind: a small program, shown above what it prints."""

from __future__ import annotations

import ast

from docs_build.core.block import Cell, Kind, Namespace, Run, unhide
from docs_build.core.blocklines import quote_warnings_from_blocks, remember, running
from docs_build.core.capture import LimitedBuffer, OutputLimitExceeded
from docs_build.core.fences import Fence
from docs_build.core.tracebacks import format_exception

#: The package only the site has (figures): notebooks leave out what needs it.
BUILD_PACKAGE = "docs_build"


def exit_failure(error: BaseException) -> str:
    """The wording for a block that tried to leave Python instead of raising an error."""
    name = type(error).__name__
    detail = f" ({error})" if str(error) else ""
    return (
        f"raised {name}{detail}: a block may not exit or interrupt Python; "
        "raise an ordinary exception, or show the call in a fence titled 'Not run: <why>'"
    )


class Script(Kind):
    """Runs the block as one script; the page shows the code, then its output."""

    transcript = False
    output_language = "text"

    def run(self, code: str, namespace: Namespace, filename: str, out: LimitedBuffer) -> Run:
        # Tracebacks and warnings quote the failing line from the block it is in.
        quote_warnings_from_blocks()
        running(filename, code)
        try:
            compiled = compile(code, filename, "exec")
            remember(compiled, code)
            exec(compiled, namespace)
        except OutputLimitExceeded:
            raise
        except Exception as error:
            out.write(format_exception(error))
            return Run(out.getvalue(), f"raised:\n{out.getvalue()}")
        except BaseException as error:  # SystemExit, KeyboardInterrupt, GeneratorExit
            return Run(out.getvalue(), exit_failure(error))
        return Run(out.getvalue())

    def notebook_cells(self, fence: Fence, banned: set[str]) -> list[Cell]:
        code = without_build_code(unhide(fence.body), banned)
        if not code.strip():
            return []
        if fence.html and "source" not in fence.attributes:
            code = "# The page draws a figure from these values here.\n" + code
        return [Cell(code)]


def without_build_code(code: str, banned: set[str]) -> str:
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
            if any(m.split(".")[0] == BUILD_PACKAGE for m in modules):
                banned.update((a.asname or a.name).split(".")[0] for a in node.names)
                dropped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
                continue
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        if names & banned:
            dropped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    lines = code.splitlines()
    return "\n".join(line for i, line in enumerate(lines, 1) if i not in dropped).strip("\n")
