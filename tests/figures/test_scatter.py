"""docs_build/figures/scatter.py: the spiral and vertical data, one marker shape per class.

Drawn from the pages' own data, every point where the data says, and small enough to inline.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from docs_build.figures.scatter import MARKERS, class_scatter
from tests.figures.lessons import spiral, vertical
from tests.svg import SVG, parse


def test_spiral_scatter_has_every_point_in_its_class_path() -> None:
    pts, y = spiral()
    figure = parse(class_scatter(pts, y, "Three arms."))
    assert "Scatter plot of 300 points" in figure.title
    assert "class 0 (100 points) as circles" in figure.title
    assert "class 1 (100 points) as squares" in figure.title
    assert "class 2 (100 points) as triangles" in figure.title
    assert figure.title.endswith("Three arms.")
    assert {"class 0", "class 1", "class 2", "X[:, 0]", "X[:, 1]", "−1", "0.5"} <= set(figure.texts)
    for k in range(3):
        paths = [
            p.get("d") or ""
            for p in figure.svg.iter(f"{SVG}path")
            if p.get("class") == f"scatter-{k}"
        ]
        assert len(paths) == 2  # the points, and the legend's marker
        assert paths[0].count("M") == 100


def test_scatter_points_sit_where_the_data_says() -> None:
    pts, y = spiral()
    figure = parse(class_scatter(pts, y))
    d = next(
        p.get("d") or "" for p in figure.svg.iter(f"{SVG}path") if p.get("class") == "scatter-0"
    )
    points = [tuple(map(float, m)) for m in re.findall(r"M([\d.]+) ([\d.]+)", d)]
    view = figure.view_box()
    # The first point is (0, 0), the middle of a plot that runs from -1 to 1 both ways.
    assert pts[0].tolist() == [0.0, 0.0]
    left, plot = 52, view[2] - 52 - 14
    assert points[0] == pytest.approx((left + plot / 2, 40 + plot / 2), abs=0.06)
    # Up is +y: the point with the largest X[:, 1] of class 0 is the highest drawn.
    top = int(np.argmax(pts[y == 0, 1]))
    assert min(points, key=lambda p: p[1]) == points[top]


def test_every_class_has_its_own_marker_shape() -> None:
    pts, y = spiral()
    figure = parse(class_scatter(pts, y))
    shapes = set()
    for k in range(3):
        d = next(
            p.get("d") or ""
            for p in figure.svg.iter(f"{SVG}path")
            if p.get("class") == f"scatter-{k}"
        )
        fragments = set(re.split(r"M[\d.]+ [\d.]+", d)) - {""}
        assert len(fragments) == 1, fragments  # one marker per class
        shapes |= fragments
    assert len(shapes) == 3
    assert len({fragment for _, fragment in MARKERS}) == len(MARKERS)


def test_scatter_of_300_points_stays_small() -> None:
    for pts, y in (spiral(), vertical()):
        html = class_scatter(pts, y)
        assert len(html.encode()) < 12_000
        assert not re.search(r"\d\.\d\d", html.split("<title>")[1].split("</title>")[1])


def test_vertical_scatter_keeps_both_axes_at_one_scale() -> None:
    pts, y = vertical()
    figure = parse(class_scatter(pts, y))
    assert "class 2 (100 points) as triangles" in figure.title
    assert f"X[:, 0] runs from −{abs(round(float(pts[:, 0].min()), 2))}" in figure.title
    width, height = figure.view_box()[2:]
    assert height < width  # x spans -0.5..1, y only 0..1: the plot is wider than tall
    assert {"−0.5", "0", "0.5", "1"} <= set(figure.texts)


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
