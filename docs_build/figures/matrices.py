"""The matrix product as a grid, and transposition."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import CELL_H, CELL_W, as_matrix, cells, figure_of
from docs_build.figures.svg import fmt, line, text


def matmul(left: list[list[float]], right: list[list[float]]) -> list[list[float]]:
    """Plain-Python matrix product: row i of `left` dotted with column j of `right`."""
    if len(left[0]) != len(right):
        raise ValueError(
            f"inner sizes differ: ({len(left)}, {len(left[0])}) and ({len(right)}, {len(right[0])})"
        )
    columns = list(zip(*right, strict=True))
    return [[sum(a * b for a, b in zip(row, col, strict=True)) for col in columns] for row in left]


def _factor(value: float) -> str:
    return f"({fmt(value)})" if value < 0 else fmt(value)


def product_grid(
    left: Sequence[Sequence[float]],
    right: Sequence[Sequence[float]],
    row: int,
    col: int,
    names: Sequence[str] = ("left", "right", "product"),
) -> str:
    """Left matrix, right matrix above the result; one row, one column and their cell marked."""
    a, b = as_matrix(left, "left matrix"), as_matrix(right, "right matrix")
    product = matmul(a, b)
    if not (0 <= row < len(a) and 0 <= col < len(b[0])):
        raise ValueError(f"no cell ({row}, {col}) in a ({len(a)}, {len(b[0])}) product")
    n, k, m = len(a), len(b), len(b[0])
    x_a, y_b = 10, 30
    x_c, y_c = x_a + k * CELL_W + 30, y_b + k * CELL_H + 30
    body = [text(x_c + m * CELL_W / 2, 14, f"{names[1]} ({k}, {m})", "axis-label")]
    body += cells(x_c, y_b, b, marked={(i, col) for i in range(k)})
    body.append(text(x_a + k * CELL_W / 2, y_c - 14, f"{names[0]} ({n}, {k})", "axis-label"))
    body += cells(x_a, y_c, a, marked={(row, j) for j in range(k)})
    body.append(text(x_c + m * CELL_W / 2, y_c - 14, f"{names[2]} ({n}, {m})", "axis-label"))
    body += cells(x_c, y_c, product, marked={(row, col)})
    terms = " + ".join(
        f"{_factor(p)}×{_factor(q)}" for p, q in zip(a[row], [r[col] for r in b], strict=True)
    )
    value = product[row][col]
    bottom = y_c + n * CELL_H + 28
    body.append(text(10, bottom, f"{terms} = {fmt(value)}", "weight", "start"))
    alt = (
        f"A ({n}, {k}) matrix times a ({k}, {m}) matrix gives a ({n}, {m}) matrix. "
        f"Row {row + 1} of the left, ({', '.join(fmt(v) for v in a[row])}), dotted with "
        f"column {col + 1} of the right, ({', '.join(fmt(r[col]) for r in b)}), "
        f"gives the marked cell, {fmt(value)}."
    )
    return figure_of(max(x_c + m * CELL_W + 10, 10 + 9.2 * len(terms) + 90), bottom + 16, alt, body)


def transpose_figure(matrix: Sequence[Sequence[float]], row: int = 0) -> str:
    """A matrix and its transpose: the marked row becomes the marked column."""
    a = as_matrix(matrix)
    if not 0 <= row < len(a):
        raise ValueError(f"no row {row} in a matrix of {len(a)} rows")
    t = [list(c) for c in zip(*a, strict=True)]
    n, m = len(a), len(a[0])
    top = 36
    x_t = 10 + m * CELL_W + 70
    body = [
        text(10 + m * CELL_W / 2, 16, f"M, shape ({n}, {m})", "axis-label"),
        text(x_t + n * CELL_W / 2, 16, f"M.T, shape ({m}, {n})", "axis-label"),
    ]
    body += cells(10, top, a, marked={(row, j) for j in range(m)})
    arrow_y = top + min(n, m) * CELL_H / 2
    body += [line(10 + m * CELL_W + 14, arrow_y, x_t - 18, arrow_y, "edge arrow")]
    body += [text(10 + m * CELL_W + 35, arrow_y - 14, ".T", "weight")]
    body += cells(x_t, top, t, marked={(j, row) for j in range(m)})
    alt = (
        f"A ({n}, {m}) matrix and its ({m}, {n}) transpose. Row {row + 1} of the matrix, "
        f"({', '.join(fmt(v) for v in a[row])}), becomes column {row + 1} of the transpose."
    )
    return figure_of(x_t + n * CELL_W + 10, top + max(n, m) * CELL_H + 10, alt, body)
