"""docs_build/figures/backprop.py: one neuron's graph, forward values and gradients.

The figure is drawn from the numbers the backpropagation lesson computes
(tests/figures/lessons.py, tests/book_numbers.py).
"""

from __future__ import annotations

import itertools

import pytest

from docs_build.figures.backprop import neuron_graph, value
from tests.book_numbers import BP_B, BP_W, BP_X
from tests.figures.lessons import neuron_gradients
from tests.svg import SVG, parse


def test_value_prints_floats_as_python_does_with_a_true_minus() -> None:
    assert [value(v) for v in (-3.0, 6.0, 5.986000000000001)] == [
        "−3.0",
        "6.0",
        "5.986000000000001",
    ]


def test_the_graph_carries_every_forward_value_and_gradient() -> None:
    figure = parse(neuron_gradients())
    texts = figure.texts
    for name in ["x₀", "w₀", "x₂", "w₂", "b", "×", "+", "ReLU", "output"]:
        assert name in texts
    for forward in ["1.0", "−2.0", "3.0", "−3.0", "−1.0", "2.0", "6.0"]:
        assert forward in texts
    for back in ["← −3.0", "← −1.0", "← 2.0", "← 1.0", "← −2.0", "← 3.0", "↑ 1.0"]:
        assert back in texts
    assert texts.count("↑ 1.0") == 3  # the vertical edges: bias, z and the output
    assert "1.0 × −3.0 = −3.0, −2.0 × −1.0 = 2.0, 3.0 × 2.0 = 6.0" in figure.title
    assert "give z = 6.0; ReLU gives 6.0" in figure.title
    assert "−3.0 at x0 and 1.0 at w0, −1.0 at x1 and −2.0 at w1" in figure.title


def test_the_gradients_drawn_are_the_ones_given() -> None:
    figure = parse(
        neuron_graph(
            BP_X,
            BP_W,
            BP_B,
            dvalue=2.0,
            drelu_dz=2.0,
            dproducts=[2.0] * 3,
            dx=[-6.0, -2.0, 4.0],
            dw=[2.0, -4.0, 6.0],
            db=2.0,
        )
    )
    assert {"← −6.0", "← 4.0", "← −4.0", "← 6.0", "↑ 2.0"} <= set(figure.texts)
    assert "from a gradient of 2.0 at the output" in figure.title


def test_no_two_labels_overlap() -> None:
    """Each text's box, from its font size and length, is clear of every other's."""
    figure = parse(neuron_gradients())
    boxes = []
    for element in figure.svg.iter(f"{SVG}text"):
        x, y = float(element.get("x") or 0), float(element.get("y") or 0)
        width, anchor = len(element.text or "") * 15 * 0.61, element.get("text-anchor")
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor or "middle"]
        boxes.append((left, y - 8, left + width, y + 8, element.text))
    for a, b in itertools.combinations(boxes, 2):
        apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        inside = a[4] in {"×", "+", "ReLU", "b"} or b[4] in {"×", "+", "ReLU", "b"}
        assert apart or inside, f"{a[4]!r} overlaps {b[4]!r}"


def test_mismatched_lists_are_refused() -> None:
    with pytest.raises(ValueError, match="3 inputs, 2 weights"):
        neuron_graph(
            BP_X,
            BP_W[:2],
            BP_B,
            dvalue=1.0,
            drelu_dz=1.0,
            dproducts=[1.0] * 3,
            dx=BP_W,
            dw=BP_X,
            db=1.0,
        )
