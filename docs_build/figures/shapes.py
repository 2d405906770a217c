"""The shapes of a matrix product, drawn as blocks of unit squares."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import rect, text

UNIT = 26


def _block(x: float, y: float, rows: int, cols: int, css: str) -> list[str]:
    return [
        rect(x + j * UNIT, y + i * UNIT, UNIT, UNIT, css) for i in range(rows) for j in range(cols)
    ]


def product_shapes(
    left: Sequence[int], right: Sequence[int], names: Sequence[str] = ("left", "right", "product")
) -> str:
    """(n, k) times (k, m) gives (n, m): three blocks, the shared size k marked."""
    if len(left) != 2 or len(right) != 2 or len(names) != 3:
        raise ValueError("two 2-D shapes and three names are needed")
    (n, k), (k2, m) = left, right
    if min(n, k, k2, m) < 1:
        raise ValueError(f"shapes must be positive: {tuple(left)}, {tuple(right)}")
    if k != k2:
        raise ValueError(f"inner sizes differ: {tuple(left)} and {tuple(right)}")
    top = 30
    x_right = 20 + k * UNIT + 44
    x_out = x_right + m * UNIT + 44
    middle = top + max(n, k) * UNIT / 2
    body = _block(20, top, n, k, "cell")
    body += _block(x_right, top, k, m, "cell")
    body += _block(x_out, top, n, m, "cell cell-mark")
    body += [text(x_right - 22, middle, "·", "output"), text(x_out - 22, middle, "=", "output")]
    bottom = top + max(n, k, m) * UNIT + 22
    for x, width, name, shape in [
        (20, k * UNIT, names[0], (n, k)),
        (x_right, m * UNIT, names[1], (k, m)),
        (x_out, m * UNIT, names[2], (n, m)),
    ]:
        body.append(text(x + width / 2, 14, name, "axis-label"))
        body.append(text(x + width / 2, bottom, f"{shape}", "output"))
    body.append(
        text((20 + x_out + m * UNIT) / 2, bottom + 30, f"inner sizes: {k} = {k2}", "weight")
    )
    alt = (
        f"{names[0]} of shape ({n}, {k}) times {names[1]} of shape ({k}, {m}) gives "
        f"{names[2]} of shape ({n}, {m}); the inner sizes, {k} and {k2}, match."
    )
    return figure_of(x_out + m * UNIT + 20, bottom + 46, alt, body)
