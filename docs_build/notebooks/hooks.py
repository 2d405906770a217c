"""MkDocs hooks (listed in mkdocs.yml): a notebook for every lesson page.

- `on_files`: build `notebooks/<slug>.ipynb` from each lesson's raw Markdown
  (`docs_build.notebooks.convert`) as a generated file, so strict link checks see it.
- `on_files` also runs the playground notebook (`docs/playground.ipynb`) in a
  kernel, within the site's time limit (mkdocs-jupyter has none of its own, so it
  does not execute).
- `on_pre_page`, `on_page_read_source`: the playground is read as Markdown made
  from the executed copy (`docs_build.notebooks.render`) and rendered as every
  page is, so it looks like a lesson; mkdocs-jupyter only makes the notebook a page
  and copies the executed copy next to it, for download.
- `on_page_markdown`: put a download button under the title of each lesson and of
  the playground, and fill the list on `notebooks.md`.
"""

from __future__ import annotations

import logging
import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from docs_build.notebooks.convert import notebook_bytes, page_to_notebook
from docs_build.notebooks.execute import execute
from docs_build.notebooks.render import CannotShowError, notebook_markdown
from docs_build.site.pages import BUILD

log = logging.getLogger("mkdocs.plugins.docs_build.notebooks")

#: mkdocs-jupyter neither executes (`execute: false`: this hook has run the notebook)
#: nor renders (`on_pre_page`) but logs "Copied jupyter file: <temporary path> to
#: ...", which reads as if the playground never ran (and would log "Converting
#: notebook (execute=False)" if it rendered): its two loggers show warnings and
#: errors only. `execute_playgrounds` says what ran.
QUIETED = ("mkdocs.mkdocs-jupyter", "mkdocs.plugins.mkdocs_jupyter")
for _name in QUIETED:
    logging.getLogger(_name).setLevel(logging.WARNING)

#: Lesson pages: every page of a part, except the part's index.
LESSON = re.compile(r"^part\d+/(?!index\.md$)[^/]+\.md$")
#: Where the notebooks page wants its list.
LIST_MARKER = "<!-- notebook-list -->"
_TITLE = re.compile(r"^# +(.+?)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    page: str  # path under docs/
    title: str
    notebook: str  # path of the generated notebook in the site

    @property
    def filename(self) -> str:
        return posixpath.basename(self.notebook)


LESSONS: dict[str, Lesson] = {}
NAV_ORDER: list[str] = []


def notebook_path(page: str) -> str:
    """`part1/single-neuron.md` -> `notebooks/single-neuron.ipynb`."""
    return f"notebooks/{posixpath.splitext(posixpath.basename(page))[0]}.ipynb"


def page_title(markdown: str, page: str) -> str:
    match = _TITLE.search(markdown)
    return match[1] if match else posixpath.splitext(posixpath.basename(page))[0]


#: Notebooks the build executes itself (mkdocs-jupyter renders them).
EXECUTED = ("playground.ipynb",)
#: Where their executed copies live until the process ends.
_EXECUTED_DIR = tempfile.TemporaryDirectory(prefix="nnfs-notebooks-")


def execute_playgrounds(files: Any) -> None:
    """Run each notebook of EXECUTED; mkdocs-jupyter then renders the executed copy."""
    timeout = BUILD.limits.timeout
    out = Path(_EXECUTED_DIR.name)
    for file in files:
        if file.src_uri not in EXECUTED or not file.abs_src_path:
            continue
        source = Path(file.abs_src_path).read_text()
        # With the execution cache (`mkdocs serve`, which keeps it from run to run, or a
        # run's results): the executed notebook, by the hash of all it depends on.
        cache = BUILD.cache
        kept = f"{BUILD.cache_key(source)}.ipynb"
        executed = cache.document(kept) if cache is not None else None
        if executed is None:
            notebook = nbformat.reads(source, as_version=4)  # type: ignore[no-untyped-call]
            name = f"docs/{file.src_uri}"
            error = execute(notebook, BUILD.root, timeout, name=name, root=BUILD.root)
            if error is not None:
                raise PluginError(f"docs/{file.src_uri} failed when run:\n{error}")
            executed = notebook_bytes(notebook)
            cells = sum(cell.cell_type == "code" for cell in notebook.cells)
            log.info("Ran docs/%s in a fresh kernel: %d code cells passed", file.src_uri, cells)
            if cache is not None:
                cache.keep_document(kept, executed)
        target = out / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(executed)
        file.abs_src_path = str(target)


def on_files(files: Any, config: Any) -> Any:
    """Generate one notebook per lesson page; run the playground."""
    execute_playgrounds(files)
    LESSONS.clear()
    for file in list(files.documentation_pages()):
        if not LESSON.match(file.src_uri):
            continue
        markdown = file.content_string
        lesson = Lesson(
            file.src_uri, page_title(markdown, file.src_uri), notebook_path(file.src_uri)
        )
        if any(other.notebook == lesson.notebook for other in LESSONS.values()):
            log.error("%s: another lesson already makes %s", file.src_uri, lesson.notebook)
            continue
        LESSONS[file.src_uri] = lesson
        notebook = page_to_notebook(
            markdown, lesson.title, page=file.src_uri, site_url=config["site_url"] or ""
        )
        files.append(File.generated(config, lesson.notebook, content=notebook_bytes(notebook)))
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Remember the reading order, for the list of notebooks."""
    NAV_ORDER[:] = [page.file.src_uri for page in nav.pages]
    return nav


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


#: The download button's label starts with Material's download icon (inline SVG).
DOWNLOAD_ICON = ":material-download:"


def download_button(lesson: Lesson) -> str:
    href = _relative(lesson.notebook, lesson.page)
    return (
        f"[{DOWNLOAD_ICON} Download this lesson as a notebook]({href})"
        f'{{ .md-button download="{lesson.filename}" }}'
    )


def playground_button(page: str) -> str:
    """The lessons' button, for a notebook page: mkdocs-jupyter copies the notebook next
    to the page, where no Markdown link can point (MkDocs would take `x.ipynb` for the
    page itself), so the link is HTML; the icon in it is still Markdown's."""
    name = posixpath.basename(page)
    return (
        f'<a class="md-button" href="{name}" download="{name}">'
        f"{DOWNLOAD_ICON} Download this notebook</a>"
    )


def notebook_list(page: str, order: list[str]) -> str:
    """Markdown list of every lesson's notebook, in navigation order."""

    def rank(lesson: Lesson) -> tuple[int, str]:
        return (order.index(lesson.page) if lesson.page in order else len(order), lesson.page)

    ranked = sorted(LESSONS.values(), key=rank)
    return "\n".join(
        f'- [{x.title}]({_relative(x.notebook, page)}){{ download="{x.filename}" }}'
        f" (from the page [{x.title}]({_relative(x.page, page)}))"
        for x in ranked
    )


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """An executed notebook is rendered as every page is: mkdocs-jupyter (whose hook ran
    first: hooks come after plugins) gave this page its own `render`, which drops it."""
    if page.file.src_uri in EXECUTED:
        vars(page).pop("render", None)
    return page


def on_page_read_source(page: Any, config: Any, **_: Any) -> str | None:
    """An executed notebook's Markdown, its cells shown as the lessons show blocks."""
    if page.file.src_uri not in EXECUTED:
        return None
    notebook = nbformat.reads(Path(page.file.abs_src_path).read_text(), as_version=4)  # type: ignore[no-untyped-call]
    try:
        return notebook_markdown(notebook)
    except CannotShowError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **_: Any) -> str:
    lesson = LESSONS.get(page.file.src_uri)
    button = None
    if lesson is not None:
        button = download_button(lesson)
    elif page.file.src_uri in EXECUTED:
        button = playground_button(page.file.src_uri)
    if button is not None:
        title = _TITLE.search(markdown)
        if title is None:
            return f"{button}\n\n{markdown}"
        return f"{markdown[: title.end()]}\n\n{button}\n{markdown[title.end() :]}"
    if LIST_MARKER in markdown:
        return markdown.replace(LIST_MARKER, notebook_list(page.file.src_uri, NAV_ORDER))
    return markdown
