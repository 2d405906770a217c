"""A dense layer: every input joins every neuron, each neuron labelled with its output."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.svg import boxed_text, circle, figure, fmt, line, text


def _check(
    inputs: Sequence[float], weights: Sequence[Sequence[float]], biases: Sequence[float]
) -> None:
    if not inputs or not weights:
        raise ValueError("a layer needs at least one input and one neuron")
    if len(weights) != len(biases):
        raise ValueError(f"{len(weights)} weight lists but {len(biases)} biases")
    for n, row in enumerate(weights, start=1):
        if len(row) != len(inputs):
            raise ValueError(f"neuron {n} has {len(row)} weights for {len(inputs)} inputs")


def layer_diagram(
    inputs: Sequence[float],
    weights: Sequence[Sequence[float]],
    biases: Sequence[float],
    labelled: int = 0,
) -> str:
    """Inputs on the left, one circle per neuron (with its bias), outputs on the right.

    The lines into neuron `labelled` (counted from 0) are marked and carry its weights.
    """
    _check(inputs, weights, biases)
    if not 0 <= labelled < len(weights):
        raise ValueError(f"no neuron {labelled} in a layer of {len(weights)}")
    outputs = [
        sum(x * w for x, w in zip(inputs, row, strict=True)) + b
        for row, b in zip(weights, biases, strict=True)
    ]
    gap = 70
    height = gap * max(len(inputs), len(weights)) + 20
    in_x, in_r, neuron_x, radius = 34, 22, 250, 36

    def ys(count: int) -> list[float]:
        step = (height - 20) / count
        return [10 + step * (i + 0.5) for i in range(count)]

    in_ys, neuron_ys = ys(len(inputs)), ys(len(weights))
    start, end = in_x + in_r, neuron_x - radius
    body = [
        line(start, yi, end, yn) for yi in in_ys for n, yn in enumerate(neuron_ys) if n != labelled
    ]
    # The marked lines go on top of the others, and their weights on top of all lines,
    # a third of the way along, where the lines from one input are still apart.
    target = neuron_ys[labelled]
    body += [line(start, yi, end, target, "edge edge-mark") for yi in in_ys]
    t = 1 / 3
    for yi, w in zip(in_ys, weights[labelled], strict=True):
        body += boxed_text(start + t * (end - start), yi + t * (target - yi), f"× {fmt(w)}")
    for x, y in zip(inputs, in_ys, strict=True):
        body += [circle(in_x, y, in_r, "input"), text(in_x, y, fmt(x))]
    for n, (y, b, out) in enumerate(zip(neuron_ys, biases, outputs, strict=True), start=1):
        body += [
            circle(neuron_x, y, radius, "neuron"),
            text(neuron_x, y - 10, f"n{n}", "weight"),
            text(neuron_x, y + 12, f"+ {fmt(b)}"),
            line(neuron_x + radius, y, 330, y, "edge"),
            text(338, y, fmt(out), "output", anchor="start"),
        ]
    rows = "; ".join(
        f"neuron {n} has weights ({', '.join(fmt(w) for w in row)}) and bias {fmt(b)} "
        f"and outputs {fmt(out)}"
        for n, (row, b, out) in enumerate(zip(weights, biases, outputs, strict=True), start=1)
    )
    alt = (
        f"A dense layer of {len(weights)} neurons. Each of the {len(inputs)} inputs "
        f"({', '.join(fmt(x) for x in inputs)}) is connected to every neuron; the lines into "
        f"neuron {labelled + 1} are marked and labelled with its weights: {rows}."
    )
    return figure(420, int(height), alt, body)
