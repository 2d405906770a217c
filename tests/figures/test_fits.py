"""docs_build/figures/fits.py: lines fitted one sample or one batch at a time."""

from __future__ import annotations

import pytest

from docs_build.figures.fits import equation, fit_panels
from tests.svg import parse


def test_fit_panels_describes_every_line() -> None:
    xs, ys = [0.0, 1.0, 2.0], [1.0, 2.5, 5.0]
    html = fit_panels(xs, ys, (2.0, 0.83), [("one", [(1.0, 0.0), (1.5, -0.25)]), ("two", [(2, 1)])])
    figure = parse(html)
    assert "3 random points" in figure.title
    assert "y = 2x + 0.83" in figure.title
    assert "one: the last of 2 lines is y = 1.5x − 0.25" in figure.title
    assert "last: y = 2x + 1" in figure.texts
    assert equation((0.756, -0.272)) == "y = 0.76x − 0.27"


def test_fit_panels_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="as many x as y"):
        fit_panels([0.0, 1.0], [1.0], (1.0, 0.0), [("a", [(1.0, 0.0)])])
    with pytest.raises(ValueError, match="at least one fitted line"):
        fit_panels([0.0, 1.0], [1.0, 2.0], (1.0, 0.0), [("a", [])])
    with pytest.raises(ValueError, match="spread"):
        fit_panels([1.0, 1.0], [1.0, 2.0], (1.0, 0.0), [("a", [(1.0, 0.0)])])
