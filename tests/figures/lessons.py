"""The figures the lessons draw, with the lessons' own data: for the figure tests.

The data a page computes before it draws (the spiral and vertical data, the activation
and loss lessons' curves) is recomputed here the same way, once. `FIGURES` draws every
figure of every lesson, for the checks that apply to all of them (test_text_size.py).
The numbers themselves are the book's, in tests/book_numbers.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import numpy as np

from docs_build.figures.activations import activation_panels, relu_fit
from docs_build.figures.arrays import array_grid
from docs_build.figures.backprop import neuron_graph
from docs_build.figures.bench import load_bench, speed_chart
from docs_build.figures.chain import layer_chain
from docs_build.figures.contours import gradient_contours
from docs_build.figures.differences import difference_errors
from docs_build.figures.fits import fit_panels
from docs_build.figures.gradient_bars import gradient_bars
from docs_build.figures.grids import batch_grid, matrix_vector
from docs_build.figures.layer import layer_diagram
from docs_build.figures.layer_backward import backward_shapes
from docs_build.figures.lines import neuron_lines
from docs_build.figures.logloss import log_loss_figure
from docs_build.figures.matrices import product_grid, transpose_figure
from docs_build.figures.neuron import neuron_diagram
from docs_build.figures.products import elementwise_table
from docs_build.figures.regions import region_panels
from docs_build.figures.scatter import class_scatter
from docs_build.figures.search import search_figure
from docs_build.figures.shapes import product_shapes
from docs_build.figures.softmax_bars import softmax_bars
from docs_build.figures.tangents import step_error_figure, tangent_figure
from docs_build.figures.training import training_chart
from docs_build.figures.vectors import alignment_figure
from nnfs_ref import vectorized
from nnfs_ref.activations import ReLU
from nnfs_ref.datasets import sine_data, spiral_data, vertical_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import SoftmaxCategoricalCrossentropy
from nnfs_ref.optimizers import Adam
from nnfs_ref.random import book_stream
from tests.book_numbers import (
    ALIGN_A,
    ALIGN_OTHERS,
    BATCH,
    BATCH_OUT,
    BIASES,
    BP_B,
    BP_W,
    BP_X,
    CUBE,
    DOT_A,
    DOT_B,
    INPUTS,
    LABELS,
    LAYER_OUT,
    LINE_INPUTS,
    PREDICTIONS,
    SHIFTS,
    SLOPES,
    WEIGHTS,
)

#: The single-neuron lesson's two panels of lines.
LINE_PANELS = [("weight changes, bias 0", SLOPES), ("bias changes, weight 1", SHIFTS)]
#: Example E's shapes as the adding-layers lesson chains them.
E_LAYERS = [("weights.T", (4, 3), "layer 1"), ("weights2.T", (3, 3), "layer 2")]
#: The dense-layer lesson's chain: the spiral data through dense1.
F_LAYERS = [("dense1.weights", (2, 3), "dense1.output")]


@cache
def spiral() -> tuple[np.ndarray, np.ndarray]:
    """The spiral-data lesson's data: 100 points of each of 3 classes, the book's stream."""
    return spiral_data(samples=100, classes=3, rng=book_stream(0))


@cache
def vertical() -> tuple[np.ndarray, np.ndarray]:
    """The spiral-data lesson's vertical data, drawn the same way."""
    return vertical_data(samples=100, classes=3, rng=book_stream(0))


def lesson_curves() -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
    """The activation lesson's block act-shapes-curves."""
    xs = np.linspace(-4, 4, 161)
    return xs, [
        ("step", np.where(xs > 0, 1.0, 0.0)),
        ("linear", xs),
        ("sigmoid", 1 / (1 + np.exp(-xs))),
        ("ReLU", np.maximum(0, xs)),
    ]


def sine_network() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The activation lesson's block act-sine-fit: seven hand-set ReLU neurons."""
    x, y = sine_data(samples=200)
    shifts = np.array([0, 1, 2, 3, 5, 6, 7])
    weights2 = np.array([[0.71], [-0.41], [-0.59], [-0.41], [0.41], [0.59], [0.41]])
    fit = np.maximum(0, x @ np.array([[8.0] * 7]) - shifts) @ weights2
    return x, y, fit, shifts / 8


def loss_curve() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The loss lesson's block loss-clip-curve."""
    ps = np.logspace(-10, 0, 201)
    return ps, -np.log(ps), -np.log(np.clip(ps, 1e-7, 1 - 1e-7))


def combined_gradient() -> np.ndarray:
    """The backprop-layer lesson's block bpl-combined: (softmax output - one-hot) / samples."""
    gradient = np.array(PREDICTIONS)
    gradient[range(len(LABELS)), LABELS] -= 1
    return gradient / len(LABELS)


def step_error_series() -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
    """The gradient-checking lesson's block gc-step-errors: x³'s derivative at 1 is 3."""
    hs = np.array([m / 10**k for k in range(1, 13) for m in (5, 2, 1)])

    def cube(x: np.ndarray) -> np.ndarray:
        cubed: np.ndarray = x * x * x
        return cubed

    def relative(estimate: np.ndarray) -> np.ndarray:
        error: np.ndarray = np.abs(estimate - 3) / 3
        return error

    x32, hs32 = np.float32(1.0), hs.astype(np.float32)
    return hs, [
        ("central, float64", relative((cube(1.0 + hs) - cube(1.0 - hs)) / (2 * hs))),
        ("forward, float64", relative((cube(1.0 + hs) - 1.0) / hs)),
        ("central, float32", relative((cube(x32 + hs32) - cube(x32 - hs32)) / (2 * hs32))),
    ]


def fit_data() -> tuple[list[float], list[float]]:
    """200 noisy points around y = 0.8x + 0.3, like the batches lesson's."""
    rng = np.random.default_rng(0)
    xs = rng.uniform(-1, 1, size=200).tolist()
    ys = [0.8 * x + 0.3 + e for x, e in zip(xs, rng.normal(0, 0.35, size=200), strict=True)]
    return xs, ys


#: The random-search lesson's three runs: (label, [(iteration, new lowest loss), ...]).
#: The lesson's runs take seconds, so these stand-ins keep a few of each run's drops
#: (rounded); the figure's text does not depend on the values.
SEARCH_DROPS = [
    ("try 1: new weights, vertical data", [(0, 1.0987), (124, 1.0978), (9450, 1.0964)]),
    ("try 2: small steps, vertical data", [(0, 1.0988), (29, 1.07), (499, 0.23), (9397, 0.1728)]),
    ("try 2: small steps, spiral data", [(0, 1.1009), (36, 1.0977), (499, 1.08), (5415, 1.0791)]),
]


def search_runs(iterations: int = 10000) -> list[tuple[str, list[float]]]:
    """Each stand-in run as the lesson keeps it: the lowest loss after every iteration."""
    runs = []
    for label, drops in SEARCH_DROPS:
        lowest = []
        for iteration in range(iterations):
            lowest.append(next(v for i, v in reversed(drops) if i <= iteration))
        runs.append((label, lowest))
    return runs


def f_squared(x: float) -> float:
    """The derivatives lesson's f(x) = 2x²."""
    return 2 * x**2


#: The derivatives lesson's labels for its curve and for the curve's derivative.
CURVE_LABEL, RULE_LABEL = "f(x) = 2x²", "f\u2032(x) = 4x"


def tangent_data() -> tuple[list[float], list[float], list[tuple[int, float, float]], list[float]]:
    """The derivatives lesson's blocks deriv-numerical-points and deriv-tangents-figure."""
    tangents = []
    for x1 in [0, 1, 2, 3, 4]:
        x2 = x1 + 0.0001
        tangents.append((x1, f_squared(x1), (f_squared(x2) - f_squared(x1)) / (x2 - x1)))
    xs = [i / 20 - 1 for i in range(121)]
    return xs, [f_squared(x) for x in xs], tangents, [4 * x for x in xs]


def step_errors() -> tuple[list[float], list[float], list[float]]:
    """The derivatives lesson's block deriv-sweep: the slope's error at x = 0.1 per step."""
    x1 = 0.1
    deltas = [10.0**-k for k in range(1, 16)]
    errors = []
    for delta in deltas:
        x2 = x1 + delta
        errors.append(abs((f_squared(x2) - f_squared(x1)) / (x2 - x1) - 4 * x1))
    return deltas, errors, [2 * d for d in deltas]


#: The gradients lesson's four points, where it draws the gradient of x**2 + 2 * y**2.
GRADIENT_POINTS = [(2.0, 1.0), (-1.0, 1.0), (-2.0, -0.5), (1.0, -1.0)]


Arrow = tuple[tuple[float, float], tuple[float, float]]


def contour_data() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[float], list[Arrow]]:
    """The gradients lesson's blocks grad-vector and grad-contour-data."""
    xs, ys = np.linspace(-3, 3, 61), np.linspace(-2, 2, 41)
    grid_x, grid_y = np.meshgrid(xs, ys)
    arrows = [((x, y), (2 * x, 4 * y)) for x, y in GRADIENT_POINTS]
    return xs, ys, grid_x**2 + 2 * grid_y**2, [3, 4.5, 6, 8], arrows


def neuron_gradients() -> str:
    """The backpropagation lesson's neuron: with an upstream gradient of 1 and z > 0,
    every gradient on the way back is 1, so dx is the weights and dw the inputs."""
    return neuron_graph(
        BP_X, BP_W, BP_B, dvalue=1.0, drelu_dz=1.0, dproducts=[1.0] * 3, dx=BP_W, dw=BP_X, db=1.0
    )


#: The optimizer lessons' six runs, in the order their charts draw them.
RUN_NAMES = (
    "SGD",
    "SGD, decay 1e-3",
    "SGD, momentum 0.9, decay",
    "AdaGrad, decay 1e-4",
    "RMSProp, rate 0.02, rho 0.999",
    "Adam, rate 0.05",
)


def training_runs() -> list[tuple[str, list[int], list[float], list[float]]]:
    """Six runs shaped like the optimizer lessons' (a point every 100 epochs up to 10,000,
    starting at accuracy 0.36 and loss 1.099). The lessons train for seconds per run,
    too long to repeat for a figure test, so these curves are made up."""
    epochs = list(range(0, 10001, 100))
    runs = []
    for k, name in enumerate(RUN_NAMES):
        fade = [math.exp(-0.0003 * (k + 1) * e) for e in epochs]
        losses = [0.1 + 0.999 * f for f in fade]
        accuracies = [1 - 0.64 * f for f in fade]
        runs.append((name, epochs, accuracies, losses))
    return runs


@cache
def adam_regions() -> tuple[np.ndarray, np.ndarray, list[tuple[str, np.ndarray]]]:
    """The adaptive lesson's decision regions, from a shorter Adam run (0 to 100 epochs):
    the spiral data, and for each saved epoch a 50 x 50 grid of the classes picked."""
    rng = book_stream(0)
    x, y = spiral_data(samples=100, classes=3, rng=rng)
    dense1, relu, dense2 = Dense(2, 64, rng=rng), ReLU(), Dense(64, 3, rng=rng)
    loss = SoftmaxCategoricalCrossentropy()
    optimizer = Adam(learning_rate=0.05, decay=5e-7)
    centres = (np.arange(50) + 0.5) / 50 * 2 - 1
    gx, gy = np.meshgrid(centres, centres)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    panels = []
    for epoch in range(101):
        if epoch in (0, 10, 30, 100):
            dense1.forward(grid)
            relu.forward(dense1.output)
            dense2.forward(relu.output)
            picked = np.argmax(dense2.output, axis=1).reshape(50, 50)
        dense1.forward(x)
        relu.forward(dense1.output)
        dense2.forward(relu.output)
        loss.forward(dense2.output, y)
        if epoch in (0, 10, 30, 100):
            accuracy = np.mean(np.argmax(loss.output, axis=1) == y)
            panels.append((f"epoch {epoch:,}: acc {accuracy:.2f}", picked))
        loss.backward(loss.output, y)
        dense2.backward(loss.dinputs)
        relu.backward(dense2.dinputs)
        dense1.backward(relu.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
    return x, y, panels


#: Every figure the lessons draw, with the lessons' own numbers.
FIGURES: dict[str, Callable[[], str]] = {
    # Part 1
    "neuron": lambda: neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0]),
    "layer": lambda: layer_diagram(INPUTS, WEIGHTS, BIASES),
    "lines": lambda: neuron_lines(LINE_INPUTS, LINE_PANELS),
    "array-cube": lambda: array_grid(CUBE),
    "array-row": lambda: array_grid([1, 5, 6, 2]),
    "products": lambda: elementwise_table(DOT_A, DOT_B),
    "sums": lambda: elementwise_table(DOT_A, DOT_B, "+"),
    "alignment": lambda: alignment_figure(ALIGN_A, ALIGN_OTHERS),
    "matrix-vector": lambda: matrix_vector(WEIGHTS, INPUTS, BIASES),
    "batch": lambda: batch_grid(BATCH),
    "fits": lambda: fit_panels(
        *fit_data(), (0.8, 0.3), [("one sample per step", [(0.76, -0.27)]), ("32", [(0.8, 0.3)])]
    ),
    "product": lambda: product_grid([[1, 2, 3], [0, 1, -1]], [[2, 1], [3, 0], [4, -2]], 0, 0),
    "product-batch": lambda: product_grid(
        BATCH, np.array(WEIGHTS).T.tolist(), 1, 2, ("inputs", "weights.T", "dot products")
    ),
    "transpose": lambda: transpose_figure(WEIGHTS, row=1),
    "shapes": lambda: product_shapes((3, 4), (4, 3), ("inputs", "weights.T", "outputs")),
    "speed": lambda: speed_chart(load_bench()),
    # Part 2
    "spiral": lambda: class_scatter(*spiral()),
    "vertical": lambda: class_scatter(*vertical()),
    "chain-e": lambda: layer_chain((3, 4), E_LAYERS),
    "chain-f": lambda: layer_chain((300, 2), F_LAYERS, "X"),
    "activations": lambda: activation_panels(*lesson_curves()),
    "relu-fit": lambda: relu_fit(*sine_network()),
    "softmax": lambda: softmax_bars(LAYER_OUT, vectorized.softmax(LAYER_OUT)),
    "softmax-negative": lambda: softmax_bars(BATCH_OUT[1], vectorized.softmax(BATCH_OUT[1])),
    "log-loss": lambda: log_loss_figure(*loss_curve(), 1e-7, [0.7, 0.5, 0.9]),
    # Part 3
    "search": lambda: search_figure(search_runs(), zoom=(1.075, 1.105)),
    "tangents": lambda: tangent_figure(
        *tangent_data(), curve_label=CURVE_LABEL, rule_label=RULE_LABEL
    ),
    "step-error": lambda: step_error_figure(
        *step_errors(), reference_label="2 × delta, a secant's error"
    ),
    "gradient-contours": lambda: gradient_contours(*contour_data()),
    "neuron-graph": neuron_gradients,
    "backward-shapes": lambda: backward_shapes(3, 4, 3),
    "gradient-bars": lambda: gradient_bars(combined_gradient(), LABELS),
    "difference-errors": lambda: difference_errors(*step_error_series()),
    "training-sgd": lambda: training_chart(training_runs()[:3], "sgd"),
    "training-adaptive": lambda: training_chart(training_runs()[3:], "adapt", first_style=3),
    "training-six": lambda: training_chart(training_runs(), "six"),
    "regions": lambda: region_panels(*adam_regions()[:2], (-1, 1), adam_regions()[2], "r"),
}
