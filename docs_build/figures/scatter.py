"""A labelled data set with two features, one colour and one marker shape per class.

Colours alone fail readers who cannot tell them apart, so every class also has
its own marker: circle, square, triangle, diamond, then a bar. Each class is one
<path> (a short fragment per point, coordinates to one decimal), which keeps a
300-point plot at a few kilobytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import fmt, line, rect, text

WIDTH, LEFT, RIGHT, TOP, BOTTOM = 340, 52, 14, 40, 48
PLOT = WIDTH - LEFT - RIGHT

#: (name for the alt text, path fragment drawn around the point); the circle is a
#: zero-length stroke with round caps (see .scatter-0 in figures.css).
MARKERS = (
    ("circles", "h0"),
    ("squares", "m-3-3h6v6h-6z"),
    ("triangles", "m0-4 3.5 6h-7z"),
    ("diamonds", "m0-4 4 4-4 4-4-4z"),
    ("bars", "m-4-1.5h8v3h-8z"),
)


def marker_name(label: int) -> str:
    """The word the alt text uses for the marker of class `label`."""
    return MARKERS[label][0]


def _ticks(lo: float, hi: float) -> list[float]:
    """Multiples of 0.5 from `lo` to `hi` (both multiples of 0.5)."""
    return [(lo + 0.5 * i) for i in range(round((hi - lo) / 0.5) + 1)]


def class_scatter(
    points: Iterable[Sequence[float]], labels: Iterable[int], description: str = ""
) -> str:
    """Every point at its two features, drawn with its class's colour and marker.

    Both axes have the same scale, bounded by the data rounded out to multiples
    of 0.5. `description` (a sentence) is added to the alt text. NumPy arrays
    (`X` of shape (n, 2), `y` of shape (n,)) are welcome.
    """
    rows = [[float(v) for v in p] for p in points]
    if any(len(p) != 2 for p in rows):
        raise ValueError("every point needs exactly two features")
    xy = [(p[0], p[1]) for p in rows]
    classes = [int(c) for c in labels]
    if len(xy) != len(classes) or not xy:
        raise ValueError(f"need one label per point, got {len(xy)} points, {len(classes)} labels")
    if min(classes) < 0 or max(classes) >= len(MARKERS):
        raise ValueError(f"labels must be 0 to {len(MARKERS) - 1}; got {sorted(set(classes))}")
    if not all(math.isfinite(v) for p in xy for v in p):
        raise ValueError("every feature must be a finite number")
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    x_lo, x_hi = math.floor(min(xs) * 2) / 2, math.ceil(max(xs) * 2) / 2
    y_lo, y_hi = math.floor(min(ys) * 2) / 2, math.ceil(max(ys) * 2) / 2
    scale = PLOT / max(x_hi - x_lo, y_hi - y_lo, 0.5)
    height = (y_hi - y_lo) * scale

    def px(x: float) -> float:
        return LEFT + (x - x_lo) * scale

    def py(y: float) -> float:
        return TOP + (y_hi - y) * scale

    body = [rect(px(x_lo), TOP, (x_hi - x_lo) * scale, height, "plot-frame")]
    for t in _ticks(x_lo, x_hi):
        body += [line(px(t), TOP + height, px(t), TOP + height + 5, "scatter-axis")]
        body += [text(px(t), TOP + height + 16, fmt(t), "scatter-tick")]
    for t in _ticks(y_lo, y_hi):
        body += [line(LEFT - 5, py(t), LEFT, py(t), "scatter-axis")]
        body += [text(LEFT - 8, py(t), fmt(t), "scatter-tick", "end")]
    body.append(text(LEFT + PLOT / 2, TOP + height + 37, "X[:, 0]", "scatter-tick"))
    body.append(
        f'<text x="14" y="{TOP + height / 2:.1f}" class="scatter-tick" text-anchor="middle" '
        f'transform="rotate(-90 14 {TOP + height / 2:.1f})">X[:, 1]</text>'
    )
    present = sorted(set(classes))
    step = PLOT / len(present)
    for i, k in enumerate(present):
        fragment = MARKERS[k][1]
        marks = "".join(
            f"M{px(x):.1f} {py(y):.1f}{fragment}"
            for (x, y), c in zip(xy, classes, strict=True)
            if c == k
        )
        body.append(f'<path class="scatter-{k}" d="{marks}"/>')
        cx = LEFT + i * step + 10
        body.append(f'<path class="scatter-{k}" d="M{cx:.1f} 18{fragment}"/>')
        body.append(text(cx + 10, 18, f"class {k}", "scatter-tick", "start"))
    counts = ", ".join(
        f"class {k} ({classes.count(k)} points) as {marker_name(k)}" for k in present
    )
    alt = (
        f"Scatter plot of {len(xy)} points with two features, one colour and marker per "
        f"class: {counts}. X[:, 0] runs from {fmt(round(min(xs), 2))} to "
        f"{fmt(round(max(xs), 2))}, X[:, 1] from {fmt(round(min(ys), 2))} to "
        f"{fmt(round(max(ys), 2))}."
    )
    if description:
        alt += f" {description}"
    return figure_of(WIDTH, TOP + height + BOTTOM, alt, body)
