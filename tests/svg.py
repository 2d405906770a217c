"""Read a figure of docs_build/figures as the figure tests do: one parser for all of them.

Every figure is a <figure> holding one <svg role="img"> whose <title>, its alt text, is
also its aria-label. `parse` checks that and returns the parts the tests look at.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"  # the namespace of every element inside <svg>


@dataclass(frozen=True)
class Figure:
    """A parsed figure: the <figure>, its <svg>, the alt text and every text drawn."""

    root: ET.Element  # the <figure>, which also holds the <figcaption> if there is one
    svg: ET.Element
    title: str  # the alt text: the <title>, also the aria-label
    texts: list[str]  # the strings of the <text> elements, in drawing order

    def view_box(self) -> list[float]:
        """The numbers of the viewBox: x, y, width, height."""
        return [float(v) for v in (self.svg.get("viewBox") or "").split()]

    @property
    def width(self) -> float:
        """The figure's width in SVG units (the viewBox's)."""
        return self.view_box()[2]


def parse(html: str) -> Figure:
    """Parse a figure's HTML; checks the <figure>, the <svg role="img"> and its alt text."""
    root = ET.fromstring(html)
    assert root.tag == "figure"
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    assert svg.get("role") == "img"
    title = svg.findtext(f"{SVG}title") or ""
    assert title
    assert svg.get("aria-label") == title
    return Figure(root, svg, title, [t.text or "" for t in svg.iter(f"{SVG}text")])
