"""Scatter plots with fitted lines, side by side."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import circle, fmt, line, rect, text

PANEL, GAP, PAD = 200, 20, 12  # two panels side by side fit 420 units: legible on a phone

Line = tuple[float, float]  # (slope, intercept)


def _panel(
    x0: float,
    xs: Sequence[float],
    ys: Sequence[float],
    reference: Line,
    history: Sequence[Line],
    title: str,
    box: tuple[float, float, float, float],
) -> list[str]:
    lo_x, hi_x, lo_y, hi_y = box

    def px(x: float) -> float:
        return x0 + PAD + (x - lo_x) / (hi_x - lo_x) * (PANEL - 2 * PAD)

    def py(y: float) -> float:
        return 30 + PAD + (hi_y - y) / (hi_y - lo_y) * (PANEL - 2 * PAD)

    def draw(fitted: Line, css: str) -> str:
        slope, icept = fitted
        return line(px(lo_x), py(slope * lo_x + icept), px(hi_x), py(slope * hi_x + icept), css)

    clip = f"fit-clip-{int(x0)}"
    body = [
        f'<clipPath id="{clip}">{rect(x0, 30, PANEL, PANEL, "plot-frame")}</clipPath>',
        rect(x0, 30, PANEL, PANEL, "plot-frame"),
        text(x0 + PANEL / 2, 14, title, "axis-label"),
    ]
    body += [circle(px(x), py(y), 2.2, "point") for x, y in zip(xs, ys, strict=True)]
    lines = [draw(f, "fit-trail") for f in history[:-1]]
    lines += [draw(reference, "fit-ref"), draw(history[-1], "fit")]
    body.append(f'<g clip-path="url(#{clip})">{"".join(lines)}</g>')
    body.append(text(x0 + PANEL / 2, 30 + PANEL + 18, f"last: {equation(history[-1])}", "weight"))
    return body


def equation(fitted: Line) -> str:
    """(0.76, -0.27) -> 'y = 0.76x − 0.27', to two decimals."""
    slope, icept = round(fitted[0], 2), round(fitted[1], 2)
    sign = "−" if icept < 0 else "+"
    return f"y = {fmt(slope)}x {sign} {fmt(abs(icept))}"


def fit_panels(
    xs: Sequence[float],
    ys: Sequence[float],
    reference: Line,
    panels: Sequence[tuple[str, Sequence[Line]]],
) -> str:
    """The same points in each panel, with the reference line and each panel's recent fits.

    The last line of a panel's history is drawn bold, the earlier ones faint.
    """
    xs, ys = [float(v) for v in xs], [float(v) for v in ys]  # NumPy arrays welcome
    if len(xs) != len(ys) or not xs:
        raise ValueError(f"need as many x as y values, got {len(xs)} and {len(ys)}")
    if not panels or any(not history for _, history in panels):
        raise ValueError("every panel needs at least one fitted line")
    lo_x, hi_x = min(xs), max(xs)
    lo_y, hi_y = min(ys), max(ys)
    if lo_x == hi_x or lo_y == hi_y:
        raise ValueError("the points need some spread in x and in y")
    box = (lo_x, hi_x, lo_y, hi_y)
    body: list[str] = []
    for i, (title, history) in enumerate(panels):
        body += _panel(i * (PANEL + GAP), xs, ys, reference, history, title, box)
    described = "; ".join(
        f"{title}: the last of {len(history)} lines is {equation(history[-1])}"
        for title, history in panels
    )
    alt = (
        f"{len(xs)} random points and the least-squares line {equation(reference)}, shown dashed."
        f" {described}."
    )
    width = len(panels) * PANEL + (len(panels) - 1) * GAP
    return figure_of(width, 30 + PANEL + 30, alt, body)
