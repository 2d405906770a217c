"""Two vectors side by side, with the element-wise result of + or × and, for ×, its sum."""

from __future__ import annotations

from collections.abc import Sequence

from docs_build.figures.svg import figure, fmt, line, rect, text

_SIGNS = {"*": "×", "+": "+"}


def elementwise_table(a: Sequence[float], b: Sequence[float], op: str = "*") -> str:
    """A table with one row per position: a[i], b[i], and a[i] × b[i] (or a[i] + b[i])."""
    if op not in _SIGNS:
        raise ValueError(f"op must be '*' or '+', not {op!r}")
    if len(a) != len(b) or not a:
        raise ValueError(f"the vectors must have the same, non-zero length: {len(a)} and {len(b)}")
    sign = _SIGNS[op]
    results = [x * y if op == "*" else x + y for x, y in zip(a, b, strict=True)]
    col_w, row_h, left = 110, 40, 70
    xs = [left + col_w * (i + 0.5) for i in range(3)]
    body = [text(x, 22, head, "dim") for x, head in zip(xs, ["a", "b", f"a {sign} b"], strict=True)]
    for i, (x, y, r) in enumerate(zip(a, b, results, strict=True)):
        top = 40 + i * row_h
        body.append(text(left - 14, top + row_h / 2, f"[{i}]", "dim", anchor="end"))
        for col, value in enumerate((x, y, r)):
            body.append(rect(left + col * col_w, top, col_w, row_h, "array-cell"))
            body.append(
                text(xs[col], top + row_h / 2, fmt(value), "output" if col == 2 else "label")
            )
    bottom = 40 + len(a) * row_h
    height = bottom + 20
    if op == "*":
        total = sum(results)
        body += [
            line(left + 2 * col_w, bottom + 8, left + 3 * col_w, bottom + 8, "rule"),
            text(left + 2 * col_w - 14, bottom + 32, "sum", "dim", anchor="end"),
            text(xs[2], bottom + 32, fmt(total), "output"),
        ]
        height = bottom + 60
        ending = f"; the products add up to {fmt(total)}, the dot product."
    else:
        ending = "."
    pairs = ", ".join(
        f"{fmt(x)} {sign} {fmt(y)} = {fmt(r)}" for x, y, r in zip(a, b, results, strict=True)
    )
    alt = (
        f"Vectors a ({', '.join(map(fmt, a))}) and b ({', '.join(map(fmt, b))}), "
        f"position by position: {pairs}{ending}"
    )
    return figure(left + 3 * col_w + 20, int(height), alt, body)
