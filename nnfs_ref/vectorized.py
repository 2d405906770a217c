"""Neural-network building blocks on NumPy, with the same names and rules as `nnfs_ref.pure`.

Input rules (the same in `nnfs_ref.pure`):

- Arguments can be NumPy arrays or nested lists/tuples of numbers. Arrays of bool,
  int, unsigned or float dtype are accepted. Part 1's functions compute in float64
  (`True` is `1.0`); Part 2's `relu`, `softmax` and `cross_entropy` keep a float32
  array float32, as the book's code does after `nnfs.init()`.
- Strings, `None`, complex numbers and other non-numbers raise `TypeError`,
  naming the value and where it is, e.g. `inputs[1] must be a number, got 'a' (str)`.
- Ragged rows, empty inputs, the wrong number of dimensions and sizes that do not
  fit raise `ValueError` naming the shapes, with a hint for the classic mistakes
  (transposed weights, swapped arguments). Nothing is broadcast: a bias vector
  of the wrong length is an error, never silently stretched.
- NaN and infinities follow IEEE arithmetic: no error and no warning.

A single number comes back as a Python `float`; vectors and matrices as new
arrays (float64 from Part 1's functions). For Part 1's functions validation looks
only at dtypes and shapes, so on float64 arrays it costs microseconds, whatever
their size (Part 2's loss and accuracy also check values: probabilities, labels,
one-hot rows).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nnfs_ref import _checks
from nnfs_ref._arrays import Array
from nnfs_ref._arrays import array as _array
from nnfs_ref._vectorized_nn import accuracy, cross_entropy, relu, softmax

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


def _arrays(func: str, **args: npt.ArrayLike) -> list[Array]:
    return [_array(x, name, func) for name, x in args.items()]


def shape(x: npt.ArrayLike) -> tuple[int, ...]:
    """The size along each dimension: `()` for a number, `(n,)` for a vector, `(rows, cols)`.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.shape([[1, 2, 3, 2.5], [2, 5, -1, 2]])
    (2, 4)

    ```
    """
    return tuple(int(n) for n in _array(x, "x", "shape").shape)


def dot(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Dot product of two vectors of the same length.

    Formula: `a[0]*b[0] + a[1]*b[1] + ... + a[n-1]*b[n-1]`, i.e. `a @ b`.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.dot([1, 2, 3], [2, 3, 4])
    20.0

    ```
    """
    va, vb = _arrays("dot", a=a, b=b)
    _checks.check_dot(va.shape, vb.shape)
    with np.errstate(all="ignore"):
        return float(va @ vb)


def add(a: npt.ArrayLike, b: npt.ArrayLike) -> Array | float:
    """Element-wise sum of two numbers, vectors or matrices of the same shape.

    Formula: `out[i] = a[i] + b[i]` (and `out[i][j] = a[i][j] + b[i][j]`). No broadcasting.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.add([1, 2, 3], [0.5, 0.5, 0.5])
    array([1.5, 2.5, 3.5])

    ```
    """
    va, vb = _arrays("add", a=a, b=b)
    _checks.check_add(va.shape, vb.shape)
    with np.errstate(all="ignore"):
        out = np.add(va, vb)
    return float(out) if out.ndim == 0 else out


def transpose(m: npt.ArrayLike) -> Array:
    """Swap rows and columns: a `(rows, cols)` matrix becomes `(cols, rows)`.

    Formula: `out[j][i] = m[i][j]`, i.e. `m.T` (returned as a copy).

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.transpose([[1, 2, 3], [4, 5, 6]])
    array([[1., 4.],
           [2., 5.],
           [3., 6.]])

    ```
    """
    vm = _array(m, "m", "transpose")
    _checks.check_transpose(vm.shape)
    out: Array = vm.T.copy()
    return out


def matmul(a: npt.ArrayLike, b: npt.ArrayLike) -> Array:
    """Matrix product of a `(n, k)` and a `(k, m)` matrix, giving `(n, m)`.

    Formula: `out[i][j] = dot(row i of a, column j of b)`, i.e. `a @ b`.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    array([[19., 22.],
           [43., 50.]])

    ```
    """
    va, vb = _arrays("matmul", a=a, b=b)
    _checks.check_matmul(va.shape, vb.shape)
    with np.errstate(all="ignore"):
        out: Array = va @ vb
    return out


def neuron(inputs: npt.ArrayLike, weights: npt.ArrayLike, bias: npt.ArrayLike) -> float:
    """Output of one neuron: its weighted inputs summed, plus its bias.

    Formula: `dot(inputs, weights) + bias`.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> vectorized.neuron([1.0, 2.0, 3.0, 2.5], [0.2, 0.8, -0.5, 1.0], 2.0)
    4.8

    ```
    """
    vi, vw, vb = _arrays("neuron", inputs=inputs, weights=weights, bias=bias)
    _checks.check_neuron(vi.shape, vw.shape, vb.shape)
    with np.errstate(all="ignore"):
        return float(vi @ vw + vb)


def layer(inputs: npt.ArrayLike, weights: npt.ArrayLike, biases: npt.ArrayLike) -> Array:
    """Outputs of a layer of neurons for one sample (a vector) or a batch (a matrix).

    Weights have one row per neuron, shape `(neurons, inputs)`; biases one value per neuron.
    Formula: `out[j] = dot(inputs, weights[j]) + biases[j]`; for a batch, one output row per
    sample: `inputs @ weights.T + biases`.

    ```pycon
    >>> from nnfs_ref import vectorized
    >>> weights = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
    >>> batch = [[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]
    >>> print(vectorized.layer(batch, weights, [2.0, 3.0, 0.5]))
    [[ 4.8    1.21   2.385]
     [ 8.9   -1.81   0.2  ]
     [ 1.41   1.051  0.026]]

    ```
    """
    vi, vw, vb = _arrays("layer", inputs=inputs, weights=weights, biases=biases)
    _checks.check_layer(vi.shape, vw.shape, vb.shape)
    with np.errstate(all="ignore"):
        out: Array = vi @ vw.T + vb.reshape(-1)
    return out
