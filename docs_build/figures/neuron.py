"""The neuron and layer diagrams: inputs on the left, neurons on the right."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.svg import circle, figure, fmt, line, text


def neuron_diagram(inputs: Sequence[float], weights: Sequence[float], bias: float) -> str:
    """One neuron: each input joins the neuron on an edge labelled with its weight."""
    if len(inputs) != len(weights):
        raise ValueError(f"{len(inputs)} inputs but {len(weights)} weights")
    output = sum(x * w for x, w in zip(inputs, weights, strict=True)) + bias
    gap = 70
    height = gap * len(inputs) + 40
    cx, cy = 330, height / 2
    body: list[str] = []
    for i, (x, w) in enumerate(zip(inputs, weights, strict=True)):
        y = 40 + gap * i + gap / 2 - 20
        mid_x, mid_y = (80 + cx) / 2, (y + cy) / 2
        body += [line(80, y, cx - 42, cy), circle(60, y, 22, "input"), text(60, y, fmt(x))]
        body.append(text(mid_x, mid_y - 10, f"× {fmt(w)}", "weight"))
    body += [
        circle(cx, cy, 42, "neuron"),
        text(cx, cy - 9, "Σ"),
        text(cx, cy + 13, f"+ {fmt(bias)}"),
    ]
    body += [line(cx + 42, cy, 470, cy, "edge arrow"), text(530, cy, fmt(output), "output")]
    alt = (
        f"A neuron with {len(inputs)} inputs ({', '.join(fmt(x) for x in inputs)}), "
        f"weights ({', '.join(fmt(w) for w in weights)}) and bias {fmt(bias)}; "
        f"it outputs {fmt(output)}."
    )
    return figure(580, int(height), alt, body)
