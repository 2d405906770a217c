"""Every figure's text stays legible on a phone: at least 11 CSS px at a 375 px viewport.

An inline SVG scales with its column. On a 375 px screen Material's content column is
343 px wide (16 px margins); the check takes 340 px, a little narrower, so text of font
size f in a figure W units wide must show at f * min(340, W) / W >= 11 px. The font sizes
come from docs/stylesheets/figures.css, applied in cascade order to each text's classes.
Every figure caps itself at its natural width (an inline max-width), so text never
shows larger than its font size either. The figures are tests/figures/lessons.py's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.figures.lessons import FIGURES
from tests.svg import SVG, parse

CSS = Path(__file__).resolve().parents[2] / "docs" / "stylesheets" / "figures.css"
PHONE_COLUMN = 340  # CSS px: a 375 px viewport minus Material's margins (343), rounded down
MIN_PX = 11


def font_rules() -> list[tuple[str, float]]:
    """(class, font size) for every `.nnfs-figure .class` rule setting a size, in file order."""
    rules = []
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.DOTALL)  # comments hold commas
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        size = re.search(r"font-size:\s*([\d.]+)px", body)
        if not size:
            continue
        for selector in selectors.split(","):
            found = re.fullmatch(r"\s*\.nnfs-figure\s+\.([\w-]+)\s*", selector)
            assert found, f"a font size with an unexpected selector: {selector.strip()!r}"
            rules.append((found[1], float(size[1])))
    return rules


def font_size(classes: set[str], rules: list[tuple[str, float]]) -> float:
    sizes = [size for name, size in rules if name in classes]
    assert sizes, f"no font size in figures.css for text of classes {sorted(classes)}"
    return sizes[-1]  # the later rule wins, as all have the same specificity


def test_the_css_gives_every_class_of_these_figures_a_size() -> None:
    assert {"p2-tick", "p2-title"} <= {name for name, _ in font_rules()}


@pytest.mark.parametrize("name", FIGURES)
def test_figure_text_is_at_least_11px_on_a_phone(name: str) -> None:
    figure = parse(FIGURES[name]())
    svg, width = figure.svg, figure.width
    assert svg.get("style") == f"max-width: {int(width)}px"
    scale = min(PHONE_COLUMN, width) / width
    rules = font_rules()
    for element in svg.iter(f"{SVG}text"):
        classes = set((element.get("class") or "").split())
        shown = font_size(classes, rules) * scale
        assert shown >= MIN_PX, (
            f"{name}: {element.text!r} ({sorted(classes)}) shows at {shown:.1f}px on a phone; "
            f"the figure is {width:g} units wide"
        )
