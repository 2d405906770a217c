"""A few helpers to write SVG by hand, escaped and with the site's CSS classes."""

from __future__ import annotations

import math
from html import escape


def fmt(value: float) -> str:
    """A number as a reader writes it: 2.0 -> '2', 0.2 -> '0.2', -0.5 -> '−0.5'."""
    text = f"{value:.6g}"
    return text.replace("-", "\u2212")


def figure(width: int, height: int, alt: str, body: list[str], caption: str = "") -> str:
    """Wrap SVG elements in an accessible, responsive <figure>."""
    label = escape(alt, quote=True)
    svg = (
        # The inline max-width caps every figure at its natural size, so text
        # in all figures shows at the same size on wide screens.
        f'<svg class="nnfs-figure" viewBox="0 0 {width} {height}" style="max-width: {width}px" '
        f'role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(alt)}</title>{''.join(body)}</svg>"
    )
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f"<figure>{svg}{figcaption}</figure>"


def text(x: float, y: float, content: str, css: str = "label", anchor: str = "middle") -> str:
    """A text element centred (by default) on (x, y)."""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{css}" text-anchor="{anchor}" '
        f'dominant-baseline="middle">{escape(content)}</text>'
    )


def vertical_text(x: float, y: float, content: str, css: str = "axis-label") -> str:
    """A text element centred on (x, y), read from bottom to top: the title of a y axis."""
    drawn = text(x, y, content, css)
    return drawn.replace("<text ", f'<text transform="rotate(-90 {x:.1f} {y:.1f})" ', 1)


def nice_ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Round values from `low` to `high` (both included if round), 1, 2 or 5 times a power
    of ten apart, as many as fit in `most`: the numbers written along an axis."""
    if not low < high:
        raise ValueError(f"need low < high, got {low} and {high}")
    power = 10.0 ** math.floor(math.log10((high - low) / most))
    step = next(m * power for m in (1, 2, 5, 10) if (high - low) / (m * power) < most)
    first = math.ceil(low / step - 1e-9)
    count = math.floor(high / step + 1e-9) - first + 1
    return [round((first + i) * step, 12) + 0.0 for i in range(count)]


def circle(x: float, y: float, r: float, css: str) -> str:
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" class="{css}"/>'


def line(x1: float, y1: float, x2: float, y2: float, css: str = "edge") -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="{css}"/>'


def rect(x: float, y: float, w: float, h: float, css: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" class="{css}"/>'


def polygon(points: list[tuple[float, float]], css: str) -> str:
    """A closed shape through `points`, such as an arrowhead."""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polygon points="{coords}" class="{css}"/>'


#: Rough advance of one monospace character, per 1px of font size (DejaVu Sans Mono: 0.6).
MONO_ADVANCE = 0.61


def boxed_text(
    x: float, y: float, content: str, css: str = "weight", size: float = 14, anchor: str = "middle"
) -> list[str]:
    """A monospace label on a box of the page colour, to sit on top of lines."""
    width = len(content) * size * MONO_ADVANCE + 6
    left = {"start": x - 3, "middle": x - width / 2, "end": x - width + 3}[anchor]
    return [
        rect(left, y - size * 0.65, width, size * 1.3, "label-bg"),
        text(x, y, content, css, anchor),
    ]
