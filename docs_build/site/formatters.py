"""The build's fences: superfences hands every fence of a kind of `KINDS` that says
exec to `format_fence`, which runs it through the engine.

`register_fences` adds a custom fence to pymdownx.superfences for each kind,
with our own validator (`takes_fence`): it takes a fence that says exec by the
same reading as the lexer (`docs_build.core.attributes`), and leaves every
other fence to Highlight. (markdown-exec's own validator reads `html="y"` as
yes, and hands the site's own attributes back to the source block it shows,
where superfences drops the block to Markdown; markdown-exec registers no
language of its own: `languages: []` in mkdocs.yml.)

`format_fence` runs the block through `docs_build.site.pages.BUILD` (the same
engine, rules and wording as pytest) and renders what it showed with
markdown-exec's `base_format`, given options made from the fence's attributes
by `markdown_exec_options`. A script's output is text in a box captioned
"Output"; only a figure block (`html="true"`, id ending in `-figure`) emits
HTML. In a console block's transcript, the line that names an exception is
marked (`mark_exception_lines`) so that it wraps at the box's edge instead of
running off it (extra.css): the message is what the reader must read. A failure
is recorded, shown in place, and raised when the page ends (see
`docs_build.site.extension`).
"""

from __future__ import annotations

import html
import re
import traceback
from typing import Any

from markdown import Markdown
from markdown_exec import base_format
from pymdownx.superfences import SuperFencesCodeExtension

from docs_build.core.attributes import executes, markdown_exec_options
from docs_build.core.kinds import KINDS
from docs_build.site.pages import BUILD

#: The caption above a script's output, so code and output are never confused.
OUTPUT_LABEL = '<p class="nnfs-output-label">Output</p>'
#: The class of a transcript's line naming an exception (`ValueError: ...`).
EXCEPTION_LINE = "nnfs-exception"
#: A highlighted code box's code, and in it a line Pygments' console lexer starts with
#: an exception's name (Generic.Error, `gr`): the last line of each traceback of a
#: chain, and of a SyntaxError's report.
_CODE = re.compile(r"(<code>)(.*?)(</code>)", re.DOTALL)
_EXCEPTION_LINE = re.compile(r'^<span class="gr">.*$', re.MULTILINE)


def code_block(language: str, text: str) -> str:
    """A fence holding `text` verbatim, longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def takes_fence(
    language: str, inputs: dict[str, str], options: dict[str, Any], attrs: Any, md: Any
) -> bool:
    """superfences' validator: a fence of a kind of `KINDS` is ours when it says exec.

    Its attributes go to `format_fence` untouched; a fence that does not run is
    left to Highlight, which shows it as code (the rules allow it only `title=`).
    """
    md.preprocessors["fenced_code_block"].get_hl_settings()  # as superfences' own do first
    if not executes(inputs):
        return False
    options["attributes"] = dict(inputs)
    return True


def format_fence(src: str, language: str, md: Any, options: dict[str, Any], **_: Any) -> Any:
    """superfences' formatter for the fences `takes_fence` took."""
    return format_block(language, src, md, options["attributes"])


def format_block(language: str, code: str, md: Any, attributes: dict[str, str]) -> Any:
    """Run one fence and return its HTML.

    Nothing may escape from here: pymdownx.superfences swallows a formatter's
    exception and publishes the raw fence, so any fault becomes a page failure.
    """
    try:
        return _format(language, code, md, attributes)
    except Exception:
        failure = BUILD.fail(f"the build failed on a {language} block:\n{traceback.format_exc()}")
        return f'<pre class="nnfs-block-failure">{html.escape(failure)}</pre>'


def _format(language: str, code: str, md: Any, attributes: dict[str, str]) -> Any:
    block_id = attributes.get("id", "")
    outcome = BUILD.run_block(language, code, block_id, attributes)
    if outcome.failure is not None:
        return f'<pre class="nnfs-block-failure">{html.escape(outcome.failure)}</pre>'
    key = BUILD.render_key(block_id)  # under `mkdocs serve`: the HTML of an unchanged block
    if key is not None and key in BUILD.rendered:
        return BUILD.rendered[key]
    rendered = _render(language, code, md, outcome.shown, markdown_exec_options(attributes))
    if KINDS[language].transcript:
        rendered = mark_exception_lines(rendered)
    # Named, so a test can find every block's output in its page (tests/test_build.py).
    rendered = f'<div class="nnfs-block" data-block="{html.escape(block_id)}">{rendered}</div>'
    if key is not None:
        BUILD.rendered[key] = rendered
    return rendered


def _render(language: str, code: str, md: Any, shown: str, options: dict[str, Any]) -> Any:
    kind = KINDS[language]
    figure = bool(options["html"])

    def output(*_: Any, **__: Any) -> str:
        if kind.transcript or figure or not shown:
            return shown
        return f"{OUTPUT_LABEL}\n\n{code_block(kind.output_language, shown.rstrip(chr(10)))}"

    if kind.transcript:
        options.update(source="", result=kind.output_language)
    else:
        options.update(result="")  # the labelled box is made above
    return base_format(
        language=language,
        run=output,
        code=code,
        md=md,
        transform_source=lambda source: (source, source),
        **options,
    )


def mark_exception_lines(rendered: str) -> str:
    """`rendered` with each exception line of its code boxes in a span of class
    `EXCEPTION_LINE` (the text, and so what is copied and compared, unchanged)."""

    def mark(line: re.Match[str]) -> str:
        return f'<span class="{EXCEPTION_LINE}">{line[0]}</span>'

    def in_code(box: re.Match[str]) -> str:
        return box[1] + _EXCEPTION_LINE.sub(mark, box[2]) + box[3]

    return _CODE.sub(in_code, rendered)


def register_fences(md: Markdown) -> None:
    """Add a superfences custom fence for every kind of `KINDS` to `md`.

    pymdownx.superfences must be listed before `docs_build.site.extension`
    under `markdown_extensions`; a fence registered last is tried first.
    """
    superfences = next(
        (e for e in md.registeredExtensions if isinstance(e, SuperFencesCodeExtension)), None
    )
    if superfences is None:
        raise ValueError(
            "docs_build.site.extension needs pymdownx.superfences, listed before it under "
            "markdown_extensions"
        )
    for language in KINDS:
        superfences.extend_super_fences(language, format_fence, takes_fence, None)
