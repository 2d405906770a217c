"""The figures of the layer, tensors and dot-product lessons: valid SVG, right numbers."""

from __future__ import annotations

import pytest

from docs_build.figures.arrays import array_grid, shape_of
from docs_build.figures.layer import layer_diagram
from docs_build.figures.products import elementwise_table
from docs_build.figures.svg import fmt
from tests.book_numbers import BIASES, CUBE, DOT_A, DOT_B, INPUTS, WEIGHTS
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


@pytest.mark.parametrize(
    ("value", "shape", "cells"),
    [
        ([1, 5, 6, 2], "(4,)", 4),
        ([[1, 5, 6, 2], [3, 2, 1, 3]], "(2, 4)", 8),
        ([[4, 2], [5, 1], [8, 2]], "(3, 2)", 6),
        (CUBE, "(3, 2, 4)", 24),
    ],
)
def test_array_grid_draws_every_number_and_the_shape(
    value: list[object], shape: str, cells: int
) -> None:
    figure = parse(array_grid(value))
    assert f"shape {shape}" in figure.texts
    assert len(figure.svg.findall(f"{SVG}rect")) == cells


def test_array_grid_rejects_ragged_and_deep_lists() -> None:
    with pytest.raises(ValueError, match="ragged"):
        array_grid([[4, 2, 3], [5, 1]])
    with pytest.raises(ValueError, match="dimensions"):
        array_grid([CUBE])
    assert shape_of(CUBE) == (3, 2, 4)


def test_products_table_shows_products_and_their_sum() -> None:
    figure = parse(elementwise_table(DOT_A, DOT_B))
    texts = figure.texts
    assert {"6", "12", "sum", "20"} <= set(texts)
    assert "add up to 20" in figure.title  # the aria-label
    # The header names one pair, not "a × b", which would read as the cross product.
    assert "a[i] × b[i]" in texts
    assert "a × b" not in texts


def test_sums_table_has_no_sum_row() -> None:
    texts = parse(elementwise_table(DOT_A, DOT_B, "+")).texts
    assert {"3", "5", "7"} <= set(texts)
    assert "sum" not in texts
    assert "a[i] + b[i]" in texts


@pytest.mark.parametrize(
    ("a", "b", "op"), [([1, 2, 3], [1, 2], "*"), ([], [], "+"), ([1], [2], "-")]
)
def test_elementwise_table_rejects_bad_input(a: list[float], b: list[float], op: str) -> None:
    with pytest.raises(ValueError, match=r"vectors|op"):
        elementwise_table(a, b, op)
