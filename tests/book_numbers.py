"""The book's printed digits for examples F, G and H, and the limited-dispatch environment.

The digits are facts from the book (curriculum, Part 2): nnfs_ref and the book's own
package must print them. The environment limits NumPy's SIMD dispatch and OpenBLAS's
kernels to the oldest x86-64 code.
"""

from __future__ import annotations

DISABLED = ["X86_V3", "X86_V4", "AVX512_ICL"]  # NumPy 2.x names; NumPy 1.26 used AVX2, FMA3...
LIMITED = {"NPY_DISABLE_CPU_FEATURES": " ".join(DISABLED), "OPENBLAS_CORETYPE": "Prescott"}

BOOK_F = """\
[[ 0.0000000e+00  0.0000000e+00  0.0000000e+00]
 [-1.0475188e-04  1.1395361e-04 -4.7983500e-05]
 [-2.7414842e-04  3.1729150e-04 -8.6921798e-05]
 [-4.2188365e-04  5.2666257e-04 -5.5912682e-05]
 [-5.7707680e-04  7.1401405e-04 -8.9430439e-05]]"""
BOOK_G = """\
[[0.33333334 0.33333334 0.33333334]
 [0.33333316 0.3333332  0.33333364]
 [0.33333287 0.3333329  0.33333418]
 [0.3333326  0.33333263 0.33333477]
 [0.33333233 0.3333324  0.33333528]]"""
BOOK_H = ["1.0986104", 0.34]
