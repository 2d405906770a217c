"""Which pages the browser tests and `make audit` visit (Chromium: docs_build/site/chromium.py)."""

from __future__ import annotations

import json
from pathlib import Path


def pages_of(site: Path) -> list[str]:
    """Every page of the site, as paths under it, home ("") first, in the order the build
    wrote them: read from the search index, which lists every page. (Not the sitemap:
    a build without a site address, SITE_URL, has nothing to put in it.)"""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, None] = {}
    for doc in index["docs"]:
        pages.setdefault(str(doc["location"]).partition("#")[0], None)
    found = list(pages)
    if "" in found:
        found.remove("")
        found.insert(0, "")
    return found
