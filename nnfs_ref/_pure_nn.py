"""Part 2's functions in plain Python (no NumPy); `nnfs_ref.pure` exports them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, overload

from nnfs_ref import _checks, _checks_nn

Vector = Sequence[float]
Matrix = Sequence[Sequence[float]]


def _relu(v: float) -> float:
    return 0.0 if v <= 0 else v  # NaN is not <= 0, so it stays NaN, as in NumPy


def _softmax_row(row: list[float]) -> list[float]:
    if any(math.isnan(v) for v in row):
        return [math.nan] * len(row)  # NumPy's max propagates NaN to the whole row
    top = max(row)
    exps = [math.exp(v - top) for v in row]  # v - top <= 0: no overflow
    total = 0.0
    for e in exps:
        total += e
    return [e / total for e in exps]


def _argmax(row: list[float]) -> int:
    best = 0
    for j, v in enumerate(row):
        if math.isnan(v):
            return j  # NumPy's argmax stops at the first NaN
        if v > row[best]:
            best = j
    return best


def _labels(
    func: str, predictions: Any, targets: Any, batch_only: bool
) -> tuple[list[list[float]], list[int], bool]:
    """The predictions as rows of floats, each sample's class index, and "one sample?"."""
    (sp, vp), (st, vt) = _checks.convert_all(func, predictions=predictions, targets=targets)
    one_hot = _checks_nn.check_targets(func, sp, st, batch_only=batch_only)
    single = len(sp) == 1
    rows: list[list[float]] = [vp] if single else vp
    classes = sp[-1]
    labels: list[int] = []
    if one_hot:
        for i, row in enumerate([vt] if single else vt):
            if not all(v in (0.0, 1.0) for v in row) or row.count(1.0) != 1:
                raise _checks_nn.not_one_hot(func, [] if single else [i], row)
            labels.append(row.index(1.0))
        return rows, labels, single
    _checks_nn.integer_labels(func, targets)
    for i, label in enumerate([targets] if single else targets):
        if not 0 <= int(label) < classes:
            raise _checks_nn.label_out_of_range(func, [] if single else [i], int(label), classes)
        labels.append(int(label))
    return rows, labels, single


def _losses(
    func: str, predictions: Any, targets: Any, batch_only: bool
) -> tuple[list[float], bool]:
    rows, labels, single = _labels(func, predictions, targets, batch_only)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v < 0 or v > 1:
                raise _checks_nn.not_a_probability(func, [j] if single else [i, j], v)
    clipped = [min(max(row[k], 1e-7), 1 - 1e-7) for row, k in zip(rows, labels, strict=True)]
    return [-math.log(p) for p in clipped], single


@overload
def relu(x: float) -> float: ...
@overload
def relu(x: Vector) -> list[float]: ...
@overload
def relu(x: Matrix) -> list[list[float]]: ...
def relu(x: Any) -> Any:
    """ReLU of a number, a vector or a matrix: every value below zero becomes 0.

    Formula: `max(0, x)` for each value.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.relu([0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100])
    [0.0, 2.0, 0.0, 3.3, 0.0, 1.1, 2.2, 0.0]

    ```
    """
    sx, vx = _checks.convert(x, "x", "relu")
    _checks_nn.check_activation("relu", sx)
    if len(sx) == 0:
        return _relu(vx)
    if len(sx) == 1:
        return [_relu(v) for v in vx]
    return [[_relu(v) for v in row] for row in vx]


@overload
def softmax(x: Vector) -> list[float]: ...
@overload
def softmax(x: Matrix) -> list[list[float]]: ...
def softmax(x: Any) -> Any:
    """Softmax of one sample (a vector) or of each row of a batch: positive, summing to 1.

    Formula: `exp(x[j] - max(x)) / sum of exp(x[k] - max(x))`; subtracting the maximum
    prevents overflow and does not change the result.

    ```pycon
    >>> from nnfs_ref import pure
    >>> [round(p, 8) for p in pure.softmax([4.8, 1.21, 2.385])]
    [0.89528266, 0.02470831, 0.08000903]

    ```
    """
    sx, vx = _checks.convert(x, "x", "softmax")
    _checks_nn.check_activation("softmax", sx, least=1)
    return _softmax_row(vx) if len(sx) == 1 else [_softmax_row(row) for row in vx]


@overload
def cross_entropy(predictions: Vector, targets: int | Vector) -> float: ...
@overload
def cross_entropy(predictions: Matrix, targets: Sequence[int] | Matrix) -> list[float]: ...
def cross_entropy(predictions: Any, targets: Any) -> Any:
    """Categorical cross-entropy of one sample, or of each sample of a batch.

    Formula: `-log(p)`, where `p` is the probability predicted for the correct class,
    clipped to `[1e-7, 1 - 1e-7]`. Targets are class indices (sparse) or one-hot rows.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.cross_entropy([0.7, 0.1, 0.2], 0)
    0.35667494393873245
    >>> pure.cross_entropy([0.7, 0.1, 0.2], [1, 0, 0])
    0.35667494393873245

    ```
    """
    losses, single = _losses("cross_entropy", predictions, targets, batch_only=False)
    return losses[0] if single else losses


def accuracy(predictions: Matrix, targets: Sequence[int] | Matrix) -> float:
    """The share of samples whose highest prediction is the target class.

    Formula: count of rows where the index of the largest value equals the target,
    divided by the number of rows. One-hot targets are turned into indices first.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.accuracy([[0.7, 0.2, 0.1], [0.5, 0.1, 0.4], [0.02, 0.9, 0.08]], [0, 1, 1])
    0.6666666666666666

    ```
    """
    rows, labels, _ = _labels("accuracy", predictions, targets, batch_only=True)
    hits = sum(1 for row, label in zip(rows, labels, strict=True) if _argmax(row) == label)
    return hits / len(rows)
