"""docs_build/figures/differences.py: a finite difference's error against its step, log scales."""

from __future__ import annotations

import numpy as np
import pytest

from docs_build.figures.differences import STYLES, difference_errors
from tests.figures.lessons import step_error_series
from tests.svg import SVG, parse


def test_difference_errors_names_each_series_and_its_best_step() -> None:
    figure = parse(difference_errors(*step_error_series()))
    assert "central, float64: smallest, 8e-12, at h = 2e-06" in figure.title
    assert "central, float32: smallest, 7e-06, at h = 1e-03" in figure.title
    assert "from 1e-12 on the left to 1 on the right" in figure.title
    texts = set(figure.texts)
    assert {"central, float64", "forward, float64", "central, float32"} <= texts
    assert {"1e-12", "1e-9", "1e-6", "1e-3", "1", "1e-4", "1e-8"} <= texts


def test_each_series_has_its_own_line_style_in_the_legend_and_the_plot() -> None:
    svg = parse(difference_errors(*step_error_series())).svg
    legend = [ln.get("class") for ln in svg.iter(f"{SVG}line") if ln.get("class") in STYLES]
    curves = [p.get("class") for p in svg.iter(f"{SVG}polyline")]
    assert legend == curves == list(STYLES)


def test_an_error_of_zero_is_drawn_on_the_bottom_edge() -> None:
    hs = np.array([1e-1, 1e-2, 1e-3])
    svg = parse(difference_errors(hs, [("exact", [1e-2, 0.0, 1e-6])])).svg
    points = next(svg.iter(f"{SVG}polyline")).get("points") or ""
    ys = [float(p.split(",")[1]) for p in points.split()]
    assert ys[1] == max(ys)  # the 0 sits lowest, with the 1e-6 (the axis starts at 1e-8)


def test_difference_errors_rejects_bad_input() -> None:
    hs = [1e-1, 1e-2]
    with pytest.raises(ValueError, match="positive"):
        difference_errors([0.0, 1e-2], [("a", [1.0, 1.0])])
    with pytest.raises(ValueError, match="one to 3 series"):
        difference_errors(hs, [(str(k), [1.0, 1.0]) for k in range(4)])
    with pytest.raises(ValueError, match="2 errors for 3 steps"):
        difference_errors([1e-1, 1e-2, 1e-3], [("a", [1.0, 1.0])])
    with pytest.raises(ValueError, match="every error is 0"):
        difference_errors(hs, [("a", [0.0, 0.0])])
