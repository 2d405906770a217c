"""The speed chart's series differ by more than colour, and by colour too, wherever it is read.

The legend of the chart on the speed page (docs_build/figures/bench.py) is read the
way the browser draws it, from the computed styles of its swatches: in the light and
the dark palette on screen, and printed from either. The three series must differ in
look (hatched, outlined, solid: what a reader who cannot tell the colours apart, or a
grey printer, still sees) and in colour, for normal vision and for each common
colour-vision deficiency, with every colour 3:1 or more against what it is drawn on.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.visits import NO_TRANSITIONS, SWITCH_PALETTE

pytestmark = pytest.mark.browser

SPEED_PAGE = "part1/numpy-speed/"

#: For each legend swatch (the first shape of each series): its computed style, and that
#: of the pattern it is filled with, if any; and the colour behind the chart (in print,
#: white paper, unless the content prints a background of its own: Material prints
#: .md-typeset's colours exactly).
LEGEND_STYLES = """() => {
  const svg = document.querySelector("svg.nnfs-figure:has(rect.bar-numpy)");
  const printing = matchMedia("print").matches;
  let background = null;
  for (let e = svg.parentElement; e && !background; e = e.parentElement) {
    if (printing && !e.closest(".md-typeset")) break;
    const colour = getComputedStyle(e).backgroundColor;
    if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") background = colour;
  }
  const style = (element) => {
    const s = getComputedStyle(element);
    // A line has no inside: its fill draws nothing.
    return {fill: element.localName === "line" ? "none" : s.fill, fillOpacity: s.fillOpacity,
            stroke: s.stroke, strokeWidth: s.strokeWidth, dash: s.strokeDasharray,
            opacity: s.opacity};
  };
  // The legend's swatches: the first shape of each series (the bars come after).
  const swatches = new Map();
  svg.querySelectorAll("rect[class^='bar-']").forEach((rect) => {
    if (!swatches.has(rect.getAttribute("class"))) swatches.set(rect.getAttribute("class"), rect);
  });
  const entries = Array.from(swatches.values()).map((rect) => {
    const own = style(rect);
    const ref = /url\\(.*#([^")]+)"?\\)/.exec(own.fill);
    const pattern = ref && document.getElementById(ref[1]);
    return {
      label: rect.nextElementSibling.textContent,
      own: own,
      pattern: pattern ? Array.from(pattern.children).map(style) : null,
      missing: ref && !pattern ? ref[1] : null,
    };
  });
  return {background: background || "rgb(255, 255, 255)", entries: entries};
}"""

Colour = tuple[float, float, float]

#: Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
SIMULATIONS: dict[str, tuple[Colour, Colour, Colour]] = {
    "normal vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
#: CIE76 distance two series' colours keep under every simulation (about 2.3 is the
#: smallest difference people notice side by side; series must be told apart at a glance).
MIN_DELTA_E = 20.0
#: WCAG 1.4.11: graphics a reader must see stand 3:1 against what is next to them.
MIN_CONTRAST = 3.0
#: A colour drawn at least this opaque is one a series is recognised by (tints are not).
OPAQUE = 0.9


def rgba(css: str) -> tuple[Colour, float] | None:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> ((r, g, b) in 0..1, alpha); else None."""
    found = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css)
    if not found:
        return None
    red, green, blue = (float(found[i]) / 255 for i in (1, 2, 3))
    return (red, green, blue), float(found[4]) if found[4] else 1.0


def linear(colour: Colour) -> Colour:
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour)
    return red, green, blue


def luminance(colour: Colour) -> float:
    red, green, blue = linear(colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: Colour, b: Colour) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(colour: Colour, simulation: str) -> Colour:
    """CIE L*a*b* (D65) of the colour as seen with `simulation`."""
    rgb = linear(colour)
    red, green, blue = (
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in SIMULATIONS[simulation]
    )
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: Colour, b: Colour, simulation: str) -> float:
    pairs = zip(lab(a, simulation), lab(b, simulation), strict=True)
    return float(sum((p - q) ** 2 for p, q in pairs) ** 0.5)


def _inks(style: dict[str, str]) -> list[Colour]:
    """The colours an element draws (near) opaque: its fill, its stroke."""
    found = []
    opacity = float(style["opacity"])
    fill = rgba(style["fill"])
    if fill and fill[1] * float(style["fillOpacity"]) * opacity >= OPAQUE:
        found.append(fill[0])
    stroke = rgba(style["stroke"])
    if stroke and stroke[1] * opacity >= OPAQUE and float(style["strokeWidth"].rstrip("px")) > 0:
        found.append(stroke[0])
    return found


@dataclass(frozen=True)
class Entry:
    """A legend swatch as drawn: its colours, and its look without them."""

    label: str
    inks: list[Colour]
    look: tuple[str, ...]

    @classmethod
    def of(cls, found: dict[str, Any]) -> Entry:
        assert found["missing"] is None, f"{found['label']}: no pattern #{found['missing']}"
        own: dict[str, str] = found["own"]
        inks = _inks(own)
        for child in found["pattern"] or []:
            inks += _inks(child)
        if found["pattern"] is not None:
            fill = "patterned"
        elif own["fill"] == "none" or float(own["fillOpacity"]) == 0:
            fill = "empty"
        else:
            fill = "solid" if float(own["fillOpacity"]) >= OPAQUE else "tinted"
        outline = "no outline" if own["stroke"] == "none" else "outlined"
        dash = "plain line" if own["dash"] == "none" else "dashed line"
        return cls(found["label"], inks, (fill, outline, dash))


def legend(page: Page) -> tuple[Colour, list[Entry]]:
    found = page.evaluate(LEGEND_STYLES)
    background = rgba(found["background"])
    assert background, found["background"]
    return background[0], [Entry.of(entry) for entry in found["entries"]]


def problems(background: Colour, entries: list[Entry]) -> list[str]:
    """What keeps the series apart, or from standing out, in one setting."""
    found = []
    assert len(entries) == 3, [e.label for e in entries]
    for entry in entries:
        if not entry.inks:
            found.append(f"{entry.label}: no opaque colour")
        for ink in entry.inks:
            if contrast(ink, background) < MIN_CONTRAST:
                found.append(f"{entry.label}: {contrast(ink, background):.2f}:1 on the background")
    for a, b in itertools.combinations(entries, 2):
        if a.look == b.look:
            found.append(f"{a.label!r} and {b.label!r} look the same but for colour: {a.look}")
        for simulation in SIMULATIONS:
            closest = min((delta_e(x, y, simulation) for x in a.inks for y in b.inks), default=0.0)
            if closest < MIN_DELTA_E:
                found.append(
                    f"{a.label!r} and {b.label!r}: colours {closest:.1f} apart with {simulation}"
                )
    return found


def test_the_speed_charts_series_differ_in_look_and_colour_on_screen_and_paper(
    page: Page, site: Site
) -> None:
    page.add_init_script(NO_TRANSITIONS)  # a palette switch takes effect at once
    page.goto(site.page_url(SPEED_PAGE), wait_until="load")
    found = {}
    for palette in ("default", "slate"):
        page.evaluate(SWITCH_PALETTE, palette)
        for medium in ("screen", "print"):
            page.emulate_media(media=medium)
            found[f"{palette}, {medium}"] = problems(*legend(page))
    page.emulate_media(media="screen")
    failures = [f"{setting}: {problem}" for setting, listed in found.items() for problem in listed]
    assert not failures, "\n".join(failures)
