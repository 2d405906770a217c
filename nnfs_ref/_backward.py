"""What every `backward(dvalues)` checks first, with errors that say what went wrong.

A backward pass needs the forward pass it reverses: the values it stored, and a
gradient `dvalues` of the same shape as the output it produced. A gradient with NaN
or infinity in it would spread to every weight in one update, so it is refused at
the first layer that sees it, naming where it is.
"""

from __future__ import annotations

import numpy as np

from nnfs_ref._arrays import Floats, floats


def stored(obj: object, name: str, func: str) -> Floats:
    """What forward (or backward) stored as `name`, or a ValueError saying to call it first."""
    value = getattr(obj, name, None)
    if value is None:
        step = "backward(dvalues)" if name.startswith("d") else "forward(inputs)"
        raise ValueError(f"{func}: call {step} first; there is no {name} to work from yet")
    out: Floats = value
    return out


def finite(values: Floats, name: str, func: str) -> None:
    """ValueError naming the first NaN or infinity in `values`, if there is one."""
    ok = np.isfinite(values)
    if ok.all():
        return
    first = int(np.flatnonzero(~ok)[0])
    index = tuple(int(i) for i in np.unravel_index(first, ok.shape))
    raise ValueError(
        f"{func}: {name} holds {float(values[index])!r} at {list(index)}; a gradient "
        "must be finite (NaN or infinity usually means a step or learning rate too large)"
    )


def gradient(dvalues: object, output: Floats, func: str, output_name: str = "output") -> Floats:
    """`dvalues` as an array of `output`'s shape, finite; else the error naming both shapes."""
    d = floats(dvalues, "dvalues", func)
    if d.shape != output.shape:
        raise ValueError(
            f"{func}: dvalues has shape {d.shape}, but the last forward pass gave "
            f"{output_name} of shape {output.shape}; pass one gradient per value of the "
            f"{output_name}"
        )
    finite(d, "dvalues", func)
    return d
