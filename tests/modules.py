"""Part 1's two implementations as pytest parameters: `pure` (lists) and `vectorized` (NumPy).

A test of a function both modules define takes `m` and runs once with each:
`@pytest.mark.parametrize("m", MODULES)`.
"""

from __future__ import annotations

import pytest

from nnfs_ref import pure, vectorized

MODULES = [pytest.param(pure, id="pure"), pytest.param(vectorized, id="vectorized")]
