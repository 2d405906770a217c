"""The backpropagation lesson: one neuron's computation graph, values forward, gradients back.

Inputs and weights meet in a product node each; the products and the bias meet in the
sum; the sum goes through ReLU. Every edge carries the value that goes forward along it
and, under it in the link colour with an arrow pointing back, the gradient that comes
back. The tail (sum, ReLU, output) runs downwards, so the figure fits a phone.
"""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.grids import figure_of
from docs_build.figures.svg import circle, line, text

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
ROW, PAIR = 112, 50  # one input per row; its x and w lines PAIR apart
TOP = 76  # room for the legend
LEAF_X, MUL_X, BEND_X, SUM_X = 22, 150, 226, 276
LEAF_R, MUL_R, SUM_R, RELU_R = 15, 15, 18, 25
#: From the sum downwards: to ReLU, then to the output's end.
DROP = 104


def value(v: float) -> str:
    """A float as Python prints it, with a true minus sign: -3.0 -> '−3.0'."""
    return repr(float(v)).replace("-", "\u2212")


def _across(x1: float, x2: float, y: float, forward: float, back: float) -> list[str]:
    """Labels of a horizontal edge: its value above, its gradient under it."""
    middle = (x1 + x2) / 2
    return [
        text(middle, y - 11, value(forward), "label"),
        text(middle, y + 12, f"← {value(back)}", "weight"),
    ]


def _down(x: float, y1: float, y2: float, forward: float, back: float) -> list[str]:
    """Labels of a vertical edge, right of it: its value, then its gradient."""
    middle = (y1 + y2) / 2
    return [
        text(x + 9, middle - 10, value(forward), "label", "start"),
        text(x + 9, middle + 11, f"↑ {value(back)}", "weight", "start"),
    ]


def _leaf(x: float, y: float, name: str) -> list[str]:
    return [circle(x, y, LEAF_R, "input"), text(x, y, name, "label")]


def neuron_graph(
    x: Sequence[float],
    w: Sequence[float],
    b: float,
    *,
    dvalue: float,
    drelu_dz: float,
    dproducts: Sequence[float],
    dx: Sequence[float],
    dw: Sequence[float],
    db: float,
) -> str:
    """The graph of relu(x·w + b), labelled with the forward values and the given gradients.

    The forward values are computed here, in the lesson's order; the gradients are the
    page's: `dvalue` arriving at the output, `drelu_dz` at the sum's output, `dproducts`
    at each product, and `dx`, `dw`, `db` at the inputs, weights and bias.
    """
    n = len(x)
    if not 1 <= n <= 4 or any(len(v) != n for v in (w, dproducts, dx, dw)):
        raise ValueError(
            f"need 1 to 4 inputs and as many weights and gradients: {n} inputs, {len(w)} "
            f"weights, {len(dproducts)} dproducts, {len(dx)} dx and {len(dw)} dw"
        )
    products = [float(xi) * float(wi) for xi, wi in zip(x, w, strict=True)]
    z = 0.0
    for p in products:
        z += p
    z += float(b)
    out = max(z, 0.0)
    rows = [TOP + i * ROW for i in range(n)]
    sum_y = sum(y + PAIR / 2 for y in rows) / n
    body = [
        text(56, 14, "6.0", "label", "end"),
        text(64, 14, "the value, going forward", "axis-label", "start"),
        text(56, 38, "← 1.0", "weight", "end"),
        text(64, 38, "the gradient, coming back", "axis-label", "start"),
    ]
    for i, y in enumerate(rows):
        mid = y + PAIR / 2
        for name, y_leaf, forward, back in [
            (f"x{i}".translate(SUB), y, x[i], dx[i]),
            (f"w{i}".translate(SUB), y + PAIR, w[i], dw[i]),
        ]:
            body += [
                line(LEAF_X + LEAF_R, y_leaf, MUL_X - 40, y_leaf, "edge"),
                line(MUL_X - 40, y_leaf, MUL_X - MUL_R * 0.8, mid + (y_leaf - mid) * 0.3, "edge"),
                *_leaf(LEAF_X, y_leaf, name),
                *_across(LEAF_X + LEAF_R, MUL_X - 40, y_leaf, forward, back),
            ]
        body += [
            line(MUL_X + MUL_R, mid, BEND_X, mid, "edge"),
            line(BEND_X, mid, SUM_X, sum_y, "edge"),
            circle(MUL_X, mid, MUL_R, "neuron"),
            text(MUL_X, mid, "×", "label"),
            *_across(MUL_X + MUL_R, BEND_X, mid, products[i], dproducts[i]),
        ]
    bias_y = sum_y - 84
    relu_y = sum_y + DROP
    end_y = relu_y + DROP - 20
    body += [
        line(SUM_X, bias_y + LEAF_R, SUM_X, sum_y, "edge"),
        *_leaf(SUM_X, bias_y, "b"),
        *_down(SUM_X, bias_y + LEAF_R, sum_y - SUM_R, b, db),
        line(SUM_X, sum_y, SUM_X, end_y, "edge"),
        circle(SUM_X, sum_y, SUM_R, "neuron"),
        text(SUM_X, sum_y, "+", "label"),
        *_down(SUM_X, sum_y + SUM_R, relu_y - RELU_R, z, drelu_dz),
        circle(SUM_X, relu_y, RELU_R, "neuron"),
        text(SUM_X, relu_y, "ReLU", "label"),
        *_down(SUM_X, relu_y + RELU_R, end_y, out, dvalue),
        text(SUM_X, end_y + 14, "output", "axis-label"),
    ]
    names = [f"x{i}" for i in range(n)]
    alt = (
        f"The computation graph of one neuron with {n} inputs. Forward, each input times "
        "its weight: "
        + ", ".join(f"{value(x[i])} × {value(w[i])} = {value(products[i])}" for i in range(n))
        + f"; the products plus the bias {value(b)} give z = {value(z)}; "
        f"ReLU gives {value(out)}. Backward, from a gradient of {value(dvalue)} at the "
        f"output: {value(drelu_dz)} after ReLU, "
        f"{', '.join(value(d) for d in dproducts)} at the products, "
        + ", ".join(f"{value(dx[i])} at {names[i]} and {value(dw[i])} at w{i}" for i in range(n))
        + f", and {value(db)} at the bias."
    )
    return figure_of(SUM_X + 74, end_y + 26, alt, body)
