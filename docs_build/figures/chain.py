"""Shapes flowing through a stack of layers: each output is the next layer's input."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import line, rect, text

UNIT, CAP = 16, 5  # cell size; at most CAP cells are drawn along a dimension
DATA_X, LABEL_X, ARROW_X, WEIGHTS_X, TOP = 16, 110, 40, 70, 10

Shape = tuple[int, int]
Layer = tuple[str, Shape, str]  # (weights' name, their shape, the output's name)


def _shape(value: Sequence[int], what: str) -> Shape:
    if len(value) != 2 or min(value) < 1:
        raise ValueError(f"{what} must be a 2-D shape of positive sizes, got {tuple(value)}")
    return int(value[0]), int(value[1])


def _block(x: float, y: float, shape: Shape, first_row: str = "") -> list[str]:
    """Cells for a matrix of `shape`, at most CAP a side; cut sides are dashed."""
    rows, cols = min(shape[0], CAP), min(shape[1], CAP)
    body = []
    for i in range(rows):
        for j in range(cols):
            css = "cell"
            if i == 0 and first_row:
                css += f" {first_row}"
            if (i == rows - 1 and shape[0] > CAP) or (j == cols - 1 and shape[1] > CAP):
                css += " cell-more"
            body.append(rect(x + j * UNIT, y + i * UNIT, UNIT, UNIT, css))
    return body


def _arrow(x: float, y1: float, y2: float) -> list[str]:
    head = f'<path class="chain-head" d="M{x:.1f} {y2:.1f}l-5-9h10z"/>'
    return [line(x, y1, x, y2 - 8, "edge"), head]


def layer_chain(batch: Sequence[int], layers: Sequence[Layer], input_name: str = "inputs") -> str:
    """A batch of shape (n, k) times weights (k, m) gives (n, m), the next layer's input.

    `layers` lists, for each layer in order, the name and shape of the weights as
    they are multiplied (inputs, neurons) and a name for the output. The first
    row of every batch is marked: it stays the first sample all the way down.
    """
    if not layers:
        raise ValueError("need at least one layer")
    data = _shape(batch, input_name)
    body: list[str] = []
    steps: list[str] = []
    y = float(TOP)
    names = [input_name, *(layer[2] for layer in layers)]
    for index, name in enumerate(names):
        height = min(data[0], CAP) * UNIT
        body += _block(DATA_X, y, data, "cell-mark")
        body.append(text(LABEL_X, y + 10, name, "axis-label", "start"))
        body.append(text(LABEL_X, y + 30, f"{data}", "label", "start"))
        y += max(height, 40) + 8
        if index == len(layers):
            break
        w_name, w_value, _ = layers[index]
        weights = _shape(w_value, w_name)
        if weights[0] != data[1]:
            raise ValueError(
                f"{name} {data} and {w_name} {weights} do not chain: {data[1]} != {weights[0]}"
            )
        w_height = min(weights[0], CAP) * UNIT
        right = WEIGHTS_X + min(weights[1], CAP) * UNIT + 12
        body += _block(WEIGHTS_X, y + 6, weights)
        body.append(text(right, y + 14, f"· {w_name}", "weight", "start"))
        body.append(text(right, y + 34, f"{weights}", "label", "start"))
        body.append(text(right, y + 54, f"inner {data[1]} = {weights[0]}", "axis-label", "start"))
        segment = max(w_height, 60) + 12
        body += _arrow(ARROW_X, y, y + segment)
        steps.append(
            f"{name} {data} times {w_name} {weights}, inner sizes {data[1]} and "
            f"{weights[0]}, gives {names[index + 1]} {(data[0], weights[1])}"
        )
        data = (data[0], weights[1])
        y += segment + 8
    alt = (
        f"Shapes through {len(layers)} layer{'s' if len(layers) > 1 else ''}, top to bottom: "
        + "; then ".join(steps)
        + ". Each output is the next layer's input; its first row, marked, is the first "
        "sample throughout."
    )
    return figure_of(340, y + 4, alt, body)
