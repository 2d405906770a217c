"""docs_build/figures/lines.py: one-input neurons as lines, named by what changes."""

from __future__ import annotations

import pytest

from docs_build.figures.lines import X_TITLE, Y_TITLE, neuron_lines
from docs_build.figures.svg import fmt
from tests.book_numbers import LINE_INPUTS
from tests.figures.lessons import LINE_PANELS
from tests.svg import SVG, parse


def test_neuron_lines_names_each_line_by_what_changes() -> None:
    figure = parse(neuron_lines(LINE_INPUTS, LINE_PANELS))
    assert {"w=0.5", "w=1", "w=2", "b=−2", "b=0", "b=2"} <= set(figure.texts)
    assert {"weight changes, bias 0", "bias changes, weight 1"} <= set(figure.texts)
    assert "weight 2, bias 0 gives −2 → −4, −1 → −2, 0 → 0, 1 → 2, 2 → 4" in figure.title
    assert "weight 1, bias −2 gives −2 → −4" in figure.title


def test_neuron_lines_puts_every_output_on_its_line() -> None:
    svg = parse(neuron_lines(LINE_INPUTS, LINE_PANELS[:1])).svg
    fits = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "fit"]
    points = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "point"]
    assert len(fits) == 3
    assert len(points) == 3 * len(LINE_INPUTS)
    for k, fit in enumerate(fits):
        x1, y1, x2, y2 = (float(fit.get(a) or 0) for a in ("x1", "y1", "x2", "y2"))
        for point in points[k * len(LINE_INPUTS) : (k + 1) * len(LINE_INPUTS)]:
            x, y = float(point.get("cx") or 0), float(point.get("cy") or 0)
            assert y == pytest.approx(y1 + (x - x1) * (y2 - y1) / (x2 - x1), abs=0.2)
    # At input 0 every line of the panel passes through its bias, here 0: one point.
    zero = {(c.get("cx"), c.get("cy")) for c in points[2 :: len(LINE_INPUTS)]}
    assert len(zero) == 1


def test_neuron_lines_have_axis_titles_and_numbers_where_the_values_are() -> None:
    svg = parse(neuron_lines(LINE_INPUTS, LINE_PANELS)).svg
    texts = list(svg.iter(f"{SVG}text"))
    x_titles = [t for t in texts if t.text == X_TITLE]
    y_titles = [t for t in texts if t.text == Y_TITLE]
    assert len(x_titles) == len(LINE_PANELS)  # under each panel
    assert len(y_titles) == 1  # the panels share the output's scale
    assert (y_titles[0].get("transform") or "").startswith("rotate(-90 ")
    ticks = [t for t in texts if t.get("class") == "tick"]
    # Every input is numbered under each panel; outputs from -4 to 8 left of the first.
    under = [t for t in ticks if t.get("text-anchor") == "middle"]
    left = {t.text: float(t.get("y") or 0) for t in ticks if t.get("text-anchor") == "end"}
    for x in LINE_INPUTS:
        assert sum(t.text == fmt(x) for t in under) == len(LINE_PANELS)
    assert {fmt(v) for v in (-4, -2, 0, 2, 4, 6, 8)} <= left.keys()
    # Each number sits where its value is: level with the points of that output, and
    # under the points of that input (the first panel's points, input by input).
    points = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "point"]
    n = len(LINE_INPUTS)
    for k, (weight, bias) in enumerate(LINE_PANELS[0][1]):
        for x, point in zip(LINE_INPUTS, points[k * n : (k + 1) * n], strict=True):
            output = fmt(weight * x + bias)
            if output in left:
                assert float(point.get("cy") or 0) == pytest.approx(left[output], abs=0.1)
            tick = next(t for t in under if t.text == fmt(x))  # the first panel's comes first
            assert float(point.get("cx") or 0) == pytest.approx(float(tick.get("x") or 0), abs=0.1)


@pytest.mark.parametrize(
    ("xs", "panels", "message"),
    [
        ([1, 1], LINE_PANELS, "two different"),
        (LINE_INPUTS, [], "at least one"),
        (LINE_INPUTS, [("a", [])], "one neuron"),
    ],
)
def test_neuron_lines_rejects_bad_input(
    xs: list[float], panels: list[tuple[str, list[tuple[float, float]]]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        neuron_lines(xs, panels)
