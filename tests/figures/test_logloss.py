"""docs_build/figures/logloss.py: the log loss, and where clipping holds it."""

from __future__ import annotations

import pytest

from docs_build.figures.logloss import X_TITLE, Y_TITLE, log_loss_figure
from tests.figures.lessons import loss_curve
from tests.svg import SVG, parse


def test_log_loss_figure_marks_the_clipped_region() -> None:
    figure = parse(log_loss_figure(*loss_curve(), 1e-7, [0.7, 0.5, 0.9]))
    assert "p = 0.7 gives 0.357, p = 0.5 gives 0.693, p = 0.9 gives 0.105" in figure.title
    assert (
        "Below p = 1e-7, a shaded region, clipping holds the loss at −log(1e-7) ≈ 16.1"
        in figure.title
    )
    assert "to 23.0 at p = 1e-10 and to infinity at p = 0" in figure.title
    assert {"clipped", "−log(1e-7) ≈ 16.1", "1e-10", "1e-7", "1e-4", "1", "16.1"} <= set(
        figure.texts
    )
    assert len(list(figure.svg.iter(f"{SVG}circle"))) == 3


def test_log_loss_figure_titles_both_axes_of_both_plots() -> None:
    svg = parse(log_loss_figure(*loss_curve(), 1e-7, [0.7, 0.5, 0.9])).svg
    texts = list(svg.iter(f"{SVG}text"))
    assert {t.text for t in texts} >= {X_TITLE, f"{X_TITLE}, log scale"}
    y_titles = [t for t in texts if t.text == Y_TITLE]
    assert len(y_titles) == 2
    assert all((t.get("transform") or "").startswith("rotate(-90 ") for t in y_titles)
    # Read upwards, left of the loss's numbers (end-anchored at their right edge: each
    # character is at most about 8 units wide at 13 px).
    numbers = [t for t in texts if t.get("class") == "p2-tick" and t.get("text-anchor") == "end"]
    assert {t.text for t in numbers} >= {"0", "5", "16.1"}
    leftmost = min(float(t.get("x") or 0) - 8 * len(t.text or "") for t in numbers)
    assert all(float(t.get("x") or 0) + 8 < leftmost for t in y_titles)


def test_log_loss_figure_rejects_bad_input() -> None:
    ps, losses, clipped = loss_curve()
    with pytest.raises(ValueError, match="ps must increase"):
        log_loss_figure(ps[::-1], losses[::-1], clipped[::-1], 1e-7)
    with pytest.raises(ValueError, match="low is 1e-12"):
        log_loss_figure(ps, losses, clipped, 1e-12)
    with pytest.raises(ValueError, match=r"marked probabilities must lie in \(0, 1\]"):
        log_loss_figure(ps, losses, clipped, 1e-7, [0.0])
