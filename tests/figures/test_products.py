"""docs_build/figures/products.py: the dot product's element-wise table, and the sums'."""

from __future__ import annotations

import pytest

from docs_build.figures.products import elementwise_table
from tests.book_numbers import DOT_A, DOT_B
from tests.svg import parse


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
