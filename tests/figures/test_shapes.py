"""docs_build/figures/shapes.py: the shapes of a matrix product, inner sizes matched."""

from __future__ import annotations

import pytest

from docs_build.figures.shapes import product_shapes
from tests.svg import parse


def test_product_shapes_draws_the_three_shapes() -> None:
    figure = parse(product_shapes((3, 4), (4, 3), ("inputs", "weights.T", "outputs")))
    assert "outputs of shape (3, 3)" in figure.title
    assert {"(3, 4)", "(4, 3)", "(3, 3)", "inner sizes: 4 = 4"} <= set(figure.texts)
    with pytest.raises(ValueError, match=r"inner sizes differ: \(3, 4\) and \(3, 4\)"):
        product_shapes((3, 4), (3, 4))
    with pytest.raises(ValueError, match="2-D"):
        product_shapes((3, 4, 1), (4, 3))
