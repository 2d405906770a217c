"""One neuron: its inputs on the left, a weight on every line, the output on the right."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.svg import boxed_text, circle, figure, fmt, line, text

WIDTH = 420  # narrow enough that 14px labels stay above 11px on a phone


def neuron_diagram(inputs: Sequence[float], weights: Sequence[float], bias: float) -> str:
    """One neuron: each input joins the neuron on a line labelled with its weight."""
    if len(inputs) != len(weights):
        raise ValueError(f"{len(inputs)} inputs but {len(weights)} weights")
    output = sum(x * w for x, w in zip(inputs, weights, strict=True)) + bias
    gap = 70
    height = gap * len(inputs) + 20
    in_x, in_r = 34, 22
    cx, cy, radius = 290, height / 2, 40
    body: list[str] = []
    labels: list[str] = []
    for i, (x, w) in enumerate(zip(inputs, weights, strict=True)):
        y = 10 + gap * (i + 0.5)
        body += [line(in_x + in_r, y, cx - radius, cy)]
        body += [circle(in_x, y, in_r, "input"), text(in_x, y, fmt(x))]
        # The weight sits on its own line, 40% of the way to the neuron, where the
        # lines are still far apart.
        t = 0.4
        lx = in_x + in_r + t * (cx - radius - in_x - in_r)
        labels += boxed_text(lx, y + t * (cy - y), f"× {fmt(w)}")
    body += labels
    body += [
        circle(cx, cy, radius, "neuron"),
        text(cx, cy - 10, "Σ"),
        text(cx, cy + 13, f"+ {fmt(bias)}"),
        line(cx + radius, cy, 372, cy, "edge"),
        text(WIDTH - 4, cy, fmt(output), "output", anchor="end"),
    ]
    alt = (
        f"A neuron with {len(inputs)} inputs ({', '.join(fmt(x) for x in inputs)}), "
        f"each on a line labelled with its weight ({', '.join(fmt(w) for w in weights)}), "
        f"and bias {fmt(bias)}; it outputs {fmt(output)}."
    )
    return figure(WIDTH, int(height), alt, body)
