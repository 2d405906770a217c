"""Input checks for Part 2 (activations, losses, datasets, the dense layer).

Like `_checks`, this module must not import NumPy. Each public module reduces its
arguments to shapes (and, for values, to the first offending index and value as
plain Python numbers) and calls the same function here, so `pure` and
`vectorized` raise the same class with the same message.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

from nnfs_ref._checks import Shape, _is_sequence, check_not_empty, kind, shorten, show

PROBABILITIES = "predictions must be probabilities, such as the output of softmax"


def count(func: str, name: str, value: object, most: int | None = None) -> int:
    """A size such as `samples`: a whole number from 1 to `most`."""
    if not isinstance(value, numbers.Integral) or isinstance(value, bool):
        raise TypeError(f"{func}: {name} must be a whole number; got {show(value)}")
    value = int(value)
    if value < 1:
        raise ValueError(f"{func}: {name} must be at least 1; got {value}")
    if most is not None and value > most:
        raise ValueError(
            f"{func}: {name} must be at most {most}, because the labels are uint8 as in "
            f"the book; got {value}"
        )
    return value


_ALLOWED = {
    0: "a number, a vector or a matrix",
    1: "a vector (one sample) or a matrix (one row per sample)",
    2: "a matrix, one row per sample",
}


def check_activation(func: str, x: Shape, name: str = "x", *, least: int = 0) -> None:
    """`x` must have from `least` to 2 dimensions, and no size 0.

    relu takes a number, vector or matrix (least=0); softmax a vector or matrix
    (least=1); the objects take a batch, a matrix (least=2).
    """
    if not least <= len(x) <= 2:
        hint = f"; for one sample write [{name}]" if least == 2 and len(x) == 1 else ""
        raise ValueError(f"{func}: {name} must be {_ALLOWED[least]}; got {kind(x)}{hint}")
    check_not_empty(func, **{name: x})


def check_targets(func: str, predictions: Shape, targets: Shape, *, batch_only: bool) -> bool:
    """Check the shapes of a loss's or accuracy's arguments; True if targets are one-hot."""
    if batch_only and len(predictions) != 2:
        hint = "; for one sample write [predictions]" if len(predictions) == 1 else ""
        raise ValueError(
            f"{func}: predictions must be a matrix, one row per sample and one column per "
            f"class; got {kind(predictions)}{hint}"
        )
    if len(predictions) not in (1, 2):
        raise ValueError(
            f"{func}: predictions must be a vector (one sample) or a matrix (one row per "
            f"sample); got {kind(predictions)}"
        )
    if 0 in predictions:
        raise ValueError(
            f"{func}: predictions is empty (shape {predictions}); need at least one sample "
            "and one class"
        )
    classes = predictions[-1]
    if len(predictions) == 1:
        if targets in ((), predictions):
            return targets == predictions
        raise ValueError(
            f"{func}: for one sample of {classes} classes, targets must be a class index "
            f"(a single number) or a one-hot vector of length {classes}; got {kind(targets)}"
        )
    rows = predictions[0]
    if targets in ((rows,), predictions):
        return targets == predictions
    if targets == (rows, 1):
        problem = (
            f"is a column of labels, shape {targets}; pass them as a vector, targets.reshape(-1)"
        )
    elif len(targets) == 1:
        problem = (
            f"has {targets[0]} labels but predictions has {rows} rows; need one label per sample"
        )
    elif targets == predictions[::-1]:
        problem = (
            f"looks transposed: shape {targets}; one-hot rows need shape {predictions}, targets.T"
        )
    else:
        problem = (
            f"is {kind(targets)}; need {rows} labels (a vector) or one-hot rows of the "
            f"shape of predictions, {predictions}"
        )
    raise ValueError(f"{func}: targets {problem}")


def _is_label(x: object) -> bool:
    dtype_kind = getattr(getattr(x, "dtype", None), "kind", None)  # NumPy scalars, 0-d arrays
    if dtype_kind is not None:
        return dtype_kind in "iu"
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def integer_labels(func: str, targets: object) -> None:
    """TypeError at the first label that is not a whole number (bools are not labels)."""
    if _is_sequence(targets):
        seq: Sequence[object] = targets  # type: ignore[assignment]
        labels: list[tuple[int | None, object]] = list(enumerate(seq))
    else:
        labels = [(None, targets)]
    for index, label in labels:
        if not _is_label(label):
            name = "targets" if index is None else f"targets[{index}]"
            raise TypeError(
                f"{func}: {name} must be a class index (a whole number), got {show(label)}"
            )


def where(name: str, index: Sequence[int]) -> str:
    """`predictions[1][2]` for index (1, 2)."""
    return name + "".join(f"[{i}]" for i in index)


def label_out_of_range(func: str, index: Sequence[int], label: int, classes: int) -> ValueError:
    return ValueError(
        f"{func}: {where('targets', index)} is {label}, but predictions have {classes} "
        f"classes; a label must be a class index from 0 to {classes - 1}"
    )


def not_one_hot(func: str, index: Sequence[int], row: Sequence[float]) -> ValueError:
    text = shorten(repr([float(v) for v in row]))
    return ValueError(
        f"{func}: {where('targets', index)} is not one-hot: {text}; a one-hot row has a "
        "single 1 and 0 everywhere else"
    )


def not_a_probability(func: str, index: Sequence[int], value: float) -> ValueError:
    return ValueError(
        f"{func}: {where('predictions', index)} is {float(value)!r}, outside [0, 1]; "
        + PROBABILITIES
    )


def check_dense(inputs: Shape, weights: Shape, biases: Shape) -> None:
    """Shapes for Dense.forward: inputs (samples, n_inputs), weights (n_inputs, n_neurons)."""
    func = "Dense.forward"
    if len(weights) != 2 or 0 in weights:
        raise ValueError(
            f"{func}: weights must be a matrix of shape (inputs, neurons); got {kind(weights)}"
        )
    n_inputs, neurons = weights
    if biases not in ((1, neurons), (neurons,)):
        raise ValueError(
            f"{func}: biases must have shape (1, {neurons}), one per neuron; got {kind(biases)}"
        )
    check_activation(func, inputs, "inputs", least=2)
    rows, features = inputs
    if features != n_inputs:
        if rows == n_inputs:
            fix = f"the inputs look transposed: pass inputs.T, of shape {(features, rows)}"
        else:
            fix = (
                f"pass inputs with {n_inputs} columns, or create the layer as "
                f"Dense({features}, {neurons})"
            )
        raise ValueError(
            f"{func}: inputs have {features} features (shape {inputs}) but the layer has "
            f"{n_inputs} inputs (weights of shape {weights}); {fix}"
        )
