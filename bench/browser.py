"""Which pages the browser tests and `make audit` visit (Chromium: docs_build/site/chromium.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree


def pages_of(site: Path) -> list[str]:
    """Every page of the navigation, from the sitemap the build wrote; home first."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(site / "sitemap.xml")
    paths = [urlsplit(loc.text or "").path for loc in tree.iterfind("s:url/s:loc", namespace)]
    base = min(paths, key=len)  # the home page: the site_url's own path
    return [path[len(base) :] for path in paths]
