"""The gradient-checking lesson: how far a finite difference is from the true derivative,
against the step h, both on log scales.

Each series is told apart by its line (solid, dashed, dotted) and named in a legend
above the plot, drawn with the same line; colour is not needed to read it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, floats
from docs_build.figures.svg import line, text

#: The look of the first, second and third series.
STYLES = ("p2-curve", "p2-target", "p3-dotted")
WIDTH, LEFT, TOP, PLOT_W, PLOT_H = 360, 58, 100, 284, 200


def _power(exponent: float) -> str:
    return "1" if exponent == 0 else f"1e{round(exponent)}"


def difference_errors(hs: npt.ArrayLike, series: Sequence[tuple[str, npt.ArrayLike]]) -> str:
    """Relative errors (y, log scale) against the steps `hs` (x, log scale).

    `series` holds up to three (name, errors) pairs, one error per step. An error of 0
    (the difference was exact) cannot be shown on a log scale: it is drawn on the
    bottom edge of the plot.
    """
    steps = floats(hs, "hs")
    if any(h <= 0 for h in steps):
        raise ValueError("the steps must be positive")
    if not 1 <= len(series) <= len(STYLES):
        raise ValueError(f"draw one to {len(STYLES)} series, not {len(series)}")
    lines: list[list[float | None]] = []
    lowest = []
    for name, errors in series:
        values = floats(errors, f"the errors of {name}")
        if len(values) != len(steps):
            raise ValueError(f"{name}: {len(values)} errors for {len(steps)} steps")
        if any(e < 0 for e in values):
            raise ValueError(f"{name}: an error is negative")
        lines.append([math.log10(e) if e > 0 else None for e in values])
        best = min(range(len(values)), key=lambda k: values[k])
        lowest.append(f"{name}: smallest, {values[best]:.0e}, at h = {steps[best]:.0e}")
    logs = [math.log10(h) for h in steps]
    x_low, x_high = math.floor(min(logs)), math.ceil(max(logs))
    shown = [v for ys in lines for v in ys if v is not None]
    if not shown:
        raise ValueError("every error is 0: there is nothing to draw on a log scale")
    y_high = max(0.0, math.ceil(max(shown)))
    bottom = 4.0 * math.floor(min(shown) / 4)  # a tick at or below every error
    drawn = [[bottom if v is None else v for v in ys] for ys in lines]
    box = Box("step-errors", LEFT, TOP, PLOT_W, PLOT_H, (x_low, x_high), (bottom, y_high))
    body = [text(10, 12, "error of the derivative against the step h", "p2-title", "start")]
    for k, (name, _) in enumerate(series):
        y = 36 + 20 * k
        body += [line(20, y, 56, y, STYLES[k]), text(64, y, name, "p2-tick", "start")]
    body += box.frame()
    body += [box.curve(list(zip(logs, ys, strict=True)), STYLES[k]) for k, ys in enumerate(drawn)]
    x_ticks = [float(v) for v in range(x_high, x_low - 1, -3)][::-1]
    y_ticks = [float(v) for v in range(int(bottom), int(y_high) + 1, 4)]
    body += box.ticks(x_ticks, y_ticks, _power)
    body += box.titles("the step h (log scale)", "relative error (log scale)", 48)
    names = "; ".join(name for name, _ in series)
    alt = (
        "A plot on log scales of the relative error of a finite-difference derivative "
        f"(y axis, from {_power(bottom)} to {_power(y_high)}) against the step h (x axis, "
        f"from {_power(x_low)} on the left to {_power(x_high)} on the right), for "
        f"these estimates: {names}. As h shrinks (to the left) each error first falls, "
        f"then rises again when rounding takes over. {'; '.join(lowest)}."
    )
    return figure_of(WIDTH, TOP + PLOT_H + 44, alt, body)
