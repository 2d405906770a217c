"""No placeholder address reaches a reader (issue 19, item 10).

A local build has no SITE_URL or REPO_URL (only the Pages workflow sets them):
it must leave out what needs them, never point at a stand-in such as
`https://nnfs-companion.example/` or `https://github.com/example/...`. The
shared built site (`built_site`, built as `make build` builds it, with the
offline zip) is scanned where a reader meets an address: every HTML page, the
search index, the sitemap, every notebook, the wheel and sdist it publishes,
and every text file of the offline zip (tests/test_pdf.py scans the printed
book's text with the same pattern). The scan is first shown to catch a
placeholder in each kind of file, so a pass means something.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import load_config

from tests.conftest import BuiltSite
from tests.sitebuild import ROOT

#: A placeholder address, written out or percent-encoded (as in the footer's
#: issue link): a URL on a host under the reserved `.example` domain, such a host
#: followed by a path, this project's own former stand-in, or GitHub's `example`
#: account. Not a bare `.example` (Material's CSS has `.admonition.example`).
PLACEHOLDER = re.compile(
    r"https?(?::|%3A)(?://|%2F%2F)[\w.-]*\.example\b"
    r"|\b[\w-]+(?:\.[\w-]+)*\.example(?:/|%2F)"
    r"|nnfs-companion\.example"
    r"|github\.com(?:/|%2F)example(?:/|%2F|\b)",
    re.IGNORECASE,
)
#: Files a reader's browser, Jupyter or pip reads as text.
TEXT_SUFFIXES = {".html", ".json", ".js", ".css", ".xml", ".ipynb", ".txt", ".svg"}
#: Inside a wheel or sdist: the metadata pip shows and the package's files.
PACKAGE_SUFFIXES = {".py", ".txt", ".md", ".toml", ""}


def placeholders_in(text: str) -> list[str]:
    return [m[0] for m in PLACEHOLDER.finditer(text)]


def package_texts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """The text files of a wheel (a zip) or an sdist (a .tar.gz), by name."""
    if name.endswith(".whl"):
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            for member in wheel.namelist():
                if Path(member).suffix in PACKAGE_SUFFIXES:
                    yield f"{name}!{member}", wheel.read(member).decode("utf-8")
    elif name.endswith(".tar.gz"):
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as sdist:
            for info in sdist.getmembers():
                handle = sdist.extractfile(info) if info.isfile() else None
                if handle is not None and Path(info.name).suffix in PACKAGE_SUFFIXES:
                    yield f"{name}!{info.name}", handle.read().decode("utf-8")


def texts_of_zip(archive: Path) -> Iterator[tuple[str, str]]:
    """Every text file of a zip (the offline copy), and of the packages it holds."""
    with zipfile.ZipFile(archive) as opened:
        for member in opened.namelist():
            suffix = Path(member).suffix
            if suffix in TEXT_SUFFIXES:
                yield f"{archive.name}!{member}", opened.read(member).decode("utf-8")
            elif member.endswith((".whl", ".tar.gz")):
                yield from package_texts(f"{archive.name}!{member}", opened.read(member))


def texts_of_site(site: Path) -> Iterator[tuple[str, str]]:
    """Every text file of a built site (pages, search index, sitemap, notebooks, styles
    and scripts), the packages under downloads/, and every text file of the offline
    zip there."""
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix in TEXT_SUFFIXES:
            yield name, path.read_text(encoding="utf-8")
        elif path.suffix == ".zip":
            yield from texts_of_zip(path)
        elif name.endswith((".whl", ".tar.gz")):
            yield from package_texts(name, path.read_bytes())


def scan(texts: Iterator[tuple[str, str]]) -> tuple[int, dict[str, list[str]]]:
    """How many files were read, and the placeholders found, by file."""
    count, found = 0, dict[str, list[str]]()
    for name, text in texts:
        count += 1
        if hits := placeholders_in(text):
            found[name] = sorted(set(hits))
    return count, found


def test_the_scan_finds_a_placeholder_in_every_kind_of_file(tmp_path: Path) -> None:
    """A fake site with one placeholder per kind of file: each is found, nothing else."""
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "notebooks").mkdir()
    (site / "downloads").mkdir()
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://nnfs-companion.example/">'
    )
    (site / "clean.html").write_text('<div class="admonition example">x.example</div>')
    (site / "search/search_index.json").write_text(
        json.dumps({"docs": [{"text": "pip install https://docs.example/downloads/x.whl"}]})
    )
    (site / "notebooks/a.ipynb").write_text(
        json.dumps({"cells": [{"source": "[the layer](https://site.example/part1/layer/)"}]})
    )
    (site / "sitemap.xml").write_text("<loc>https://x.example/</loc>")
    wheel = io.BytesIO()
    with zipfile.ZipFile(wheel, "w") as opened:
        opened.writestr("p-1.dist-info/METADATA", "Project-URL: https://github.com/example/p")
    with zipfile.ZipFile(site / "downloads/offline.zip", "w") as opened:
        opened.writestr("copy/part1/layer.html", "body=Page%3A%20https%3A//n.example/part1/")
        opened.writestr("copy/assets/main.css", ".md-typeset .admonition.example{color:red}")
        opened.writestr("copy/downloads/p-1-py3-none-any.whl", wheel.getvalue())
    count, found = scan(texts_of_site(site))
    assert count == 8  # the css of the zip too
    assert found == {
        "index.html": ["https://nnfs-companion.example"],
        "search/search_index.json": ["https://docs.example"],
        "notebooks/a.ipynb": ["https://site.example"],
        "sitemap.xml": ["https://x.example"],
        "offline.zip!copy/part1/layer.html": ["https%3A//n.example"],
        "offline.zip!copy/downloads/p-1-py3-none-any.whl!p-1.dist-info/METADATA": [
            "github.com/example/"
        ],
    }
    # Each form of the pattern on its own, and what it leaves alone.
    assert placeholders_in("https%3A%2F%2Fa.example%2Fb") == ["https%3A%2F%2Fa.example"]
    assert placeholders_in("see nnfs-companion.example or github.com/example") == [
        "nnfs-companion.example",
        "github.com/example",
    ]
    assert placeholders_in("host.example/path") == ["host.example/"]
    assert placeholders_in(".admonition.example, details.example>x; example.py") == []


def test_the_built_site_names_no_placeholder_address(built_site: BuiltSite) -> None:
    count, found = scan(texts_of_site(built_site.root))
    assert count > 40, "pages, notebooks, the search index, the packages and the zip"
    assert found == {}
    # The zip the site publishes is the one the shared build made: it was read.
    [archive] = built_site.dist.glob("*.zip")
    assert (built_site.root / "downloads" / archive.name).read_bytes() == archive.read_bytes()


def test_without_addresses_the_site_leaves_out_what_needs_them(built_site: BuiltSite) -> None:
    """No canonical link, no sitemap entry, no link to a commit or to the issue form:
    the shared build has no SITE_URL or REPO_URL, unless the environment gives them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    site_url, repository = config["site_url"], config["extra"]["repository"]
    home = (built_site.root / "index.html").read_text()
    layer = (built_site.root / "part1/layer/index.html").read_text()
    sitemap = (built_site.root / "sitemap.xml").read_text()
    if site_url:
        assert f'<link rel="canonical" href="{site_url}part1/layer/">' in layer
        assert f"<loc>{site_url}part1/layer/</loc>" in sitemap
    else:
        assert 'rel="canonical"' not in home + layer
        assert "<loc>" not in sitemap
    footer = layer[layer.index('<footer class="md-footer">') :]
    if repository:
        assert f'href="{repository}/commit/' in footer
        assert "Report a mistake</a>" in footer
    else:
        assert "/commit/" not in footer
        assert "Report a mistake" not in footer
        assert "/issues/new" not in footer
