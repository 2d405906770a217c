"""The intuition figures: a one-input neuron as a line, and vectors that point alike."""

from __future__ import annotations

import pytest

from docs_build.figures.lines import neuron_lines
from docs_build.figures.vectors import alignment_figure
from tests.book_numbers import ALIGN_A, ALIGN_OTHERS, LINE_INPUTS, SHIFTS, SLOPES
from tests.svg import SVG, parse

XS = LINE_INPUTS
PANELS = [("weight changes, bias 0", SLOPES), ("bias changes, weight 1", SHIFTS)]  # the lesson's


def test_neuron_lines_names_each_line_by_what_changes() -> None:
    figure = parse(neuron_lines(XS, PANELS))
    assert {"w=0.5", "w=1", "w=2", "b=−2", "b=0", "b=2"} <= set(figure.texts)
    assert {"weight changes, bias 0", "bias changes, weight 1"} <= set(figure.texts)
    assert "weight 2, bias 0 gives −2 → −4, −1 → −2, 0 → 0, 1 → 2, 2 → 4" in figure.title
    assert "weight 1, bias −2 gives −2 → −4" in figure.title


def test_neuron_lines_puts_every_output_on_its_line() -> None:
    svg = parse(neuron_lines(XS, PANELS[:1])).svg
    fits = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "fit"]
    points = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "point"]
    assert len(fits) == 3
    assert len(points) == 3 * len(XS)
    for k, fit in enumerate(fits):
        x1, y1, x2, y2 = (float(fit.get(a) or 0) for a in ("x1", "y1", "x2", "y2"))
        for point in points[k * len(XS) : (k + 1) * len(XS)]:
            x, y = float(point.get("cx") or 0), float(point.get("cy") or 0)
            assert y == pytest.approx(y1 + (x - x1) * (y2 - y1) / (x2 - x1), abs=0.2)
    # At input 0 every line of the panel passes through its bias, here 0: one point.
    zero = {(c.get("cx"), c.get("cy")) for c in points[2 :: len(XS)]}
    assert len(zero) == 1


@pytest.mark.parametrize(
    ("xs", "panels", "message"),
    [([1, 1], PANELS, "two different"), (XS, [], "at least one"), (XS, [("a", [])], "one neuron")],
)
def test_neuron_lines_rejects_bad_input(
    xs: list[float], panels: list[tuple[str, list[tuple[float, float]]]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        neuron_lines(xs, panels)


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
