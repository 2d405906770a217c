"""Every figure's text stays legible on a phone: at least 11 CSS px at a 375 px viewport.

An inline SVG scales with its column. On a 375 px screen Material's content column is
343 px wide (16 px margins), so text of font size f in a figure W units wide shows at
f * min(343, W) / W px. The font sizes come from docs/stylesheets/figures.css, applied
in cascade order to each text's classes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from docs_build.figures.arrays import array_grid
from docs_build.figures.bench import load_bench, speed_chart
from docs_build.figures.fits import fit_panels
from docs_build.figures.grids import batch_grid, matrix_vector
from docs_build.figures.layer import layer_diagram
from docs_build.figures.lines import neuron_lines
from docs_build.figures.matrices import product_grid, transpose_figure
from docs_build.figures.neuron import neuron_diagram
from docs_build.figures.products import elementwise_table
from docs_build.figures.shapes import product_shapes
from docs_build.figures.vectors import alignment_figure
from tests.book_numbers import (
    ALIGN_A,
    ALIGN_OTHERS,
    BATCH,
    BIASES,
    CUBE,
    DOT_A,
    DOT_B,
    INPUTS,
    WEIGHTS,
)

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parents[1] / "docs" / "stylesheets" / "figures.css"
PHONE_COLUMN = 343  # CSS px: a 375 px viewport minus Material's two 16 px margins
MIN_PX = 11

_rng = np.random.default_rng(0)
_X = _rng.uniform(-1, 1, size=200).tolist()
_Y = [0.8 * x + 0.3 + e for x, e in zip(_X, _rng.normal(0, 0.35, size=200), strict=True)]

#: Every figure the lessons draw, with the lessons' own numbers.
FIGURES: dict[str, Callable[[], str]] = {
    "neuron": lambda: neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0]),
    "layer": lambda: layer_diagram(INPUTS, WEIGHTS, BIASES),
    "lines": lambda: neuron_lines(
        [-2, -1, 0, 1, 2], [("w", [(0.5, 0), (1, 0), (2, 0)]), ("b", [(1, -2), (1, 0), (1, 2)])]
    ),
    "array-cube": lambda: array_grid(CUBE),
    "array-row": lambda: array_grid([1, 5, 6, 2]),
    "products": lambda: elementwise_table(DOT_A, DOT_B),
    "sums": lambda: elementwise_table(DOT_A, DOT_B, "+"),
    "alignment": lambda: alignment_figure(ALIGN_A, ALIGN_OTHERS),
    "matrix-vector": lambda: matrix_vector(WEIGHTS, INPUTS, BIASES),
    "batch": lambda: batch_grid(BATCH),
    "fits": lambda: fit_panels(
        _X, _Y, (0.8, 0.3), [("one sample per step", [(0.76, -0.27)]), ("32", [(0.8, 0.3)])]
    ),
    "product": lambda: product_grid([[1, 2, 3], [0, 1, -1]], [[2, 1], [3, 0], [4, -2]], 0, 0),
    "product-batch": lambda: product_grid(
        BATCH, np.array(WEIGHTS).T.tolist(), 1, 2, ("inputs", "weights.T", "dot products")
    ),
    "transpose": lambda: transpose_figure(WEIGHTS, row=1),
    "shapes": lambda: product_shapes((3, 4), (4, 3), ("inputs", "weights.T", "outputs")),
    "speed": lambda: speed_chart(load_bench()),
}


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


@pytest.mark.parametrize("name", FIGURES)
def test_figure_text_is_at_least_11px_on_a_phone(name: str) -> None:
    svg = ET.fromstring(FIGURES[name]()).find(f"{SVG}svg")
    assert svg is not None
    width = float((svg.get("viewBox") or "").split()[2])
    scale = min(PHONE_COLUMN, width) / width
    rules = font_rules()
    for element in svg.iter(f"{SVG}text"):
        classes = set((element.get("class") or "").split())
        shown = font_size(classes, rules) * scale
        assert shown >= MIN_PX, (
            f"{name}: {element.text!r} ({sorted(classes)}) shows at {shown:.1f}px on a phone; "
            f"the figure is {width:g} units wide"
        )
