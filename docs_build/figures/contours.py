"""The gradients lesson: contour lines of f(x, y) with the gradient drawn as arrows."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, Point, floats, increasing
from docs_build.figures.svg import boxed_text, circle, fmt, line, polygon, text

#: Pixels per unit of x and of y: one scale for both, so right angles look right.
UNIT = 50
LEFT, TOP = 40, 30
#: The longest arrow, in data units.
LONGEST = 1.2


def _crossings(corners: list[tuple[Point, float]], level: float) -> list[Point]:
    """Where the level crosses the edges of one grid cell, going round the cell."""
    found = []
    for (p, u), (q, v) in zip(corners, corners[1:] + corners[:1], strict=True):
        if (u < level) != (v < level):
            t = (level - u) / (v - u)
            found.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return found


def contour_segments(
    xs: Sequence[float], ys: Sequence[float], grid: Sequence[Sequence[float]], level: float
) -> list[tuple[Point, Point]]:
    """Marching squares: the pieces of the line where the grid's values equal `level`.

    `grid[i][j]` is the value at (xs[j], ys[i]); each cell the level crosses gives one
    straight piece (two at a saddle, paired by the value at the cell's middle).
    """
    pieces = []
    for i in range(len(ys) - 1):
        for j in range(len(xs) - 1):
            corners = [
                ((xs[j], ys[i]), grid[i][j]),
                ((xs[j + 1], ys[i]), grid[i][j + 1]),
                ((xs[j + 1], ys[i + 1]), grid[i + 1][j + 1]),
                ((xs[j], ys[i + 1]), grid[i + 1][j]),
            ]
            found = _crossings(corners, level)
            middle = sum(v for _, v in corners) / 4
            if len(found) == 4 and (middle < level) != (corners[0][1] < level):
                # The middle is on the other side from the first corner: that corner
                # and the opposite one are cut off, not the other two.
                found = found[1:] + found[:1]
            pieces += [(found[k], found[k + 1]) for k in range(0, len(found) - 1, 2)]
    return pieces


def _arrow(box: Box, start: Point, end: Point) -> list[str]:
    """An arrow from `start` to `end` (data units) with a filled head."""
    x1, y1, x2, y2 = box.x(start[0]), box.y(start[1]), box.x(end[0]), box.y(end[1])
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - 11 * ux, y2 - 11 * uy
    head = [(x2, y2), (bx - 5 * uy, by + 5 * ux), (bx + 5 * uy, by - 5 * ux)]
    return [line(x1, y1, bx, by, "vector-a"), polygon(head, "arrowhead vector-a")]


def gradient_contours(
    xs: npt.ArrayLike,
    ys: npt.ArrayLike,
    grid: npt.ArrayLike,
    levels: Sequence[float],
    arrows: Sequence[tuple[Point, Point]],
    name: str = "f",
) -> str:
    """Contour lines of a function of (x, y) and, at a few points, its gradient as an arrow.

    `grid[i][j]` is the function's value at (xs[j], ys[i]), both axes increasing; each
    of `arrows` is (point, gradient). The arrows share one scale, so the longest is
    LONGEST units long; each level is labelled where its line reaches furthest right.
    """
    x_values, y_values = floats(xs, "xs"), floats(ys, "ys")
    increasing(x_values, "xs")
    increasing(y_values, "ys")
    values = np.asarray(grid, dtype=np.float64)
    if values.shape != (len(y_values), len(x_values)):
        raise ValueError(
            f"grid has shape {values.shape}; with {len(y_values)} ys and {len(x_values)} xs "
            f"it must be ({len(y_values)}, {len(x_values)})"
        )
    if not arrows or any(g == (0, 0) for _, g in arrows):
        raise ValueError("need at least one arrow, and no gradient of zero length")
    x_range, y_range = (x_values[0], x_values[-1]), (y_values[0], y_values[-1])
    width, height = UNIT * (x_range[1] - x_range[0]), UNIT * (y_range[1] - y_range[0])
    box = Box("gradient-contours", LEFT, TOP, width, height, x_range, y_range)
    body = box.frame()
    labels: list[str] = []
    rows = values.tolist()
    for level in levels:
        pieces = contour_segments(x_values, y_values, rows, level)
        if not pieces:
            raise ValueError(f"the level {level} does not occur on the grid")
        path = " ".join(
            f"M{box.x(a[0]):.1f},{box.y(a[1]):.1f} L{box.x(b[0]):.1f},{box.y(b[1]):.1f}"
            for a, b in pieces
        )
        body.append(f'<path d="{path}" class="contour"/>')
        rx, ry = max((p for piece in pieces for p in piece), key=lambda p: (p[0], -abs(p[1])))
        labels += boxed_text(box.x(rx), box.y(ry), fmt(level), "p2-tick", 13)
    longest = max(math.hypot(*g) for _, g in arrows)
    scale = LONGEST / longest
    described = []
    for (px, py), (gx, gy) in arrows:
        body += _arrow(box, (px, py), (px + scale * gx, py + scale * gy))
        body.append(circle(box.x(px), box.y(py), 4, "p2-dot"))
        described.append(f"at ({fmt(px)}, {fmt(py)}) the gradient is ({fmt(gx)}, {fmt(gy)})")
    ticks_x = [float(v) for v in range(math.ceil(x_range[0]), math.floor(x_range[1]) + 1)]
    ticks_y = [float(v) for v in range(math.ceil(y_range[0]), math.floor(y_range[1]) + 1)]
    body += box.ticks(ticks_x, ticks_y)
    body += labels
    bottom = TOP + height
    body += [
        text(LEFT, 12, f"contour lines of {name}, gradient arrows", "p2-title", "start"),
        text(LEFT + width / 2, bottom + 34, "x", "axis-label"),
        text(14, TOP + height / 2, "y", "axis-label"),
    ]
    alt = (
        f"Contour lines of {name}(x, y) for x from {fmt(x_range[0])} to {fmt(x_range[1])} and "
        f"y from {fmt(y_range[0])} to {fmt(y_range[1])}, at the levels "
        f"{', '.join(fmt(v) for v in levels)}, each line joining the points where {name} "
        "has that value. Arrows show the gradient at a few points, all at the same scale, "
        f"each crossing the contour line at a right angle, pointing uphill: "
        f"{'; '.join(described)}."
    )
    return figure_of(LEFT + width + 12, bottom + 48, alt, body)
