"""The Python-Markdown extension that makes pages executable, whatever builds the site.

Listed under `markdown_extensions` in mkdocs.yml, it works in MkDocs,
ProperDocs and Zensical alike (none of which need our MkDocs hooks for it):

- it adds a pymdownx.superfences fence for every language of `KINDS`, whose
  formatter runs the block (`docs_build.site.formatters`; markdown-exec's own
  runners are switched off by its `languages: []` option, and it only renders);
- before a page is converted, it reads the page's source with the fence lexer
  (`docs_build.site.pages`); malformed fences and fences that may not run are
  failures;
- after the page is converted, it renders LaTeX as MathML and raises
  `BlockFailures` if anything failed, so the build fails even without
  `--strict`; under `mkdocs serve` (`docs_build.site.serving`) the page shows
  its failures instead, and the rest of the site builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from docs_build import PROJECT_ROOT
from docs_build.core.settings import Limits
from docs_build.site.formatters import register_fences
from docs_build.site.math import render_math
from docs_build.site.pages import BUILD
from docs_build.site.serving import failed_page

try:  # MkDocs prints a BuildError as a plain message and aborts
    from mkdocs.exceptions import BuildError as _Base
except ImportError:  # another builder
    _Base = Exception  # type: ignore[assignment,misc]


class BlockFailures(_Base):
    """One or more blocks of a page failed; the message names each page, line and block."""


def _nested(md: Markdown) -> bool:
    """markdown-exec converts a block's output with a Markdown of its own: not a page."""
    return getattr(md, "_original_md", None) is not None


def _page_of(md: Markdown, lines: list[str], docs: Path) -> tuple[str, str] | None:
    """(path from the project root, source text) of the page `md` converts, if it is one."""
    text = "\n".join(lines).strip()
    # A Registry, not a dict: it has no .get().
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401
    file = getattr(relpath, "file", None)  # MkDocs and ProperDocs know the page ...
    if file is not None and getattr(file, "abs_src_path", None):
        markdown = getattr(getattr(file, "page", None), "markdown", None)
        if markdown is not None and markdown.strip() != text:
            return None  # ... and lend it to mkdocstrings, which converts docstrings
        return _name(Path(file.abs_src_path), docs), str(file.content_string)
    # Other builders: the docs file with exactly this text.
    for candidate in sorted(docs.rglob("*.md")):
        source = candidate.read_text(encoding="utf-8")
        if source.strip() == text:
            return _name(candidate, docs), source
    return None


def _name(path: Path, docs: Path) -> str:
    """How messages name a page: from the project root, as docs/part1/layer.md."""
    path = path.resolve()
    base = PROJECT_ROOT if path.is_relative_to(PROJECT_ROOT) else docs.resolve().parent
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()


class _Conversion:
    """Where one Markdown instance is in converting a text."""

    def __init__(self) -> None:
        # The tree is done: the postprocessors now run on the whole page, not on a
        # heading's text (toc and MkDocs' title run them on each heading before).
        self.whole = False


class _BeginPage(Preprocessor):  # type: ignore[misc]  # Markdown is untyped
    def __init__(self, md: Markdown, docs: Path, conversion: _Conversion) -> None:
        super().__init__(md)
        self.docs = docs
        self.conversion = conversion

    def run(self, lines: list[str]) -> list[str]:
        self.conversion.whole = False
        if not _nested(self.md):
            page = _page_of(self.md, lines, self.docs)
            if page is not None:  # else a docstring or snippet: leave the page alone
                BUILD.begin_page(*page)
                BUILD.owner = self.md
        return lines


class _TreeDone(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, conversion: _Conversion) -> None:
        super().__init__(md)
        self.conversion = conversion

    def run(self, root: Any) -> None:
        self.conversion.whole = True


class _EndPage(Postprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, conversion: _Conversion) -> None:
        super().__init__(md)
        self.conversion = conversion

    def run(self, text: str) -> str:
        if _nested(self.md):
            return text
        current = BUILD.owner is self.md and BUILD.page is not None
        page = BUILD.page.path if current and BUILD.page else "a page"
        text, math_errors = render_math(text, page)
        whole = self.conversion.whole  # else a heading's text
        failures = math_errors
        if current and whole:
            BUILD.owner = None
            failures = BUILD.end_page() + math_errors
        if failures and BUILD.serving:  # the page shows them; the rest of the site builds
            return failed_page(page, failures, text) if whole else text
        if failures:
            raise BlockFailures("\n\n".join(failures))
        return text


class BlocksExtension(Extension):  # type: ignore[misc]
    """Run the site's code blocks while pages are converted; see the module docstring."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "timeout": [Limits.timeout, "Seconds a block may run (a fence may set timeout=)."],
            "output_limit": [Limits.output_limit, "Characters a block may print."],
            "memory_limit": [Limits.memory_limit, "MiB of resident memory a block may hold."],
            "preload": [
                list(Limits.preload),
                "Modules imported once for every worker (re-imported when edited).",
            ],
            "docs_dir": ["docs", "The pages' folder, from the project root."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        register_fences(md)
        BUILD.configure(Limits.from_options(self.getConfigs()))
        docs = PROJECT_ROOT / str(self.getConfig("docs_dir"))  # an absolute path stays as is
        conversion = _Conversion()
        md.preprocessors.register(_BeginPage(md, docs, conversion), "docs_build_begin_page", 35)
        md.treeprocessors.register(_TreeDone(md, conversion), "docs_build_tree_done", -1000)
        md.postprocessors.register(_EndPage(md, conversion), "docs_build_end_page", 1)


def makeExtension(**kwargs: Any) -> BlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return BlocksExtension(**kwargs)
