"""docs_build/figures/activations.py: the activation functions, and ReLU neurons fitting a sine.

Each figure is drawn from the numbers its page computes (tests/figures/lessons.py).
"""

from __future__ import annotations

import pytest

from docs_build.figures.activations import activation_panels, relu_fit
from tests.figures.lessons import lesson_curves, sine_network
from tests.svg import SVG, parse


def test_activation_panels_name_each_function_and_its_values() -> None:
    xs, curves = lesson_curves()
    figure = parse(activation_panels(xs, curves))
    assert "4 activation functions, each drawn for x from −4 to 4" in figure.title
    assert "step: 0 at x = −4, 0 at x = 0, 1 at x = 4" in figure.title
    assert "sigmoid: 0.018 at x = −4, 0.5 at x = 0, 0.982 at x = 4" in figure.title
    assert "ReLU: 0 at x = −4, 0 at x = 0, 4 at x = 4" in figure.title
    assert {"step", "linear", "sigmoid", "ReLU", "−4", "0", "4", "1"} <= set(figure.texts)
    assert len(list(figure.svg.iter(f"{SVG}polyline"))) == 4


def test_activation_panels_reject_bad_input() -> None:
    xs, curves = lesson_curves()
    with pytest.raises(ValueError, match="xs must increase"):
        activation_panels(xs[::-1], curves)
    with pytest.raises(ValueError, match="161 x values but 3 y values"):
        activation_panels(xs, [("step", [0.0, 0.0, 1.0])])
    with pytest.raises(ValueError, match="no curve"):
        activation_panels(xs, [])


def test_relu_fit_draws_target_fit_and_every_bend() -> None:
    figure = parse(relu_fit(*sine_network()))
    assert "The target sin(2πx) for x from 0 to 0.995, dashed" in figure.title
    assert "bends at x = 0, 0.125, 0.25, 0.375, 0.625, 0.75, 0.875" in figure.title
    assert "The largest gap between them is 0.1." in figure.title
    assert {"sin(2πx)", "7 ReLU pieces", "0", "0.5", "1", "−1"} <= set(figure.texts)
    assert len(list(figure.svg.iter(f"{SVG}circle"))) == 7


def test_relu_fit_rejects_bends_outside_the_curve() -> None:
    x, y, fit, _ = sine_network()
    with pytest.raises(ValueError, match="between the first and last x"):
        relu_fit(x, y, fit, [1.5])
    with pytest.raises(ValueError, match="200 x values but 2 y values"):
        relu_fit(x, y, [0.0, 1.0], [0.5])
