"""The loss lesson: -log(p) on an ordinary scale, and on a log scale with the clipped region."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, floats, increasing, pairs
from docs_build.figures.svg import circle, fmt, rect, text

WIDTH, TOP_MAX = 360, 5.0
#: The plots' left edge: room for the loss's numbers and, Y_GAP further left, its title.
LEFT, Y_GAP = 58, 46
X_TITLE, Y_TITLE = "p, the probability of the correct class", "loss"


def _power(exponent: float) -> str:
    """-7 -> '1e-7', 0 -> '1': a tick on the log-scale axis."""
    return "1" if exponent == 0 else f"1e{round(exponent)}"


def log_loss_figure(
    ps: npt.ArrayLike,
    losses: npt.ArrayLike,
    clipped: npt.ArrayLike,
    low: float,
    marked: npt.ArrayLike = (),
) -> str:
    """-log(p) for increasing p in (0, 1]: `losses` as computed, `clipped` after clipping at `low`.

    The upper panel shows p from 0 to 1 (losses above 5 are cut off), with a dot at
    each probability in `marked`; the lower one puts p on a log scale, so the region
    below `low`, where clipping holds the loss at -log(low), can be seen.
    """
    raw, held = pairs(ps, losses, "losses"), pairs(ps, clipped, "clipped")
    p_values = [p for p, _ in raw]
    increasing(p_values, "ps")
    if not 0 < p_values[0] < low < 1 or p_values[-1] > 1:
        raise ValueError(f"need 0 < ps[0] < low < 1 and ps[-1] <= 1; low is {low}")
    dots = floats(marked, "marked") if np.size(marked) else []
    if not all(0 < p <= 1 for p in dots):
        raise ValueError("the marked probabilities must lie in (0, 1]")

    upper = Box("loss-linear", LEFT, 34, 290, 120, (0.0, 1.0), (0.0, TOP_MAX))
    body = [text(upper.left, 12, "−log(p) for p from 0 to 1", "p2-title", "start")]
    body += [*upper.frame(), upper.curve([(p, v) for p, v in raw if v < 2 * TOP_MAX], "p2-curve")]
    body += upper.ticks([0.0, 0.5, 1.0], [0.0, TOP_MAX])
    body += upper.titles(X_TITLE, Y_TITLE, Y_GAP)
    body += [circle(upper.x(p), upper.y(-math.log(p)), 4, "p2-dot") for p in dots]

    cap = -math.log(low)
    exponent = round(math.log10(low))
    low_text = _power(exponent) if float(f"1e{exponent}") == low else fmt(low)
    first = math.floor(math.log10(p_values[0]))
    scale = [(math.log10(p), v) for p, v in raw]
    highest = max(v for _, v in scale) * 1.05
    lower = Box("loss-log", LEFT, 236, 290, 120, (first, 0.0), (0.0, highest))
    band_right = lower.x(math.log10(low))
    body += [
        text(lower.left, 214, "the same on a log scale of p, clipped", "p2-title", "start"),
        rect(lower.left, lower.top, band_right - lower.left, lower.height, "p2-band"),
        text((lower.left + band_right) / 2, lower.top + lower.height - 14, "clipped", "p2-tick"),
        *lower.frame(),
        lower.curve(scale, "p2-target"),
        lower.curve([(math.log10(p), v) for p, v in held], "p2-curve"),
        text(
            band_right + 6, lower.y(cap) - 12, f"−log({low_text}) ≈ {cap:.1f}", "p2-tick", "start"
        ),
    ]
    ticks = sorted({float(first), float(exponent), float(round(exponent / 2)), 0.0})
    body += lower.ticks(ticks, [0.0, round(cap, 1)], _power, fmt)
    body += lower.titles(f"{X_TITLE}, log scale", Y_TITLE, Y_GAP)
    picked = ", ".join(f"p = {fmt(p)} gives {-math.log(p):.3f}" for p in dots)
    alt = (
        "Two plots of the loss −log(p) (y axis) against the probability p of the correct "
        "class (x axis). "
        "Upper: p from 0 to 1 on an ordinary scale; the loss is 0 at p = 1 and rises "
        f"steeply as p nears 0{'; ' + picked if picked else ''}. Lower: p from "
        f"{_power(first)} to 1 on a log scale. Below p = {low_text}, a shaded region, clipping "
        f"holds the loss at −log({low_text}) ≈ {cap:.1f}, where without clipping it keeps "
        f"rising, to {max(v for _, v in raw):.1f} at p = {_power(first)} and to infinity at p = 0."
    )
    return figure_of(WIDTH, 400, alt, body)
