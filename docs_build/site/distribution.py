"""MkDocs hooks (listed in mkdocs.yml): what a reader can take away, and where it came from.

- `on_config`: the commit the site is built from and the versions of Python
  and NumPy that compute its outputs, for the footer (overrides/partials/copyright.html).
- `on_files`: nnfs_ref's wheel and sdist, built from this tree
  (`docs_build.site.release`), as generated files under downloads/; in the
  hosted build, also the offline copy's zip when `DIST_DIR` names the folder
  `make offline` wrote it to (`make build` does).
- `on_page_markdown`: fill the markers of the download page (the pip
  command, the files and their SHA-256, the dependencies) and the offline
  link, wherever `<!-- offline-copy -->` stands.
- `on_post_build`: the printable book (mkdocs-print-site-plugin's print page)
  gets every exercise's solution open, a label above every tab's panel, and
  a base relative to itself (`relative_base`). The offline copy, read from
  file://, gets its math font inside its style sheet (`embed_fonts`: a
  browser refuses or warns about a font fetched from a file:// page; the
  pages preload it only on the hosted site, overrides/main.html) and loses
  the 404 page, which only a web server shows and whose links are absolute.

Nothing is typed in by hand: every number on the download page is computed
from the files this build publishes. Nothing is a placeholder either: a build
without the site's address (SITE_URL) or the repository's (REPO_URL), as every
local build is, leaves out what would need them (see tests/test_placeholders.py).
"""

from __future__ import annotations

import base64
import logging
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from docs_build.core.cache import digest, file_parts
from docs_build.site.pages import BUILD
from docs_build.site.provenance import Commit, commit_of, versions
from docs_build.site.release import (
    PRINT_PAGE,
    Dists,
    build_dists,
    offline_zip_name,
    print_page_of,
)

log = logging.getLogger("mkdocs.plugins.docs_build.distribution")

#: Where the files for download go in the site.
DOWNLOADS = "downloads"
#: The folder holding the offline zip to publish (`make build` sets it to dist).
DIST_VARIABLE = "DIST_DIR"
#: Placeholders a page may hold.
INSTALL_MARKER = "<!-- nnfs-ref-install -->"
FILES_MARKER = "<!-- nnfs-ref-files -->"
OFFLINE_MARKER = "<!-- offline-copy -->"
PRINT_MARKER = "<!-- print-book -->"
#: The page all of them are written for (the home page has the offline link too).
DOWNLOAD_PAGE = "get-nnfs-ref.md"


@dataclass
class State:
    """What this build publishes (reset by every build, including each rebuild of serve)."""

    commit: Commit = field(default_factory=lambda: Commit(None))
    offline: bool = False  # this is the offline copy (Material's offline plugin is on)
    dists: Dists | None = None
    offline_zip: Path | None = None
    scratch: tempfile.TemporaryDirectory[str] | None = None
    key: str = ""  # what the dists were built from (see _sources_key)


STATE = State()


def project_root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def is_offline(config: Any) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_config(config: Any) -> Any:
    """Record the commit and the versions; the footer shows them on every page."""
    root = project_root(config)
    STATE.commit = commit_of(root)
    STATE.offline = is_offline(config)
    # overrides/main.html preloads the math font only on the hosted site (see embed_fonts).
    config["extra"]["offline_copy"] = STATE.offline
    # No REPO_URL (a local build): no repository, so neither a commit link nor
    # "Report a mistake"; the footer names the commit in plain text.
    repository = str(config["extra"].get("repository") or "").rstrip("/")
    config["extra"]["repository"] = repository
    sha = STATE.commit.sha
    config["extra"]["build"] = {
        "commit": STATE.commit.label,
        "known": sha is not None,
        "commit_url": f"{repository}/commit/{sha}" if repository and sha else "",
        **versions(),
    }
    return config


def _sources_key(root: Path) -> str:
    """A hash of what nnfs_ref's wheel is built from, and of the commit it is dated by."""
    paths = [root / "pyproject.toml", root / "README.md", root / "LICENSE"]
    paths += [p for p in (root / "nnfs_ref").rglob("*") if p.is_file()]
    return digest([STATE.commit.label, *file_parts(paths, root)])


def on_files(files: Any, config: Any) -> Any:
    """Build nnfs_ref's wheel and sdist; add them, and the offline zip, to the site.

    Under `mkdocs serve` (the execution cache is on) the wheel is built again only
    when what it is built from changed, so a save shows up quickly.
    """
    root = project_root(config)
    key = _sources_key(root) if BUILD.cache is not None else ""  # only serve reuses them
    reuse = BUILD.cache is not None and STATE.dists is not None and key == STATE.key
    if not reuse:
        if STATE.scratch is not None:
            STATE.scratch.cleanup()
        STATE.scratch = tempfile.TemporaryDirectory(prefix="nnfs-downloads-")
        try:
            STATE.dists = build_dists(root, Path(STATE.scratch.name), STATE.commit)
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        STATE.key = key
    dists = STATE.dists
    assert dists is not None
    for dist in (dists.wheel, dists.sdist):
        files.append(
            File.generated(config, f"{DOWNLOADS}/{dist.name}", abs_src_path=str(dist.path))
        )
    STATE.offline_zip = None
    folder = os.environ.get(DIST_VARIABLE)
    if folder and not STATE.offline:
        name = offline_zip_name(dists.version, STATE.commit)
        found = (root / folder / name).resolve()
        if not found.is_file():
            raise PluginError(
                f"{DIST_VARIABLE}={folder}, but {found} does not exist: "
                "run `make offline` first (`make build` does)"
            )
        STATE.offline_zip = found
        files.append(File.generated(config, f"{DOWNLOADS}/{name}", abs_src_path=str(found)))
    return files


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def site_address(config: Any) -> str:
    """The site's own address with a final slash, or "" when it has none (no SITE_URL)."""
    url = str(config["site_url"] or "")
    return url if not url or url.endswith("/") else url + "/"


def _python(requires_python: str) -> str:
    """`>=3.10` as a reader says it: "Python 3.10 or newer"."""
    simple = re.fullmatch(r">=\s*(\d+(?:\.\d+)*)", requires_python.strip())
    if simple:
        return f"Python {simple[1]} or newer"
    return f"Python `{requires_python}`" if requires_python else "Python"


def install_markdown(dists: Dists, config: Any, page: str) -> str:
    """How to install the wheel, and what it needs.

    The command always works where it is read: the offline copy installs the wheel
    it holds; the hosted site gives the wheel's address when it knows its own
    (SITE_URL), and otherwise a download link and the file's name.
    """
    wheel = dists.wheel.name
    address = site_address(config)
    if STATE.offline:
        intro = (
            "One command, in a terminal opened in the folder you unzipped (the one "
            "holding `index.html`): it installs the wheel this offline copy holds."
        )
        command = f"pip install {DOWNLOADS}/{wheel}"
    elif address:
        intro = "One command, with the wheel this site publishes:"
        command = f"pip install {address}{DOWNLOADS}/{wheel}"
    else:
        href = _relative(f"{DOWNLOADS}/{wheel}", page)
        intro = (
            f'Download the wheel, [`{wheel}`]({href}){{ download="{wheel}" }}, then '
            "install it from the folder you saved it in:"
        )
        command = f"pip install {wheel}"
    if not dists.requires:
        needs = "It depends on no other package."
    elif len(dists.requires) == 1:
        needs = (
            f"It depends on one package only, `{dists.requires[0]}`, "
            "which pip installs with it if you do not have it yet."
        )
    else:
        listed = ", ".join(f"`{requirement}`" for requirement in dists.requires)
        needs = f"It depends on {listed}, which pip installs with it."
    python = _python(dists.requires_python)
    return (
        f"{intro}\n\n```sh\n{command}\n```\n\n"
        f"That is `nnfs_ref` {dists.version}, for {python}. {needs}"
    )


def files_markdown(dists: Dists, page: str) -> str:
    """A table of the files for download: link, size and SHA-256."""
    rows = [
        ("Wheel (what pip installs)", dists.wheel),
        ("Source distribution", dists.sdist),
    ]
    lines = ["| File | Size | SHA-256 |", "| --- | --- | --- |"]
    for what, dist in rows:
        href = _relative(f"{DOWNLOADS}/{dist.name}", page)
        lines.append(f"| {what}: [`{dist.name}`]({href}) | {_size(dist.path)} | `{dist.sha256}` |")
    return "\n".join(lines)


#: Markdown's class for a paragraph that a printout leaves out (docs/stylesheets/print.css).
SCREEN_ONLY = "\n{: .nnfs-screen-only }"


def offline_markdown(page: str) -> str:
    """The offline copy's link; without one, a word on the download page only.

    Written for readers: how a developer adds the zip (`make build`) is in the README.
    The link, relative, is dead on paper, and "you are reading the offline copy" is
    untrue there: neither is printed (SCREEN_ONLY).
    """
    if STATE.offline:
        return (
            "You are reading the offline copy: it opens from your disk, with no network. "
            "The hosted site has the newest one." + SCREEN_ONLY
        )
    if STATE.offline_zip is None:
        if page != DOWNLOAD_PAGE:
            return ""
        notebooks = _relative("notebooks.md", page)
        return (
            "This copy of the site has no offline download. Each lesson is still a "
            f"[notebook]({notebooks}) you can download and run on your own machine."
        )
    name = STATE.offline_zip.name
    href = _relative(f"{DOWNLOADS}/{name}", page)
    return (
        f'[Download the offline copy of the whole site]({href}){{ download="{name}" }} '
        f"(`{name}`, {_size(STATE.offline_zip)}): unzip it and open `index.html` in your "
        "browser. It works with no network, search included, and holds the `nnfs_ref` wheel."
        + SCREEN_ONLY
    )


def print_enabled(config: Any) -> bool:
    plugin = config["plugins"].get("print-site")
    return bool(plugin is not None and plugin.config.get("enabled"))


def print_markdown(page: str, config: Any) -> str:
    """The link to the printable book (written after the build, so a plain HTML link)."""
    if not print_enabled(config):  # `make serve` leaves the book out (see the README)
        return (
            "<p>This copy of the site has no printable book; you can still print any "
            "lesson from your browser.</p>"
        )
    target = f"{PRINT_PAGE}/" if config["use_directory_urls"] else f"{PRINT_PAGE}.html"
    base = posixpath.dirname(page)
    if config["use_directory_urls"] and not page.endswith("index.md"):
        base = posixpath.join(base, posixpath.splitext(posixpath.basename(page))[0])
    href = posixpath.relpath(target, base or ".") + ("/" if target.endswith("/") else "")
    return (
        f'<p><a href="{href}">The whole book</a> puts every lesson on one page, in reading '
        "order, with the code of every tab and every solution shown: print it from your "
        "browser, or save it as a PDF.</p>"
    )


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **_: Any) -> str:
    page_path = page.file.src_uri
    if STATE.dists is not None:
        if INSTALL_MARKER in markdown:
            install = install_markdown(STATE.dists, config, page_path)
            markdown = markdown.replace(INSTALL_MARKER, install)
        if FILES_MARKER in markdown:
            markdown = markdown.replace(FILES_MARKER, files_markdown(STATE.dists, page_path))
    if OFFLINE_MARKER in markdown:
        markdown = markdown.replace(OFFLINE_MARKER, offline_markdown(page_path))
    if PRINT_MARKER in markdown:
        markdown = markdown.replace(PRINT_MARKER, print_markdown(page_path, config))
    return markdown


# The printable book -----------------------------------------------------------

_TABBED_SET = re.compile(r'<div class="tabbed-set[^"]*"[^>]*>')
_LABELS = re.compile(r'<div class="tabbed-labels">(.*?)</div>', re.DOTALL)
_LABEL = re.compile(r"<label[^>]*>(.*?)</label>", re.DOTALL)
_BLOCK = '<div class="tabbed-block">'
_DETAILS = re.compile(r"<details(?![^>]*\bopen\b)")


def label_tabs(html: str) -> str:
    """Put each tab's label above its panel, so a printout shows every panel with its name."""
    out: list[str] = []
    position = 0
    for match in _TABBED_SET.finditer(html):
        if match.start() < position:
            continue  # a set nested in one already labelled
        labels_match = _LABELS.search(html, match.end())
        if labels_match is None:
            raise PluginError("print page: a tabbed set without labels")
        labels = _LABEL.findall(labels_match[1])
        cursor = labels_match.end()
        out.append(html[position:cursor])
        for label in labels:
            block = html.find(_BLOCK, cursor)
            if block < 0:
                raise PluginError(f"print page: no panel for the tab {label!r}")
            block += len(_BLOCK)
            out.append(html[cursor:block])
            out.append(f'<p class="print-tab-label">{label}</p>')
            cursor = block
        position = cursor
    out.append(html[position:])
    return "".join(out)


def open_solutions(html: str) -> str:
    """Every collapsible block (exercises' solutions) open."""
    return _DETAILS.sub("<details open", html)


#: Material's settings for its scripts, in every page.
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)')


def relative_base(html: str, page: str) -> str:
    """The print page's `base` for Material's scripts (where the search index is), made
    relative to `page`, its path in the site.

    mkdocs-print-site-plugin renders the page with the 404 page's context, whose base
    is absolute (`/`): from file:// the offline copy's book asked for
    file:///search/search_index.js.
    """
    base = posixpath.relpath(".", posixpath.dirname(page) or ".")
    found = _CONFIG_SCRIPT.search(html)
    if found is None or '"base": ' not in found[2]:
        raise PluginError(f"{page}: no Material configuration (__config) with a base")
    settings = re.sub(r'"base": "[^"]*"', f'"base": "{base}"', found[2], count=1)
    return html[: found.start(2)] + settings + html[found.end(2) :]


#: A font a style sheet loads from a file of the site: `url("../assets/x.woff2")`.
_FONT_URL = re.compile(r'url\("(?P<path>[^":]+\.woff2)"\)')
#: The style sheets of the site that load fonts (mkdocs.yml's extra_css).
FONT_STYLESHEETS = ("stylesheets/extra.css",)


def embed_fonts(site: Path) -> None:
    """Put each font that `FONT_STYLESHEETS` load from the site into the sheet itself,
    as a data: URL, so that a page read from file:// fetches no font."""
    for name in FONT_STYLESHEETS:
        sheet = site / name

        def inline(match: re.Match[str], sheet: Path = sheet) -> str:
            font = (sheet.parent / match["path"]).resolve()
            data = base64.b64encode(font.read_bytes()).decode()
            return f'url("data:font/woff2;base64,{data}")'

        css = sheet.read_text(encoding="utf-8")
        embedded, count = _FONT_URL.subn(inline, css)
        if count == 0:
            raise PluginError(f"{name} loads no font to embed in the offline copy")
        sheet.write_text(embedded, encoding="utf-8")


def on_post_build(config: Any) -> None:
    """Finish the offline copy (fonts embedded, no 404 page) and the printable book
    (solutions open, tabs labelled, a relative base)."""
    site = Path(config["site_dir"])
    if STATE.offline:
        embed_fonts(site)
        (site / "404.html").unlink(missing_ok=True)
    if not print_enabled(config):
        return
    try:
        page = print_page_of(site)
    except FileNotFoundError as error:
        raise PluginError(str(error)) from error
    html = page.read_text(encoding="utf-8")
    if "autorefs-internal" in html:
        # mkdocs-print-site-plugin 2.9 picks the target of such a link from a set, in
        # an order that changes from one run to the next: the build would differ.
        raise PluginError(
            "the print page has an API cross-reference (autorefs): leave its page out "
            "of the book (print-site's exclude in mkdocs.yml and mkdocs-offline.yml)"
        )
    html = relative_base(html, page.relative_to(site).as_posix())
    page.write_text(open_solutions(label_tabs(html)), encoding="utf-8")
