"""docs_build/figures/softmax_bars.py: a layer's outputs and their softmax probabilities."""

from __future__ import annotations

import pytest

from docs_build.figures.softmax_bars import softmax_bars
from nnfs_ref import vectorized
from tests.book_numbers import BATCH_OUT, LAYER_OUT
from tests.svg import SVG, parse


def test_softmax_bars_show_the_outputs_and_probabilities_of_the_lesson() -> None:
    figure = parse(softmax_bars(LAYER_OUT, vectorized.softmax(LAYER_OUT)))
    assert "summing to 8.395" in figure.title
    assert "class 0: 4.8 becomes 0.895; class 1: 1.21 becomes 0.025" in figure.title
    assert "class 2: 2.385 becomes 0.080" in figure.title
    assert "class 0, the largest output, gets the largest probability, 0.895" in figure.title
    assert {"layer outputs", "after softmax: probabilities", "class 2", "2.385", "0.080"} <= set(
        figure.texts
    )
    assert len(list(figure.svg.iter(f"{SVG}rect"))) == 6


def test_softmax_bars_draw_negative_outputs_left_of_zero() -> None:
    figure = parse(softmax_bars(BATCH_OUT[1], vectorized.softmax(BATCH_OUT[1])))
    assert "class 1: −1.81 becomes 0.000" in figure.title
    assert "−1.81" in figure.texts


def test_softmax_bars_refuse_numbers_that_are_not_a_softmax() -> None:
    with pytest.raises(ValueError, match="not the softmax of the outputs"):
        softmax_bars(LAYER_OUT, [0.8, 0.1, 0.1])
    with pytest.raises(ValueError, match="3 outputs but 2 probabilities"):
        softmax_bars(LAYER_OUT, [0.5, 0.5])
