"""Every attribute a fence may carry means the same to the lexer, the rules and the real build.

pymdownx.superfences reads a fence's line before any of our code does, and a
line it cannot take is not a fence to it: the code is published as Markdown
paragraphs, where a printed `<script>` is live HTML. So the real MkDocs build
of a slim copy of the site (tests/slimcopy.py) renders a page holding a block
for every pair of optional attributes, and every block must come out as code.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from docs_build.core.attributes import OPTIONAL_ATTRIBUTES
from tests.sitebuild import mkdocs_build
from tests.slimcopy import slim_copy

#: One value for each optional attribute of an executed fence.
VALUES = {
    "session": "pairs",
    "source": "above",
    "result": "text",
    "html": "true",
    "title": "A title",
    "tabs": "Code|Printed",
    "timeout": "30",
    "memory": "1024",
    "notebook": "skip",
}
#: Every place markdown-exec can put the source, each with the attributes it re-writes.
SOURCES = ("above", "below", "tabbed-left", "tabbed-right")


class _Text(HTMLParser):
    """The text inside <code> elements, and the text outside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.code: list[str] = []
        self.prose: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "code"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "code"

    def handle_data(self, data: str) -> None:
        (self.code if self.depth else self.prose).append(data)


def _block(language: str, name: str, attributes: dict[str, str]) -> tuple[str, list[str]]:
    """A fence and the lines that must appear as code on the page."""
    figure = "html" in attributes
    block_id = f"{language}-{name}" + ("-figure" if figure else "")
    info = " ".join([f'{language} exec="on"', f'id="{block_id}"'] + [
        f'{key}="{value}"' for key, value in attributes.items()
    ])  # fmt: skip
    marker = f"<script>alert('{block_id}')</script>"
    if language == "pycon":
        body = f'>>> print("{marker}")\n{marker}\n'
        return f"```{info}\n{body}```\n", [f'>>> print("{marker}")', marker]
    if figure:  # its output is HTML by design: a harmless element; its source is code
        body = f"# {marker}\nprint('<span class=\"{block_id}\">drawn</span>')\n"
        shown = [f"# {marker}"] if "source" in attributes else []
        return f"```{info}\n{body}```\n", shown
    body = f'# {marker}\nprint("{marker}")\n'
    shown = [marker] + ([f"# {marker}"] if "source" in attributes else [])
    return f"```{info}\n{body}```\n", shown


def _scratch_page() -> tuple[str, dict[str, list[str]]]:
    fences, expected = [], {}
    cases: list[tuple[str, str, dict[str, str]]] = []
    for first, second in itertools.combinations(sorted(OPTIONAL_ATTRIBUTES), 2):
        pair = {first: VALUES[first], second: VALUES[second]}
        cases.append(("python", f"{first}-{second}", pair))
        if "html" not in pair:  # a console block never outputs HTML (the rules say so)
            cases.append(("pycon", f"{first}-{second}", pair))
    for source in SOURCES:
        extra = {"source": source, "title": "A title", "timeout": "30", "notebook": "skip"}
        cases.append(("python", f"where-{source}", extra))
    for language, name, attributes in cases:
        fence, shown = _block(language, name, attributes)
        fences.append(fence)
        expected[f"{language}-{name}"] = shown
    return "# Every pair of attributes\n\n" + "\n".join(fences), expected


@pytest.mark.slow
def test_every_pair_of_attributes_renders_as_a_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, expected = _scratch_page()
    project = slim_copy(tmp_path, ["index.md", "scratch.md"])
    (project / "docs/scratch.md").write_text(page)
    monkeypatch.setenv("PYTHONPATH", str(project))
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site/scratch/index.html").read_text()
    assert "<script>alert(" not in html, "a block's text reached the page as live HTML"
    text = _Text()
    text.feed(html)
    code, prose = "".join(text.code), "".join(text.prose)
    assert "alert(" not in prose, "a block was rendered as Markdown, not as code"
    missing = {name: [s for s in shown if s not in code] for name, shown in expected.items()}
    assert {name: lines for name, lines in missing.items() if lines} == {}
    for figure in re.findall(r'id="(python-[\w-]+-figure)"', page):
        assert f'<span class="{figure}">drawn</span>' in html


@pytest.mark.slow
def test_html_takes_only_the_values_the_rules_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """markdown-exec read any word but no/off/false/0 as yes: `html="y"` on a console or
    a script block that is not a figure published its output as raw HTML."""
    marker = "<script>alert('raw')</script>"
    page = (
        "# Raw HTML\n\n"
        f'```pycon exec="on" html="y" id="console-y"\n>>> print("{marker}")\n{marker}\n```\n\n'
        f'```python exec="on" html="enabled" id="script-enabled"\nprint("{marker}")\n```\n'
    )
    project = slim_copy(tmp_path, ["index.md", "scratch.md"])
    (project / "docs/scratch.md").write_text(page)
    monkeypatch.setenv("PYTHONPATH", str(project))
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode != 0, "the build published a block whose html= it cannot read"
    for line, block, value in [
        (3, "'console-y' (pycon)", "y"),
        (8, "'script-enabled' (python)", "enabled"),
    ]:
        assert (
            f'docs/scratch.md:{line}, block {block}: html="{value}" is neither yes '
            "(on, yes, true, 1) nor no (off, no, false, 0)"
        ) in done.stderr, done.stderr
