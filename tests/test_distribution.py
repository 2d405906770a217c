"""What readers take away (issue 13): nnfs_ref's wheel, the footer, the book page, the configs.

Most checks read the shared built site (`built_site`, which also holds the
offline zip it publishes); tests/browser/test_offline.py opens that zip in
Chromium, and tests/test_pdf.py prints the book. The hooks of
docs_build/site/distribution.py are also run in this process on the real
configuration, for what one build cannot show (a missing zip, the offline
build's own page).
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bench.browser import pages_of
from bench.server import serve
from docs_build.core.fences import find_fences
from docs_build.core.settings import read_config
from docs_build.site import distribution
from docs_build.site.provenance import Commit, commit_of, versions
from docs_build.site.release import (
    Dists,
    build_dists,
    offline_zip_name,
    wheel_metadata,
    zip_folder,
)
from tests.conftest import BuiltSite
from tests.sitebuild import ROOT, project_version

#: The addresses the Pages workflow would set for a fork (SITE_URL, REPO_URL).
FORK_SITE = "https://octocat.github.io/fork/"
FORK_REPOSITORY = "https://github.com/octocat/fork"
LESSON = re.compile(r"^part\d+/(?!index\.md$)[^/]+\.md$")


def wheel_of(site: Path) -> Path:
    [wheel] = sorted((site / "downloads").glob("nnfs_ref-*-py3-none-any.whl"))
    return wheel


def text_of(html: str) -> str:
    """The visible text of some HTML, tags dropped and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


# The two configurations ------------------------------------------------------


def plugin_entries(config: dict[str, Any]) -> list[Any]:
    return list(config["plugins"])


def plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def test_both_configs_list_the_same_plugins_apart_from_offline() -> None:
    """INHERIT replaces the plugin list: mkdocs-offline.yml must repeat mkdocs.yml's."""
    hosted = plugin_entries(read_config(ROOT / "mkdocs.yml"))
    offline = plugin_entries(read_config(ROOT / "mkdocs-offline.yml"))
    assert "offline" in offline
    assert [entry for entry in offline if entry != "offline"] == hosted
    # print-site collects what the others made: it stays last in both.
    assert plugin_name(hosted[-1]) == plugin_name(offline[-1]) == "print-site"


def test_the_offline_build_gets_the_local_search_shim_not_the_cdn() -> None:
    config = load_config(str(ROOT / "mkdocs-offline.yml"))
    plugin = config["plugins"]["material/offline"]
    plugin.on_config(config)
    polyfills = config["extra"]["polyfills"]
    assert polyfills == ["assets/vendor/iframe-worker/shim.js"]  # nothing added by the plugin
    shim = ROOT / "docs" / polyfills[0]
    assert "IFrameWorker" in shim.read_text()
    licence = (shim.parent / "LICENSE").read_text()
    assert "Permission is hereby granted, free of charge" in licence  # MIT
    assert not config["use_directory_urls"]  # what the offline plugin sets for file://


def test_the_hosted_config_has_no_shim_and_no_offline_plugin() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "material/offline" not in config["plugins"]
    assert "polyfills" not in config["extra"]


def configured_addresses() -> tuple[str, str]:
    """The site's and the repository's addresses mkdocs.yml gives in this environment
    ("" unless SITE_URL and REPO_URL are set): what the shared build was built with."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return str(config["site_url"] or ""), str(config["extra"]["repository"] or "")


@pytest.mark.parametrize("variable", ["SITE_URL", "REPO_URL"])
def test_addresses_come_from_the_environment_and_nothing_stands_in_for_them(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def address() -> str:
        site, repository = configured_addresses()
        return site if variable == "SITE_URL" else repository

    monkeypatch.delenv(variable, raising=False)
    assert address() == "", "no placeholder address: a local build has none"
    monkeypatch.setenv(variable, FORK_SITE)
    assert address().startswith(FORK_SITE.rstrip("/"))
    # The engine's own reader of mkdocs.yml copes with the !ENV tag.
    assert read_config(ROOT / "mkdocs.yml")["site_url"] is None


# The wheel ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """nnfs_ref's wheel and sdist, built from this tree once for the module."""
    return build_dists(ROOT, tmp_path_factory.mktemp("dists"))


def test_the_site_publishes_the_wheel_and_sdist_of_this_tree(
    built_site: BuiltSite, dists: Dists
) -> None:
    """Built from the same tree, now: the same bytes (dated by the commit, not the clock)."""
    again = dists
    for dist in (again.wheel, again.sdist):
        published = built_site.root / "downloads" / dist.name
        assert published.read_bytes() == dist.path.read_bytes(), dist.name
    assert again.version == project_version()
    with zipfile.ZipFile(again.wheel.path) as wheel:
        names = wheel.namelist()
        dates = {info.date_time for info in wheel.infolist()}
    assert "nnfs_ref/vectorized.py" in names
    assert "nnfs_ref/py.typed" in names
    assert not [n for n in names if "docs_build" in n or "tests/" in n or n.endswith(".pyc")]
    assert len(dates) == 1  # one date for every file


def test_the_download_page_gives_the_command_the_checksum_and_the_dependencies(
    built_site: BuiltSite,
) -> None:
    wheel = wheel_of(built_site.root)
    html = (built_site.root / "get-nnfs-ref/index.html").read_text()
    text = text_of(html)
    site, _ = configured_addresses()
    if site:  # the Pages build: the wheel's address
        assert f"pip install {site}downloads/{wheel.name}" in text
    else:  # a local build: a download link, then the file (test_install_command_* has both)
        assert f"Download the wheel, {wheel.name}, then install it" in text
        assert f'download="{wheel.name}" href="../downloads/{wheel.name}"' in html
        assert f"pip install {wheel.name}" in text
    assert "for Python 3.10 or newer" in text
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() in text
    sdist = next((built_site.root / "downloads").glob("nnfs_ref-*.tar.gz"))
    assert hashlib.sha256(sdist.read_bytes()).hexdigest() in text
    requires = [r for r in wheel_metadata(wheel)["Requires-Dist"] if "extra ==" not in r]
    assert len(requires) == 1
    assert requires[0].startswith("numpy")
    assert f"It depends on one package only, {requires[0]}" in text.replace("&gt;", ">")
    assert f'href="../downloads/{wheel.name}"' in html
    # The shared build publishes the offline zip, as `make build` does, and links it.
    [archive] = (built_site.root / "downloads").glob("nnfs-companion-offline-*.zip")
    assert f'href="../downloads/{archive.name}"' in html
    assert 'href="../print_page/"' in html


def test_the_download_page_is_in_the_navigation(built_site: BuiltSite) -> None:
    assert "get-nnfs-ref/" in pages_of(built_site.root)


@pytest.fixture
def served(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.root) as url:
        yield url


def reference_examples() -> str:
    """The console blocks of the API reference page, as one doctest text."""
    page = (ROOT / "docs/reference.md").read_text()
    blocks = [f.body for f in find_fences(page) if f.language == "pycon" and f.executed]
    assert len(blocks) >= 3
    return "\n".join(blocks)


@pytest.mark.slow
def test_the_wheel_installs_from_the_site_and_runs_the_reference_examples(
    built_site: BuiltSite, served: str, tmp_path: Path
) -> None:
    """pip install <site>/downloads/<wheel> into an empty venv, then the page's examples."""
    wheel = wheel_of(built_site.root)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, system_site_packages=False)
    python = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    url = f"{served}downloads/{wheel.name}"
    subprocess.run(
        [*pip, "install", "-q", "-c", str(ROOT / "constraints.txt"), url],
        check=True, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    listing = subprocess.run(
        [*pip, "list", "--format=json"], capture_output=True, text=True, check=True
    ).stdout
    assert {p["name"].lower().replace("_", "-") for p in json.loads(listing)} == {
        "nnfs-ref",
        "numpy",
    }
    examples = tmp_path / "reference.txt"
    examples.write_text(reference_examples())
    script = (
        "import doctest, sys, nnfs_ref\n"
        "print(nnfs_ref.__file__)\n"
        "failed, tried = doctest.testfile(sys.argv[1], module_relative=False,\n"
        f"    optionflags={doctest.ELLIPSIS})\n"
        "print(failed, tried)\n"
    )
    run = subprocess.run(
        [str(python), "-c", script, str(examples)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    location, counts = run.stdout.strip().splitlines()[0], run.stdout.strip().splitlines()[-1]
    assert location.startswith(str(env_dir)), "nnfs_ref must come from the installed wheel"
    failed, tried = map(int, counts.split())
    assert failed == 0, run.stdout
    assert tried >= 10, run.stdout


# The footer: commit, versions, report link ---------------------------------------


def provenance_line() -> str:
    commit = commit_of(ROOT)
    found = versions()
    return (
        f"Built from commit {commit.label}; outputs computed by "
        f"Python {found['python']} and NumPy {found['numpy']}."
    )


def test_every_page_names_its_commit_and_versions(built_site: BuiltSite) -> None:
    """The shared build's footer, with the links its environment allows (a local build:
    none; test_the_footer_links_* renders the footer with and without the addresses)."""
    commit = commit_of(ROOT)
    site, repository = configured_addresses()
    pages = pages_of(built_site.root)
    assert len(pages) > 10
    for path in pages:
        html = (built_site.root / path / "index.html").read_text()
        footer = html[html.index('<footer class="md-footer">') :]
        assert provenance_line() in text_of(footer), path
        report = re.search(r'<a href="([^"]+)">Report a mistake</a>', footer)
        if not repository:
            assert "/commit/" not in footer, path
            assert report is None, path
            continue
        assert f'href="{repository}/commit/{commit.sha}"' in footer
        assert report, path
        href = report[1].replace("&amp;", "&")
        assert href.startswith(f"{repository}/issues/new?title=")
        where = f"{site}{path}" if site else path
        assert where.replace(":", "%3A") in href, path


def render_footer(monkeypatch: pytest.MonkeyPatch, site: str, repository: str) -> str:
    """overrides/partials/copyright.html for the page part1/layer/, with these addresses
    in SITE_URL and REPO_URL ("" unsets one), rendered by the theme's own Jinja."""
    for variable, value in (("SITE_URL", site), ("REPO_URL", repository)):
        if value:
            monkeypatch.setenv(variable, value)
        else:
            monkeypatch.delenv(variable, raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    distribution.on_config(config)
    page = SimpleNamespace(
        title="A layer of neurons",
        url="part1/layer/",
        canonical_url=f"{site}part1/layer/" if site else None,
    )
    template = config.theme.get_env().get_template("partials/copyright.html")
    return str(template.render(config=config, page=page))


def test_the_footer_links_the_commit_and_the_issue_form_of_a_known_repository(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commit = commit_of(ROOT)
    footer = render_footer(monkeypatch, FORK_SITE, FORK_REPOSITORY)
    assert provenance_line() in text_of(footer)
    assert f'href="{FORK_REPOSITORY}/commit/{commit.sha}"' in footer
    report = re.search(r'<a href="([^"]+)">Report a mistake</a>', footer)
    assert report
    href = report[1].replace("&amp;", "&")
    assert href.startswith(f"{FORK_REPOSITORY}/issues/new?title=Mistake%20on%3A%20A%20layer")
    assert f"Page%3A%20{FORK_SITE}part1/layer/".replace("https:", "https%3A") in href
    # A repository but no site address: the page is named by its path.
    footer = render_footer(monkeypatch, "", FORK_REPOSITORY)
    assert "Page%3A%20part1/layer/%0A" in footer


def test_the_footer_links_nothing_without_a_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    footer = render_footer(monkeypatch, FORK_SITE, "")
    assert provenance_line() in text_of(footer)
    assert "<a " not in footer.split('class="nnfs-provenance"')[1]
    assert "Report a mistake" not in footer


def test_the_commit_comes_from_git(tmp_path: Path) -> None:
    """A checkout gives its HEAD (and +uncommitted when changed); a plain folder, no commit."""
    assert commit_of(tmp_path) == Commit(None)
    assert Commit(None).label == "unknown commit"
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("a")
    subprocess.run([*git, "add", "a.txt"], check=True)
    env = {**os.environ, "GIT_COMMITTER_DATE": "2001-09-09T01:46:40Z"}
    subprocess.run([*git, "commit", "-qm", "a"], check=True, env=env)
    head = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    clean = commit_of(tmp_path)
    assert clean == Commit(head, dirty=False, timestamp=1_000_000_000)
    assert clean.label == head[:12]
    (tmp_path / "a.txt").write_text("b")
    assert commit_of(tmp_path).label == f"{head[:12]}+uncommitted"
    assert offline_zip_name("1.2.3", commit_of(tmp_path)) == (
        f"nnfs-companion-offline-1.2.3-{head[:12]}-uncommitted.zip"
    )
    inner = tmp_path / "inner"
    inner.mkdir()
    assert commit_of(inner) == Commit(None), "a folder inside a checkout is not the checkout"


# The offline zip ---------------------------------------------------------------


def test_the_zip_has_sorted_entries_one_date_and_the_same_bytes(tmp_path: Path) -> None:
    """Same files, other dates and another creation order: the same zip, byte for byte."""
    zips = []
    for attempt, names in enumerate([["b.txt", "a/c.txt"], ["a/c.txt", "b.txt"]]):
        folder = tmp_path / f"site{attempt}"
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(name * 100)
            os.utime(folder / name, (1_700_000_000 + attempt, 1_700_000_000 + attempt * 77))
        zips.append(zip_folder(folder, tmp_path / f"{attempt}.zip", "copy", 1_000_000_000))
    assert zips[0].read_bytes() == zips[1].read_bytes()
    with zipfile.ZipFile(zips[0]) as archive:
        assert archive.namelist() == ["copy/a/c.txt", "copy/b.txt"]
        assert {info.date_time for info in archive.infolist()} == {(2001, 9, 9, 1, 46, 40)}
        assert archive.read("copy/b.txt") == b"b.txt" * 100


def run_hooks(
    config_file: str,
    page_markdown: str,
    dists: Dists,
    monkeypatch: pytest.MonkeyPatch,
    page: str = "index.md",
) -> tuple[Files, str]:
    """The distribution hooks on the real configuration: on_config, on_files, one page
    (with `dists` as the wheel and sdist on_files builds)."""
    monkeypatch.setattr(distribution, "build_dists", lambda *_, **__: dists)
    config = load_config(str(ROOT / config_file))
    config["plugins"]._current_plugin = "distribution"  # as MkDocs sets it around each hook
    distribution.on_config(config)
    files = distribution.on_files(Files([]), config)
    source = SimpleNamespace(file=SimpleNamespace(src_uri=page))
    return files, distribution.on_page_markdown(page_markdown, source, config, files)


@pytest.mark.parametrize(
    ("config_file", "site", "command"),
    [
        ("mkdocs.yml", FORK_SITE, f"pip install {FORK_SITE}downloads/{{wheel}}"),
        ("mkdocs.yml", "", "pip install {wheel}"),
        ("mkdocs-offline.yml", FORK_SITE, "pip install downloads/{wheel}"),
        ("mkdocs-offline.yml", "", "pip install downloads/{wheel}"),
    ],
    ids=["hosted-with-address", "hosted-without", "offline-with-address", "offline-without"],
)
def test_install_command_works_where_it_is_read(
    config_file: str, site: str, command: str, monkeypatch: pytest.MonkeyPatch, dists: Dists
) -> None:
    """The wheel's address when the site has one; otherwise a download link and the file;
    the offline copy installs the wheel it holds, from the unzipped folder."""
    monkeypatch.delenv("DIST_DIR", raising=False)
    if site:
        monkeypatch.setenv("SITE_URL", site)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    _, markdown = run_hooks(
        config_file, "<!-- nnfs-ref-install -->", dists, monkeypatch, page="get-nnfs-ref.md"
    )
    wheel = dists.wheel.name
    assert f"```sh\n{command.format(wheel=wheel)}\n```" in markdown
    if config_file == "mkdocs.yml" and not site:
        assert f'[`{wheel}`](downloads/{wheel}){{ download="{wheel}" }}' in markdown
    if config_file == "mkdocs-offline.yml":
        assert "the folder you unzipped" in markdown
    assert "example" not in markdown


def test_the_offline_copys_install_command_names_the_wheel_it_holds(
    built_site: BuiltSite,
) -> None:
    """Run from the unzipped folder, `pip install downloads/<wheel>` finds the wheel the
    hosted site publishes, byte for byte (tests/browser/test_offline.py unzips it)."""
    [archive] = built_site.dist.glob("*.zip")
    top = archive.name.removesuffix(".zip")
    with zipfile.ZipFile(archive) as opened:
        page = text_of(opened.read(f"{top}/get-nnfs-ref.html").decode())
        command = re.search(r"pip install (\S+)", page)
        assert command, "the offline copy gives a pip command"
        target = command[1]
        assert not target.startswith(("http:", "https:", "/")), target
        wheel = opened.read(f"{top}/{target}")
    assert wheel == wheel_of(built_site.root).read_bytes()


def test_the_hosted_build_publishes_and_links_the_offline_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dists: Dists
) -> None:
    """What `make build` does after `make offline`: the zip becomes a file of the site."""
    name = offline_zip_name(dists.version, commit_of(ROOT))
    (tmp_path / name).write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip
    monkeypatch.setenv("DIST_DIR", str(tmp_path))
    files, markdown = run_hooks(
        "mkdocs.yml", "Take it with you: <!-- offline-copy -->", dists, monkeypatch
    )
    published = files.get_file_from_path(f"downloads/{name}")
    assert published is not None
    assert published.abs_src_path == str(tmp_path / name)
    assert f"[Download the offline copy of the whole site](downloads/{name})" in markdown
    (tmp_path / name).unlink()
    with pytest.raises(PluginError, match="run `make offline` first"):
        run_hooks("mkdocs.yml", "", dists, monkeypatch)


def test_the_offline_copy_does_not_link_to_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dists: Dists
) -> None:
    monkeypatch.setenv("DIST_DIR", str(tmp_path))  # ignored by the offline build
    files, markdown = run_hooks("mkdocs-offline.yml", "<!-- offline-copy -->", dists, monkeypatch)
    assert [f.src_uri for f in files if f.src_uri.endswith(".zip")] == []
    assert markdown.startswith("You are reading the offline copy")
    assert ".zip" not in markdown


# The printable book -------------------------------------------------------------


def lesson_titles() -> list[str]:
    """Every lesson's title (its first heading), in reading order (the navigation's)."""
    nav = read_config(ROOT / "mkdocs.yml")["nav"]

    def walk(items: list[Any]) -> Iterator[str]:
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, list):
                yield from walk(value)
            elif LESSON.match(value):
                yield value

    titles = []
    for page in walk(nav):
        heading = re.search(r"^# +(.+?)\s*$", (ROOT / "docs" / page).read_text(), re.M)
        assert heading, page
        titles.append(heading[1].replace("`", ""))
    return titles


def test_the_book_page_holds_every_lesson_in_reading_order(built_site: BuiltSite) -> None:
    html = (built_site.root / "print_page/index.html").read_text()
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    headings = [text_of(re.sub(r"<a class=.headerlink.*?</a>", "", h)) for h in found]
    titles = lesson_titles()
    assert len(titles) >= 10
    positions = [headings.index(title) for title in titles]  # ValueError: a lesson is missing
    assert positions == sorted(positions), "lessons out of reading order"


def test_the_book_page_opens_every_solution_and_labels_every_tab(built_site: BuiltSite) -> None:
    html = (built_site.root / "print_page/index.html").read_text()
    details = re.findall(r"<details\b[^>]*>", html)
    assert len(details) > 10
    assert [tag for tag in details if " open" not in tag] == []
    blocks = html.count('<div class="tabbed-block">')
    labels = re.findall(r'<div class="tabbed-block"><p class="print-tab-label">([^<]+)</p>', html)
    assert blocks > 4
    assert len(labels) == blocks
    assert {"Plain Python", "NumPy"} <= set(labels)


def test_the_book_page_is_left_out_of_search_and_the_sitemap(built_site: BuiltSite) -> None:
    index = json.loads((built_site.root / "search/search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("part1/dot-product/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith("print_page")]
    assert "print_page" not in (built_site.root / "sitemap.xml").read_text()


def test_the_book_pages_base_is_relative_to_it(built_site: BuiltSite) -> None:
    """Material finds the search index from its `base`: print-site renders the book with
    the 404 page's absolute one, and from file:// the offline copy's book asked for
    file:///search/search_index.js."""
    html = (built_site.root / "print_page/index.html").read_text()
    assert '"base": ".."' in html


def test_relative_base_makes_the_base_of_materials_scripts_relative_to_the_page() -> None:
    page = (
        '<head><script id="__config" type="application/json">{"annotate": null, '
        '"base": "/", "features": []}</script></head>'
    )
    for path, base in [("print_page/index.html", ".."), ("print_page.html", ".")]:
        done = distribution.relative_base(page, path)
        assert done == page.replace('"base": "/"', f'"base": "{base}"')
    with pytest.raises(PluginError, match="no Material configuration"):
        distribution.relative_base("<head></head>", "print_page.html")


def test_the_offline_copy_holds_its_fonts_in_its_style_sheet(tmp_path: Path) -> None:
    """From file:// a browser refuses a font fetched by a page (a preload) or warns:
    the offline copy's style sheet carries the font itself."""
    font = b"wOF2 not really a font"
    (tmp_path / "assets/fonts").mkdir(parents=True)
    (tmp_path / "assets/fonts/math.woff2").write_bytes(font)
    (tmp_path / "stylesheets").mkdir()
    sheet = tmp_path / "stylesheets/extra.css"
    sheet.write_text('@font-face { src: url("../assets/fonts/math.woff2") format("woff2"); }')
    distribution.embed_fonts(tmp_path)
    [data] = re.findall(r'url\("data:font/woff2;base64,([^"]+)"\)', sheet.read_text())
    assert base64.b64decode(data) == font
    with pytest.raises(PluginError, match="no font to embed"):
        distribution.embed_fonts(tmp_path)  # already embedded: nothing left to load


def test_only_the_offline_copy_is_told_it_is_offline() -> None:
    """overrides/main.html preloads the math font on the hosted site only."""
    for config_file, offline in [("mkdocs.yml", False), ("mkdocs-offline.yml", True)]:
        config = load_config(str(ROOT / config_file))
        distribution.on_config(config)
        assert config["extra"]["offline_copy"] is offline
    template = (ROOT / "overrides/main.html").read_text()
    assert 'rel="preload"' in template
    assert "not config.extra.offline_copy" in template


def test_labels_go_above_each_tab_panel_in_order() -> None:
    html = (
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input/><input/>'
        '<div class="tabbed-labels"><label for="a">One</label><label for="b">Two</label></div>'
        '<div class="tabbed-content"><div class="tabbed-block">1</div>'
        '<div class="tabbed-block">2</div></div></div><details class="x"><summary>S</summary>'
    )
    done = distribution.open_solutions(distribution.label_tabs(html))
    assert '<div class="tabbed-block"><p class="print-tab-label">One</p>1</div>' in done
    assert '<div class="tabbed-block"><p class="print-tab-label">Two</p>2</div>' in done
    assert '<details open class="x">' in done


def test_a_build_without_the_offline_zip_says_so_to_readers(
    monkeypatch: pytest.MonkeyPatch, dists: Dists
) -> None:
    """`make serve` and a plain build have no zip: the download page says so in a
    reader's words (how to add it is the README's business); the home page says nothing."""
    monkeypatch.delenv("DIST_DIR", raising=False)
    files, markdown = run_hooks(
        "mkdocs.yml", "<!-- offline-copy -->", dists, monkeypatch, page="get-nnfs-ref.md"
    )
    assert markdown.startswith("This copy of the site has no offline download.")
    assert "[notebook](notebooks.md)" in markdown
    assert "make" not in markdown
    assert [f.src_uri for f in files if f.src_uri.endswith(".zip")] == []
    _, home = run_hooks("mkdocs.yml", "Before.<!-- offline-copy -->After.", dists, monkeypatch)
    assert home == "Before.After."


def test_a_build_without_the_book_says_so_to_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The book's paragraph is raw HTML (the page exists only after the build), where
    Markdown's backticks would show as they are: it has none, and no make target."""
    monkeypatch.setenv("NNFS_PRINT_BOOK", "false")  # what `make serve` sets
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert not distribution.print_enabled(config)
    paragraph = distribution.print_markdown("get-nnfs-ref.md", config)
    assert paragraph == (
        "<p>This copy of the site has no printable book; you can still print any "
        "lesson from your browser.</p>"
    )
    monkeypatch.delenv("NNFS_PRINT_BOOK")
    config = load_config(str(ROOT / "mkdocs.yml"))
    with_book = distribution.print_markdown("get-nnfs-ref.md", config)
    assert with_book.startswith('<p><a href="../print_page/">The whole book</a>')
    for html in (paragraph, with_book):
        assert "`" not in html
        assert "make " not in html
