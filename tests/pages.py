"""Run a page both ways, in this process: as the build converts it, and as pytest collects it.

`build_page` converts Markdown with the same extensions as mkdocs.yml (our
`docs_build.site.extension` among them), so a failure path of the build is
proven in a fraction of a second, without a full MkDocs build. `run_with_pytest`
collects the same text with the Sybil collector and runs every item. Both
return what a writer would see: the HTML or the failure messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from sybil import Sybil
from sybil.example import SybilFailure

from docs_build.core.settings import extension_options, read_config
from docs_build.site.extension import BlockFailures, BlocksExtension
from docs_build.sybil_collector import blocks, engine_for

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = "docs_build.site.extension"


def _mkdocs_extensions() -> list[tuple[str, dict[str, Any]]]:
    """The Markdown extensions of mkdocs.yml with their options (emoji left out)."""
    config = read_config(ROOT / "mkdocs.yml")
    found = []
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name not in {EXTENSION, "pymdownx.emoji"}:
            found.append((name, dict(options or {})))
    return found


@dataclass
class Built:
    """What the build made of a page: its HTML, or why it failed."""

    html: str
    failure: str | None


def write_page(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    page = docs / name
    page.write_text(text)
    return page


def build_page(tmp_path: Path, text: str, name: str = "page.md", **options: Any) -> Built:
    """Convert one page as the build would; `options` go to our extension (timeout=...)."""
    page = write_page(tmp_path, text, name)
    configs = dict(_mkdocs_extensions())  # our extension adds the fences of KINDS
    settings = {**extension_options(ROOT / "mkdocs.yml"), **options}  # mkdocs.yml's preloads
    ours = BlocksExtension(docs_dir=str(page.parent), **settings)
    md = markdown.Markdown(extensions=[*configs, ours], extension_configs=configs)
    try:
        return Built(md.convert(page.read_text()), None)
    except BlockFailures as failure:
        return Built("", str(failure))


def run_with_pytest(tmp_path: Path, text: str, name: str = "page.md") -> list[str]:
    """Collect one page with the Sybil collector, run every item; the failure messages."""
    page = write_page(tmp_path, text, name)
    engine = engine_for(ROOT)
    sybil = Sybil(
        parsers=[blocks(tmp_path, engine=engine)], path=str(page.parent), patterns=["*.md"]
    )
    failures = []
    for example in sybil.parse(page):
        try:
            example.evaluate()
        except SybilFailure as failure:
            failures.append(str(failure))
    changed = engine.end_page(f"docs/{name}")
    return failures + ([changed] if changed else [])
