"""The random-search lesson: the lowest loss so far against the iterations tried, per run.

Each run is a list of the lowest loss after each iteration. The x axis is the number
of iterations tried, on a log scale (the interesting part of a run is its start); a
second plot magnifies a band of losses, where runs that barely move can be told apart.
Runs differ in line style and marker shape, not in colour alone.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, Point, floats
from docs_build.figures.svg import circle, fmt, line, nice_ticks, polygon, rect, text

WIDTH, LEFT, PLOT_W, Y_GAP = 360, 58, 280, 46
X_TITLE, Y_TITLE = "iterations tried (log scale)", "lowest loss"

#: (CSS class of the line, marker shape, how the alt text names them), one per run.
STYLES = (
    ("p2-target", "square", "dashed line, squares"),
    ("p2-curve", "circle", "solid line, circles"),
    ("p3-dotted", "triangle", "dotted line, triangles"),
)


def _marker(shape: str, x: float, y: float) -> str:
    """A marker of the given shape centred on (x, y), about 9 units across."""
    if shape == "circle":
        return circle(x, y, 4.5, "p3-marker")
    if shape == "square":
        return rect(x - 4, y - 4, 8, 8, "p3-marker")
    return polygon([(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)], "p3-marker")


def _steps(best: Sequence[float]) -> list[Point]:
    """The staircase of a run, x = log10(iterations tried): flat, then down at each drop."""
    points = [(0.0, best[0])]
    for i, (before, after) in enumerate(itertools.pairwise(best), start=2):
        if after != before:
            points += [(math.log10(i), before), (math.log10(i), after)]
    points.append((math.log10(len(best)), best[-1]))
    return points


def last_drop(best: Sequence[float]) -> int:
    """The iteration (counted from 0) at which the run last lowered its loss."""
    return max((i for i in range(1, len(best)) if best[i] != best[i - 1]), default=0)


def _checked(runs: Sequence[tuple[str, npt.ArrayLike]]) -> list[tuple[str, list[float]]]:
    if not 1 <= len(runs) <= len(STYLES):
        raise ValueError(f"need 1 to {len(STYLES)} runs, got {len(runs)}")
    out = [(label, floats(best, f"run {label!r}")) for label, best in runs]
    if len({len(best) for _, best in out}) != 1:
        raise ValueError("every run needs the same number of iterations")
    for label, best in out:
        if any(after > before for before, after in itertools.pairwise(best)):
            raise ValueError(f"run {label!r} must never increase: it is the lowest loss so far")
    return out


def _panel(box: Box, runs: list[tuple[str, list[float]]], y_ticks: list[float]) -> list[str]:
    iterations = len(runs[0][1])
    decades = [10**k for k in range(int(math.log10(iterations) + 1e-9) + 1)]
    body = box.frame()
    body += box.ticks([math.log10(n) for n in decades], y_ticks, lambda v: str(round(10**v)), fmt)
    body += box.titles(X_TITLE, Y_TITLE, Y_GAP)
    for (_, best), (css, shape, _) in zip(runs, STYLES, strict=False):
        body.append(box.curve(_steps(best), css))
        marks = [(box.x(math.log10(n)), box.y(best[n - 1])) for n in decades]
        inside = [(x, y) for x, y in marks if box.top <= y <= box.top + box.height]
        body += [_marker(shape, x, y) for x, y in inside]
    return body


def search_figure(runs: Sequence[tuple[str, npt.ArrayLike]], zoom: tuple[float, float]) -> str:
    """The lowest loss so far after each iteration, one line per (label, losses) run.

    The upper plot shows every run from a loss of 0; the lower one magnifies the
    losses between `zoom[0]` and `zoom[1]`.
    """
    checked = _checked(runs)
    low, high = zoom
    if not low < high:
        raise ValueError(f"the zoomed band must have low < high, got {zoom}")
    iterations = len(checked[0][1])
    x_range = (0.0, math.log10(iterations))
    top = math.ceil(max(best[0] for _, best in checked) * 5) / 5  # up to a multiple of 0.2
    body: list[str] = []
    for row, (label, _) in enumerate(checked):
        css, shape, _ = STYLES[row]
        y = 12 + row * 20
        body += [line(LEFT, y, LEFT + 36, y, css), _marker(shape, LEFT + 18, y)]
        body.append(text(LEFT + 46, y, label, "p2-tick", "start"))
    upper_top = 26 + 20 * len(checked)
    upper = Box("search-all", LEFT, upper_top + 18, PLOT_W, 120, x_range, (0.0, top))
    body.append(text(LEFT, upper_top + 4, "every run, from a loss of 0", "p2-title", "start"))
    body += _panel(upper, checked, nice_ticks(0.0, top, 4))
    lower_top = upper.top + upper.height + 58
    lower = Box("search-zoom", LEFT, lower_top + 18, PLOT_W, 110, x_range, (low, high))
    band = f"magnified: losses from {fmt(low)} to {fmt(high)}"
    body.append(text(LEFT, lower_top + 4, band, "p2-title", "start"))
    body += _panel(lower, checked, nice_ticks(low, high, 4))
    described = "; ".join(
        f"{label} ({STYLES[i][2]}): {best[0]:.4f} after 1 iteration, {best[-1]:.4f} after "
        f"{iterations}, last lowered at iteration {last_drop(best)}"
        for i, (label, best) in enumerate(checked)
    )
    alt = (
        f"Two plots of the lowest loss so far (y axis) against the number of iterations "
        f"tried (x axis, log scale, 1 to {iterations}), for {len(checked)} runs. "
        f"{described}. The upper plot shows losses from 0 to {fmt(top)}; the lower one "
        f"magnifies losses from {fmt(low)} to {fmt(high)}."
    )
    return figure_of(WIDTH, lower.top + lower.height + 42, alt, body)
