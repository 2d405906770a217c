"""The figures of the activation, softmax and loss lessons: valid SVG, alt text, their numbers.

Each figure is drawn from the numbers its page computes, recomputed here the same
way. Its text must stay readable on a phone: at a 375 px wide viewport the content
column is about 340 px, and every label must then be at least 11 CSS px high.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from docs_build.figures.activations import activation_panels, relu_fit
from docs_build.figures.logloss import log_loss_figure
from docs_build.figures.softmax_bars import softmax_bars
from nnfs_ref import vectorized
from nnfs_ref.datasets import sine_data
from tests.book_numbers import BATCH_OUT, LAYER_OUT

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parent.parent / "docs/stylesheets/figures.css"
PHONE_COLUMN, SMALLEST = 340, 11


def font_sizes() -> dict[str, float]:
    """The font size figures.css gives each class (the last rule that sets it wins)."""
    sizes: dict[str, float] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS.read_text()):
        size = re.search(r"font-size:\s*([\d.]+)px", body)
        if size:
            for css_class in re.findall(r"\.nnfs-figure \.([\w-]+)", selectors):
                sizes[css_class] = float(size.group(1))
    return sizes


def parse(html: str) -> tuple[str, list[str], ET.Element]:
    """The alt text, every text drawn, and the <svg>; checks role, label and text size."""
    root = ET.fromstring(html)
    assert root.tag == "figure"
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    title = svg.findtext(f"{SVG}title") or ""
    assert title
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == title
    width = float((svg.get("viewBox") or "").split()[2])
    sizes = font_sizes()
    for label in svg.iter(f"{SVG}text"):
        size = sizes[label.get("class") or ""]
        shown = size * min(PHONE_COLUMN, width) / width
        assert shown >= SMALLEST, f"{label.text!r} shows at {shown:.1f}px on a phone"
    return title, [t.text or "" for t in svg.iter(f"{SVG}text")], svg


def test_the_css_gives_every_class_of_these_figures_a_size() -> None:
    assert {"p2-tick", "p2-title"} <= font_sizes().keys()


def lesson_curves() -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
    """The activation lesson's block act-shapes-curves."""
    xs = np.linspace(-4, 4, 161)
    return xs, [
        ("step", np.where(xs > 0, 1.0, 0.0)),
        ("linear", xs),
        ("sigmoid", 1 / (1 + np.exp(-xs))),
        ("ReLU", np.maximum(0, xs)),
    ]


def test_activation_panels_name_each_function_and_its_values() -> None:
    xs, curves = lesson_curves()
    title, texts, svg = parse(activation_panels(xs, curves))
    assert "4 activation functions, each drawn for x from −4 to 4" in title
    assert "step: 0 at x = −4, 0 at x = 0, 1 at x = 4" in title
    assert "sigmoid: 0.018 at x = −4, 0.5 at x = 0, 0.982 at x = 4" in title
    assert "ReLU: 0 at x = −4, 0 at x = 0, 4 at x = 4" in title
    assert {"step", "linear", "sigmoid", "ReLU", "−4", "0", "4", "1"} <= set(texts)
    assert len(list(svg.iter(f"{SVG}polyline"))) == 4


def test_activation_panels_reject_bad_input() -> None:
    xs, curves = lesson_curves()
    with pytest.raises(ValueError, match="xs must increase"):
        activation_panels(xs[::-1], curves)
    with pytest.raises(ValueError, match="161 x values but 3 y values"):
        activation_panels(xs, [("step", [0.0, 0.0, 1.0])])
    with pytest.raises(ValueError, match="no curve"):
        activation_panels(xs, [])


def sine_network() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The activation lesson's block act-sine-fit: seven hand-set ReLU neurons."""
    x, y = sine_data(samples=200)
    shifts = np.array([0, 1, 2, 3, 5, 6, 7])
    weights2 = np.array([[0.71], [-0.41], [-0.59], [-0.41], [0.41], [0.59], [0.41]])
    fit = np.maximum(0, x @ np.array([[8.0] * 7]) - shifts) @ weights2
    return x, y, fit, shifts / 8


def test_relu_fit_draws_target_fit_and_every_bend() -> None:
    title, texts, svg = parse(relu_fit(*sine_network()))
    assert "The target sin(2πx) for x from 0 to 0.995, dashed" in title
    assert "bends at x = 0, 0.125, 0.25, 0.375, 0.625, 0.75, 0.875" in title
    assert "The largest gap between them is 0.1." in title
    assert {"sin(2πx)", "7 ReLU pieces", "0", "0.5", "1", "−1"} <= set(texts)
    assert len(list(svg.iter(f"{SVG}circle"))) == 7


def test_relu_fit_rejects_bends_outside_the_curve() -> None:
    x, y, fit, _ = sine_network()
    with pytest.raises(ValueError, match="between the first and last x"):
        relu_fit(x, y, fit, [1.5])
    with pytest.raises(ValueError, match="200 x values but 2 y values"):
        relu_fit(x, y, [0.0, 1.0], [0.5])


def test_softmax_bars_show_the_outputs_and_probabilities_of_the_lesson() -> None:
    title, texts, svg = parse(softmax_bars(LAYER_OUT, vectorized.softmax(LAYER_OUT)))
    assert "summing to 8.395" in title
    assert "class 0: 4.8 becomes 0.895; class 1: 1.21 becomes 0.025" in title
    assert "class 2: 2.385 becomes 0.080" in title
    assert "class 0, the largest output, gets the largest probability, 0.895" in title
    assert {"layer outputs", "after softmax: probabilities", "class 2", "2.385", "0.080"} <= set(
        texts
    )
    assert len(list(svg.iter(f"{SVG}rect"))) == 6


def test_softmax_bars_draw_negative_outputs_left_of_zero() -> None:
    title, texts, _ = parse(softmax_bars(BATCH_OUT[1], vectorized.softmax(BATCH_OUT[1])))
    assert "class 1: −1.81 becomes 0.000" in title
    assert "−1.81" in texts


def test_softmax_bars_refuse_numbers_that_are_not_a_softmax() -> None:
    with pytest.raises(ValueError, match="not the softmax of the outputs"):
        softmax_bars(LAYER_OUT, [0.8, 0.1, 0.1])
    with pytest.raises(ValueError, match="3 outputs but 2 probabilities"):
        softmax_bars(LAYER_OUT, [0.5, 0.5])


def loss_curve() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The loss lesson's block loss-clip-curve."""
    ps = np.logspace(-10, 0, 201)
    return ps, -np.log(ps), -np.log(np.clip(ps, 1e-7, 1 - 1e-7))


def test_log_loss_figure_marks_the_clipped_region() -> None:
    title, texts, svg = parse(log_loss_figure(*loss_curve(), 1e-7, [0.7, 0.5, 0.9]))
    assert "p = 0.7 gives 0.357, p = 0.5 gives 0.693, p = 0.9 gives 0.105" in title
    assert "Below p = 1e-7, a shaded region, clipping holds the loss at −log(1e-7) ≈ 16.1" in title
    assert "to 23.0 at p = 1e-10 and to infinity at p = 0" in title
    assert {"clipped", "−log(1e-7) ≈ 16.1", "1e-10", "1e-7", "1e-4", "1", "16.1"} <= set(texts)
    assert len(list(svg.iter(f"{SVG}circle"))) == 3


def test_log_loss_figure_rejects_bad_input() -> None:
    ps, losses, clipped = loss_curve()
    with pytest.raises(ValueError, match="ps must increase"):
        log_loss_figure(ps[::-1], losses[::-1], clipped[::-1], 1e-7)
    with pytest.raises(ValueError, match="low is 1e-12"):
        log_loss_figure(ps, losses, clipped, 1e-12)
    with pytest.raises(ValueError, match=r"marked probabilities must lie in \(0, 1\]"):
        log_loss_figure(ps, losses, clipped, 1e-7, [0.0])
