"""The softmax lesson: one sample's layer outputs as bars, and the probabilities softmax makes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import floats
from docs_build.figures.svg import fmt, line, rect, text

WIDTH, LABELS, BARS, PITCH = 360, 70, 210, 30


def _panel(
    top: float, title: str, values: Sequence[float], css: str, label: Callable[[float], str]
) -> list[str]:
    low, high = min(0.0, *values), max(0.0, *values)
    span = high - low or 1.0

    def x_of(v: float) -> float:
        return LABELS + (v - low) / span * BARS

    zero = x_of(0.0)
    bottom = top + 28 + PITCH * len(values)
    body = [text(LABELS, top + 13, title, "p2-title", "start")]
    for j, value in enumerate(values):
        y = top + 28 + PITCH * j
        start, end = sorted((zero, x_of(value)))
        body += [
            text(LABELS - 8, y + 11, f"class {j}", "p2-tick", "end"),
            rect(start, y, max(end - start, 1.0), 22, css),
            text(max(end, zero) + 6, y + 11, label(value), "p2-tick", "start"),
        ]
    body.append(line(zero, top + 24, zero, bottom, "p2-axis"))
    return body


def softmax_bars(outputs: npt.ArrayLike, probabilities: npt.ArrayLike) -> str:
    """Bars before (one sample's layer outputs) and after softmax (its probabilities)."""
    raw, probs = floats(outputs, "outputs"), floats(probabilities, "probabilities")
    if len(raw) != len(probs):
        raise ValueError(f"{len(raw)} outputs but {len(probs)} probabilities")
    exps = [math.exp(v - max(raw)) for v in raw]
    if any(abs(p - e / sum(exps)) > 1e-6 for p, e in zip(probs, exps, strict=True)):
        raise ValueError("the probabilities are not the softmax of the outputs")
    height = 28 + PITCH * len(raw) + 16

    def share(p: float) -> str:
        return f"{p:.3f}"

    body = _panel(0, "layer outputs", raw, "p2-bar-before", fmt)
    body += _panel(height, "after softmax: probabilities", probs, "p2-bar-after", share)
    listed = "; ".join(
        f"class {j}: {fmt(v)} becomes {share(p)}"
        for j, (v, p) in enumerate(zip(raw, probs, strict=True))
    )
    top = max(range(len(raw)), key=lambda j: raw[j])
    alt = (
        f"Bar charts of one sample's {len(raw)} layer outputs, summing to {fmt(sum(raw))}, and "
        f"of the probabilities softmax turns them into, summing to 1. {listed}. "
        f"The order of the bars is kept: class {top}, the largest output, gets the largest "
        f"probability, {share(probs[top])}."
    )
    return figure_of(WIDTH, 2 * height, alt, body)
