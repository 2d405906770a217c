"""docs_build/figures/layer_backward.py: a dense layer's forward and backward shapes."""

from __future__ import annotations

import pytest

from docs_build.figures.layer_backward import backward_shapes
from tests.svg import SVG, parse


def test_backward_shapes_names_every_product_and_shape() -> None:
    figure = parse(backward_shapes(3, 4, 3))
    texts = set(figure.texts)
    assert {
        "output = inputs @ weights",
        "dinputs = dvalues @ weights.T",
        "dweights = inputs.T @ dvalues",
        "dbiases = dvalues summed over samples",
    } <= texts
    assert {"weights.T", "inputs.T", "dinputs", "dweights", "dbiases"} <= texts
    assert {"(3, 4)", "(4, 3)", "(3, 3)", "(1, 3)"} <= texts
    assert "dvalues (3, 3) times weights.T (3, 4) gives dinputs (3, 4)" in figure.title
    assert "inputs.T (4, 3) times dvalues (3, 3) gives dweights (4, 3)" in figure.title
    assert "dbiases (1, 3), the shape of the biases" in figure.title


def test_backward_shapes_marks_the_summed_axis_of_each_product() -> None:
    """Bold axis names: inputs (forward), neurons (dinputs), samples (dweights, dbiases)."""
    svg = parse(backward_shapes(2, 3, 4)).svg
    summed = [t.text for t in svg.iter(f"{SVG}text") if "summed" in (t.get("class") or "")]
    assert summed == ["inputs", "inputs", "neurons", "neurons", "samples", "samples", "samples"]


def test_backward_shapes_draws_one_cell_per_value() -> None:
    svg = parse(backward_shapes(2, 3, 4)).svg
    cells = [r for r in svg.iter(f"{SVG}rect") if "cell" in (r.get("class") or "")]
    forward = 2 * 3 + 3 * 4 + 2 * 4
    dinputs = 2 * 4 + 4 * 3 + 2 * 3
    dweights = 3 * 2 + 2 * 4 + 3 * 4
    dbiases = 2 * 4 + 4
    assert len(cells) == forward + dinputs + dweights + dbiases
    marked = [r for r in cells if "cell-mark" in (r.get("class") or "")]
    assert len(marked) == 2 * 4 + 2 * 3 + 3 * 4 + 4  # the four results


def test_backward_shapes_rejects_sizes_it_cannot_draw() -> None:
    with pytest.raises(ValueError, match="must be positive"):
        backward_shapes(0, 4, 3)
    with pytest.raises(ValueError, match="at most 5"):
        backward_shapes(300, 2, 3)
