"""Small line plots for Part 2's figures: a box that maps data to SVG, axes, curves.

The figures that use it are drawn about 360 units wide, so that their text,
13 px and up in docs/stylesheets/figures.css, stays at least 11 CSS px on a
375 px wide phone, where the content column is about 340 px.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from docs_build.figures.svg import fmt, line, rect, text, vertical_text

Point = tuple[float, float]


def floats(values: npt.ArrayLike, name: str) -> list[float]:
    """The values as a flat list of finite floats (a NumPy column is flattened), or ValueError."""
    out = [float(v) for v in np.asarray(values, dtype=np.float64).ravel()]
    if not out:
        raise ValueError(f"{name} is empty")
    if not all(math.isfinite(v) for v in out):
        raise ValueError(f"{name} must be finite numbers")
    return out


def increasing(values: Sequence[float], name: str) -> None:
    """ValueError unless every value is larger than the one before."""
    if any(b <= a for a, b in itertools.pairwise(values)):
        raise ValueError(f"{name} must increase")


def pairs(xs: npt.ArrayLike, ys: npt.ArrayLike, name: str) -> list[Point]:
    """(x, y) points from two equally long sequences."""
    fx, fy = floats(xs, f"the x values of {name}"), floats(ys, f"the y values of {name}")
    if len(fx) != len(fy):
        raise ValueError(f"{name}: {len(fx)} x values but {len(fy)} y values")
    return list(zip(fx, fy, strict=True))


@dataclass(frozen=True)
class Box:
    """A plot area at (left, top), size (width, height), showing the given data ranges.

    `name` makes the id of its clip path; it must be unique on the page.
    """

    name: str
    left: float
    top: float
    width: float
    height: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def __post_init__(self) -> None:
        if self.x_range[0] >= self.x_range[1] or self.y_range[0] >= self.y_range[1]:
            raise ValueError(f"empty range: x {self.x_range}, y {self.y_range}")

    def x(self, value: float) -> float:
        low, high = self.x_range
        return self.left + (value - low) / (high - low) * self.width

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.top + (high - value) / (high - low) * self.height

    def clip_id(self) -> str:
        return f"p2-clip-{self.name}"

    def frame(self) -> list[str]:
        """The frame, a clip path of the same size, and the zero lines if they show."""
        box = rect(self.left, self.top, self.width, self.height, "plot-frame")
        body = [f'<clipPath id="{self.clip_id()}">{box}</clipPath>', box]
        right, bottom = self.left + self.width, self.top + self.height
        if self.y_range[0] < 0 < self.y_range[1]:
            body.append(line(self.left, self.y(0), right, self.y(0), "p2-axis"))
        if self.x_range[0] < 0 < self.x_range[1]:
            body.append(line(self.x(0), self.top, self.x(0), bottom, "p2-axis"))
        return body

    def ticks(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        label: Callable[[float], str] = fmt,
        y_label: Callable[[float], str] | None = None,
    ) -> list[str]:
        """Tick labels under the box (xs) and left of it (ys); `y_label` defaults to `label`."""
        bottom = self.top + self.height
        body = [text(self.x(v), bottom + 14, label(v), "p2-tick") for v in xs]
        y_text = y_label or label
        body += [text(self.left - 5, self.y(v), y_text(v), "p2-tick", "end") for v in ys]
        return body

    def titles(self, x_title: str, y_title: str, y_gap: float = 40) -> list[str]:
        """The axes' titles: under the tick labels, and read upwards `y_gap` left of the box."""
        return [
            text(self.left + self.width / 2, self.top + self.height + 32, x_title, "axis-label"),
            vertical_text(self.left - y_gap, self.top + self.height / 2, y_title),
        ]

    def curve(self, points: Sequence[Point], css: str) -> str:
        """A polyline through the points, clipped to the box."""
        coords = " ".join(f"{self.x(x):.1f},{self.y(y):.1f}" for x, y in points)
        return (
            f'<g clip-path="url(#{self.clip_id()})"><polyline points="{coords}" class="{css}"/></g>'
        )


def padded(values: Sequence[float], share: float = 0.08) -> tuple[float, float]:
    """The range of the values, widened by `share` of it on both sides."""
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * share
    return low - pad, high + pad
