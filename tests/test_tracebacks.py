"""Tracebacks as a reader reads them: `nnfs_ref`'s insides left out, the exception line
whole and marked so that it wraps in its box (issue 19, item 11).

The frames are checked in this process (the console kind, as tests/test_console.py
runs it); the marking on a page converted as the build converts it (tests/pages.py).
The browser check that the marked line stays inside its box at 1280 and 375 px is
in tests/browser/test_code_boxes.py.
"""

from __future__ import annotations

import html
import re
import textwrap
import types
from pathlib import Path

from docs_build.core.block import Namespace, Run
from docs_build.core.capture import LimitedBuffer, captured
from docs_build.core.console import Console
from docs_build.core.session import fresh_namespace
from docs_build.site.formatters import EXCEPTION_LINE, mark_exception_lines
from tests.pages import build_page

LOSS_MESSAGE = (
    "ValueError: CategoricalCrossentropy: predictions[0][0] is 4.8, outside [0, 1]; "
    "predictions must be probabilities, such as the output of softmax"
)


def run(text: str, namespace: Namespace | None = None) -> Run:
    out = LimitedBuffer(10_000)
    with captured(out):
        return Console().run(textwrap.dedent(text), namespace or fresh_namespace(), "<t>", out)


def frames(shown: str) -> list[tuple[str, str]]:
    """(file, function) of each frame shown."""
    found = re.findall(r'^  File "([^"]+)", line \d+, in (\S+)$', shown, re.MULTILINE)
    return [(file, function) for file, function in found]


def test_an_error_from_inside_nnfs_ref_shows_the_public_call_then_the_exception() -> None:
    result = run(
        """\
        >>> import numpy as np
        >>> from nnfs_ref.losses import CategoricalCrossentropy
        >>> CategoricalCrossentropy().calculate(np.array([[4.8, 1.21, 2.385]]), [0])
        Traceback (most recent call last):
          ...
        ValueError: CategoricalCrossentropy: predictions[0][0] is 4.8, ...
        """
    )
    assert result.failure is None, result.failure
    traceback = result.shown[result.shown.index("Traceback") :]
    assert traceback == (
        "Traceback (most recent call last):\n"
        '  File "<stdin>", line 1, in <module>\n'
        '  File "nnfs_ref/losses.py", line 45, in calculate\n'
        "    losses = self.forward(output, y)\n"  # no ^^^ under it: what it calls is hidden
        f"{LOSS_MESSAGE}"
    )


def test_no_internal_frame_of_nnfs_ref_is_shown_however_deep_the_error() -> None:
    # vectorized.dot -> _arrays -> <listcomp> -> nnfs_ref._arrays -> nnfs_ref._checks
    result = run(
        """\
        >>> from nnfs_ref import vectorized
        >>> vectorized.dot([1, 2], [[1, 2], [3]])
        Traceback (most recent call last):
          ...
        ValueError: dot: b is ragged: ...
        """
    )
    assert result.failure is None, result.failure
    assert frames(result.shown) == [("<stdin>", "<module>"), ("nnfs_ref/vectorized.py", "dot")]
    assert "^" not in result.shown


def module(name: str, source: str, **names: object) -> types.ModuleType:
    """A module named `name`, as if imported from nnfs_ref's folder."""
    made = types.ModuleType(name)
    made.__dict__.update(names)
    exec(compile(textwrap.dedent(source), name.replace(".", "/") + ".py", "exec"), made.__dict__)
    return made


def test_the_readers_own_function_called_from_inside_nnfs_ref_is_shown() -> None:
    inner = module("nnfs_ref._helpers", "def each(f, xs):\n    return [f(x) for x in xs]\n")
    public = module(
        "nnfs_ref.tools", "def apply(f, xs):\n    return each(f, xs)\n", each=inner.each
    )
    namespace = fresh_namespace()
    namespace["tools"] = public
    result = run(
        """\
        >>> def bad(x):
        ...     return {}[x]
        ...
        >>> tools.apply(bad, ["key"])
        Traceback (most recent call last):
          ...
        KeyError: 'key'
        """,
        namespace,
    )
    assert result.failure is None, result.failure
    assert frames(result.shown) == [
        ("<stdin>", "<module>"),
        ("nnfs_ref/tools.py", "apply"),
        ("<stdin>", "bad"),  # the reader's code, under the public call: shown
    ]
    assert "nnfs_ref/_helpers.py" not in result.shown


def test_frames_outside_nnfs_ref_are_all_kept() -> None:
    result = run(
        """\
        >>> import json
        >>> def read(text):
        ...     return json.loads(text)
        ...
        >>> read("{")
        Traceback (most recent call last):
          ...
        json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: ...
        """
    )
    assert result.failure is None, result.failure
    shown = frames(result.shown)
    assert shown[:2] == [("<stdin>", "<module>"), ("<stdin>", "read")]
    assert ("json/__init__.py", "loads") in shown
    assert ("json/decoder.py", "raw_decode") in shown


def test_mark_exception_lines_wraps_each_exception_line_and_nothing_else() -> None:
    code = (
        '<span class="gt">Traceback (most recent call last):</span>\n'
        '  File <span class="nb">"&lt;stdin&gt;"</span>, line <span class="m">2</span>\n'
        '<span class="gr">KeyError</span>: <span class="n">&#39;a&#39;</span>\n'
        "\n"
        '<span class="gr">ValueError</span>: <span class="n">no</span>\n'
        '<span class="gp">&gt;&gt;&gt; </span><span class="mi">1</span>\n'
    )
    marked = mark_exception_lines(f"<pre><code>{code}</code></pre>")
    lines = marked.removeprefix("<pre><code>").removesuffix("</code></pre>").split("\n")
    assert lines[2] == f'<span class="{EXCEPTION_LINE}">{code.splitlines()[2]}</span>'
    assert lines[4] == f'<span class="{EXCEPTION_LINE}">{code.splitlines()[4]}</span>'
    assert marked.count(EXCEPTION_LINE) == 2
    assert re.sub(r"<[^>]+>", "", marked) == re.sub(r"<[^>]+>", "", code)  # same text


def text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_a_page_marks_the_exception_lines_of_its_console_blocks_only(tmp_path: Path) -> None:
    page = """\
```pycon exec="on" session="s" id="s-raise"
>>> import numpy as np
>>> from nnfs_ref.losses import CategoricalCrossentropy
>>> CategoricalCrossentropy().calculate(np.array([[4.8, 1.21, 2.385]]), [0])
Traceback (most recent call last):
  ...
ValueError: CategoricalCrossentropy: predictions[0][0] is 4.8, ...
>>> try:
...     {}["a"]
... except KeyError:
...     np.ones((2, 3)) @ np.ones((2, 3))
...
Traceback (most recent call last):
  ...
ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, ...
>>> 1 = 2
Traceback (most recent call last):
  ...
SyntaxError: cannot assign to literal...
```

```python exec="on" source="above" result="text" id="s-print"
print("ValueError: printed, not raised")
```
"""
    built = build_page(tmp_path, page)
    assert built.failure is None, built.failure
    marked = re.findall(rf'<span class="{EXCEPTION_LINE}">(.*?)</span>\n', built.html)
    assert [text_of(line).split(":")[0] for line in marked] == [
        "ValueError",
        "KeyError",  # the exception being handled, in the chain
        "ValueError",
        "SyntaxError",
    ]
    assert text_of(marked[0]) == LOSS_MESSAGE  # whole, on one line of the page's text
    assert text_of(marked[2]).endswith("(size 2 is different from 3)")
    assert "nnfs_ref/_" not in built.html
    assert "printed, not raised" in built.html
    assert built.html.count(EXCEPTION_LINE) == 4  # not the script's printed line
