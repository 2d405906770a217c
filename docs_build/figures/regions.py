"""Decision regions: the class a network picks at every point of a grid, with the data on top.

Panels side by side, two to a row, each the square of the grid's extent. Each class's
region has the colour of its points (as in scatter.py) and a texture of its own, so
that it can be told apart without the colour: class 0 plain, class 1 hatched, class 2
dotted. A region is one <path> per panel and class, a rectangle per run of equal
cells along a grid row, which keeps four 40 × 40 panels at a few tens of kilobytes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import floats
from docs_build.figures.scatter import marker_name
from docs_build.figures.svg import fmt, rect, text

PANEL, GAP, LEFT, TOP = 150, 16, 34, 56
#: scatter.py's markers, smaller: 300 points share a panel of 150 units here. The
#: circle is a zero-length stroke with round caps (.region-point in figures.css).
MARKERS = ("h0", "m-2.5-2.5h5v5h-5z", "m0-3 2.7 4.6h-5.4z")
#: The textures, by class: name for the alt text, and the pattern's marks (class
#: region-mark-k) on a tile of TILE units; the tile's background is the tint.
TILE = 6
TEXTURES = (
    ("plain", ""),
    ("hatched", '<line x1="1" y1="0" x2="1" y2="6" class="region-mark-1"/>'),
    ("dotted", '<circle cx="3" cy="3" r="1.1" class="region-mark-2"/>'),
)


def _defs(prefix: str) -> str:
    """One pattern per class: the tint, and the class's marks on it (class 1's turned 45°)."""
    patterns = []
    for k, (_, marks) in enumerate(TEXTURES):
        turn = ' patternTransform="rotate(45)"' if k == 1 else ""
        patterns.append(
            f'<pattern id="{prefix}-{k}" patternUnits="userSpaceOnUse" width="{TILE}" '
            f'height="{TILE}"{turn}><rect width="{TILE}" height="{TILE}" '
            f'class="region-bg-{k}"/>{marks}</pattern>'
        )
    return f"<defs>{''.join(patterns)}</defs>"


def _region_paths(x0: float, y0: float, classes: npt.NDArray[np.int64], prefix: str) -> list[str]:
    """A path per class: one rectangle per run of equal cells in each row (row 0 at the bottom)."""
    rows, cols = classes.shape
    cell_w, cell_h = PANEL / cols, PANEL / rows
    pieces: dict[int, list[str]] = {}
    for i in range(rows):
        top = y0 + (rows - 1 - i) * cell_h
        start = 0
        for j in range(1, cols + 1):
            if j == cols or classes[i, j] != classes[i, start]:
                k = int(classes[i, start])
                width = (j - start) * cell_w
                pieces.setdefault(k, []).append(
                    f"M{x0 + start * cell_w:.1f} {top:.1f}h{width:.1f}v{cell_h:.1f}h-{width:.1f}z"
                )
                start = j
    return [
        f'<path d="{"".join(parts)}" fill="url(#{prefix}-{k})" class="region-{k}"/>'
        for k, parts in sorted(pieces.items())
    ]


def region_panels(
    points: npt.ArrayLike,
    labels: npt.ArrayLike,
    extent: tuple[float, float],
    panels: Sequence[tuple[str, npt.ArrayLike]],
    prefix: str = "nnfs-region",
) -> str:
    """The data over each panel's regions. `panels` holds (title, classes), `classes` a
    2-D grid of class indices: row i, column j is the point at the centre of cell (j, i)
    of the square `extent` × `extent`, row 0 at the bottom. `prefix` makes the patterns'
    ids: unique on the page."""
    xy = np.asarray(points, dtype=np.float64)
    ys = np.asarray(labels)
    low, high = (float(v) for v in extent)
    if xy.ndim != 2 or xy.shape[1] != 2 or len(xy) != len(ys) or not len(xy):
        raise ValueError("need points of shape (n, 2) and one label per point")
    floats(xy, "points")
    if not low < high or xy.min() < low or xy.max() > high:
        raise ValueError(f"every point must lie in the extent {extent}")
    if not panels:
        raise ValueError("no panel to draw")
    count = len(TEXTURES)
    grids = [np.asarray(c) for _, c in panels]
    if any(g.ndim != 2 for g in grids):
        raise ValueError("each panel's classes must be a 2-D grid")
    if int(ys.min()) < 0 or max(int(ys.max()), *(int(g.max()) for g in grids)) >= count:
        raise ValueError(f"classes must be 0 to {count - 1}")
    scale = PANEL / (high - low)
    body = [_defs(prefix)]
    for k in range(count):  # the legend: a swatch of the region with the class's marker
        x = LEFT + k * 106
        body += [
            f'<rect x="{x}" y="8" width="26" height="22" fill="url(#{prefix}-{k})" '
            f'class="region-{k}"/>',
            f'<path class="scatter-{k} region-point" d="M{x + 13} 19{MARKERS[k]}"/>',
            text(x + 32, 19, f"class {k}", "p2-tick", "start"),
        ]
    described = []
    for n, ((title, _), grid) in enumerate(zip(panels, grids, strict=True)):
        x0 = LEFT + (n % 2) * (PANEL + GAP)
        y0 = TOP + (n // 2) * (PANEL + 44)
        body.append(text(x0 + PANEL / 2, y0 - 10, title, "p2-title"))
        body += _region_paths(x0, y0, grid, prefix)
        body.append(rect(x0, y0, PANEL, PANEL, "plot-frame"))
        for k in range(count):
            marks = "".join(
                f"M{x0 + (px - low) * scale:.1f} {y0 + (high - py) * scale:.1f}{MARKERS[k]}"
                for (px, py), c in zip(xy, ys, strict=True)
                if c == k
            )
            body.append(f'<path class="scatter-{k} region-point" d="{marks}"/>')
        if n % 2 == 0:
            body += [text(x0 - 5, y0 + PANEL - 6, fmt(low), "p2-tick", "end")]
            body += [text(x0 - 5, y0 + 6, fmt(high), "p2-tick", "end")]
        shares = ", ".join(
            f"class {k} {round(100 * float(np.mean(grid == k)))} %" for k in range(count)
        )
        described.append(f"{title}: {shares} of the area")
    rows = (len(panels) + 1) // 2
    height = TOP + rows * (PANEL + 44) - 28
    width = LEFT + 2 * PANEL + GAP + 6
    legend = ", ".join(
        f"class {k} as {marker_name(k)} on a {TEXTURES[k][0]} region" for k in range(count)
    )
    alt = (
        f"{len(panels)} maps of the square from {fmt(low)} to {fmt(high)} in both features, "
        f"each shaded by the class the network picks there, with the {len(xy)} data points "
        f"on top ({legend}). " + "; ".join(described) + "."
    )
    return figure_of(width, height, alt, body)
