"""Reference implementations of the building blocks taught on the site.

`nnfs_ref.pure` works on plain Python lists and floats; `nnfs_ref.vectorized`
does the same on NumPy. Both have the same functions and the same input rules.
The submodules are imported on first use, so `from nnfs_ref import pure` works
without NumPy being imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from nnfs_ref import pure, vectorized

__all__ = ["pure", "vectorized"]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"nnfs_ref.{name}")
    raise AttributeError(f"module 'nnfs_ref' has no attribute {name!r}")
