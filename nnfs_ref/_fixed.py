"""Sums of products in one fixed order, so a layer gives the same bits on every CPU.

BLAS libraries (behind `@` and `np.dot`) choose how to split and order a matrix
product's sums by CPU, so their last digits change from machine to machine. Here
every sum runs from its first term to its last, one rounded addition at a time,
computed in float64 with element-wise NumPy arithmetic, which is correctly rounded on
every CPU. Products of float32 numbers are exact in float64, so a float32 layer's
results depend on nothing but this order.

`np.add.reduce` over the first axis of a C-ordered array adds one slice after the
other; when each slice holds a single number NumPy switches to pairwise summation,
so that case runs as a plain loop (tests/test_fixed_order.py checks both against a
loop, bit for bit).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]

#: Above this many products, `matmul` adds one slice at a time instead of making them
#: all at once (the same order, the same bits, without a large temporary array).
MAX_PRODUCTS = 1 << 20


def sum_first_axis(terms: F64) -> F64:
    """`terms[0] + terms[1] + …` over the first axis, added in that order (`terms` C-ordered)."""
    terms = np.ascontiguousarray(terms)
    if terms.shape[0] == 0:
        return np.zeros(terms.shape[1:])
    if terms[0].size == 1:  # NumPy would sum pairwise here: add one by one instead
        total: F64 = terms[0].copy()
        for term in terms[1:]:
            total += term
        return total
    out: F64 = np.add.reduce(terms, axis=0)
    return out


def matmul(a: npt.NDArray[np.floating], b: npt.NDArray[np.floating]) -> F64:
    """`a @ b` in float64 for matrices a (S, K) and b (K, N): each output sums k = 0, 1, …, K-1."""
    x, w = np.asarray(a, dtype=np.float64), np.ascontiguousarray(b, dtype=np.float64)
    (s, k), n = x.shape, w.shape[1]
    if k == 0:
        return np.zeros((s, n))
    if k * s * n > MAX_PRODUCTS:
        out: F64 = x[:, :1] * w[:1]
        for i in range(1, k):
            out += x[:, i : i + 1] * w[i : i + 1]
        return out
    xt = np.ascontiguousarray(x.T)  # each slice k of the products below is then one block
    if n >= s:  # the longer axis innermost: NumPy's loops run fastest that way
        return sum_first_axis(np.multiply(xt[:, :, None], w[:, None, :], order="C"))
    transposed = sum_first_axis(np.multiply(w[:, :, None], xt[:, None, :], order="C"))
    result: F64 = transposed.T
    return result
