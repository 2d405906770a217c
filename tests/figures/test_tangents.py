"""docs_build/figures/tangents.py: tangent lines from computed slopes, and a step's error."""

from __future__ import annotations

import pytest

from docs_build.figures.tangents import step_error_figure, tangent_figure
from tests.figures.lessons import CURVE_LABEL, RULE_LABEL, step_errors, tangent_data
from tests.svg import SVG, parse


def draw(*data: object) -> str:
    """The derivatives lesson's tangent figure, from `data` or from the lesson's numbers."""
    args = data or tangent_data()
    return tangent_figure(*args, curve_label=CURVE_LABEL, rule_label=RULE_LABEL)  # type: ignore[arg-type]


def test_tangent_figure_lists_every_slope_it_draws() -> None:
    figure = parse(draw())
    assert "the curve f(x) = 2x² for x from −1 to 5" in figure.title
    assert "a dashed tangent line through each of 5 points" in figure.title
    assert "at x = 0 the slope is 0.0002; at x = 1 the slope is 4.0002" in figure.title
    assert "at x = 4 the slope is 16.0002" in figure.title
    assert f"lying on the line of {RULE_LABEL}" in figure.title
    assert {CURVE_LABEL, RULE_LABEL, "tangent lines", "0", "2", "4"} <= set(figure.texts)


def test_each_tangent_is_the_line_through_its_point_with_its_slope() -> None:
    svg = parse(draw()).svg
    dashed = [p for p in svg.iter(f"{SVG}polyline") if p.get("class") == "p2-target"]
    assert len(dashed) == 5
    dots = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "p2-dot"]
    assert len(dots) == 5 + 1 + 5  # the upper plot, the lower legend, the lower plot
    steepness = []
    for line, dot in zip(dashed, dots[:5], strict=True):
        (x1, y1), (x2, y2) = (map(float, p.split(",")) for p in line.get("points", "").split())
        cx, cy = float(dot.get("cx", "")), float(dot.get("cy", ""))
        assert (x1 + x2) / 2 == pytest.approx(cx, abs=0.1)  # the dot is the segment's middle
        assert (y1 + y2) / 2 == pytest.approx(cy, abs=0.1)
        steepness.append((y1 - y2) / (x2 - x1))  # SVG's y grows downwards
    # The drawn slopes are in the ratio of the computed ones: 0.0002, 4.0002, 8.0002, ...
    slopes = [slope for _, _, slope in tangent_data()[2]]
    for drawn, slope in zip(steepness[1:], slopes[1:], strict=True):
        assert drawn / steepness[1] == pytest.approx(slope / slopes[1], rel=1e-3)


def test_tangent_figure_rejects_bad_input() -> None:
    xs, ys, tangents, rule = tangent_data()
    with pytest.raises(ValueError, match="x = 7 lies outside the curve"):
        draw(xs, ys, [(7, 98, 28)], rule)
    with pytest.raises(ValueError, match="no tangent"):
        draw(xs, ys, [], rule)
    with pytest.raises(ValueError, match="xs must increase"):
        draw(xs[::-1], ys[::-1], tangents, rule[::-1])


def test_step_error_figure_names_the_best_step_and_both_ends() -> None:
    figure = parse(step_error_figure(*step_errors(), reference_label="2 × delta"))
    assert "a dot at each of the 15 steps tried, from 1e-15 to 1e-1" in figure.title
    assert "From the largest step (error 2e-1)" in figure.title
    assert "to its smallest, 1.4e-9, at delta = 1e-9" in figure.title
    assert "rises again, to 6.9e-4 at delta = 1e-15" in figure.title
    assert {"2 × delta", "1e-15", "1e-9", "1e-3"} <= set(figure.texts)
    assert len([c for c in figure.svg.iter(f"{SVG}circle")]) == 1 + 15


def test_step_error_figure_needs_positive_numbers() -> None:
    deltas, errors, reference = step_errors()
    with pytest.raises(ValueError, match="must be positive"):
        step_error_figure(deltas, [0.0, *errors[1:]], reference, reference_label="2 × delta")
