"""Sums of products in one fixed order, so a layer gives the same bits on every CPU.

BLAS libraries (behind `@` and `np.dot`) choose how to split and order a matrix
product's sums by CPU, so their last digits change from machine to machine. Here
every sum runs from 0.0 and adds its terms from the first to the last, one rounded
float64 addition at a time, the way `tests/test_fixed_order.py`'s plain loop does.

Products of float32 numbers are exact in float64, so for float32 factors a fused
multiply-add gives the same bits as a product then a sum, and `np.einsum` can do the
whole product: it starts from zeros and, with the number of the term (k) the slowest
axis of both factors, its iterator runs over k outermost, adding one term to every
sum at a time. (The tests hold it to the loop, byte for byte.) Factors in float64 have
inexact products, which a fused multiply-add would round differently on CPUs that
have one, so they are multiplied first, then summed by `np.add.reduce` over the first
axis of the C-ordered products: it too adds one slice after the other from 0.0,
except when each slice holds a single number, where NumPy sums pairwise; that case
runs as a plain loop.
"""

from __future__ import annotations

import threading

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
Floats = npt.NDArray[np.floating]

#: Above this many float64 products, `matmul` adds one slice of products at a time
#: instead of making them all at once (the same order, without a large temporary).
MAX_PRODUCTS = 1 << 20
#: At most this many float64 numbers of scratch space are kept per thread (1 MiB).
SCRATCH = 1 << 17
_kept = threading.local()


def sum_first_axis(terms: F64) -> F64:
    """`0.0 + terms[0] + terms[1] + …` over the first axis, added in that order."""
    terms = np.ascontiguousarray(terms)
    if terms.shape[0] == 0:
        return np.zeros(terms.shape[1:])
    if terms[0].size == 1:  # NumPy would sum pairwise here: add one by one instead
        total: F64 = terms[0] + 0.0  # from 0.0 like NumPy's reduce: 0.0 + -0.0 is 0.0
        for term in terms[1:]:
            total += term
        return total
    out: F64 = np.add.reduce(terms, axis=0)
    return out


def matmul(a: Floats, b: Floats, dtype: npt.DTypeLike = np.float64) -> Floats:
    """`a @ b` for matrices a (S, K) and b (K, N), each output the float64 sum over
    k = 0, 1, …, K-1 of its products, rounded to `dtype` at the end (C-ordered)."""
    (s, k), n = a.shape, b.shape[1]
    fused = a.dtype == b.dtype == np.float32 and s * n > 1  # (with one output, k alone
    # would be the inner loop, which einsum sums in another order)
    at_once = not fused and k * s * n <= MAX_PRODUCTS
    space = _space(k * (s + n) + (k * s * n if at_once else 0))
    at, w = space[: k * s].reshape(k, s), space[k * s : k * (s + n)].reshape(k, n)
    np.copyto(at, a.T)  # float64, (K, S) and (K, N): k is the slowest axis of both
    np.copyto(w, b)
    out: Floats
    if fused and n >= s:
        out = np.einsum("ks,kn->sn", at, w, optimize=False).astype(dtype)
    elif fused:  # the longer axis innermost: einsum's loops run fastest that way
        out = np.einsum("ks,kn->ns", at, w, optimize=False).T.astype(dtype, order="C")
    elif at_once:  # no index summed: einsum makes each product, faster than np.multiply
        products = space[k * (s + n) :].reshape(k, s, n)
        np.einsum("ks,kn->ksn", at, w, out=products, optimize=False)
        out = sum_first_axis(products).astype(dtype)
    else:  # one slice of products at a time, in the same order
        total = at[0, :, None] * w[0] + 0.0
        for i in range(1, k):
            total += at[i, :, None] * w[i]
        out = total.astype(dtype)
    return out


def column_sums(d: Floats, dtype: npt.DTypeLike) -> Floats:
    """The sum of the rows of `d` (S, N) in float64, in order, as a (1, N) row of `dtype`."""
    terms = _space(d.size).reshape(d.shape)
    np.copyto(terms, d)
    out: Floats = sum_first_axis(terms)[None, :].astype(dtype)
    return out


def _space(size: int) -> F64:
    """`size` float64 numbers of this thread's scratch space, kept from call to call.

    Fresh memory for every large temporary array can cost more than the arithmetic:
    the operating system maps new pages each time. Up to `SCRATCH` numbers are kept.
    """
    if size > SCRATCH:
        return np.empty(size)
    kept: F64 | None = getattr(_kept, "space", None)
    if kept is None or kept.size < size:
        kept = _kept.space = np.empty(size)
    return kept[:size]
