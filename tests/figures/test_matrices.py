"""docs_build/figures/matrices.py: the matrix product with one cell taken apart, the transpose."""

from __future__ import annotations

import pytest

from docs_build.figures.matrices import matmul, product_grid, transpose_figure, wrap_sum
from tests.book_numbers import BATCH, WEIGHTS
from tests.svg import parse


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


def test_wrap_sum_breaks_before_a_plus_and_keeps_every_term() -> None:
    terms = ["2×(−0.26)", "5×(−0.27)", "(−1)×0.17", "2×0.87"]
    assert wrap_sum(terms, "= −0.3", 1000) == ["2×(−0.26) + 5×(−0.27) + (−1)×0.17 + 2×0.87 = −0.3"]
    narrow = wrap_sum(terms, "= −0.3", 200)
    assert len(narrow) > 1
    assert all(line.startswith(("+", "=")) for line in narrow[1:])
    assert " ".join(narrow).replace("  ", " ") == wrap_sum(terms, "= −0.3", 1000)[0]
