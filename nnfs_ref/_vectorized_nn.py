"""Part 2's functions on NumPy arrays; `nnfs_ref.vectorized` exports them.

A float32 array stays float32 (the book's dtype); any other numbers are computed in
float64. Exponentials and logarithms are computed in float64 and rounded to the
input's dtype: NumPy's float32 `exp`/`log` give other last digits on other CPUs.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from nnfs_ref import _checks_nn
from nnfs_ref._arrays import Floats, array, exp_rounded, floats, log_rounded, row_max

Labels = npt.NDArray[np.intp]


def relu_of(x: Floats) -> Floats:
    """`max(0, x)` element by element; NaN stays NaN, -0.0 becomes 0.0."""
    with np.errstate(all="ignore"):
        out: Floats = np.maximum(x, x.dtype.type(0))  # NaN propagates
        out += 0  # -0.0 + 0 is 0.0 (`maximum` may keep either zero), all else unchanged
    return out


def softmax_of(x: Floats) -> Floats:
    """Softmax along the last axis: subtract the row's maximum, exponentiate, normalise."""
    with np.errstate(all="ignore"):  # `np.sum` is this reduction
        exps = exp_rounded(x - row_max(x))  # float64 exp: see module doc
        exps /= np.add.reduce(exps, axis=-1, keepdims=True)
    return exps


def labels_of(func: str, p: Floats, targets: object, *, batch_only: bool) -> Labels:
    """The class index of each sample, from sparse labels or one-hot rows, all checked."""
    # Exactly an ndarray, as in _arrays.array: a subclass (a masked array) is checked.
    fast = type(targets) is np.ndarray and targets.dtype.kind in "iu"
    t: Any = targets if fast else array(targets, "targets", func)  # type: ignore[arg-type]
    if _checks_nn.check_targets(func, p.shape, t.shape, batch_only=batch_only):
        ones = t == 1
        bad = ~np.all((t == 0) | ones, axis=-1) | (np.sum(ones, axis=-1) != 1)
        if np.any(bad):
            index = np.unravel_index(int(np.flatnonzero(bad)[0]), bad.shape)
            raise _checks_nn.not_one_hot(func, [int(i) for i in index], t[index].tolist())
        labels: Labels = np.argmax(t, axis=-1)
        return labels
    if not fast:
        _checks_nn.integer_labels(func, targets)
        t = np.asarray(targets)
    classes = p.shape[-1]
    if np.minimum.reduce(t, axis=None) < 0 or np.maximum.reduce(t, axis=None) >= classes:
        bad = (t < 0) | (t >= classes)
        index = np.unravel_index(int(np.flatnonzero(bad)[0]), bad.shape)
        raise _checks_nn.label_out_of_range(func, [int(i) for i in index], int(t[index]), classes)
    labels = t.astype(np.intp, copy=False)
    return labels


def sample_losses(func: str, predictions: object, targets: object, *, batch_only: bool) -> Floats:
    """Categorical cross-entropy of each sample, in the dtype of the predictions."""
    p = floats(predictions, "predictions", func)
    labels = labels_of(func, p, targets, batch_only=batch_only)
    # NaN is neither below 0 nor above 1: it flows through, as in Part 1 (fmin and
    # fmax pass over NaN, so a NaN does not hide a value outside [0, 1]).
    if np.fmin.reduce(p, axis=None) < 0 or np.fmax.reduce(p, axis=None) > 1:
        outside = (p < 0) | (p > 1)
        index = np.unravel_index(int(np.flatnonzero(outside)[0]), p.shape)
        raise _checks_nn.not_a_probability(func, [int(i) for i in index], float(p[index]))
    if p.ndim == 2:
        picked: Floats = p[np.arange(len(p)), labels]
    else:
        picked = np.take_along_axis(p, labels[..., None], axis=-1)[..., 0]  # type: ignore[assignment]
    low, high = p.dtype.type(1e-7), p.dtype.type(1 - 1e-7)
    with np.errstate(all="ignore"):  # np.clip, which lets NaN through too
        out: Floats = -log_rounded(np.minimum(np.maximum(picked, low), high))
    return out


def relu(x: npt.ArrayLike) -> Floats | float:
    """ReLU of a number, a vector or a matrix: every value below zero becomes 0.

    Formula: `max(0, x)` for each value, like `np.maximum(0, x)`. A float32 array
    stays float32; other numbers come back as float64 (a single number as a `float`).

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.relu([0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100])
    array([0. , 2. , 0. , 3.3, 0. , 1.1, 2.2, 0. ])

    ```
    """
    v = floats(x, "x", "relu")
    _checks_nn.check_activation("relu", v.shape)
    out = relu_of(v)
    return float(out) if out.ndim == 0 else out


def softmax(x: npt.ArrayLike) -> Floats:
    """Softmax of one sample (a vector) or of each row of a batch: positive, summing to 1.

    Formula: `exp(x - max(x)) / sum(exp(x - max(x)))`; subtracting the maximum
    prevents overflow and does not change the result. The exponential is computed
    in float64 and rounded back, so float32 results are the same on every CPU.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.softmax([4.8, 1.21, 2.385])
    array([0.89528266, 0.02470831, 0.08000903])

    ```
    """
    v = floats(x, "x", "softmax")
    _checks_nn.check_activation("softmax", v.shape, least=1)
    return softmax_of(v)


def cross_entropy(predictions: npt.ArrayLike, targets: npt.ArrayLike) -> Floats | float:
    """Categorical cross-entropy of one sample, or of each sample of a batch.

    Formula: `-log(p)`, where `p` is the probability predicted for the correct class,
    clipped to `[1e-7, 1 - 1e-7]`. Targets are class indices (sparse) or one-hot rows.
    One sample gives a `float`; a batch gives one loss per sample.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.cross_entropy([0.7, 0.1, 0.2], 0)
    0.35667494393873245
    >>> vectorized.cross_entropy([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4]], [0, 1])
    array([0.35667494, 0.69314718])

    ```
    """
    out = sample_losses("cross_entropy", predictions, targets, batch_only=False)
    return float(out) if out.ndim == 0 else out


def accuracy(predictions: npt.ArrayLike, targets: npt.ArrayLike) -> float:
    """The share of samples whose highest prediction is the target class.

    Formula: `mean(argmax(predictions, axis=1) == targets)`; one-hot targets are
    turned into class indices first.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.accuracy([[0.7, 0.2, 0.1], [0.5, 0.1, 0.4], [0.02, 0.9, 0.08]], [0, 1, 1])
    0.6666666666666666

    ```
    """
    p = floats(predictions, "predictions", "accuracy")
    labels = labels_of("accuracy", p, targets, batch_only=True)
    return float(np.mean(np.argmax(p, axis=1) == labels))
