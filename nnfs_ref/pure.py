"""Neural-network building blocks in plain Python: lists and floats, no NumPy.

Input rules (the same in `nnfs_ref.vectorized`):

- A number is an `int`, `float` or `bool` (`True` counts as `1.0`, as in NumPy), or
  anything else real with `__float__`. A vector is a list or tuple of numbers; a
  matrix is a list of equal-length rows. Weights have one row per neuron.
- Strings, `None`, complex numbers and other non-numbers raise `TypeError`,
  naming the value and where it is, e.g. `inputs[1] must be a number, got 'a' (str)`.
- Ragged rows, empty inputs, the wrong number of dimensions and sizes that do not
  fit raise `ValueError` naming the shapes, with a hint for the classic mistakes
  (transposed weights, swapped arguments). Nothing is broadcast.
- NaN and infinities follow IEEE arithmetic, as in NumPy: no error.

A single number comes back as a `float`; vectors and matrices as new lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from nnfs_ref import _checks
from nnfs_ref._pure_nn import accuracy, cross_entropy, relu, softmax

__all__ = [
    "accuracy",
    "add",
    "cross_entropy",
    "dot",
    "layer",
    "matmul",
    "neuron",
    "relu",
    "shape",
    "softmax",
    "transpose",
]

Vector = Sequence[float]
Matrix = Sequence[Sequence[float]]


def _dot(a: list[float], b: list[float]) -> float:
    total = 0.0
    for x, y in zip(a, b, strict=True):
        total += x * y
    return total


def shape(x: object) -> tuple[int, ...]:
    """The size along each dimension: `()` for a number, `(n,)` for a vector, `(rows, cols)`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.shape([[1, 2, 3, 2.5], [2, 5, -1, 2]])
    (2, 4)

    ```
    """
    return _checks.convert(x, "x", "shape")[0]


def dot(a: Vector, b: Vector) -> float:
    """Dot product of two vectors of the same length.

    Formula: `a[0]*b[0] + a[1]*b[1] + ... + a[n-1]*b[n-1]`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.dot([1, 2, 3], [2, 3, 4])
    20.0

    ```
    """
    (sa, va), (sb, vb) = _checks.convert_all("dot", a=a, b=b)
    _checks.check_dot(sa, sb)
    return _dot(va, vb)


@overload
def add(a: float, b: float) -> float: ...
@overload
def add(a: Vector, b: Vector) -> list[float]: ...
@overload
def add(a: Matrix, b: Matrix) -> list[list[float]]: ...
def add(a: Any, b: Any) -> Any:
    """Element-wise sum of two numbers, vectors or matrices of the same shape.

    Formula: `out[i] = a[i] + b[i]` (and `out[i][j] = a[i][j] + b[i][j]`). No broadcasting.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.add([1, 2, 3], [0.5, 0.5, 0.5])
    [1.5, 2.5, 3.5]

    ```
    """
    (sa, va), (sb, vb) = _checks.convert_all("add", a=a, b=b)
    _checks.check_add(sa, sb)
    if len(sa) == 0:
        return va + vb
    if len(sa) == 1:
        return [x + y for x, y in zip(va, vb, strict=True)]
    return [[x + y for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(va, vb, strict=True)]


def transpose(m: Matrix) -> list[list[float]]:
    """Swap rows and columns: a `(rows, cols)` matrix becomes `(cols, rows)`.

    Formula: `out[j][i] = m[i][j]`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.transpose([[1, 2, 3], [4, 5, 6]])
    [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]

    ```
    """
    sm, vm = _checks.convert(m, "m", "transpose")
    _checks.check_transpose(sm)
    return [list(column) for column in zip(*vm, strict=True)]


def matmul(a: Matrix, b: Matrix) -> list[list[float]]:
    """Matrix product of a `(n, k)` and a `(k, m)` matrix, giving `(n, m)`.

    Formula: `out[i][j] = dot(row i of a, column j of b)`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    [[19.0, 22.0], [43.0, 50.0]]

    ```
    """
    (sa, va), (sb, vb) = _checks.convert_all("matmul", a=a, b=b)
    _checks.check_matmul(sa, sb)
    columns = [list(c) for c in zip(*vb, strict=True)]
    return [[_dot(row, col) for col in columns] for row in va]


def neuron(inputs: Vector, weights: Vector, bias: float) -> float:
    """Output of one neuron: its weighted inputs summed, plus its bias.

    Formula: `dot(inputs, weights) + bias`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.neuron([1.0, 2.0, 3.0, 2.5], [0.2, 0.8, -0.5, 1.0], 2.0)
    4.8

    ```
    """
    (si, vi), (sw, vw), (sb, vb) = _checks.convert_all(
        "neuron", inputs=inputs, weights=weights, bias=bias
    )
    _checks.check_neuron(si, sw, sb)
    return float(_dot(vi, vw) + vb)


@overload
def layer(inputs: Matrix, weights: Matrix, biases: Vector) -> list[list[float]]: ...
@overload
def layer(inputs: Vector, weights: Matrix, biases: Vector) -> list[float]: ...
def layer(inputs: Any, weights: Matrix, biases: Vector) -> Any:
    """Outputs of a layer of neurons for one sample (a vector) or a batch (a matrix).

    Weights have one row per neuron, shape `(neurons, inputs)`; biases one value per neuron.
    Formula: `out[j] = dot(inputs, weights[j]) + biases[j]`; for a batch, one output row per
    sample: `batch @ transpose(weights) + biases`.

    ```pycon
    >>> from nnfs_ref import pure
    >>> weights = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
    >>> out = pure.layer([1.0, 2.0, 3.0, 2.5], weights, [2.0, 3.0, 0.5])
    >>> [round(v, 3) for v in out]
    [4.8, 1.21, 2.385]

    ```
    """
    (si, vi), (sw, vw), (sb, vb) = _checks.convert_all(
        "layer", inputs=inputs, weights=weights, biases=biases
    )
    _checks.check_layer(si, sw, sb)
    flat_biases = vb[0] if len(sb) == 2 else vb
    rows = [vi] if len(si) == 1 else vi
    out = [[_dot(row, w) + b for w, b in zip(vw, flat_biases, strict=True)] for row in rows]
    return out[0] if len(si) == 1 else out
