"""docs_build/figures/neuron.py: the single-neuron diagram, its labels and alt text."""

from __future__ import annotations

import itertools

import pytest

from docs_build.figures.neuron import neuron_diagram
from tests.book_numbers import BIASES, INPUTS, WEIGHTS
from tests.svg import SVG, parse


def test_the_neuron_diagram_labels_inputs_weights_bias_and_output() -> None:
    figure = parse(neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0]))  # role, alt text
    assert "it outputs 4.8" in figure.title
    assert {"2.5", "× −0.5", "+ 2", "4.8"} <= set(figure.texts)


def test_each_weight_label_sits_on_its_own_line_and_clear_of_the_others() -> None:
    root = parse(neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0])).root
    lines = [e for e in root.iter(f"{SVG}line")][:4]  # input i to the neuron, in order
    labels = [t for t in root.iter(f"{SVG}text") if (t.text or "").startswith("× ")]
    boxes = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "label-bg"]
    assert [t.text for t in labels] == ["× 0.2", "× 0.8", "× −0.5", "× 1"]
    for edge, label in zip(lines, labels, strict=True):
        x1, y1, x2, y2 = (float(edge.get(k) or 0) for k in ("x1", "y1", "x2", "y2"))
        x, y = float(label.get("x") or 0), float(label.get("y") or 0)
        assert abs((x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)) / abs(x2 - x1) < 1.0
    spans = sorted((float(b.get("y") or 0), float(b.get("height") or 0)) for b in boxes)
    assert all(top + height <= below for (top, height), (below, _) in itertools.pairwise(spans))


def test_the_neuron_diagram_refuses_mismatched_lists() -> None:
    with pytest.raises(ValueError, match="3 inputs but 2 weights"):
        neuron_diagram([1, 2, 3], [0.1, 0.2], 0)
