"""docs_build/figures/grids.py: a layer as a matrix times a vector, and the batch of example D."""

from __future__ import annotations

import pytest

from docs_build.figures.grids import batch_grid, matrix_vector
from tests.book_numbers import BATCH, BIASES, INPUTS, WEIGHTS
from tests.svg import parse


def test_matrix_vector_shows_dots_and_outputs() -> None:
    figure = parse(matrix_vector(WEIGHTS, INPUTS, BIASES))
    assert "2.8, −1.79, 1.885" in figure.title
    assert "4.8, 1.21, 2.385" in figure.title
    assert {"dot", "bias", "output", "2.8", "−1.79", "1.885", "= 4.8", "= 1.21", "= 2.385"} <= set(
        figure.texts
    )


def test_matrix_vector_rejects_mismatched_sizes() -> None:
    with pytest.raises(ValueError, match="4 inputs but rows of 3"):
        matrix_vector([[1, 2, 3]], INPUTS, [0.0])
    with pytest.raises(ValueError, match="2 biases but 3 neurons"):
        matrix_vector(WEIGHTS, INPUTS, [0.0, 1.0])


def test_batch_grid_labels_samples_features_and_shape() -> None:
    figure = parse(batch_grid(BATCH))
    assert "shape (3, 4)" in figure.title
    assert "sample 3: −1.5, 2.7, 3.3, −0.8" in figure.title
    assert {"sample 3", "feature 4", "shape (3, 4)", "−0.8"} <= set(figure.texts)


def test_batch_grid_rejects_ragged_and_empty() -> None:
    with pytest.raises(ValueError, match="ragged"):
        batch_grid([[4, 2, 3], [5, 1]])
    with pytest.raises(ValueError, match="empty"):
        batch_grid([])
