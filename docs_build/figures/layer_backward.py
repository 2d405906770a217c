"""The backprop-layer lesson: the shapes of a dense layer's forward and backward products.

Each array is a block of unit squares, with the name of its rows written up its left
side and the name of its columns along its top, so that a size shared by two axes
(3 samples and 3 neurons, say) is never ambiguous. Each row of the figure is one
formula; the axis it sums over is named in bold in the accent colour, and the result,
highlighted, has the shape of what it is the gradient of.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import rect, text, vertical_text

UNIT = 20
LEFT = 28  # room for the first block's row name, read upwards
GAP = 52  # between blocks: an operator, then the next block's row name
TITLE = 24  # the formula above a row
NAMES = 18  # the column names above the blocks
BELOW = 40  # the array's name and shape under its block


class Array(NamedTuple):
    """An array as the figure draws it: a name, its axes' names and sizes."""

    name: str
    row_axis: str
    col_axis: str
    rows: int
    cols: int


def _axis(axis: str, summed: str) -> str:
    return "dim summed" if axis == summed else "dim"


def _block(x: float, y: float, array: Array, css: str, summed: str) -> list[str]:
    body = [
        rect(x + j * UNIT, y + i * UNIT, UNIT, UNIT, css)
        for i in range(array.rows)
        for j in range(array.cols)
    ]
    body.append(
        text(x + array.cols * UNIT / 2, y - 9, array.col_axis, _axis(array.col_axis, summed))
    )
    if array.row_axis:
        middle = y + array.rows * UNIT / 2
        body.append(vertical_text(x - 10, middle, array.row_axis, _axis(array.row_axis, summed)))
    return body


def _width(arrays: Sequence[Array]) -> float:
    return LEFT + sum(a.cols * UNIT for a in arrays) + GAP * (len(arrays) - 1)


def _height(arrays: Sequence[Array]) -> float:
    return TITLE + NAMES + max(a.rows for a in arrays) * UNIT + BELOW


def _row(top: float, formula: str, arrays: Sequence[Array], summed: str) -> list[str]:
    """One formula: its text, then the blocks with `@` (or `→`) and `=` between them; the
    last block is the result and is highlighted."""
    body = [text(10, top + 10, formula, "tick", "start")]
    block_top = top + TITLE + NAMES
    height = max(a.rows for a in arrays) * UNIT
    operators = ["@", "="] if len(arrays) == 3 else ["→"]
    x = float(LEFT)
    for k, array in enumerate(arrays):
        css = "cell cell-mark" if k == len(arrays) - 1 else "cell"
        body += _block(x, block_top, array, css, summed)
        middle = x + array.cols * UNIT / 2
        body.append(text(middle, block_top + height + 12, array.name, "tick"))
        body.append(text(middle, block_top + height + 30, f"({array.rows}, {array.cols})", "tick"))
        if k < len(operators):
            x_op = x + array.cols * UNIT + GAP / 2 - 8
            body.append(text(x_op, block_top + height / 2, operators[k], "output"))
        x += array.cols * UNIT + GAP
    return body


def backward_shapes(samples: int, n_inputs: int, n_neurons: int) -> str:
    """The forward product and the three gradients of a dense layer, as shapes.

    `inputs` is (samples, n_inputs), `weights` (n_inputs, n_neurons), `dvalues` and the
    output (samples, n_neurons). `dinputs = dvalues @ weights.T` has the inputs' shape,
    `dweights = inputs.T @ dvalues` the weights', and `dbiases`, the column sums of
    `dvalues`, the biases' (1, n_neurons).
    """
    sizes = (samples, n_inputs, n_neurons)
    if min(sizes) < 1:
        raise ValueError(f"sizes must be positive: {sizes}")
    if max(sizes) > 5:
        raise ValueError(f"draw a small layer, at most 5 of each: {sizes}")
    s, i, n = sizes
    inputs = Array("inputs", "samples", "inputs", s, i)
    weights = Array("weights", "inputs", "neurons", i, n)
    dvalues = Array("dvalues", "samples", "neurons", s, n)
    rows = [
        ("output = inputs @ weights", "inputs", [inputs, weights, dvalues._replace(name="output")]),
        (
            "dinputs = dvalues @ weights.T",
            "neurons",
            [
                dvalues,
                Array("weights.T", "neurons", "inputs", n, i),
                inputs._replace(name="dinputs"),
            ],
        ),
        (
            "dweights = inputs.T @ dvalues",
            "samples",
            [
                Array("inputs.T", "inputs", "samples", i, s),
                dvalues,
                weights._replace(name="dweights"),
            ],
        ),
        (
            "dbiases = dvalues summed over samples",
            "samples",
            [dvalues, Array("dbiases", "", "neurons", 1, n)],
        ),
    ]
    body: list[str] = []
    top = 4.0
    for formula, summed, arrays in rows:
        body += _row(top, formula, arrays, summed)
        top += _height(arrays) + 14
    width = max(_width(arrays) for _, _, arrays in rows) + 10
    alt = (
        f"The shapes of a dense layer's products, for {s} samples, {i} inputs and {n} "
        f"neurons. Forward: inputs ({s}, {i}) times weights ({i}, {n}) gives the output "
        f"({s}, {n}), summing over the inputs. The gradient dvalues has the output's shape. "
        f"dvalues ({s}, {n}) times weights.T ({n}, {i}) gives dinputs ({s}, {i}), the "
        f"shape of the inputs, summing over the {n} neurons. inputs.T ({i}, {s}) "
        f"times dvalues ({s}, {n}) gives dweights ({i}, {n}), the shape of the weights, "
        f"summing over the {s} samples. Summing dvalues over its samples gives "
        f"dbiases (1, {n}), the shape of the biases."
    )
    return figure_of(width, top, alt, body)
