"""Every character of every formula on the site is in the math font the site ships.

The font (docs/assets/fonts/latinmodern-math.woff2) is Latin Modern Math cut
down to the characters the formulas use (docs_build/subset-math-font.sh). A
formula that uses one more character still renders, but that character comes
from whatever font the reader's system has, in another style, on screen and in
the PDF. Characters drawn as nothing (variation selectors, invisible operators)
need no glyph.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fontTools.ttLib import TTFont

from tests.conftest import BuiltSite
from tests.sitebuild import ROOT

FONT = ROOT / "docs/assets/fonts/latinmodern-math.woff2"
MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def drawn(character: str) -> bool:
    """Whether a character needs a glyph: not white space, not a format character
    (such as U+2061, function application) and not a variation selector."""
    return not character.isspace() and unicodedata.category(character) not in ("Cf", "Mn")


def missing_glyphs(pages: Iterable[tuple[str, str]], glyphs: set[int]) -> dict[str, list[str]]:
    """Each character of a formula that the font has no glyph for, with the pages that
    use it: `pages` holds (name, HTML) pairs."""
    missing: dict[str, list[str]] = {}
    for name, text in pages:
        for formula in MATH.findall(text):
            for character in set(html.unescape(TAG.sub("", formula))):
                if drawn(character) and ord(character) not in glyphs:
                    missing.setdefault(character, []).append(name)
    return {c: sorted(set(names)) for c, names in missing.items()}


def font_glyphs(font: Path) -> set[int]:
    return set(TTFont(font).getBestCmap())


def describe(missing: dict[str, list[str]]) -> str:
    return "\n".join(
        f"U+{ord(c):04X} {c} ({unicodedata.name(c, '?')}): {', '.join(pages[:3])}"
        for c, pages in sorted(missing.items())
    )


def test_every_formula_character_is_in_the_shipped_math_font(built_site: BuiltSite) -> None:
    pages = [
        (path.relative_to(built_site.root).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(built_site.root.rglob("*.html"))
    ]
    assert sum(len(MATH.findall(text)) for _, text in pages) > 100, "no formulas found"
    missing = missing_glyphs(pages, font_glyphs(FONT))
    assert not missing, (
        "formula characters the shipped math font lacks (add them to "
        "docs_build/subset-math-font.sh and run it):\n" + describe(missing)
    )


def test_a_character_the_font_lacks_is_reported_with_its_page() -> None:
    page = "<p><math><mi>x</mi><mo>\u2061</mo><mi>\u2135</mi><mo>\ufe00</mo></math></p>"
    missing = missing_glyphs([("part9/new.html", page)], font_glyphs(FONT))
    assert missing == {"\u2135": ["part9/new.html"]}  # ALEF SYMBOL; the others need none
    assert "U+2135" in describe(missing)
