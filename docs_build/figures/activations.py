"""The activation-functions lesson: four functions side by side, and a sine built from ReLUs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, Point, floats, increasing, padded, pairs
from docs_build.figures.svg import circle, fmt, line, text

PANEL_W, PANEL_H = 180, 150


def _nearest(points: Sequence[Point], x: float) -> Point:
    return min(points, key=lambda p: abs(p[0] - x))


def _rounded(value: float) -> str:
    return fmt(round(value, 3))


def _panel(index: int, name: str, points: Sequence[Point]) -> list[str]:
    x0, y0 = (index % 2) * PANEL_W, (index // 2) * PANEL_H
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = Box(f"act-{index}", x0 + 36, y0 + 26, PANEL_W - 48, 96, (xs[0], xs[-1]), padded(ys))
    x_ticks = [xs[0], 0.0, xs[-1]] if xs[0] < 0 < xs[-1] else [xs[0], xs[-1]]
    y_ticks = sorted({round(min(ys), 1), round(max(ys), 1)})
    body = [text(box.left + box.width / 2, y0 + 12, name, "p2-title"), *box.frame()]
    body += box.ticks(x_ticks, y_ticks, lambda v: fmt(round(v, 1)))
    body.append(box.curve(points, "p2-curve"))
    return body


def activation_panels(xs: npt.ArrayLike, curves: Sequence[tuple[str, npt.ArrayLike]]) -> str:
    """One small plot per activation function, two to a row, all over the same x values.

    `curves` holds (name, outputs) pairs, the outputs computed at `xs` (increasing).
    """
    x_values = floats(xs, "xs")
    increasing(x_values, "xs")
    if not curves:
        raise ValueError("no curve to draw")
    body: list[str] = []
    described = []
    for index, (name, ys) in enumerate(curves):
        points = pairs(x_values, ys, name)
        body += _panel(index, name, points)
        marks = [points[0], _nearest(points, 0.0), points[-1]]
        values = ", ".join(f"{_rounded(y)} at x = {_rounded(x)}" for x, y in marks)
        described.append(f"{name}: {values}")
    rows = (len(curves) + 1) // 2
    alt = (
        f"{len(curves)} activation functions, each drawn for x from {_rounded(x_values[0])} "
        f"to {_rounded(x_values[-1])}. " + "; ".join(described) + "."
    )
    return figure_of(2 * PANEL_W, rows * PANEL_H, alt, body)


def relu_fit(
    xs: npt.ArrayLike,
    target: npt.ArrayLike,
    fit: npt.ArrayLike,
    kinks: npt.ArrayLike,
    target_label: str = "sin(2πx)",
) -> str:
    """A target curve (dashed) and a sum of ReLU pieces (solid) with a dot at each kink."""
    goal, ours = pairs(xs, target, "target"), pairs(xs, fit, "fit")
    bends = floats(kinks, "kinks")
    lo, hi = goal[0][0], goal[-1][0]
    if lo >= hi or not all(lo <= k <= hi for k in bends):
        raise ValueError(f"the kinks must lie between the first and last x, {lo} and {hi}")
    pieces = f"{len(bends)} ReLU pieces"
    low, high = padded([y for _, y in goal + ours])
    box = Box("relu-fit", 44, 40, 300, 170, (lo, hi), (low, high))
    body = [*box.frame(), box.curve(goal, "p2-target"), box.curve(ours, "p2-curve")]
    body += box.ticks([round(v, 1) for v in (lo, (lo + hi) / 2, hi)], [-1.0, 0.0, 1.0])
    for k in bends:
        x, y = _nearest(ours, k)
        body.append(circle(box.x(x), box.y(y), 4, "p2-dot"))
    body += [
        line(44, 16, 74, 16, "p2-target"),
        text(80, 16, target_label, "p2-tick", "start"),
        line(190, 16, 220, 16, "p2-curve"),
        text(226, 16, pieces, "p2-tick", "start"),
    ]
    gap = max(abs(a[1] - b[1]) for a, b in zip(goal, ours, strict=True))
    alt = (
        f"The target {target_label} for x from {_rounded(lo)} to {_rounded(hi)}, dashed, and "
        f"the sum of {pieces}, solid, a broken line that bends at x = "
        f"{', '.join(_rounded(k) for k in bends)}. The largest gap between them is "
        f"{fmt(round(gap, 2))}."
    )
    return figure_of(360, 236, alt, body)
