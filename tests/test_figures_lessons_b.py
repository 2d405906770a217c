"""The figures of the NumPy, batch and matrix lessons: valid SVG, right numbers, alt text."""

from __future__ import annotations

import pytest

from docs_build.figures.fits import equation, fit_panels
from docs_build.figures.grids import batch_grid, matrix_vector
from docs_build.figures.matrices import matmul, product_grid, transpose_figure, wrap_sum
from docs_build.figures.shapes import product_shapes
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


def test_matmul_and_product_grid_agree_with_the_lesson() -> None:
    weights_t = [list(column) for column in zip(*WEIGHTS, strict=True)]
    product = matmul([[float(v) for v in row] for row in BATCH], weights_t)
    assert product[1][2] == pytest.approx(-0.3)  # 0.2 once the bias 0.5 is added
    figure = parse(product_grid(BATCH, weights_t, row=1, col=2))
    assert "gives the marked cell, −0.3" in figure.title
    assert "product (3, 3)" in figure.texts
    named = parse(product_grid(BATCH, weights_t, 0, 0, ("inputs", "weights.T", "dots"))).texts
    assert {"inputs (3, 4)", "weights.T (4, 3)", "dots (3, 3)"} <= set(named)
    # The sum is wrapped to the figure's width; its lines read as one sum.
    assert " ".join(figure.texts[-2:]) == "2×(−0.26) + 5×(−0.27) + (−1)×0.17 + 2×0.87 = −0.3"


def test_product_grid_rejects_bad_shapes_and_cells() -> None:
    with pytest.raises(ValueError, match="inner sizes differ"):
        product_grid(BATCH, WEIGHTS, 0, 0)
    with pytest.raises(ValueError, match="no cell"):
        product_grid([[1, 2, 3]], [[2], [3], [4]], 0, 1)


def test_transpose_figure_moves_a_row_to_a_column() -> None:
    figure = parse(transpose_figure(WEIGHTS, row=1))
    assert "(3, 4) matrix above its (4, 3) transpose" in figure.title
    assert "(0.5, −0.91, 0.26, −0.5)" in figure.title
    assert figure.texts.count("−0.91") == 2
    with pytest.raises(ValueError, match="no row 3"):
        transpose_figure(WEIGHTS, row=3)


def test_product_shapes_draws_the_three_shapes() -> None:
    figure = parse(product_shapes((3, 4), (4, 3), ("inputs", "weights.T", "outputs")))
    assert "outputs of shape (3, 3)" in figure.title
    assert {"(3, 4)", "(4, 3)", "(3, 3)", "inner sizes: 4 = 4"} <= set(figure.texts)
    with pytest.raises(ValueError, match=r"inner sizes differ: \(3, 4\) and \(3, 4\)"):
        product_shapes((3, 4), (3, 4))
    with pytest.raises(ValueError, match="2-D"):
        product_shapes((3, 4, 1), (4, 3))


def test_fit_panels_describes_every_line() -> None:
    xs, ys = [0.0, 1.0, 2.0], [1.0, 2.5, 5.0]
    html = fit_panels(xs, ys, (2.0, 0.83), [("one", [(1.0, 0.0), (1.5, -0.25)]), ("two", [(2, 1)])])
    figure = parse(html)
    assert "3 random points" in figure.title
    assert "y = 2x + 0.83" in figure.title
    assert "one: the last of 2 lines is y = 1.5x − 0.25" in figure.title
    assert "last: y = 2x + 1" in figure.texts
    assert equation((0.756, -0.272)) == "y = 0.76x − 0.27"


def test_fit_panels_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="as many x as y"):
        fit_panels([0.0, 1.0], [1.0], (1.0, 0.0), [("a", [(1.0, 0.0)])])
    with pytest.raises(ValueError, match="at least one fitted line"):
        fit_panels([0.0, 1.0], [1.0, 2.0], (1.0, 0.0), [("a", [])])
    with pytest.raises(ValueError, match="spread"):
        fit_panels([1.0, 1.0], [1.0, 2.0], (1.0, 0.0), [("a", [(1.0, 0.0)])])


def test_wrap_sum_breaks_before_a_plus_and_keeps_every_term() -> None:
    terms = ["2×(−0.26)", "5×(−0.27)", "(−1)×0.17", "2×0.87"]
    assert wrap_sum(terms, "= −0.3", 1000) == ["2×(−0.26) + 5×(−0.27) + (−1)×0.17 + 2×0.87 = −0.3"]
    narrow = wrap_sum(terms, "= −0.3", 200)
    assert len(narrow) > 1
    assert all(line.startswith(("+", "=")) for line in narrow[1:])
    assert " ".join(narrow).replace("  ", " ") == wrap_sum(terms, "= −0.3", 1000)[0]
