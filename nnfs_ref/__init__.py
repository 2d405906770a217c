"""Reference implementations of the building blocks taught on the site.

`nnfs_ref.pure` works on plain Python lists and floats; `nnfs_ref.vectorized`
does the same on NumPy. Both have the same functions and the same input rules.
"""

from nnfs_ref import pure, vectorized

__all__ = ["pure", "vectorized"]
