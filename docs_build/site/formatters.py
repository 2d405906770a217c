"""markdown-exec formatters: every kind of `KINDS` runs through the engine.

markdown-exec finds the fences and calls a formatter per language; ours runs
the block through `docs_build.site.pages.BUILD` (the same engine, rules and
wording as pytest) and renders what it showed with markdown-exec's
`base_format`. A script's output is text in a box captioned "Output"; only a
figure block (`html="true"`, id ending in `-figure`) emits HTML. A failure is
recorded, shown in place, and raised when the page ends (see
`docs_build.site.extension`).
"""

from __future__ import annotations

import html
import re
import traceback
from typing import Any

import markdown_exec
from markdown_exec import base_format

from docs_build.core.fences import truthy
from docs_build.core.kinds import KINDS
from docs_build.site.pages import BUILD

#: The caption above a script's output, so code and output are never confused.
OUTPUT_LABEL = '<p class="nnfs-output-label">Output</p>'


def code_block(language: str, text: str) -> str:
    """A fence holding `text` verbatim, longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def format_block(language: str, code: str, md: Any, **options: Any) -> Any:
    """Run one fence and return its HTML.

    Nothing may escape from here: pymdownx.superfences swallows a formatter's
    exception and publishes the raw fence, so any fault becomes a page failure.
    """
    try:
        return _format(language, code, md, **options)
    except Exception:
        failure = BUILD.fail(f"the build failed on a {language} block:\n{traceback.format_exc()}")
        return f'<pre class="nnfs-block-failure">{html.escape(failure)}</pre>'


def _format(language: str, code: str, md: Any, **options: Any) -> Any:
    block_id = str(options.get("id", ""))
    outcome = BUILD.run_block(language, code, block_id)
    if outcome.failure is not None:
        return f'<pre class="nnfs-block-failure">{html.escape(outcome.failure)}</pre>'
    key = BUILD.render_key(block_id)  # under `mkdocs serve`: the HTML of an unchanged block
    if key is not None and key in BUILD.rendered:
        return BUILD.rendered[key]
    rendered = _render(language, code, md, outcome.shown, **options)
    if key is not None:
        BUILD.rendered[key] = rendered
    return rendered


def _render(language: str, code: str, md: Any, shown: str, **options: Any) -> Any:
    kind = KINDS[language]
    figure = truthy(options.get("html", False))

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


def register() -> None:
    """Make markdown-exec send every fence language of `KINDS` to `format_block`."""
    for language in KINDS:
        markdown_exec.formatters[language] = _formatter_for(language)


def _formatter_for(language: str) -> Any:
    def formatter(**kwargs: Any) -> Any:
        return format_block(language, **kwargs)

    return formatter
