"""Time softmax + cross-entropy's backward pass two ways; write docs/data/bench_backprop.json.

`python -m bench backprop` runs only this. The two ways are the backprop-layer lesson's
own code: the separate path (the loss's gradient, then softmax's Jacobian, one sample
at a time) and the combined gradient `(softmax_output - one_hot) / samples`. The
lesson's table is drawn from the file (docs_build/figures/bench_backprop.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.machine import describe, write_results
from bench.timing import best_interleaved

OUT = Path(__file__).resolve().parent.parent / "docs" / "data" / "bench_backprop.json"
#: (samples, classes): the lesson's batch of three, the spiral data's 300 samples, and more.
SIZES = [(3, 3), (300, 3), (1000, 10)]
#: Each path runs REPEAT times (alternating with the other), each run many calls.
REPEAT = 15

Floats = npt.NDArray[np.float64]


def softmax_backward(outputs: Floats, dvalues: Floats) -> Floats:
    """Each sample's softmax Jacobian times its gradient (block bpl-softmax-backward)."""
    rows = []
    for s, d in zip(outputs, dvalues):  # noqa: B905 (as the lesson writes it)
        s = s.reshape(-1, 1)
        jacobian = np.diagflat(s) - s @ s.T
        rows.append(jacobian @ d)
    return np.array(rows)


def separate(softmax_outputs: Floats, class_targets: npt.NDArray[np.intp]) -> Floats:
    """The loss's gradient (block bpl-ce-gradient), then softmax's backward pass."""
    samples = len(softmax_outputs)
    rows = np.arange(samples)
    dloss = np.zeros_like(softmax_outputs)
    picked = softmax_outputs[rows, class_targets]
    dloss[rows, class_targets] = -1 / picked / samples
    return softmax_backward(softmax_outputs, dloss)


def combined(softmax_outputs: Floats, class_targets: npt.NDArray[np.intp]) -> Floats:
    """The combined gradient (block bpl-combined): subtract 1 at each sample's class, divide."""
    samples = len(softmax_outputs)
    rows = np.arange(samples)
    dinputs = softmax_outputs.copy()
    dinputs[rows, class_targets] -= 1
    result: Floats = dinputs / samples
    return result


def batch(samples: int, classes: int) -> tuple[Floats, npt.NDArray[np.intp]]:
    """Softmax outputs (rows of positive numbers summing to 1) and class labels."""
    rng = np.random.default_rng(0)
    scores = rng.standard_normal((samples, classes))
    exps = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True), rng.integers(0, classes, samples)


def measure(samples: int, classes: int) -> dict[str, Any]:
    """Best time of each path on one batch, and how many times faster the combined one is."""
    if (samples, classes) == (3, 3):  # the lesson's own batch
        outputs = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
        targets = np.array([0, 1, 1])
    else:
        outputs, targets = batch(samples, classes)
    assert np.allclose(separate(outputs, targets), combined(outputs, targets), atol=1e-15)
    number = max(1, 3000 // samples)
    t_sep, t_comb = best_interleaved(
        lambda: separate(outputs, targets), lambda: combined(outputs, targets), number, REPEAT
    )
    return {
        "shape": {"samples": samples, "classes": classes},
        "separate_seconds": t_sep,
        "combined_seconds": t_comb,
        "speedup": t_sep / t_comb,
        "calls_per_run": number,
        "runs": REPEAT,
    }


def main() -> None:
    results: dict[str, Any] = {"machine": describe(), "softmax_backward": []}
    for samples, classes in SIZES:
        r = measure(samples, classes)
        results["softmax_backward"].append(r)
        print(
            f"softmax + cross-entropy backward, {samples} samples x {classes} classes: "
            f"separate {r['separate_seconds'] * 1e6:.1f} us, combined "
            f"{r['combined_seconds'] * 1e6:.1f} us, {r['speedup']:.1f}x faster"
        )
    write_results(OUT, results)


if __name__ == "__main__":
    main()
