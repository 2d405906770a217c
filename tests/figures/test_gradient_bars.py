"""docs_build/figures/gradient_bars.py: the combined gradient, sample by sample."""

from __future__ import annotations

import pytest

from docs_build.figures.gradient_bars import gradient_bars
from tests.book_numbers import LABELS
from tests.figures.lessons import combined_gradient
from tests.svg import SVG, parse


def test_gradient_bars_show_the_lessons_combined_gradient() -> None:
    figure = parse(gradient_bars(combined_gradient(), LABELS))
    assert "sample 0, right class 0: -0.100, 0.033, 0.067" in figure.title
    assert "sample 1, right class 1: 0.033, -0.167, 0.133" in figure.title
    assert {"sample 0", "sample 2", "right class", "other classes", "−.167", ".133"} <= set(
        figure.texts
    )


def test_the_right_class_differs_in_fill_and_label_not_colour_alone() -> None:
    svg = parse(gradient_bars(combined_gradient(), LABELS)).svg
    bars = [r for r in svg.iter(f"{SVG}rect")]
    right = [r for r in bars if r.get("class") == "p2-bar-after"]
    others = [r for r in bars if r.get("class") == "p2-bar-other"]
    assert (len(right), len(others)) == (3 + 1, 6 + 1)  # the bars and one legend swatch each
    bold = [t.text for t in svg.iter(f"{SVG}text") if "summed" in (t.get("class") or "")]
    assert bold == [str(t) for t in LABELS]
    # The right class's bars point down from the zero line, the others up.
    zero = next(float(ln.get("y1") or 0) for ln in svg.iter(f"{SVG}line"))
    assert all(float(r.get("y") or 0) >= zero - 0.1 for r in right[1:])
    assert all(
        float(r.get("y") or 0) + float(r.get("height") or 0) <= zero + 0.1 for r in others[1:]
    )


def test_gradient_bars_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="3 samples but 2 targets"):
        gradient_bars(combined_gradient(), [0, 1])
    with pytest.raises(ValueError, match="a class from 0 to 2"):
        gradient_bars(combined_gradient(), [0, 1, 3])
