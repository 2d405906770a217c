"""Sums of products in one fixed order, so a layer gives the same bits on every CPU.

BLAS libraries (behind `@` and `np.dot`) choose how to split and order a matrix
product's sums by CPU, so their last digits change from machine to machine. Here
every sum runs from its first term to its last, one rounded addition at a time,
computed in float64 with element-wise NumPy arithmetic, which is correctly rounded on
every CPU. Products of float32 numbers are exact in float64, so a float32 layer's
results depend on nothing but this order.

`np.add.reduce` over the first axis of a C-ordered array starts from 0.0 and adds one
slice after the other; when each slice holds a single number NumPy switches to
pairwise summation, so that case runs as a plain loop. That is how `matmul` sums
when there are many terms (K) and few outputs. With few terms or many outputs it
adds one slice of products at a time instead, in the same order. When every factor
is finite, each slice, the outer product of a column of `a` and a row of `b`, is made
by BLAS (`np.dot` with K = 1): a single product has a single rounding whatever the
BLAS. (BLAS may skip a factor 0 instead of multiplying, which with finite factors
changes nothing; 0 * inf would be NaN, so other factors go through `np.multiply`.)
The first two slices of finite float32 factors come from one `np.dot` with K = 2:
their products are exact in float64, so any BLAS rounds their sum once, the same way.
Every path gives what a loop from `total = 0.0` gives, bit for bit, signed zeros
included (tests/test_fixed_order.py).
"""

from __future__ import annotations

import threading

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
Floats = npt.NDArray[np.floating]

#: Above this many products, `matmul` adds one slice at a time instead of making them
#: all at once (the same order, the same bits, without a large temporary array).
MAX_PRODUCTS = 1 << 20
#: Up to this many terms per sum, or from this many outputs on, one slice at a time is
#: also the faster way (each slice costs a call or two, but BLAS makes it quickly).
FEW_TERMS = 3
MANY_OUTPUTS = 4096
#: At most this many float64 numbers of scratch space are kept per thread (1 MiB).
SCRATCH = 1 << 17
_kept = threading.local()


def sum_first_axis(terms: F64) -> F64:
    """`terms[0] + terms[1] + …` over the first axis, added in that order (`terms` C-ordered)."""
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
    if k == 0:
        return np.zeros((s, n), dtype)
    if k <= FEW_TERMS or s * n >= MANY_OUTPUTS or s * n == 1 or k * s * n > MAX_PRODUCTS:
        return _slice_by_slice(a, b, dtype)
    if n >= s:  # the longer axis innermost: NumPy's loops run fastest that way
        return _all_at_once(a, b).astype(dtype)
    # out.T = b.T @ a.T: the same products (x * w == w * x), summed in the same order
    out: Floats = _all_at_once(b.T, a.T).T.astype(dtype, order="C")
    return out


def column_sums(d: Floats, dtype: npt.DTypeLike) -> Floats:
    """The sum of the rows of `d` (S, N) in float64, in order, as a (1, N) row of `dtype`."""
    terms = _space(d.size).reshape(d.shape)
    np.copyto(terms, d)
    out: Floats = sum_first_axis(terms)[None, :].astype(dtype)
    return out


def _all_at_once(a: Floats, b: Floats) -> F64:
    """Every product `a[s, k] * b[k, n]` in float64, laid out C-ordered as [k, s, n], then
    summed over k by NumPy's reduction, in order (S * N > 1: see `sum_first_axis`)."""
    (s, k), n = a.shape, b.shape[1]
    space = _space(k * (s + n + s * n))
    at, w = space[: k * s].reshape(k, s), space[k * s : k * (s + n)].reshape(k, n)
    np.copyto(at, a.T)  # float64, transposed: slice k of the products is then one block
    np.copyto(w, b)
    products = space[k * (s + n) :].reshape(k, s, n)
    # No index is summed here, so each output is one product; einsum's loop for a number
    # times a row is faster than np.multiply's for the same broadcast.
    np.einsum("ks,kn->ksn", at, w, out=products, optimize=False)
    out: F64 = np.add.reduce(products, axis=0)
    return out


def _slice_by_slice(a: Floats, b: Floats, dtype: npt.DTypeLike) -> Floats:
    """The outer products of column k of `a` and row k of `b`, added one after the other."""
    xt = np.ascontiguousarray(a.T, dtype=np.float64)  # row k is column k of `a`
    w = np.ascontiguousarray(b, dtype=np.float64)
    (k, s), n = xt.shape, w.shape[1]
    space = _space(2 * s * n)
    total, term = space[: s * n].reshape(s, n), space[s * n :].reshape(s, n)
    blas = _all_finite(xt, w)  # see the module's doc
    outer = np.dot if blas else np.multiply
    first = 2 if blas and a.dtype == b.dtype == np.float32 else 1
    outer(xt[:first].T, w[:first], out=total)
    for i in range(first, k):
        outer(xt[i : i + 1].T, w[i : i + 1], out=term)
        total += term
    total += 0.0  # the same as starting from 0.0: only a sum of -0.0 terms alone changes
    out: Floats = total.astype(dtype)
    return out


def _all_finite(*arrays: F64) -> bool:
    """True if no number in `arrays` is NaN or infinite."""
    return all(np.isfinite(x).all() for x in arrays)


def _space(size: int) -> F64:
    """`size` float64 numbers of this thread's scratch space, kept from call to call.

    Fresh memory for every large temporary array costs more here than the arithmetic:
    the operating system maps new pages each time. Up to `SCRATCH` numbers are kept.
    """
    if size > SCRATCH:
        return np.empty(size)
    kept: F64 | None = getattr(_kept, "space", None)
    if kept is None or kept.size < size:
        kept = _kept.space = np.empty(size)
    return kept[:size]
