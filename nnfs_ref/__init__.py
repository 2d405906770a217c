"""Reference implementations of the building blocks taught on the site.

`nnfs_ref.pure` works on plain Python lists and floats; `nnfs_ref.vectorized`
does the same on NumPy. Both have the same functions and the same input rules:
Part 1's, and the pieces of Part 2 the book first writes in plain Python.

Part 2 (the book's chapters 3 to 5, and the data sets of later chapters):
`datasets` (spiral, vertical and sine data),
`layers` (`Dense`), `activations` (`ReLU`, `Softmax`), `losses`
(`CategoricalCrossentropy`) and `random` (the book's random stream, without
changing NumPy's global state).

Part 3 (chapters 6 to 10): each layer, activation and loss gains
`backward(dvalues)`, `losses.SoftmaxCategoricalCrossentropy` joins softmax and the
loss, and `optimizers` has SGD (with decay and momentum), AdaGrad, RMSprop and Adam.
Matrix products are summed in one fixed order (`_fixed`), so training prints the
same digits on every CPU.

The submodules are imported on first use, so `from nnfs_ref import pure` works
without NumPy being imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from nnfs_ref import (
        activations,
        datasets,
        layers,
        losses,
        optimizers,
        pure,
        random,
        vectorized,
    )

__all__ = [
    "activations",
    "datasets",
    "layers",
    "losses",
    "optimizers",
    "pure",
    "random",
    "vectorized",
]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"nnfs_ref.{name}")
    raise AttributeError(f"module 'nnfs_ref' has no attribute {name!r}")
