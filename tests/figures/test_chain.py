"""docs_build/figures/chain.py: the shapes of layers that chain, as in examples E and F."""

from __future__ import annotations

import pytest

from docs_build.figures.chain import layer_chain
from tests.figures.lessons import E_LAYERS, F_LAYERS
from tests.svg import SVG, parse


def test_layer_chain_shows_example_e_shapes() -> None:
    figure = parse(layer_chain((3, 4), E_LAYERS))
    assert {"inputs", "layer 1", "layer 2", "(3, 4)", "(4, 3)", "(3, 3)"} <= set(figure.texts)
    assert {"· weights.T", "· weights2.T", "inner 4 = 4", "inner 3 = 3"} <= set(figure.texts)
    assert (
        "inputs (3, 4) times weights.T (4, 3), inner sizes 4 and 4, gives layer 1 (3, 3)"
        in figure.title
    )
    assert "then layer 1 (3, 3) times weights2.T (3, 3)" in figure.title
    marked = [r for r in figure.svg.iter(f"{SVG}rect") if "cell-mark" in (r.get("class") or "")]
    assert len(marked) == 4 + 3 + 3  # the first row of each batch


def test_layer_chain_caps_big_batches_and_dashes_the_cut() -> None:
    figure = parse(layer_chain((300, 2), F_LAYERS, "X"))
    assert "X (300, 2) times dense1.weights (2, 3)" in figure.title
    assert {"(300, 2)", "(300, 3)", "inner 2 = 2"} <= set(figure.texts)
    cells = [r.get("class") or "" for r in figure.svg.iter(f"{SVG}rect")]
    assert len(cells) == 5 * 2 + 2 * 3 + 5 * 3
    assert sum("cell-more" in c for c in cells) == 2 + 3  # the last drawn row of each batch


def test_layer_chain_refuses_shapes_that_do_not_chain() -> None:
    with pytest.raises(ValueError, match=r"inputs \(3, 4\) and w \(3, 3\) do not chain: 4 != 3"):
        layer_chain((3, 4), [("w", (3, 3), "out")])
    with pytest.raises(ValueError, match=r"layer 1 \(3, 3\) and w2 \(4, 3\) do not chain"):
        layer_chain((3, 4), [E_LAYERS[0], ("w2", (4, 3), "out")])
    with pytest.raises(ValueError, match="2-D shape"):
        layer_chain((3, 4, 1), E_LAYERS)
    with pytest.raises(ValueError, match="at least one layer"):
        layer_chain((3, 4), [])
