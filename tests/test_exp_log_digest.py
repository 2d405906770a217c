"""nnfs_ref's float32 `exp` and `log`, over every float32 input they meet, hash as committed.

`nnfs_ref` computes these two in float64 and rounds to float32
(`nnfs_ref._arrays.exp_rounded`, `log_rounded`): the float32 result is then the
same wherever the platform's float64 `exp`/`log` are accurate to within the
float32 rounding margin, which is not a guarantee but was measured. This test
measures it again, on the platform it runs on: every float32 x in [-104, 0]
(softmax exponentiates inputs minus their row maximum; below -104 the result
rounds to 0) and every float32 in [1e-7, 1 - 1e-7] (the loss clips to it). The
SHA-256 of the results must equal `tests/data/exp_log_digests.json`, written
on x86-64 Linux with `python -m tests.test_exp_log_digest` and measured
identical there with every code path (docs_build/core/codepaths.py).

It runs about a minute: `make test-exhaustive` runs it (and CI on each
platform), `make test` does not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from nnfs_ref._arrays import Floats, exp_rounded, log_rounded

DIGESTS = Path(__file__).resolve().parent / "data" / "exp_log_digests.json"
CHUNK = 1 << 24


def bits(value: float) -> int:
    return int(np.array(value, dtype=np.float32).view(np.uint32))


#: Each function, and the float32 bit patterns of its inputs (first, last).
RANGES: dict[str, tuple[Callable[[Floats], Floats], int, int]] = {
    # -0.0 up to -104.0: negative float32 bit patterns grow with the magnitude.
    "exp on [-104, 0]": (exp_rounded, bits(-0.0), bits(-104.0)),
    "log on [1e-7, 1 - 1e-7]": (log_rounded, bits(1e-7), bits(1 - 1e-7)),
}


def inputs(first: int, last: int) -> Iterator[Floats]:
    for start in range(first, last + 1, CHUNK):
        stop = min(start + CHUNK, last + 1)
        chunk: Floats = np.arange(start, stop, dtype=np.uint32).view(np.float32)
        yield chunk


def digest(name: str) -> dict[str, str | int]:
    """The SHA-256 of the function's float32 results over its whole range, and the count."""
    function, first, last = RANGES[name]
    hasher = hashlib.sha256()
    for chunk in inputs(first, last):
        hasher.update(function(chunk).tobytes())
    return {"values": last - first + 1, "sha256": hasher.hexdigest()}


@pytest.mark.exhaustive
@pytest.mark.parametrize("name", sorted(RANGES))
def test_every_float32_result_is_the_committed_one(name: str) -> None:
    assert digest(name) == json.loads(DIGESTS.read_text())[name]


def test_the_ranges_are_the_ones_measured() -> None:
    """Counts as in ../shared/curriculum.md ("Machine-dependence, measured for training")."""
    counts = {name: last - first + 1 for name, (_, first, last) in RANGES.items()}
    assert counts == {"exp on [-104, 0]": 1_120_927_745, "log on [1e-7, 1 - 1e-7]": 195_641_450}
    assert np.float32(1e-7) == next(inputs(*RANGES["log on [1e-7, 1 - 1e-7]"][1:]))[0]


def test_a_changed_result_changes_the_digest() -> None:
    """The digest sees one changed bit: a plain float32 exp differs in some results."""
    chunk = next(inputs(bits(-1.0), bits(-1.0) + (1 << 16)))  # 65,537 inputs from -1.0 down
    plain = np.exp(chunk)
    mine = exp_rounded(chunk)
    flipped = mine.copy()
    flipped.view(np.uint32)[7] ^= 1
    assert hashlib.sha256(flipped.tobytes()).digest() != hashlib.sha256(mine.tobytes()).digest()
    assert np.all(np.abs(plain - mine) <= 4 * np.spacing(np.abs(mine)))


if __name__ == "__main__":
    DIGESTS.write_text(json.dumps({name: digest(name) for name in sorted(RANGES)}, indent=1) + "\n")
    print(DIGESTS.read_text())
