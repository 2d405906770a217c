"""The derivatives lesson: tangent lines drawn from computed slopes, and a slope's error
against the step it was computed with (both axes on a log scale)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, increasing, padded, pairs
from docs_build.figures.svg import circle, fmt, line, nice_ticks, text

WIDTH, LEFT, PLOT_W = 360, 50, 290
Touch = tuple[float, float, float]  # (x, y, slope): a point of the curve and its tangent's slope


def _legend(x: float, y: float, sample: str, label: str) -> list[str]:
    """A sample of a series' look (drawn around x + 15) and its label."""
    return [sample, text(x + 38, y, label, "p2-tick", "start")]


def _line_sample(x: float, y: float, css: str) -> str:
    return line(x, y, x + 30, y, css)


def _touches(points: Sequence[Touch], lo: float, hi: float) -> list[Touch]:
    """The (x, y, slope) triples as floats, each x between `lo` and `hi`."""
    out = [(float(x), float(y), float(slope)) for x, y, slope in points]
    if not out:
        raise ValueError("no tangent to draw")
    for x, _, _ in out:
        if not lo <= x <= hi:
            raise ValueError(f"a tangent at x = {fmt(x)} lies outside the curve, {lo} to {hi}")
    return out


def tangent_figure(
    xs: npt.ArrayLike,
    ys: npt.ArrayLike,
    touches: Sequence[Touch],
    rule: npt.ArrayLike,
    *,
    curve_label: str,
    rule_label: str,
) -> str:
    """The curve (xs, ys) with a tangent at each (x, y, slope) of `touches`; under it, the
    slopes as dots on the derivative `rule`, given by its values at `xs`.

    Each tangent is drawn from its point's own numbers: the line through (x, y) that
    rises `slope` for every step of 1 in x, over two thirds of the x range.
    """
    curve, derivative = pairs(xs, ys, "the curve"), pairs(xs, rule, "the rule")
    increasing([x for x, _ in curve], "xs")
    lo, hi = curve[0][0], curve[-1][0]
    marks = _touches(touches, lo, hi)
    reach = (hi - lo) / 3
    heights = [y for _, y in curve]
    upper = Box("tangents", LEFT, 54, PLOT_W, 200, (lo, hi), padded(heights))
    body = _legend(LEFT, 12, _line_sample(LEFT, 12, "p2-curve"), curve_label)
    body += _legend(LEFT, 32, _line_sample(LEFT, 32, "p2-target"), "tangent lines")
    body += [*upper.frame(), upper.curve(curve, "p2-curve")]
    for x, y, slope in marks:
        ends = [(x - reach, y - slope * reach), (x + reach, y + slope * reach)]
        body.append(upper.curve(ends, "p2-target"))
    body += [circle(upper.x(x), upper.y(y), 4, "p2-dot") for x, y, _ in marks]
    x_ticks = nice_ticks(lo, hi, 6)
    body += upper.ticks(x_ticks, nice_ticks(min(heights), max(heights), 4))
    body += upper.titles("x", "y", 36)

    slopes = [s for _, _, s in marks]
    values = [v for _, v in derivative] + slopes
    lower_top = upper.top + upper.height + 52
    lower = Box("slopes", LEFT, lower_top + 38, PLOT_W, 100, (lo, hi), padded(values))
    body += _legend(LEFT, lower_top, _line_sample(LEFT, lower_top, "p2-curve"), rule_label)
    dot = circle(LEFT + 15, lower_top + 20, 4, "p2-dot")
    body += _legend(LEFT, lower_top + 20, dot, "the tangents' slopes")
    body += [*lower.frame(), lower.curve(derivative, "p2-curve")]
    body += [circle(lower.x(x), lower.y(s), 4, "p2-dot") for x, _, s in marks]
    body += lower.ticks(x_ticks, nice_ticks(min(values), max(values), 4))
    body += lower.titles("x", "slope", 36)

    listed = "; ".join(f"at x = {fmt(x)} the slope is {fmt(round(s, 4))}" for x, _, s in marks)
    alt = (
        f"Upper plot: the curve {curve_label} for x from {fmt(lo)} to {fmt(hi)}, solid, with "
        f"a dashed tangent line through each of {len(marks)} points marked by dots: {listed}. "
        f"Each tangent touches the curve at its point, and is steeper where the curve is. "
        f"Lower plot: the same slopes as dots, lying on the line of {rule_label}."
    )
    return figure_of(WIDTH, lower.top + lower.height + 42, alt, body)


def _sci(value: float) -> str:
    """1e-09 -> '1e-9', 2.43e-08 -> '2.4e-8': a number as the ticks and the alt text show it."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.removesuffix('.0')}e{int(exponent)}"


def _decades(low: int, high: int, most: int = 6) -> list[float]:
    """Whole exponents from `low` to `high`, 1 to 5 decades apart, at most `most` of them."""
    step = next(s for s in (1, 2, 3, 4, 5) if (high - low) // s + 1 <= most)
    first = -(-low // step) * step  # the first multiple of step at or above low
    return [float(e) for e in range(first, high + 1, step)]


def step_error_figure(
    deltas: npt.ArrayLike,
    errors: npt.ArrayLike,
    reference: npt.ArrayLike,
    *,
    reference_label: str,
) -> str:
    """The error of a numerical slope against its step: measured (solid, dots), and the
    `reference` that large steps follow (dashed); both axes on a log scale."""
    measured = sorted(pairs(deltas, errors, "errors"))
    expected = sorted(pairs(deltas, reference, "reference"))
    if any(v <= 0 for point in measured + expected for v in point):
        raise ValueError("steps and errors must be positive to go on a log scale")
    logged = [(math.log10(d), math.log10(e)) for d, e in measured]
    guide = [(math.log10(d), math.log10(e)) for d, e in expected]
    x_lo, x_hi = math.floor(logged[0][0]), math.ceil(logged[-1][0])
    heights = [e for _, e in logged + guide]
    y_lo, y_hi = math.floor(min(heights)), math.ceil(max(heights))
    box = Box("step-error", 62, 58, 276, 210, (x_lo, x_hi), (y_lo, y_hi))
    measured_look = _line_sample(62, 12, "p2-curve") + circle(77, 12, 3.5, "p2-dot")
    body = _legend(62, 12, measured_look, "the measured error")
    body += _legend(62, 32, _line_sample(62, 32, "p2-target"), reference_label)
    body += [*box.frame(), box.curve(guide, "p2-target"), box.curve(logged, "p2-curve")]
    body += [circle(box.x(x), box.y(y), 3.5, "p2-dot") for x, y in logged]
    body += box.ticks(_decades(x_lo, x_hi), _decades(y_lo, y_hi), lambda v: _sci(10**v))
    body += box.titles("the step, delta (log scale)", "error (log scale)", 50)

    best_delta, best_error = min(measured, key=lambda p: p[1])
    (small, small_error), (large, large_error) = measured[0], measured[-1]
    alt = (
        f"The error of a numerical slope (y axis, log scale) against the step delta "
        f"(x axis, log scale), with a dot at each of the {len(measured)} steps tried, from "
        f"{_sci(small)} to {_sci(large)}. From the largest step (error {_sci(large_error)}) "
        f"the error falls along the dashed line of {reference_label} to its smallest, "
        f"{_sci(best_error)}, at delta = {_sci(best_delta)}; for smaller steps it rises "
        f"again, to {_sci(small_error)} at delta = {_sci(small)}."
    )
    return figure_of(WIDTH, box.top + box.height + 42, alt, body)
