"""Every `backward` in nnfs_ref against central finite differences, in float64.

Shapes and values come from hypothesis, kept away from the kinks where a derivative
is a convention (ReLU at 0, the loss's clipping bounds); the conventions are tested
on their own below. Each check also runs on a deliberately broken copy of the
backward pass (the mutants at the end), which it must catch: a check that passed
for a wrong gradient would prove nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_ref import _fixed
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy, SoftmaxCategoricalCrossentropy
from tests.gradcheck import F64, numerical, relative_error

checks = settings(max_examples=40, deadline=None)
TOLERANCE = 1e-5  # float64 central differences with h = 1e-5 agree to about 1e-8 here
sizes = st.integers(1, 5)


def values(shape: tuple[int, ...], low: float = -3.0, high: float = 3.0) -> st.SearchStrategy[F64]:
    return arrays(np.float64, shape, elements=st.floats(low, high))


def away_from_zero(shape: tuple[int, ...]) -> st.SearchStrategy[F64]:
    magnitude = arrays(np.float64, shape, elements=st.floats(0.01, 3.0))
    signs = arrays(np.float64, shape, elements=st.sampled_from([-1.0, 1.0]))
    return st.tuples(magnitude, signs).map(lambda ms: ms[0] * ms[1])


def dense_errors(layer_type: type[Dense], x: F64, w: F64, b: F64, g: F64) -> list[float]:
    """Relative errors of dinputs, dweights and dbiases for the loss sum(output * g)."""
    layer = layer_type(w.shape[0], w.shape[1], rng=0)
    layer.weights, layer.biases = w, b

    def loss() -> float:
        layer.forward(x)
        return float(np.sum(layer.output * g))

    layer.forward(x)
    layer.backward(g)
    analytic = [layer.dinputs, layer.dweights, layer.dbiases]
    return [relative_error(a, numerical(loss, v)) for a, v in zip(analytic, [x, w, b], strict=True)]


def activation_error(make: Callable[[], ReLU | Softmax], x: F64, g: F64) -> float:
    activation = make()

    def loss() -> float:
        activation.forward(x)
        return float(np.sum(activation.output * g))

    activation.forward(x)
    activation.backward(g)
    return relative_error(activation.dinputs, numerical(loss, x))


def loss_error(make: Callable[[], CategoricalCrossentropy], p: F64, labels: list[int]) -> float:
    loss = make()
    loss.backward(p, labels)
    return relative_error(loss.dinputs, numerical(lambda: float(loss.calculate(p, labels)), p))


def combined_error(
    make: Callable[[], SoftmaxCategoricalCrossentropy], x: F64, labels: list[int]
) -> float:
    combined = make()
    combined.forward(x, labels)
    combined.backward(combined.output, labels)
    return relative_error(
        combined.dinputs, numerical(lambda: float(combined.forward(x, labels)), x)
    )


@st.composite
def dense_cases(draw: st.DrawFn) -> tuple[F64, F64, F64, F64]:
    s, k, n = draw(sizes), draw(sizes), draw(sizes)
    return draw(values((s, k))), draw(values((k, n))), draw(values((1, n))), draw(values((s, n)))


@st.composite
def batch_and_gradient(
    draw: st.DrawFn, inputs: Callable[..., st.SearchStrategy[F64]]
) -> tuple[F64, F64]:
    shape = (draw(sizes), draw(st.integers(2, 5)))
    return draw(inputs(shape)), draw(values(shape))


@st.composite
def probabilities_and_labels(draw: st.DrawFn) -> tuple[F64, list[int]]:
    rows, classes = draw(sizes), draw(st.integers(2, 5))
    p = draw(values((rows, classes), 0.05, 0.95))  # inside the clip, away from its bounds
    return p, draw(st.lists(st.integers(0, classes - 1), min_size=rows, max_size=rows))


@checks
@given(dense_cases())
def test_dense(case: tuple[F64, F64, F64, F64]) -> None:
    assert max(dense_errors(Dense, *case)) < TOLERANCE


@checks
@given(batch_and_gradient(away_from_zero))
def test_relu(case: tuple[F64, F64]) -> None:
    assert activation_error(ReLU, *case) < TOLERANCE


@checks
@given(batch_and_gradient(values))
def test_softmax(case: tuple[F64, F64]) -> None:
    assert activation_error(Softmax, *case) < TOLERANCE


@checks
@given(probabilities_and_labels())
def test_categorical_crossentropy(case: tuple[F64, list[int]]) -> None:
    assert loss_error(CategoricalCrossentropy, *case) < TOLERANCE


@checks
@given(probabilities_and_labels())
def test_softmax_with_the_loss(case: tuple[F64, list[int]]) -> None:
    logits = np.log(case[0])  # softmax of these is inside the clip
    assert combined_error(SoftmaxCategoricalCrossentropy, logits, case[1]) < TOLERANCE


def test_the_combined_gradient_equals_the_two_backward_passes() -> None:
    rng = np.random.default_rng(0)
    logits, labels = rng.normal(size=(6, 4)), [0, 3, 1, 1, 2, 0]
    combined = SoftmaxCategoricalCrossentropy()
    combined.forward(logits, labels)
    combined.backward(combined.output, labels)
    loss, softmax = CategoricalCrossentropy(), Softmax()
    softmax.forward(logits)
    loss.backward(softmax.output, labels)
    softmax.backward(loss.dinputs)
    assert np.allclose(combined.dinputs, softmax.dinputs, rtol=1e-12, atol=1e-15)


# The conventions, where the derivative does not exist or the book chooses.


def test_relu_passes_no_gradient_at_exactly_zero() -> None:
    relu = ReLU()
    relu.forward([[0.0, -0.0, 1e-300, -1e-300]])
    relu.backward([[1.0, 1.0, 1.0, 1.0]])
    assert relu.dinputs.tolist() == [[0.0, 0.0, 1.0, 0.0]]


def test_the_loss_gradient_uses_the_unclipped_prediction() -> None:
    """The loss clips p at 1e-7, its gradient does not: -1/p/samples for p = 1e-9."""
    loss = CategoricalCrossentropy()
    assert float(loss.calculate([[1e-9, 1 - 1e-9]], [0])) == pytest.approx(-np.log(1e-7))
    loss.backward([[1e-9, 1 - 1e-9]], [0])
    assert loss.dinputs[0, 0] == pytest.approx(-1e9)


def test_float32_layers_give_float32_gradients() -> None:
    layer = Dense(3, 2, rng=0)
    layer.forward(np.ones((4, 3), dtype=np.float32))
    layer.backward(np.ones((4, 2), dtype=np.float32))
    assert {a.dtype for a in (layer.dweights, layer.dbiases, layer.dinputs)} == {
        np.dtype(np.float32)
    }


# Mutants: each is a backward pass with a bug readers make; the check must fail.


class DenseMeanBias(Dense):
    """dbiases as the mean over samples instead of the sum."""

    def backward(self, dvalues: object) -> None:
        super().backward(dvalues)
        self.dbiases = self.dbiases / len(self.inputs)


class DenseNoTranspose(Dense):
    """dinputs from dvalues times the weights' transpose... transposed once more."""

    def backward(self, dvalues: object) -> None:
        super().backward(dvalues)
        d = np.asarray(dvalues, dtype=np.float64)
        w = self.weights.astype(np.float64)
        self.dinputs = _fixed.matmul(d, w.T[:, ::-1].copy()) if w.shape[0] > 1 else -self.dinputs


class ReLUByGradient(ReLU):
    """Zeroes where the incoming gradient is negative, not where the input was."""

    def backward(self, dvalues: object) -> None:
        d = np.asarray(dvalues, dtype=np.float64)
        self.dinputs = np.where(d <= 0, 0.0, d)


class SoftmaxDiagonalOnly(Softmax):
    """Only the Jacobian's diagonal, s * d, without the - s (s · d) term."""

    def backward(self, dvalues: object) -> None:
        self.dinputs = self.output * np.asarray(dvalues, dtype=np.float64)


class LossNotAveraged(CategoricalCrossentropy):
    """-1/p without dividing by the number of samples."""

    def backward(self, dvalues: object, y_true: object) -> None:
        super().backward(dvalues, y_true)
        self.dinputs = self.dinputs * len(self.dinputs) * 2


class CombinedNoOneHot(SoftmaxCategoricalCrossentropy):
    """Forgets to subtract the one-hot target."""

    def backward(self, dvalues: object, y_true: object) -> None:
        p = np.asarray(dvalues, dtype=np.float64)
        self.dinputs = p / len(p)


def test_each_mutant_is_caught() -> None:
    rng = np.random.default_rng(1)
    x, w, b, g = (
        rng.normal(size=(4, 3)),
        rng.normal(size=(3, 2)),
        rng.normal(size=(1, 2)),
        rng.normal(size=(4, 2)),
    )
    assert max(dense_errors(Dense, x, w, b, g)) < TOLERANCE
    assert dense_errors(DenseMeanBias, x, w, b, g)[2] > 0.1
    assert dense_errors(DenseNoTranspose, x, w, b, g)[0] > 0.1
    away = np.where(np.abs(x) < 0.1, 0.5, x)
    g3 = rng.normal(size=(4, 3))
    assert activation_error(ReLU, away, g3) < TOLERANCE
    assert activation_error(ReLUByGradient, away, g3) > 0.1
    assert activation_error(Softmax, x, g3) < TOLERANCE
    assert activation_error(SoftmaxDiagonalOnly, x, g3) > 0.1
    p, labels = rng.uniform(0.05, 0.95, size=(4, 3)), [0, 2, 1, 1]
    assert loss_error(CategoricalCrossentropy, p, labels) < TOLERANCE
    assert loss_error(LossNotAveraged, p, labels) > 0.1
    assert combined_error(SoftmaxCategoricalCrossentropy, x, labels) < TOLERANCE
    assert combined_error(CombinedNoOneHot, x, labels) > 0.1
