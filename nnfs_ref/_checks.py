"""Input checks shared by `nnfs_ref.pure` and `nnfs_ref.vectorized`.

This module must not import NumPy: `nnfs_ref.pure` uses it. Both public modules
reduce every argument to a shape and then call the same `check_*` function, so
the same input raises the same exception class with the same message in both.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

Shape = tuple[int, ...]


def shorten(text: str) -> str:
    """`text` cut to 40 characters, with `...` where it was cut."""
    return text if len(text) <= 40 else text[:37] + "..."


def show(value: object) -> str:
    """A short repr of an offending value, with its type."""
    return f"{shorten(repr(value))} ({type(value).__name__})"


def kind(shape: Shape) -> str:
    """Describe a shape in words: 'a single number', 'a vector of length 3', ..."""
    if not shape:
        return "a single number"
    if len(shape) == 1:
        return f"a vector of length {shape[0]}"
    if len(shape) == 2:
        return f"a matrix of shape {shape}"
    return f"an array of shape {shape} ({len(shape)} dimensions)"


def _is_sequence(x: object) -> bool:
    if isinstance(x, (str, bytes, bytearray, Mapping)):
        return False
    if isinstance(x, (list, tuple)):
        return True
    if getattr(x, "ndim", None) == 0:  # a NumPy scalar or 0-d array
        return False
    return hasattr(x, "__len__") and hasattr(x, "__getitem__")


def to_float(x: object, where: str) -> float:
    """Convert one leaf to float, or raise TypeError naming it and where it is."""
    if isinstance(x, numbers.Complex) and not isinstance(x, numbers.Real):
        raise TypeError(f"{where} is complex, {show(x)}; only real numbers are supported")
    dtype_kind = getattr(getattr(x, "dtype", None), "kind", "f")  # NumPy scalars and 0-d arrays
    if isinstance(x, (str, bytes)) or not hasattr(x, "__float__") or dtype_kind not in "biuf":
        raise TypeError(f"{where} must be a number, got {show(x)}")
    try:
        return float(x)
    except OverflowError:
        raise ValueError(f"{where} is too large for a float: {show(x)}") from None
    except (TypeError, ValueError):
        raise TypeError(f"{where} must be a number, got {show(x)}") from None


def convert(x: object, name: str, func: str = "") -> tuple[Shape, Any]:
    """Check a nested sequence of numbers; return its shape and nested float lists.

    `func` prefixes the messages (e.g. "dot: a[1] must be a number, ...").
    """
    if func:
        try:
            return convert(x, name)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"{func}: {exc}") from None
    if not _is_sequence(x):
        return (), to_float(x, name)
    if name.count("[") >= 64:  # NumPy allows at most 64 dimensions
        raise ValueError(f"{name} is nested too deeply: more than 64 dimensions")
    seq: Sequence[object] = x  # type: ignore[assignment]
    items = [convert(item, f"{name}[{i}]") for i, item in enumerate(seq)]
    if not items:  # an empty NumPy array keeps its other dimensions, e.g. (0, 4)
        return tuple(int(n) for n in getattr(x, "shape", (0,))), []
    first = items[0][0]
    for i, (sub, _) in enumerate(items):
        if sub != first:
            raise ValueError(
                f"{name} is ragged: {name}[0] is {kind(first)} but {name}[{i}] is {kind(sub)}; "
                "every row needs the same length"
            )
    return (len(items), *first), [value for _, value in items]


def convert_all(func: str, **args: object) -> list[tuple[Shape, Any]]:
    """`convert` each keyword argument, naming `func` in any error."""
    return [convert(x, name, func) for name, x in args.items()]


def check_not_empty(func: str, **shapes: Shape) -> None:
    """ValueError naming the first argument with a size 0 in its shape."""
    for name, shape in shapes.items():
        if 0 in shape:
            raise ValueError(f"{func}: {name} is empty (shape {shape}); need at least one number")


def check_dot(a: Shape, b: Shape) -> None:
    for name, s in (("a", a), ("b", b)):
        if len(s) != 1:
            hint = "; for matrices use matmul" if len(s) == 2 else ""
            raise ValueError(f"dot: {name} must be a vector; got {kind(s)}{hint}")
    check_not_empty("dot", a=a, b=b)
    if a != b:
        raise ValueError(
            f"dot: lengths differ: a has {a[0]} values, b has {b[0]}; "
            "dot multiplies them pair by pair, so they need the same length"
        )


def check_add(a: Shape, b: Shape) -> None:
    for name, s in (("a", a), ("b", b)):
        if len(s) > 2:
            raise ValueError(f"add: {name} is {kind(s)}; only numbers, vectors and matrices")
    check_not_empty("add", a=a, b=b)
    if a != b:
        hint = ""
        if len(a) == 2 and b == a[1:]:
            hint = "; add does not broadcast a vector onto every row (NumPy does): add row by row"
        raise ValueError(f"add: shapes differ: {a} + {b}; add is element-wise{hint}")


def check_transpose(m: Shape) -> None:
    if len(m) != 2:
        hint = "; a vector has no rows and columns to swap" if len(m) == 1 else ""
        raise ValueError(f"transpose: m must be a matrix; got {kind(m)}{hint}")
    check_not_empty("transpose", m=m)


def check_matmul(a: Shape, b: Shape) -> None:
    for name, s in (("a", a), ("b", b)):
        if len(s) != 2:
            hint = "; for two vectors use dot, or write a row as [[...]]" if len(s) == 1 else ""
            raise ValueError(f"matmul: {name} must be a matrix; got {kind(s)}{hint}")
    check_not_empty("matmul", a=a, b=b)
    if a[1] != b[0]:
        msg = f"matmul: inner sizes differ: {a} @ {b}; {a[1]} != {b[0]}"
        if b[1] == a[1]:
            msg += f"; did you mean to transpose the right operand, {a} @ {b[::-1]}?"
        elif a[0] == b[0]:
            msg += f"; did you mean to transpose the left operand, {a[::-1]} @ {b}?"
        else:
            msg += "; the columns of a must match the rows of b"
        raise ValueError(msg)


def check_neuron(inputs: Shape, weights: Shape, bias: Shape) -> None:
    if not weights and len(bias) == 1:
        raise ValueError(
            f"neuron: weights and bias look swapped: weights is {kind(weights)} and bias is "
            f"{kind(bias)}; call neuron(inputs, weights, bias)"
        )
    if len(inputs) != 1:
        hint = "; for a batch use layer" if len(inputs) == 2 else ""
        raise ValueError(f"neuron: inputs must be a vector (one sample); got {kind(inputs)}{hint}")
    if len(weights) != 1:
        hint = "; for several neurons use layer" if len(weights) == 2 else ""
        raise ValueError(f"neuron: weights must be a vector; got {kind(weights)}{hint}")
    if bias:
        raise ValueError(f"neuron: bias must be a single number; got {kind(bias)}")
    check_not_empty("neuron", inputs=inputs, weights=weights)
    if inputs != weights:
        raise ValueError(
            f"neuron: inputs and weights differ in length: {inputs[0]} inputs but "
            f"{weights[0]} weights; a neuron needs one weight per input"
        )


def check_layer(inputs: Shape, weights: Shape, biases: Shape) -> None:
    """Check shapes for layer. A (1, neurons) biases row, as in the book, is accepted."""
    if len(inputs) not in (1, 2):
        raise ValueError(
            "layer: inputs must be a vector (one sample) or a matrix (a batch, one row per "
            f"sample); got {kind(inputs)}"
        )
    if len(weights) != 2:
        if len(weights) == 1 and len(inputs) == 2 and inputs[1] == weights[0]:
            raise ValueError(
                f"layer: inputs and weights look swapped: got inputs of shape {inputs} and "
                f"weights of shape {weights}; call layer(inputs, weights, biases) with "
                "weights of shape (neurons, inputs)"
            )
        hint = "; for one neuron use neuron, or wrap the weights as [weights]"
        raise ValueError(
            "layer: weights must be a matrix with one row per neuron, shape (neurons, inputs); "
            f"got {kind(weights)}{hint if len(weights) == 1 else ''}"
        )
    if not (len(biases) == 1 or (len(biases) == 2 and biases[0] == 1)):
        raise ValueError(
            f"layer: biases must be a vector with one value per neuron; got {kind(biases)}"
        )
    check_not_empty("layer", inputs=inputs, weights=weights, biases=biases)
    features, (neurons, columns), n_biases = inputs[-1], weights, biases[-1]
    if columns != features:
        if neurons == features:
            raise ValueError(
                f"layer: weights look transposed: got weights of shape {weights} for inputs "
                f"with {features} features; weights need one row per neuron, shape "
                f"(neurons, {features}); pass transpose(weights) (weights.T for a NumPy array); "
                "shape (inputs, neurons) is the other convention, used by the book from "
                "chapter 3 on and by nnfs_ref.layers.Dense"
            )
        raise ValueError(
            f"layer: inputs have {features} features but weights have {columns} columns "
            f"(shape {weights}); weights need one row per neuron, shape (neurons, {features})"
        )
    if n_biases != neurons:
        if len(inputs) == 2 and n_biases == inputs[0]:
            raise ValueError(
                f"layer: inputs and weights look swapped: biases has {n_biases} values, "
                f"matching the {inputs[0]} rows of inputs, not the {neurons} rows of weights; "
                "call layer(inputs, weights, biases)"
            )
        raise ValueError(
            f"layer: biases has {n_biases} values but weights has {neurons} rows "
            f"({neurons} neurons); need one bias per neuron"
        )
