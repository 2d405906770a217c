"""Grids of numbers: a batch of samples, a matrix times a vector."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from docs_build.figures.svg import figure, fmt, rect, text

CELL_W, CELL_H = 64, 34


def as_matrix(values: Sequence[Sequence[float]], name: str = "matrix") -> list[list[float]]:
    """The rows of a non-empty rectangular matrix as lists of floats, or ValueError."""
    rows = [[float(v) for v in row] for row in values]
    if not rows or not rows[0]:
        raise ValueError(f"the {name} is empty")
    if any(len(row) != len(rows[0]) for row in rows):
        raise ValueError(f"the {name} is ragged: rows of lengths {[len(r) for r in rows]}")
    return rows


def cells(
    x0: float,
    y0: float,
    rows: Sequence[Sequence[float]],
    marked: Collection[tuple[int, int]] = (),
    css: str = "cell",
    size: tuple[float, float] = (CELL_W, CELL_H),
    text_css: str = "label",
) -> list[str]:
    """One labelled box per value; the (row, column) pairs in `marked` are highlighted."""
    width, height = size
    body: list[str] = []
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            x, y = x0 + j * width, y0 + i * height
            style = f"{css} cell-mark" if (i, j) in marked else css
            body += [rect(x, y, width, height, style)]
            body += [text(x + width / 2, y + height / 2, fmt(value), text_css)]
    return body


def batch_grid(batch: Sequence[Sequence[float]]) -> str:
    """A batch as a table: one row per sample, one column per feature."""
    rows = as_matrix(batch, "batch")
    n, m = len(rows), len(rows[0])
    left, top = 100, 40
    body = [
        text(left + j * CELL_W + CELL_W / 2, top - 16, f"feature {j + 1}", "axis-label")
        for j in range(m)
    ]
    body += [
        text(left - 12, top + i * CELL_H + CELL_H / 2, f"sample {i + 1}", "axis-label", "end")
        for i in range(n)
    ]
    body += cells(left, top, rows)
    bottom = top + n * CELL_H + 26
    body.append(text(left + m * CELL_W / 2, bottom, f"shape ({n}, {m})", "output"))
    listed = "; ".join(
        f"sample {i + 1}: {', '.join(fmt(v) for v in r)}" for i, r in enumerate(rows)
    )
    alt = f"A batch of {n} samples with {m} features each, shape ({n}, {m}). {listed}."
    return figure_of(left + m * CELL_W + 20, bottom + 20, alt, body)


def matrix_vector(
    weights: Sequence[Sequence[float]], inputs: Sequence[float], biases: Sequence[float]
) -> str:
    """Each row of the weights dotted with the inputs, then its bias added."""
    rows = as_matrix(weights, "weight matrix")
    if len(inputs) != len(rows[0]):
        raise ValueError(f"{len(inputs)} inputs but rows of {len(rows[0])} weights")
    if len(biases) != len(rows):
        raise ValueError(f"{len(biases)} biases but {len(rows)} neurons")
    dots = [sum(w * x for w, x in zip(row, inputs, strict=True)) for row in rows]
    outputs = [d + b for d, b in zip(dots, biases, strict=True)]
    m = len(inputs)
    size = (50, CELL_H)  # narrow cells: the figure must fit a phone at a legible size
    left, top = 26, 80
    right = left + m * size[0]
    # Right-aligned columns after the matrix: dot product, bias, output.
    dot_x, bias_x, out_x = right + 48, right + 102, right + 190
    body = [text(left + m * size[0] / 2, 14, "inputs", "axis-label")]
    body += cells(left, 28, [list(inputs)], css="cell input-cell", size=size)
    for i, (dot, bias, out) in enumerate(zip(dots, biases, outputs, strict=True)):
        y = top + i * CELL_H + CELL_H / 2
        body.append(text(left - 6, y, f"n{i + 1}", "axis-label", "end"))
        body.append(text(dot_x, y, fmt(dot), "weight", "end"))
        body.append(text(bias_x, y, f"+ {fmt(bias)}", "label", "end"))
        body.append(text(out_x, y, f"= {fmt(out)}", "output", "end"))
    body += cells(left, top, rows, size=size)
    heads = [(dot_x, "dot"), (bias_x, "bias"), (out_x, "output")]
    body += [text(x, top - 12, word, "axis-label", "end") for x, word in heads]
    alt = (
        f"A weight matrix of {len(rows)} rows, one per neuron, and {m} columns under the "
        f"inputs ({', '.join(fmt(x) for x in inputs)}). Each row dotted with the inputs gives "
        f"{', '.join(fmt(d) for d in dots)}; adding the biases "
        f"{', '.join(fmt(b) for b in biases)} gives the outputs "
        f"{', '.join(fmt(o) for o in outputs)}."
    )
    return figure_of(out_x + 4, int(top + len(rows) * CELL_H + 16), alt, body)


def figure_of(width: float, height: float, alt: str, body: list[str]) -> str:
    """`svg.figure` with the sizes rounded up to whole pixels."""
    return figure(int(width + 0.999), int(height + 0.999), alt, body)
