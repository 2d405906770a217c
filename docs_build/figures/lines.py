"""A one-input neuron drawn as a line: the weight is its slope, the bias its height at 0."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import (
    boxed_text,
    circle,
    fmt,
    line,
    nice_ticks,
    rect,
    text,
    vertical_text,
)

# Two panels and the output axis's numbers and title fit 420 units: legible on a phone.
LEFT, PANEL_W, PANEL_H, GAP, PAD = 44, 178, 240, 20, 12
X_TITLE, Y_TITLE = "input x", "output w·x + b"

Neuron = tuple[float, float]  # (weight, bias)


def _label(neuron: Neuron, others: Sequence[Neuron]) -> str:
    """Name a line by what differs between the lines of its panel."""
    weight, bias = neuron
    if len({w for w, _ in others}) == 1:
        return f"b={fmt(bias)}"
    if len({b for _, b in others}) == 1:
        return f"w={fmt(weight)}"
    return f"w={fmt(weight)}, b={fmt(bias)}"


def neuron_lines(xs: Sequence[float], panels: Sequence[tuple[str, Sequence[Neuron]]]) -> str:
    """One panel per group of one-input neurons; each neuron's outputs at `xs` lie on a line.

    All panels share one scale, so slopes and shifts compare across them. The lines run on
    past the last input, and each one's name sits on that stretch, clear of the points.
    """
    xs = [float(x) for x in xs]
    if len(xs) < 2 or min(xs) == max(xs):
        raise ValueError("need at least two different inputs")
    if not panels or any(not neurons for _, neurons in panels):
        raise ValueError("every panel needs at least one neuron")
    lo_x, last_x = min(xs), max(xs)
    hi_x = last_x + 0.45 * (last_x - lo_x)  # room for the names
    ends = [w * x + b for _, ns in panels for w, b in ns for x in (lo_x, hi_x)]
    lo_y, hi_y = min([*ends, 0.0]) - 0.5, max([*ends, 0.0]) + 0.5
    top = 30
    bottom = top + PANEL_H
    x_ticks, y_ticks = nice_ticks(lo_x, hi_x), nice_ticks(lo_y, hi_y)

    def py(y: float) -> float:
        return top + PAD + (hi_y - y) / (hi_y - lo_y) * (PANEL_H - 2 * PAD)

    # The panels share one scale: the output's numbers and title once, left of the first.
    body: list[str] = [text(LEFT - 6, py(v), fmt(v), "tick", "end") for v in y_ticks]
    body.append(vertical_text(10, top + PANEL_H / 2, Y_TITLE))
    described = []
    for k, (title, neurons) in enumerate(panels):
        x0 = LEFT + k * (PANEL_W + GAP)

        def px(x: float, x0: float = x0) -> float:
            return x0 + PAD + (x - lo_x) / (hi_x - lo_x) * (PANEL_W - 2 * PAD)

        body += [
            rect(x0, top, PANEL_W, PANEL_H, "plot-frame"),
            text(x0 + PANEL_W / 2, 14, title, "axis-label"),
            text(x0 + PANEL_W / 2, bottom + 34, X_TITLE, "axis-label"),
        ]
        body += [line(x0, py(v), x0 + PANEL_W, py(v), "grid") for v in y_ticks if v]
        body += [line(px(v), top, px(v), bottom, "grid") for v in x_ticks if v]
        body += [text(px(v), bottom + 14, fmt(v), "tick") for v in x_ticks]
        body += [
            line(x0, py(0), x0 + PANEL_W, py(0), "p2-axis"),
            line(px(0), top, px(0), bottom, "p2-axis"),
        ]
        labels = []
        for neuron in neurons:
            w, b = neuron
            body.append(line(px(lo_x), py(w * lo_x + b), px(hi_x), py(w * hi_x + b), "fit"))
            body += [circle(px(x), py(w * x + b), 3.5, "point") for x in xs]
            name = _label(neuron, neurons)
            labels += boxed_text(px(hi_x), py(w * hi_x + b), name, anchor="end")
            points = ", ".join(f"{fmt(x)} → {fmt(w * x + b)}" for x in xs)
            described.append(f"{title}: weight {fmt(w)}, bias {fmt(b)} gives {points}")
        body += labels
    width = LEFT + len(panels) * PANEL_W + (len(panels) - 1) * GAP
    alt = (
        f"One-input neurons drawn as lines, the output (y axis, {fmt(y_ticks[0])} to "
        f"{fmt(y_ticks[-1])}) against the input x (x axis, {fmt(x_ticks[0])} to "
        f"{fmt(x_ticks[-1])}): the weight sets the slope and the bias the output at input 0. "
        + "; ".join(described)
        + "."
    )
    return figure_of(width, bottom + 44, alt, body)
