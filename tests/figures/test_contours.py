"""docs_build/figures/contours.py: contour lines by marching squares, gradient arrows.

The figure is drawn from the numbers the gradients lesson computes (tests/figures/lessons.py).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from docs_build.figures.contours import (
    LEFT,
    LONGEST,
    TOP,
    UNIT,
    contour_segments,
    gradient_contours,
)
from tests.figures.lessons import contour_data
from tests.svg import SVG, parse


def test_the_figure_names_its_levels_and_every_arrow() -> None:
    figure = parse(gradient_contours(*contour_data()))
    assert "at the levels 3, 4.5, 6, 8" in figure.title
    assert "at (2, 1) the gradient is (4, 4)" in figure.title
    assert "at (−2, −0.5) the gradient is (−4, −2)" in figure.title
    assert {"3", "4.5", "6", "8", "−3", "−2", "x", "y"} <= set(figure.texts)
    assert len(list(figure.svg.iter(f"{SVG}path"))) == 4  # one per level
    assert len(list(figure.svg.iter(f"{SVG}circle"))) == 4  # one dot per arrow


def test_every_contour_point_lies_on_its_level() -> None:
    """On this grid's spacing, x**2 + 2 y**2 interpolated along an edge is within 0.01."""
    xs, ys, grid, levels, _ = contour_data()
    for level in levels:
        pieces = contour_segments(xs.tolist(), ys.tolist(), grid.tolist(), level)
        points = [p for piece in pieces for p in piece]
        assert len(points) > 20
        assert all(abs(x**2 + 2 * y**2 - level) < 0.01 for x, y in points)


def test_arrows_start_at_their_points_and_share_one_scale() -> None:
    _, _, _, _, arrows = contour_data()
    figure = parse(gradient_contours(*contour_data()))
    shafts = [e for e in figure.svg.iter(f"{SVG}line") if e.get("class") == "vector-a"]
    heads = [e for e in figure.svg.iter(f"{SVG}polygon")]
    assert len(shafts) == len(heads) == len(arrows)
    longest = max(math.hypot(*g) for _, g in arrows)
    for shaft, head, ((px, py), (gx, gy)) in zip(shafts, heads, arrows, strict=True):
        x0 = LEFT + (px + 3) * UNIT
        y0 = TOP + (2 - py) * UNIT
        assert (float(shaft.get("x1") or 0), float(shaft.get("y1") or 0)) == pytest.approx(
            (x0, y0), abs=0.1
        )
        tip = [float(v) for v in re.split("[ ,]", head.get("points") or "")[:2]]
        scale = LONGEST / longest * UNIT
        assert tip == pytest.approx([x0 + gx * scale, y0 - gy * scale], abs=0.1)


def test_a_saddle_cell_pairs_its_crossings_by_the_middle_value() -> None:
    # Corners 1 and 0 alternate round the cell; the middle (0.5) is above the level 0.4,
    # on the side of the 1s, so the two pieces cut off the two 0 corners.
    pieces = contour_segments([0.0, 1.0], [0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]], 0.4)
    assert len(pieces) == 2
    cut_off = [(1.0, 0.0), (0.0, 1.0)]  # the corners valued 0
    for (a, b), corner in zip(pieces, cut_off, strict=True):
        assert max(math.dist(a, corner), math.dist(b, corner)) < 0.5
    low = contour_segments([0.0, 1.0], [0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]], 0.6)
    ones = [(0.0, 0.0), (1.0, 1.0)]  # now the middle is below: the 1 corners are cut off
    assert sorted(min(ones, key=lambda c: math.dist(a, c)) for a, _ in low) == ones


def test_bad_input_is_refused() -> None:
    xs, ys, grid, levels, arrows = contour_data()
    with pytest.raises(ValueError, match=r"grid has shape \(61, 41\)"):
        gradient_contours(xs, ys, grid.T, levels, arrows)
    with pytest.raises(ValueError, match="xs must increase"):
        gradient_contours(xs[::-1], ys, grid, levels, arrows)
    with pytest.raises(ValueError, match="level 100 does not occur"):
        gradient_contours(xs, ys, grid, [100], arrows)
    with pytest.raises(ValueError, match="no gradient of zero length"):
        gradient_contours(xs, ys, grid, levels, [((0.0, 0.0), (0.0, 0.0))])
    with pytest.raises(ValueError, match="at least one arrow"):
        gradient_contours(xs, ys, np.zeros_like(grid) + grid, levels, [])
