"""Arrays drawn as grids of their numbers: a row, a table, or a stack of tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docs_build.figures.grids import cells
from docs_build.figures.svg import figure, fmt, text

CELL_W, CELL_H = 52, 36


def shape_of(value: Any) -> tuple[int, ...]:
    """The shape of a rectangular nested list; raises ValueError on a ragged one."""
    if not isinstance(value, Sequence):
        return ()
    if len(value) == 0:
        raise ValueError("an empty list has no cells to draw")
    shapes = {shape_of(item) for item in value}
    if len(shapes) != 1:
        raise ValueError(f"ragged list: its items have shapes {sorted(shapes)}")
    return (len(value), *shapes.pop())


def _grid(rows: Sequence[Sequence[float]], x: float, y: float) -> list[str]:
    return cells(x, y, rows, css="array-cell", size=(CELL_W, CELL_H))


def array_grid(value: Sequence[Any]) -> str:
    """Draw a 1-D, 2-D or 3-D nested list; 3-D arrays become a stack of 2-D slabs."""
    shape = shape_of(value)
    if len(shape) not in (1, 2, 3):
        raise ValueError(f"can draw 1 to 3 dimensions, not {len(shape)}")
    slabs: list[Sequence[Sequence[float]]]
    if len(shape) == 1:
        slabs = [[value]]
    elif len(shape) == 2:
        slabs = [value]
    else:
        slabs = list(value)
    rows, cols = len(slabs[0]), len(slabs[0][0])
    width = 420  # every array figure has the same scale, so cell sizes compare
    left, top, slab_gap = (width - cols * CELL_W) / 2, 40, 26
    slab_h = rows * CELL_H
    across = f"{cols} numbers" if len(shape) == 1 else f"{cols} columns"
    body = [text(left + cols * CELL_W / 2, 18, across, "dim")]
    for k, slab in enumerate(slabs):
        y = top + k * (slab_h + slab_gap)
        body += _grid(slab, left, y)
        if len(shape) > 1:
            body.append(text(left - 10, y + slab_h / 2, f"{rows} rows", "dim", anchor="end"))
        if len(shape) == 3:
            body.append(
                text(left + cols * CELL_W + 10, y + slab_h / 2, f"[{k}]", "dim", anchor="start")
            )
    bottom = top + len(slabs) * (slab_h + slab_gap) - slab_gap
    body.append(
        text(left + cols * CELL_W / 2, bottom + 24, f"shape {_shape_text(shape)}", "output")
    )
    height = bottom + 44
    alt = f"An array of shape {_shape_text(shape)}: " + _describe(value, shape)
    return figure(width, int(height), alt, body)


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else "(" + ", ".join(map(str, shape)) + ")"


def _describe(value: Sequence[Any], shape: tuple[int, ...]) -> str:
    def row_text(row: Sequence[float]) -> str:
        return "(" + ", ".join(fmt(v) for v in row) + ")"

    if len(shape) == 1:
        return f"one row of {shape[0]} numbers {row_text(value)}."
    if len(shape) == 2:
        return f"{shape[0]} rows of {shape[1]} numbers: " + ", ".join(map(row_text, value)) + "."
    slabs = "; ".join(
        f"slab {k}: " + ", ".join(map(row_text, slab)) for k, slab in enumerate(value)
    )
    return f"{shape[0]} slabs, each {shape[1]} rows of {shape[2]} numbers. {slabs}."
