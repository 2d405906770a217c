"""The matrix product as a grid, and transposition."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import CELL_H, as_matrix, cells, figure_of
from docs_build.figures.svg import fmt, line, polygon, text

CELL = (56, CELL_H)  # narrower than a batch cell, so a (3, 4) by (4, 3) product fits a phone
NUMBER = "label narrow"  # 14px numbers: six characters fit a narrow cell
_CHAR = 8.5  # width of one 14px monospace character


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


def wrap_sum(terms: Sequence[str], tail: str, width: float) -> list[str]:
    """'t1 + t2 + ... tail' on as few lines as fit `width`; later lines start with '+'."""
    lines = [terms[0]]
    for term in [*terms[1:], tail]:
        piece = term if term == tail else f"+ {term}"
        if len(lines[-1]) + 1 + len(piece) <= width / _CHAR:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


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
    cw, ch = CELL
    x_a, y_b = 6, 30
    x_c, y_c = x_a + k * cw + 20, y_b + k * ch + 30
    width = x_c + m * cw + 6
    body = [text(x_c + m * cw / 2, 14, f"{names[1]} ({k}, {m})", "axis-label")]
    body += cells(x_c, y_b, b, marked={(i, col) for i in range(k)}, size=CELL, text_css=NUMBER)
    body.append(text(x_a + k * cw / 2, y_c - 14, f"{names[0]} ({n}, {k})", "axis-label"))
    body += cells(x_a, y_c, a, marked={(row, j) for j in range(k)}, size=CELL, text_css=NUMBER)
    body.append(text(x_c + m * cw / 2, y_c - 14, f"{names[2]} ({n}, {m})", "axis-label"))
    body += cells(x_c, y_c, product, marked={(row, col)}, size=CELL, text_css=NUMBER)
    terms = [f"{_factor(p)}×{_factor(q)}" for p, q in zip(a[row], [r[col] for r in b], strict=True)]
    value = product[row][col]
    sums = wrap_sum(terms, f"= {fmt(value)}", width - 12)
    bottom = y_c + n * ch + 28
    for i, words in enumerate(sums):
        body.append(text(x_a, bottom + 22 * i, words, "weight", "start"))
    alt = (
        f"A ({n}, {k}) matrix times a ({k}, {m}) matrix gives a ({n}, {m}) matrix. "
        f"Row {row + 1} of the left, ({', '.join(fmt(v) for v in a[row])}), dotted with "
        f"column {col + 1} of the right, ({', '.join(fmt(r[col]) for r in b)}), "
        f"gives the marked cell, {fmt(value)}."
    )
    height = bottom + 22 * (len(sums) - 1) + 16
    return figure_of(max(width, _CHAR * max(map(len, sums)) + 12), height, alt, body)


def transpose_figure(matrix: Sequence[Sequence[float]], row: int = 0) -> str:
    """A matrix above its transpose: the marked row becomes the marked column."""
    a = as_matrix(matrix)
    if not 0 <= row < len(a):
        raise ValueError(f"no row {row} in a matrix of {len(a)} rows")
    t = [list(c) for c in zip(*a, strict=True)]
    n, m = len(a), len(a[0])
    cw, ch = CELL
    width = 12 + max(n, m) * cw + 12
    x_a, x_t = (width - m * cw) / 2, (width - n * cw) / 2
    y_a = 30
    y_arrow = y_a + n * ch + 8
    y_t = y_arrow + 62
    middle = width / 2
    body = [
        text(middle, 14, f"M, shape ({n}, {m})", "axis-label"),
        *cells(x_a, y_a, a, marked={(row, j) for j in range(m)}, size=CELL, text_css=NUMBER),
        line(middle, y_arrow, middle, y_arrow + 22, "edge"),
        polygon(
            [(middle - 6, y_arrow + 20), (middle + 6, y_arrow + 20), (middle, y_arrow + 30)],
            "arrowhead",
        ),
        text(middle + 14, y_arrow + 14, ".T", "weight", "start"),
        text(middle, y_t - 14, f"M.T, shape ({m}, {n})", "axis-label"),
        *cells(x_t, y_t, t, marked={(j, row) for j in range(m)}, size=CELL, text_css=NUMBER),
    ]
    alt = (
        f"A ({n}, {m}) matrix above its ({m}, {n}) transpose. Row {row + 1} of the matrix, "
        f"({', '.join(fmt(v) for v in a[row])}), becomes column {row + 1} of the transpose."
    )
    return figure_of(width, y_t + m * ch + 10, alt, body)
