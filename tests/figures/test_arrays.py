"""docs_build/figures/arrays.py: arrays of one to three dimensions as grids, with their shape."""

from __future__ import annotations

import pytest

from docs_build.figures.arrays import array_grid, shape_of
from tests.book_numbers import CUBE
from tests.svg import SVG, parse


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
