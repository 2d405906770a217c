"""docs_build/figures/vectors.py: vectors that point alike, each with its dot product."""

from __future__ import annotations

import pytest

from docs_build.figures.vectors import alignment_figure
from tests.book_numbers import ALIGN_A, ALIGN_OTHERS
from tests.svg import SVG, parse


def test_alignment_figure_labels_each_vector_with_its_dot_product() -> None:
    figure = parse(alignment_figure(ALIGN_A, ALIGN_OTHERS))
    assert {"a = (3, 1)", "a·b = 6", "a·b = 0", "a·b = −10"} <= set(figure.texts)
    assert "b = (−1, 3) at 90 degrees gives 0" in figure.title
    assert "b = (−3, −1) at 180 degrees gives −10" in figure.title
    assert len(figure.svg.findall(f"{SVG}polygon")) == 4  # one arrowhead a vector


def test_alignment_labels_stay_inside_and_apart() -> None:
    figure = parse(alignment_figure(ALIGN_A, ALIGN_OTHERS))
    svg, size = figure.svg, figure.width
    boxes = [
        tuple(float(r.get(k) or 0) for k in ("x", "y", "width", "height"))
        for r in svg.iter(f"{SVG}rect")
        if r.get("class") == "label-bg"
    ]
    assert len(boxes) == 4
    for x, y, w, h in boxes:
        assert x >= 0
        assert y >= 0
        assert x + w <= size
        assert y + h <= size
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


@pytest.mark.parametrize(
    ("a", "others", "message"),
    [
        ([1, 2, 3], [[1, 0]], "two numbers"),
        ([1, 0], [], "at least one"),
        ([0, 0], [[1, 0]], "zero"),
    ],
)
def test_alignment_figure_rejects_bad_input(
    a: list[float], others: list[list[float]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        alignment_figure(a, others)
