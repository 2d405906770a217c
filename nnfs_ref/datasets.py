"""The book's toy data sets, drawn from an explicit random stream.

The algorithms are those of the book's `nnfs` package (its spiral data comes from
the CS231n course notes, as that package says); this code is written afresh. With
`rng=0` (or a shared `book_stream()`) the arrays are bit for bit those that
`nnfs.datasets` returns after `nnfs.init()`: float32 points, uint8 labels.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nnfs_ref._checks_nn import count
from nnfs_ref.random import Stream, _as_stream, normal32

__all__ = ["sine_data", "spiral_data", "vertical_data"]

Points = npt.NDArray[np.float32]
Labels = npt.NDArray[np.uint8]


def _labels(samples: int, classes: int) -> Labels:
    """`samples` zeros, then `samples` ones, and so on: one block per class."""
    return np.repeat(np.arange(classes, dtype=np.uint8), samples)


def spiral_data(samples: int, classes: int, *, rng: Stream) -> tuple[Points, Labels]:
    """Points on `classes` interleaved spiral arms, `samples` per arm, with their labels.

    Arm `k` has radii `r = linspace(0, 1, samples)` and angles
    `t = linspace(4k, 4(k + 1), samples) + 0.2 * noise`; its points are
    `(r sin(2.5 t), r cos(2.5 t))`. The noise is drawn from `rng`, one arm after
    the other, and rounded to float32 before it is added, as after `nnfs.init()`.

    ```pycon
    >>> from nnfs_ref.datasets import spiral_data
    >>> X, y = spiral_data(samples=100, classes=3, rng=0)
    >>> X.shape, X.dtype, y.shape, y.dtype
    ((300, 2), dtype('float32'), (300,), dtype('uint8'))
    >>> print(X[:3])
    [[0.         0.        ]
     [0.00299556 0.00964661]
     [0.01288097 0.01556285]]

    ```
    """
    samples = count("spiral_data", "samples", samples)
    classes = count("spiral_data", "classes", classes, most=256)
    stream = _as_stream(rng, "spiral_data")
    points = np.empty((samples * classes, 2), dtype=np.float32)
    radius = np.linspace(0.0, 1.0, samples)
    for k in range(classes):
        noise = normal32(stream, samples) * np.float32(0.2)  # float32, as nnfs.init() makes it
        angle = np.linspace(4 * k, 4 * (k + 1), samples) + noise  # float64 + float32 -> float64
        arm = slice(k * samples, (k + 1) * samples)
        points[arm, 0] = radius * np.sin(angle * 2.5)  # computed in float64, stored as float32
        points[arm, 1] = radius * np.cos(angle * 2.5)
    return points, _labels(samples, classes)


def vertical_data(samples: int, classes: int, *, rng: Stream) -> tuple[Points, Labels]:
    """Blobs side by side: class `k` is centred on `(k / 3, 0.5)`, `samples` points each.

    Each point is `(0.1 * noise + k / 3, 0.1 * noise + 0.5)`, computed in float32
    with the noise drawn from `rng`: for each class the x values, then the y values.

    ```pycon
    >>> from nnfs_ref.datasets import vertical_data
    >>> X, y = vertical_data(samples=2, classes=2, rng=0)
    >>> print(X)
    [[0.17640524 0.5978738 ]
     [0.04001572 0.7240893 ]
     [0.52008915 0.59500885]
     [0.23560555 0.4848643 ]]
    >>> y
    array([0, 0, 1, 1], dtype=uint8)

    ```
    """
    samples = count("vertical_data", "samples", samples)
    classes = count("vertical_data", "classes", classes, most=256)
    stream = _as_stream(rng, "vertical_data")
    points = np.empty((samples * classes, 2), dtype=np.float32)
    spread = np.float32(0.1)
    for k in range(classes):
        arm = slice(k * samples, (k + 1) * samples)
        points[arm, 0] = normal32(stream, samples) * spread + np.float32(k / 3)
        points[arm, 1] = normal32(stream, samples) * spread + np.float32(0.5)
    return points, _labels(samples, classes)


def sine_data(samples: int = 1000) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """One period of a sine: `X = i / samples` for `i = 0 .. samples - 1` and `y = sin(2πX)`.

    Both come back as columns, shape `(samples, 1)`, in float64, as the book's package
    returns them (its `nnfs.init()` does not change `arange`). No randomness.

    ```pycon
    >>> from nnfs_ref.datasets import sine_data
    >>> X, y = sine_data(samples=4)
    >>> print(X.ravel(), y.ravel().round(6))
    [0.   0.25 0.5  0.75] [ 0.  1.  0. -1.]

    ```
    """
    samples = count("sine_data", "samples", samples)
    x = np.arange(samples).reshape(-1, 1) / samples
    return x, np.sin((2 * np.pi) * x)
