"""docs_build/figures/regions.py: the class a network picks over a grid, with the data on top."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np
import pytest

from docs_build.figures.regions import PANEL, TEXTURES, region_panels
from tests.figures.lessons import adam_regions
from tests.svg import SVG, parse


def rectangles(d: str) -> list[tuple[float, ...]]:
    """(x, y, width, height) of each `M x y h w v h h -w z` piece of a region's path."""
    found = re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z", d)
    return [tuple(float(v) for v in piece) for piece in found]


def region_paths(svg: ET.Element) -> list[tuple[str, str]]:
    """(class, d) of every filled region path, the legend's swatches left out (rects)."""
    return [
        (p.get("class") or "", p.get("d") or "")
        for p in svg.iter(f"{SVG}path")
        if (p.get("class") or "").startswith("region-") and p.get("fill")
    ]


def test_the_regions_cover_each_panel_exactly_once() -> None:
    x, y, panels = adam_regions()
    figure = parse(region_panels(x, y, (-1, 1), panels, "r"))
    pieces = [r for _, d in region_paths(figure.svg) for r in rectangles(d)]
    area = sum(w * h for _, _, w, h in pieces)
    assert area == pytest.approx(len(panels) * PANEL * PANEL, rel=0.01)
    assert [t for t, _ in panels] == [t for t in figure.texts if t.startswith("epoch")]
    assert "epoch 0: acc 0.36" in figure.texts


def test_each_class_has_its_pattern_and_the_points_their_markers() -> None:
    x, y, panels = adam_regions()
    html = region_panels(x, y, (-1, 1), panels, "r")
    figure = parse(html)
    for k in range(3):
        assert f'<pattern id="r-{k}"' in html
        marks = [
            p.get("d") or ""
            for p in figure.svg.iter(f"{SVG}path")
            if p.get("class") == f"scatter-{k} region-point"
        ]
        assert len(marks) == 1 + len(panels)  # the legend's, then one per panel
        assert all(d.count("M") == 100 for d in marks[1:])
    assert {"class 0", "class 1", "class 2", "−1", "1"} <= set(figure.texts)
    assert "class 1 as squares on a hatched region" in figure.title
    assert [name for name, _ in TEXTURES] == ["plain", "hatched", "dotted"]


def test_row_zero_is_drawn_at_the_bottom_and_runs_are_merged() -> None:
    grid = np.zeros((4, 4), dtype=int)
    grid[0, 1:3] = 1  # the bottom row: one run of class 1 between two cells of class 0
    figure = parse(region_panels([[0.5, -0.5]], [2], (-1, 1), [("t", grid)]))
    paths = dict(region_paths(figure.svg))
    ((left, top, width, height),) = rectangles(paths["region-1"])
    assert (width, height) == (PANEL / 2, PANEL / 4)
    assert top == pytest.approx(56 + PANEL * 3 / 4, abs=0.1)  # the panel's last quarter
    assert left == pytest.approx(34 + PANEL / 4, abs=0.1)
    assert len(rectangles(paths["region-0"])) == 3 + 2  # three whole rows, two cells
    assert "t: class 0 88 %, class 1 12 %, class 2 0 % of the area" in figure.title


def test_the_points_sit_where_the_data_says() -> None:
    figure = parse(region_panels([[1.0, 1.0], [-1.0, -1.0]], [0, 0], (-1, 1), [("t", [[0]])]))
    d = next(
        p.get("d") or ""
        for p in figure.svg.iter(f"{SVG}path")
        if p.get("class") == "scatter-0 region-point" and "M47" not in (p.get("d") or "")
    )
    assert re.findall(r"M([\d.]+) ([\d.]+)", d) == [("184.0", "56.0"), ("34.0", "206.0")]


@pytest.mark.parametrize(
    ("points", "labels", "panels", "message"),
    [
        ([[0.0, 0.0]], [0, 1], [("t", [[0]])], "one label per point"),
        ([[0.0, 0.0, 0.0]], [0], [("t", [[0]])], "shape"),
        ([[2.0, 0.0]], [0], [("t", [[0]])], "must lie in the extent"),
        ([[0.0, 0.0]], [0], [], "no panel"),
        ([[0.0, 0.0]], [0], [("t", [0, 1])], "2-D grid"),
        ([[0.0, 0.0]], [3], [("t", [[0]])], "classes must be 0 to 2"),
        ([[0.0, 0.0]], [0], [("t", [[5]])], "classes must be 0 to 2"),
    ],
)
def test_region_panels_reject_bad_input(
    points: list[list[float]], labels: list[int], panels: list[Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        region_panels(points, labels, (-1, 1), panels)
