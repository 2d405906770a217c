"""Two-number vectors as arrows from one origin: how far they point the same way."""

from __future__ import annotations

import math
from collections.abc import Sequence

from docs_build.figures.svg import MONO_ADVANCE, boxed_text, figure, fmt, line, polygon

SIZE = 320  # a square, narrower than a phone's column: drawn at its own size


def _pair(v: Sequence[float], name: str) -> tuple[float, float]:
    if len(v) != 2:
        raise ValueError(f"{name} must have two numbers to be drawn, not {len(v)}")
    return float(v[0]), float(v[1])


def alignment_figure(a: Sequence[float], others: Sequence[Sequence[float]]) -> str:
    """Vector `a` and each of `others` as arrows, each labelled with its dot product with a."""
    ax, ay = _pair(a, "a")
    bs = [_pair(b, "every other vector") for b in others]
    if not bs or (ax, ay) == (0.0, 0.0) or (0.0, 0.0) in bs:
        raise ValueError("need a and at least one other vector, none of them zero")
    reach = max(abs(c) for v in [(ax, ay), *bs] for c in v)
    scale = (SIZE / 2 - 40) / reach
    middle = SIZE / 2

    def px(x: float, y: float) -> tuple[float, float]:
        return middle + x * scale, middle - y * scale

    def arrow(x: float, y: float, css: str) -> list[str]:
        (tx, ty), length = px(x, y), math.hypot(x, y) * scale
        ux, uy = (tx - middle) / length, (ty - middle) / length
        base = (tx - 12 * ux, ty - 12 * uy)
        head = [
            (tx, ty),
            (base[0] - 5 * uy, base[1] + 5 * ux),
            (base[0] + 5 * uy, base[1] - 5 * ux),
        ]
        return [line(middle, middle, *base, css), polygon(head, f"arrowhead {css}")]

    def label(x: float, y: float, words: str, css: str, size: float) -> list[str]:
        # Push the label's box out along the arrow until it clears the tip.
        (tx, ty), length = px(x, y), math.hypot(x, y)
        ux, uy = x / length, -y / length
        half_w, half_h = len(words) * size * MONO_ADVANCE / 2 + 3, size * 0.65
        out = min(half_w / max(abs(ux), 1e-9), half_h / max(abs(uy), 1e-9)) + 6
        lx = min(max(tx + ux * out, half_w + 2), SIZE - half_w - 2)
        return boxed_text(lx, ty + uy * out, words, css, size)

    body = [
        line(4, middle, SIZE - 4, middle, "grid"),
        line(middle, 4, middle, SIZE - 4, "grid"),
        *arrow(ax, ay, "vector-a"),
    ]
    labels = label(ax, ay, f"a = ({fmt(ax)}, {fmt(ay)})", "output", 18)
    described = []
    for bx, by in bs:
        dot = ax * bx + ay * by
        angle = math.degrees(math.acos(dot / (math.hypot(ax, ay) * math.hypot(bx, by))))
        body += arrow(bx, by, "vector-b")
        labels += label(bx, by, f"a·b = {fmt(dot)}", "weight", 14)
        described.append(f"b = ({fmt(bx)}, {fmt(by)}) at {angle:.0f} degrees gives {fmt(dot)}")
    alt = (
        f"Vector a = ({fmt(ax)}, {fmt(ay)}) and other vectors drawn from the same origin, "
        f"each labelled with its dot product with a: {'; '.join(described)}."
    )
    return figure(SIZE, SIZE, alt, body + labels)
