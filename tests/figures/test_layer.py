"""docs_build/figures/layer.py: the layer diagram of example C, one neuron's weights marked."""

from __future__ import annotations

import pytest

from docs_build.figures.layer import layer_diagram
from docs_build.figures.svg import fmt
from tests.book_numbers import BIASES, INPUTS, WEIGHTS
from tests.svg import SVG, parse


def test_layer_diagram_labels_every_output() -> None:
    figure = parse(layer_diagram(INPUTS, WEIGHTS, BIASES))
    assert {"4.8", "1.21", "2.385"} <= set(figure.texts)
    assert len(figure.svg.findall(f"{SVG}circle")) == 4 + 3
    assert len(figure.svg.findall(f"{SVG}line")) == 4 * 3 + 3
    assert "−0.91" in figure.title  # the aria-label


@pytest.mark.parametrize("neuron", [0, 2])
def test_layer_diagram_writes_one_neurons_weights_on_its_lines(neuron: int) -> None:
    figure = parse(layer_diagram(INPUTS, WEIGHTS, BIASES, labelled=neuron))
    svg, texts = figure.svg, figure.texts
    marked = [e for e in svg.iter(f"{SVG}line") if "edge-mark" in (e.get("class") or "")]
    assert len(marked) == len(INPUTS)
    # Every marked line ends at the labelled neuron's circle, one line per input.
    circles = svg.findall(f"{SVG}circle")
    target = circles[len(INPUTS) + neuron]
    assert {e.get("y2") for e in marked} == {target.get("cy")}
    assert [e.get("y1") for e in marked] == [c.get("cy") for c in circles[: len(INPUTS)]]
    weights = [t for t in texts if t.startswith("× ")]
    assert weights == [f"× {fmt(w)}" for w in WEIGHTS[neuron]]
    assert f"lines into neuron {neuron + 1} are marked" in figure.title  # the aria-label
    with pytest.raises(ValueError, match="no neuron 3"):
        layer_diagram(INPUTS, WEIGHTS, BIASES, labelled=3)


@pytest.mark.parametrize(
    ("weights", "biases"),
    [(WEIGHTS, [2.0, 3.0]), ([*WEIGHTS[:2], [0.1, 0.2]], BIASES), ([], [])],
)
def test_layer_diagram_rejects_mismatched_lists(
    weights: list[list[float]], biases: list[float]
) -> None:
    with pytest.raises(ValueError, match=r"weight|neuron"):
        layer_diagram(INPUTS, weights, biases)
