"""The backprop-layer lesson: softmax + cross-entropy's combined gradient, sample by sample.

One group of bars per sample, one bar per class, from a shared zero line. The right
class's bar is solid and labelled in bold; the others are outlined, so the two kinds
differ in more than colour.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from docs_build.figures.grids import as_matrix, figure_of
from docs_build.figures.svg import line, rect, text

WIDTH, LEFT, BAR, PITCH, GROUP_GAP = 360, 12, 26, 32, 24
TOP, HEIGHT = 72, 180  # the bars and their labels: the zero line is inside


def gradient_bars(gradient: npt.ArrayLike, targets: npt.ArrayLike) -> str:
    """Bars of `gradient` (samples × classes); `targets` names each sample's right class."""
    rows = as_matrix(np.asarray(gradient, dtype=np.float64).tolist(), "gradient")
    labels = [int(t) for t in np.asarray(targets).ravel()]
    classes = len(rows[0])
    if len(labels) != len(rows):
        raise ValueError(f"{len(rows)} samples but {len(labels)} targets")
    if not all(0 <= t < classes for t in labels):
        raise ValueError(f"a target must be a class from 0 to {classes - 1}")
    low = min(0.0, *(v for row in rows for v in row))
    high = max(0.0, *(v for row in rows for v in row))
    span = high - low or 1.0

    def y_of(value: float) -> float:
        return TOP + (high - value) / span * HEIGHT

    group = classes * PITCH
    right_edge = LEFT + len(rows) * group + (len(rows) - 1) * GROUP_GAP
    zero = y_of(0.0)
    body = [
        text(LEFT, 12, "combined gradient, per sample and class", "p2-title", "start"),
        rect(LEFT, 26, 14, 12, "p2-bar-after"),
        text(LEFT + 20, 32, "right class", "p2-tick", "start"),
        rect(LEFT + 120, 26, 14, 12, "p2-bar-other"),
        text(LEFT + 140, 32, "other classes", "p2-tick", "start"),
    ]
    described = []
    for s, (row, target) in enumerate(zip(rows, labels, strict=True)):
        x0 = LEFT + s * (group + GROUP_GAP)
        for c, value in enumerate(row):
            x = x0 + c * PITCH + (PITCH - BAR) / 2
            top, bottom = sorted((zero, y_of(value)))
            css = "p2-bar-after" if c == target else "p2-bar-other"
            body.append(rect(x, top, BAR, max(bottom - top, 1.0), css))
            number = f"{value:.3f}".replace("-", "−")
            y_text = top - 8 if value >= 0 else bottom + 10
            body.append(text(x + BAR / 2, y_text, number.replace("0.", "."), "p2-tick"))
            name_css = "p2-tick summed" if c == target else "p2-tick"
            body.append(text(x + BAR / 2, TOP + HEIGHT + 30, str(c), name_css))
        body.append(text(x0 + group / 2, TOP + HEIGHT + 50, f"sample {s}", "p2-tick"))
        values = ", ".join(f"{v:.3f}" for v in row)
        described.append(f"sample {s}, right class {target}: {values}")
    body.append(line(LEFT, zero, right_edge, zero, "p2-axis"))
    alt = (
        f"Bars of the combined softmax and cross-entropy gradient for {len(rows)} samples "
        f"and {classes} classes, one group per sample. In each group the right class's "
        f"bar points down and the others point up, and together they add up to 0. "
        + "; ".join(described)
        + "."
    )
    return figure_of(max(WIDTH, right_edge + LEFT), TOP + HEIGHT + 62, alt, body)
