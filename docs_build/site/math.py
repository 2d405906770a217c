"""Turn the LaTeX that arithmatex marks up into MathML while the site builds.

No JavaScript and no CDN: the browser renders MathML natively with the
shipped Latin Modern Math font. LaTeX that math-core cannot convert is
returned as an error, which fails the page (`docs_build.site.extension`).
"""

from __future__ import annotations

import html
import re

from math_core import LatexError, LatexToMathML

_CONVERTER = LatexToMathML()
# arithmatex's "generic" output: \( ... \) in a span, \[ ... \] in a div.
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\\(?P<open>[(\[])(?P<latex>.*?)\\[)\]]</(?P=tag)>',
    re.DOTALL,
)


def latex_to_mathml(latex: str, *, display: bool) -> str:
    """One formula as a MathML element; raises LatexError on unknown LaTeX."""
    mathml: str = _CONVERTER.convert_with_local_state(latex, displaystyle=display)
    return mathml


def render_math(page_html: str, page: str) -> tuple[str, list[str]]:
    """Replace every arithmatex formula of a page by MathML; also the formulas that failed."""
    errors: list[str] = []

    def replace(match: re.Match[str]) -> str:
        latex = html.unescape(match["latex"]).strip()
        display = match["open"] == "["
        try:
            mathml = latex_to_mathml(latex, display=display)
        except LatexError as error:
            errors.append(f"{page}: cannot render the formula {latex!r}: {error}")
            return match[0]
        # The alttext gives screen readers and copy-paste the original LaTeX.
        mathml = mathml.replace("<math", f'<math alttext="{html.escape(latex)}"', 1)
        return f'<div class="math-block">{mathml}</div>' if display else mathml

    return _MATH.sub(replace, page_html), errors
