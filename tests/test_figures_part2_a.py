"""The figures of the adding-layers, spiral-data and dense-layer lessons.

Valid SVG with alt text, drawn from the pages' own numbers, one marker shape per
class, small enough to inline, and text of at least 11 CSS px on a phone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from docs_build.figures.chain import layer_chain
from docs_build.figures.scatter import MARKERS, class_scatter
from nnfs_ref.datasets import spiral_data, vertical_data
from nnfs_ref.random import book_stream

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parent.parent / "docs/stylesheets/figures.css"
PHONE_COLUMN = 340  # CSS px of content width at a 375 px viewport
E_LAYERS = [("weights.T", (4, 3), "layer 1"), ("weights2.T", (3, 3), "layer 2")]


def parse(html: str) -> tuple[ET.Element, str, list[str]]:
    """The <svg> of a figure, its alt text (title = aria-label) and its texts."""
    figure = ET.fromstring(html)
    assert figure.tag == "figure"
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    assert svg.get("role") == "img"
    title = svg.findtext(f"{SVG}title") or ""
    assert title
    assert svg.get("aria-label") == title
    return svg, title, [t.text or "" for t in svg.iter(f"{SVG}text")]


def font_sizes() -> dict[str, float]:
    """Font size in px of each `.nnfs-figure .name` class in figures.css (last rule wins)."""
    sizes: dict[str, float] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS.read_text()):
        size = re.search(r"font-size:\s*([\d.]+)px", body)
        if size:
            for name in re.findall(r"\.nnfs-figure\s+\.([\w-]+)", selectors):
                sizes[name] = float(size.group(1))
    return sizes


@pytest.fixture(scope="module")
def spiral() -> tuple[np.ndarray, np.ndarray]:
    return spiral_data(samples=100, classes=3, rng=book_stream(0))


@pytest.fixture(scope="module")
def vertical() -> tuple[np.ndarray, np.ndarray]:
    return vertical_data(samples=100, classes=3, rng=book_stream(0))


def test_spiral_scatter_has_every_point_in_its_class_path(
    spiral: tuple[np.ndarray, np.ndarray],
) -> None:
    pts, y = spiral
    svg, title, texts = parse(class_scatter(pts, y, "Three arms."))
    assert "Scatter plot of 300 points" in title
    assert "class 0 (100 points) as circles" in title
    assert "class 1 (100 points) as squares" in title
    assert "class 2 (100 points) as triangles" in title
    assert title.endswith("Three arms.")
    assert {"class 0", "class 1", "class 2", "X[:, 0]", "X[:, 1]", "−1", "0.5"} <= set(texts)
    for k in range(3):
        paths = [
            p.get("d") or "" for p in svg.iter(f"{SVG}path") if p.get("class") == f"scatter-{k}"
        ]
        assert len(paths) == 2  # the points, and the legend's marker
        assert paths[0].count("M") == 100


def test_scatter_points_sit_where_the_data_says(spiral: tuple[np.ndarray, np.ndarray]) -> None:
    pts, y = spiral
    svg, _, _ = parse(class_scatter(pts, y))
    d = next(p.get("d") or "" for p in svg.iter(f"{SVG}path") if p.get("class") == "scatter-0")
    points = [tuple(map(float, m)) for m in re.findall(r"M([\d.]+) ([\d.]+)", d)]
    view = [float(v) for v in (svg.get("viewBox") or "").split()]
    # The first point is (0, 0), the middle of a plot that runs from -1 to 1 both ways.
    assert pts[0].tolist() == [0.0, 0.0]
    left, plot = 52, view[2] - 52 - 14
    assert points[0] == pytest.approx((left + plot / 2, 40 + plot / 2), abs=0.06)
    # Up is +y: the point with the largest X[:, 1] of class 0 is the highest drawn.
    top = int(np.argmax(pts[y == 0, 1]))
    assert min(points, key=lambda p: p[1]) == points[top]


def test_every_class_has_its_own_marker_shape(spiral: tuple[np.ndarray, np.ndarray]) -> None:
    pts, y = spiral
    svg, _, _ = parse(class_scatter(pts, y))
    shapes = set()
    for k in range(3):
        d = next(
            p.get("d") or "" for p in svg.iter(f"{SVG}path") if p.get("class") == f"scatter-{k}"
        )
        fragments = set(re.split(r"M[\d.]+ [\d.]+", d)) - {""}
        assert len(fragments) == 1, fragments  # one marker per class
        shapes |= fragments
    assert len(shapes) == 3
    assert len({fragment for _, fragment in MARKERS}) == len(MARKERS)


def test_scatter_of_300_points_stays_small(
    spiral: tuple[np.ndarray, np.ndarray], vertical: tuple[np.ndarray, np.ndarray]
) -> None:
    for pts, y in (spiral, vertical):
        html = class_scatter(pts, y)
        assert len(html.encode()) < 12_000
        assert not re.search(r"\d\.\d\d", html.split("<title>")[1].split("</title>")[1])


def test_vertical_scatter_keeps_both_axes_at_one_scale(
    vertical: tuple[np.ndarray, np.ndarray],
) -> None:
    pts, y = vertical
    svg, title, texts = parse(class_scatter(pts, y))
    assert "class 2 (100 points) as triangles" in title
    assert f"X[:, 0] runs from −{abs(round(float(pts[:, 0].min()), 2))}" in title
    width, height = (float(v) for v in (svg.get("viewBox") or "").split()[2:])
    assert height < width  # x spans -0.5..1, y only 0..1: the plot is wider than tall
    assert {"−0.5", "0", "0.5", "1"} <= set(texts)


@pytest.mark.parametrize(
    ("points", "labels", "message"),
    [
        ([[0.0, 0.0], [1.0, 1.0]], [0], "one label per point"),
        ([[0.0, 0.0, 1.0]], [0], "two features"),
        ([[0.0, 0.0]], [len(MARKERS)], "labels must be"),
        ([[0.0, 0.0]], [-1], "labels must be"),
        ([[float("nan"), 0.0]], [0], "finite"),
        ([], [], "one label per point"),
    ],
)
def test_scatter_rejects_bad_input(
    points: list[list[float]], labels: list[int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        class_scatter(points, labels)


def test_layer_chain_shows_example_e_shapes() -> None:
    svg, title, texts = parse(layer_chain((3, 4), E_LAYERS))
    assert {"inputs", "layer 1", "layer 2", "(3, 4)", "(4, 3)", "(3, 3)"} <= set(texts)
    assert {"· weights.T", "· weights2.T", "inner 4 = 4", "inner 3 = 3"} <= set(texts)
    assert (
        "inputs (3, 4) times weights.T (4, 3), inner sizes 4 and 4, gives layer 1 (3, 3)" in title
    )
    assert "then layer 1 (3, 3) times weights2.T (3, 3)" in title
    marked = [r for r in svg.iter(f"{SVG}rect") if "cell-mark" in (r.get("class") or "")]
    assert len(marked) == 4 + 3 + 3  # the first row of each batch


def test_layer_chain_caps_big_batches_and_dashes_the_cut() -> None:
    svg, title, texts = parse(
        layer_chain((300, 2), [("dense1.weights", (2, 3), "dense1.output")], "X")
    )
    assert "X (300, 2) times dense1.weights (2, 3)" in title
    assert {"(300, 2)", "(300, 3)", "inner 2 = 2"} <= set(texts)
    cells = [r.get("class") or "" for r in svg.iter(f"{SVG}rect")]
    assert len(cells) == 5 * 2 + 2 * 3 + 5 * 3
    assert sum("cell-more" in c for c in cells) == 2 + 3  # the last drawn row of each batch


def test_layer_chain_refuses_shapes_that_do_not_chain() -> None:
    with pytest.raises(ValueError, match=r"inputs \(3, 4\) and w \(3, 3\) do not chain: 4 != 3"):
        layer_chain((3, 4), [("w", (3, 3), "out")])
    with pytest.raises(ValueError, match=r"layer 1 \(3, 3\) and w2 \(4, 3\) do not chain"):
        layer_chain((3, 4), [E_LAYERS[0], ("w2", (4, 3), "out")])
    with pytest.raises(ValueError, match="2-D shape"):
        layer_chain((3, 4, 1), E_LAYERS)
    with pytest.raises(ValueError, match="at least one layer"):
        layer_chain((3, 4), [])


def test_text_is_at_least_11_px_on_a_phone(
    spiral: tuple[np.ndarray, np.ndarray], vertical: tuple[np.ndarray, np.ndarray]
) -> None:
    sizes = font_sizes()
    figures = [
        class_scatter(*spiral),
        class_scatter(*vertical),
        layer_chain((3, 4), E_LAYERS),
        layer_chain((300, 2), [("dense1.weights", (2, 3), "dense1.output")], "X"),
    ]
    for html in figures:
        svg, _, _ = parse(html)
        width = float((svg.get("viewBox") or "").split()[2])
        assert svg.get("style") == f"max-width: {int(width)}px"
        scale = min(PHONE_COLUMN, width) / width
        for node in svg.iter(f"{SVG}text"):
            css = node.get("class") or ""
            assert css in sizes, f"no font size for class {css!r}"
            assert sizes[css] * scale >= 11, (css, sizes[css] * scale)
