"""The lesson notebooks: generated from the pages, run from a clean kernel, compared.

Each lesson page is turned into its notebook (docs_build.notebooks), executed
with nbclient in a fresh kernel, and every cell that comes from a console
prompt with written output must print what the page wrote. Part 2's kernels
start with NumPy's SIMD dispatch and OpenBLAS's kernels limited
(docs_build/core/codepaths.py; a last cell checks the limit took), so its
notebooks are proven under the limited dispatch, and its pages' doc tests under
both (tests/test_limited_dispatch.py). Kernels take about a second each to start.
"""

from __future__ import annotations

import ast
import json
import sys
import time
from pathlib import Path

import nbformat
import pytest
from mkdocs.config import load_config
from nbformat import NotebookNode

from docs_build.core.codepaths import limited_environment
from docs_build.notebooks.convert import INSTALL, notebook_bytes, page_to_notebook
from docs_build.notebooks.hooks import LESSON, notebook_path, page_title
from docs_build.notebooks.prose import dedent_leading
from docs_build.notebooks.render import CannotShowError, notebook_markdown
from tests.conftest import BuiltSite
from tests.notebookrun import LESSONS, ROOT, code_cell, execute, read, reads, run_and_compare
from tests.sitebuild import copy_project

PLAYGROUND = ROOT / "docs/playground.ipynb"
#: The address the Pages workflow would give a fork (a local build has none).
SITE_URL = "https://octocat.github.io/fork/"


def lesson_notebook(path: Path, site_url: str = SITE_URL) -> NotebookNode:
    page = path.relative_to(ROOT / "docs").as_posix()
    text = path.read_text()
    return page_to_notebook(text, page_title(text, page), page=page, site_url=site_url)


def page_notebook(text: str, site_url: str = SITE_URL) -> NotebookNode:
    return page_to_notebook(text, "Test page", page="part1/test.md", site_url=site_url)


def code_of(notebook: NotebookNode) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def test_there_are_lessons() -> None:
    assert LESSONS, "no lesson page found under docs/part*/"
    assert all(LESSON.match(p.relative_to(ROOT / "docs").as_posix()) for p in LESSONS)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_notebook_runs_and_matches_the_page(path: Path) -> None:
    notebook = lesson_notebook(path)
    assert any(cell.cell_type == "code" for cell in notebook.cells)
    limited = limited_environment() if path.parent.name == "part2" else None
    problems = run_and_compare(notebook, limited=limited)
    hint = 'A block that reads the site\'s own files can be marked notebook="skip".'
    assert problems == [], hint


def test_playground_notebook_runs() -> None:
    notebook = read(PLAYGROUND)
    assert run_and_compare(notebook, name="docs/playground.ipynb") == []


def test_playground_is_committed_without_outputs_and_with_fixed_ids() -> None:
    notebook = read(PLAYGROUND)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert [cell.id for cell in notebook.cells] == [
        f"cell-{i:03d}" for i in range(len(notebook.cells))
    ]
    assert "nnfs_ref" in code[0].source
    # the same install wording as every notebook
    assert INSTALL in " ".join(notebook.cells[0].source.split())
    assert any("vectorized.layer(batch" in cell.source for cell in code)


def executed_cell(source: str, *outputs: dict[str, object]) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_code_cell(source)  # type: ignore[no-untyped-call]
    cell.outputs = [nbformat.v4.new_output(**output) for output in outputs]  # type: ignore[no-untyped-call]
    return cell


def notebook_of(*cells: NotebookNode) -> NotebookNode:
    notebook: NotebookNode = nbformat.v4.new_notebook(cells=list(cells))  # type: ignore[no-untyped-call]
    return notebook


def test_the_playground_page_shows_cells_as_a_lesson_shows_blocks() -> None:
    """Markdown kept; code in a lesson's block, what it printed captioned "Output" and
    normalised as every block's output is (a path of the project from its root)."""
    title = nbformat.v4.new_markdown_cell("# Title\n\nSome *text*.\n")  # type: ignore[no-untyped-call]
    printed = executed_cell(
        "print(path)\npath",
        {"output_type": "stream", "name": "stdout", "text": f"{ROOT}/nnfs_ref/pure.py\n"},
        {"output_type": "execute_result", "data": {"text/plain": "'x'"}, "execution_count": 1},
    )
    silent = executed_cell("import numpy as np")
    assert notebook_markdown(notebook_of(title, printed, silent)) == (
        "# Title\n\nSome *text*.\n\n"
        '<div class="nnfs-block" markdown>\n\n```python\nprint(path)\npath\n```\n\n'
        "<p class=\"nnfs-output-label\">Output</p>\n\n```text\nnnfs_ref/pure.py\n'x'\n```\n\n"
        "</div>\n\n"
        '<div class="nnfs-block" markdown>\n\n```python\nimport numpy as np\n```\n\n</div>\n'
    )


def test_the_playground_page_shows_a_traceback_without_colours() -> None:
    raised = executed_cell(
        "1 / 0",
        {
            "output_type": "error",
            "ename": "ZeroDivisionError",
            "evalue": "division by zero",
            "traceback": [
                "\x1b[31mTraceback\x1b[0m",
                "\x1b[31mZeroDivisionError\x1b[0m: division by zero",
            ],
        },
    )
    shown = notebook_markdown(notebook_of(raised))
    assert "```text\nTraceback\nZeroDivisionError: division by zero\n```" in shown


def test_the_playground_page_refuses_what_it_cannot_show() -> None:
    image = executed_cell(
        "plot()",
        {"output_type": "display_data", "data": {"image/png": "iVBO", "text/plain": "<Figure>"}},
    )
    with pytest.raises(CannotShowError, match="code cell 1 shows image/png"):
        notebook_markdown(notebook_of(image))
    raw = nbformat.v4.new_raw_cell("raw")  # type: ignore[no-untyped-call]
    with pytest.raises(CannotShowError, match="a raw cell"):
        notebook_markdown(notebook_of(raw))


@pytest.mark.parametrize("path", [*LESSONS, PLAYGROUND], ids=lambda p: p.stem)
def test_notebooks_import_only_numpy_nnfs_ref_and_the_standard_library(path: Path) -> None:
    notebook = read(path) if path.suffix == ".ipynb" else lesson_notebook(path)
    allowed = {"numpy", "nnfs_ref", "nnfs", *sys.stdlib_module_names}  # nnfs: the book's package
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # a page may show one, as an expected exception
            assert "raises-exception" in cell.metadata.get("tags", []), cell.source
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert {m.split(".")[0] for m in modules} <= allowed, cell.source


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_notebook_is_valid_and_the_same_every_time(path: Path) -> None:
    first, second = lesson_notebook(path), lesson_notebook(path)
    nbformat.validate(first)
    assert notebook_bytes(first) == notebook_bytes(second)
    assert [cell.id for cell in first.cells] == [f"cell-{i:03d}" for i in range(len(first.cells))]
    assert INSTALL in first.cells[0].source


# A page with every construct a lesson may use.
SAMPLE = r"""# Sample

!!! abstract "After this lesson you can"
    - read \(x_1 w_1\) and costs of $5;

=== "Plain Python"

    ```pycon exec="on" session="a" id="s-plain"
    >>> inputs = [1, 2]
    >>> weights = [3, 4]
    >>> sum(x * w for x, w in zip(inputs, weights))
    11
    >>> print("done")
    done
    >>> total = 0
    ```

===+ "NumPy"

    Text inside a tab.

```python exec="on" html="true" session="b" id="s-figure"
sizes = [1, 2, 3]
from docs_build.figures.neuron import neuron_diagram
print(neuron_diagram(sizes, sizes, 1.0))
```

```python title="Not run: shows the typo"
pritn(sizes)
```

\[
y = \sum_i x_i
\]

```python exec="on" source="above" result="text" session="b" id="s-script"
print(len(sizes))  # sizes came from the figure block
assert len(sizes) == 3  # markdown-exec: hide
helper = 2
hidden_total = len(sizes)  # markdown-exec: hide
if hidden_total:  # markdown-exec: hide
    assert hidden_total == 3  # markdown-exec: hide
```

1. Exercise, see [the layer](layer.md#top) and ![a figure](../assets/x.svg).

    ??? success "Solution"
        Inside the solution.

        ```pycon exec="on" session="c" id="s-solution"
        >>> 1 / 0
        Traceback (most recent call last):
          ...
        ZeroDivisionError: division by zero
        >>> helper
        2
        ```

        Closing words of the solution.

2. A second exercise.

[Next](layer.md){ .md-button }
"""


def test_conversion_of_every_construct() -> None:
    notebook = page_notebook(SAMPLE)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert code_of(notebook) == [
        "inputs = [1, 2]\nweights = [3, 4]\nsum(x * w for x, w in zip(inputs, weights))",
        'print("done")',
        "total = 0",
        "# The page draws a figure from these values here.\nsizes = [1, 2, 3]",
        "print(len(sizes))  # sizes came from the figure block\nhelper = 2",
        "1 / 0",
        "helper",
    ]
    expected = [c.metadata["nnfs"] for c in notebook.cells if c.cell_type == "code"]
    assert expected[0] == {"block": "s-plain", "output": "11\n"}
    assert expected[2] == {"block": "s-plain", "output": ""}
    assert expected[3] == {"block": "s-figure"}
    assert expected[5]["exception"] == "ZeroDivisionError: division by zero\n"
    assert notebook.cells[-3].metadata["tags"] == ["raises-exception"]
    assert markdown.startswith("# Test page\n\nGenerated from [https://octocat.github.io/fork/")
    assert "**After this lesson you can**\n\n- read $x_1 w_1$ and costs of \\$5;" in markdown
    assert "**Plain Python**" in markdown
    assert "**NumPy**\n\nText inside a tab." in markdown
    assert "$$\ny = \\sum_i x_i\n$$" in markdown
    # A fence that is not run: its title above it, in words Jupyter shows.
    assert "*Not run: shows the typo*\n\n```python\npritn(sizes)\n```" in markdown
    assert "The page draws a figure here" in markdown
    assert "[the layer](https://octocat.github.io/fork/part1/layer/#top)" in markdown
    assert "(https://octocat.github.io/fork/assets/x.svg)" in markdown
    assert "    #### Solution\n\n    Inside the solution." in markdown
    # prose after a solution's code starts mid-list: dedented, or Jupyter shows code
    assert "Closing words of the solution.\n\n2. A second exercise." in markdown
    assert "hidden_total" not in json.dumps(notebook)  # hidden lines go, at any indentation
    assert markdown.endswith("[Next](https://octocat.github.io/fork/part1/layer/)")
    assert "markdown-exec" not in json.dumps(notebook)
    assert "docs_build" not in json.dumps(notebook)


def test_without_the_sites_address_a_link_to_a_page_keeps_its_words_only() -> None:
    """A local build has no SITE_URL: a page's link has nowhere to point in a notebook
    (`layer.md` opens nothing there), so its words stay and the link goes."""
    notebook = page_notebook(
        SAMPLE + "\nSee [`nnfs_ref`, wrapped\nover a line](../reference.md).\n", ""
    )
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert markdown.startswith("# Test page\n\nGenerated from the companion site:")
    assert "see the layer and ![a figure](../assets/x.svg)." in markdown
    assert markdown.endswith("See `nnfs_ref`, wrapped\nover a line.")
    assert "The page draws a figure here, from the values above: see it at the lesson's page" in (
        markdown
    )
    assert ".md" not in markdown
    # An address on another site stays a link.
    external = page_notebook("# T\n\nSee [nnfs.io](https://nnfs.io) and [`x`](#here).\n", "")
    assert "See [nnfs.io](https://nnfs.io) and [`x`](#here)." in external.cells[-1].source


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_prose_cell_starts_indented(path: Path) -> None:
    for cell in lesson_notebook(path).cells:
        if cell.cell_type == "markdown":
            first = next(line for line in cell.source.split("\n") if line.strip())
            assert not first.startswith(" "), f"{cell.id} would render as code: {first!r}"


def test_only_the_leading_indented_lines_are_dedented() -> None:
    text = "    closing\n\n    ```python\n    x = 1\n    ```\n\n2. item\n\n    more"
    assert dedent_leading(text) == "closing\n\n```python\nx = 1\n```\n\n2. item\n\n    more"
    assert dedent_leading("no indent\n    kept") == "no indent\n    kept"


def test_a_block_marked_skip_is_left_out() -> None:
    page = (
        '```python exec="on" id="reads-site" notebook="skip"\nopen("docs/data/x.json")\n```\n'
        '```python exec="on" id="fig"\nfrom docs_build.figures import f\n```\n'
        '```python exec="on" id="later"\nx = 1\nprint(f(x))\n```\n'
    )
    notebook = page_notebook(page)
    assert code_of(notebook) == ["x = 1"]  # f was imported from docs_build by an earlier block
    assert "`reads-site`" in notebook.cells[1].source


def test_the_sample_page_runs_and_matches() -> None:
    assert run_and_compare(page_notebook(SAMPLE)) == []


# Every way a notebook can disagree with its page, in one notebook (one kernel):
# a raising cell stops the run, so it comes last.
MISTAKES = (
    '```pycon exec="on" id="wrong"\n>>> 1 + 1\n3\n>>> print("x")\nx\n```\n'
    '```pycon exec="on" id="wrong-error"\n>>> int("a")\nTraceback (most recent call last):\n'
    "  ...\nTypeError: nope\n```\n"
    '```pycon exec="on" id="warns"\n>>> import numpy as np\n>>> np.log(np.array([0.0]))\n'
    "<stdin>:1: RuntimeWarning: divide by zero encountered in log\narray([-inf])\n```\n"
    '```pycon exec="on" id="warns-wrong"\n>>> np.log(np.array([0.0, 1.0]))\n'
    "<stdin>:1: RuntimeWarning: divide by zero encountered in log\narray([-inf,  1.])\n```\n"
    '```python exec="on" id="boom"\nraise RuntimeError("boom")\n```\n'
)


def test_every_kind_of_mistake_fails_and_a_warning_line_does_not() -> None:
    problems = run_and_compare(page_notebook(MISTAKES))
    assert len(problems) == 4, problems
    raised, wrong, wrong_error, warns_wrong = problems  # the run's error comes first
    assert "RuntimeError: boom" in raised
    assert "block 'wrong'" in wrong
    assert "Expected:\n    3\nGot:\n    2" in wrong
    assert "expected 'TypeError: nope', got \"ValueError: invalid literal" in wrong_error
    # A warning written under a prompt is not compared (Jupyter prints it apart),
    # but the value under it still is.
    assert "block 'warns-wrong'" in warns_wrong
    assert not any("block 'warns'" in problem for problem in problems)


def test_a_notebook_that_needs_the_build_machinery_fails() -> None:
    page = '```python exec="on" id="uses-build"\nimport docs_build\n```\n'
    notebook = page_notebook(page)
    assert code_of(notebook) == []  # the converter drops it ...
    notebook.cells.append(code_cell("import docs_build.core.fences", "extra"))
    problems = run_and_compare(notebook)  # ... and the tests would catch it
    assert len(problems) == 1
    assert "ModuleNotFoundError" in problems[0] or "ImportError" in problems[0]


BROKEN_LAYER = """

def layer(inputs, weights, biases):  # deliberately wrong: the biases are forgotten
    return np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float).T
"""


def broken_copy(tmp_path: Path) -> Path:
    """A copy of the project whose nnfs_ref.vectorized.layer gives wrong answers."""
    project = copy_project(tmp_path)
    module = project / "nnfs_ref/vectorized.py"
    module.write_text(module.read_text() + BROKEN_LAYER)
    return project


def test_a_broken_layer_fails_the_playground(tmp_path: Path) -> None:
    project = broken_copy(tmp_path)
    notebook = read(PLAYGROUND)
    error = execute(notebook, python_path=project)
    assert error is not None
    assert "AssertionError" in error


def test_a_broken_layer_fails_a_lesson_notebook(tmp_path: Path) -> None:
    """What the notebook tests do for every lesson, on one lesson that calls layer."""
    project = broken_copy(tmp_path)
    problems = run_and_compare(
        lesson_notebook(ROOT / "docs/part1/layer-batch.md"), python_path=project
    )
    assert problems, "a wrong nnfs_ref.vectorized.layer must change a notebook output"


def test_built_lesson_has_a_download_link_to_its_valid_notebook(built_site: BuiltSite) -> None:
    site_url = load_config(str(ROOT / "mkdocs.yml"))["site_url"] or ""  # the build's, if any
    for path in LESSONS:
        page = path.relative_to(ROOT / "docs").as_posix()
        target = notebook_path(page)
        html = (built_site.root / page.removesuffix(".md") / "index.html").read_text()
        name = Path(target).name
        assert f'download="{name}" href="../../{target}"' in html
        built = built_site.root / target
        nbformat.validate(reads(built.read_text()))
        assert built.read_text() == notebook_bytes(lesson_notebook(path, site_url))
        listing = (built_site.root / "notebooks/index.html").read_text()
        assert f'href="{name}"' in listing


def test_built_playground_is_executed_with_a_download_link(built_site: BuiltSite) -> None:
    html = (built_site.root / "playground/index.html").read_text()
    assert "agree on all 3 samples" in html  # printed by the last check, so it ran
    assert 'href="playground.ipynb" download="playground.ipynb"' in html
    assert "jupyter-wrapper" not in html  # shown as a lesson (tests/browser/test_playground.py)
    executed = read(built_site.root / "playground/playground.ipynb")
    committed = read(PLAYGROUND)
    assert [c.source for c in executed.cells] == [c.source for c in committed.cells]
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)  # the download has the outputs too


def test_an_endless_cell_stops_at_its_blocks_time_limit() -> None:
    page = '```python exec="on" id="forever" timeout="1"\nwhile True:\n    pass\n```\n'
    notebook = page_notebook(page)
    assert notebook.cells[-1].metadata["nnfs"]["timeout"] == 1.0
    start = time.monotonic()
    problems = run_and_compare(notebook)
    assert time.monotonic() - start < 30
    assert len(problems) == 1
    assert "time limit" in problems[0]


def test_a_cell_that_writes_into_the_project_fails_naming_the_notebook_and_cell(
    tmp_path: Path,
) -> None:
    """Issue 18, case 4: a kernel runs in a scratch folder of its own, removed after
    (a relative file lands there), and a cell that changes the project's files (by an
    absolute path) fails the notebook, naming it and the cell."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Home\n")
    where = tmp_path / "where.txt"  # outside the project: the cell says where it wrote
    relative = (
        "import os\nopen('out.txt', 'w').write('x')\n"
        f"open({str(where)!r}, 'w').write(os.path.abspath('out.txt'))"
    )
    absolute = (  # a moment after the cell before: a write is dated by a coarse clock
        "import time\ntime.sleep(0.05)\n"
        f"open({str(project / 'docs/index.md')!r}, 'a').write('injected')"
    )
    cells = [code_cell(relative, "relative"), code_cell(absolute, "absolute")]
    notebook = nbformat.v4.new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    error = execute(notebook, name="docs/test.ipynb", root=project)
    assert error is not None
    assert "docs/test.ipynb: its cells changed the project's files" in error, error
    assert "docs/index.md (changed, while cell 'absolute' ran)" in error, error
    written = Path(where.read_text())
    assert not written.is_relative_to(project), written
    assert not written.parent.exists(), "the kernel's scratch folder outlived it"
    assert sorted(p.name for p in project.iterdir()) == ["docs"]  # no out.txt


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no IPC transport")
def test_the_kernel_talks_over_ipc_so_it_warns_of_no_unencrypted_tcp(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """ipykernel warns on standard error (which the build shows) when it listens on TCP.
    Its sockets live in a temporary folder of their own, not in the kernel's folder."""
    source = (
        "import os\nfrom ipykernel.kernelapp import IPKernelApp\n"
        "print(IPKernelApp.instance().transport, os.listdir())"
    )
    notebook = nbformat.v4.new_notebook(cells=[code_cell(source, "transport")])  # type: ignore[no-untyped-call]
    assert execute(notebook) is None
    assert notebook.cells[0].outputs[0]["text"] == "ipc []\n"
    printed = capfd.readouterr()
    assert "without encryption" not in printed.out + printed.err


def test_the_build_log_says_the_playground_ran_and_nothing_misleading(
    built_site: BuiltSite,
) -> None:
    """No TCP warning from the kernel, no "Converting notebook (execute=False)" nor the
    temporary paths mkdocs-jupyter logs after it: one line says what ran."""
    log = built_site.log
    assert "Ran docs/playground.ipynb in a fresh kernel" in log
    assert "without encryption" not in log
    assert "IPKernelApp" not in log
    assert "execute=False" not in log
    assert "nnfs-notebooks-" not in log  # where the executed copy waits for mkdocs-jupyter
