"""The fence lexer shared by the Sybil collector and the audit, and its attribute grammar."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pymdownx.superfences import RE_NESTED_FENCE_START, RE_OPTIONS

from docs_build.core.attributes import parse_attributes, split_info
from docs_build.core.fences import find_fences, scan


def test_attributes_in_both_quoting_styles() -> None:
    assert parse_attributes(' exec="on" session=\'s\' id="block-1" title=\'say "hi"\'') == {
        "exec": "on",
        "session": "s",
        "id": "block-1",
        "title": 'say "hi"',
    }


@pytest.mark.parametrize(
    "text",
    [
        ' exec="on" id=block-1',  # superfences takes an unquoted value for no option at all
        ' exec="on"id="a"',  # nor two options without a space between them
        ' exec="on" data-x="1"',  # nor a key with a hyphen
        ' exec="on" exec="off"',
        ' exec="on" linenums',
        ' {exec="on"}',
    ],
)
def test_what_superfences_would_read_otherwise_does_not_parse(text: str) -> None:
    assert parse_attributes(text) is None


def superfences_reading(info: str) -> tuple[str, dict[str, str]] | None:
    """(language, options) as pymdownx.superfences reads the line ```` ```info ````, or None
    if it reads it as no options (an unrecognized line, or attributes in braces)."""
    found = RE_NESTED_FENCE_START.match("```" + info)
    if found is None or found["unrecognized"] or found["attrs"]:
        return None
    options = {}
    for option in RE_OPTIONS.finditer(found["options"] or ""):
        options[option["key"]] = option["value"] if option["value"] is not None else option["key"]
    return found["lang"] or "", options


_PIECES = st.sampled_from(
    ["", " ", "  ", "\t", "=", '"', "'", "exec", "id", "a_1", "1a", "data-x", "{", "}", "x y"]
)
#: Lines built from the pieces of fence lines, so that many of them parse.
INFO_LINES = st.tuples(
    st.sampled_from(["", "python", ".python", "c#", "py-con"]),
    st.lists(
        st.tuples(
            st.sampled_from([" ", "", "\t", "  "]),
            st.sampled_from(["exec", "id", "a_1", "1a", "data-x", "T"]),
            st.sampled_from(['="', "='", "=", ""]),
            st.lists(_PIECES, max_size=3).map("".join),
            st.sampled_from(['"', "'", ""]),
        ).map("".join),
        max_size=4,
    ).map("".join),
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(INFO_LINES, st.text(alphabet="ab_1-=\" \t'.{}#", max_size=24)))
@example('python exec="on" title=\'a"b\' id="x"')
@example('python exec="on" title="a" b"')
@example(' title="x"')
def test_a_line_the_lexer_reads_is_read_the_same_by_superfences(info: str) -> None:
    """A fence's line means one thing: superfences reads whatever the lexer accepts alike."""
    language, rest = split_info(info)
    attributes = parse_attributes(rest)
    if attributes is not None:
        assert superfences_reading(info) == (language, attributes)


def test_a_fence_whose_attributes_do_not_parse_is_a_problem() -> None:
    (problem,) = scan('```python exec="on" id=x\nx = 1\n```\n').problems
    assert "do not parse" in problem.message
    assert "the Markdown parser publishes the fence's text as Markdown" in problem.message


def test_a_fence_with_attributes_is_found_with_them() -> None:
    text = 'Intro\n\n```pycon exec="on" id="a"\n>>> 1\n1\n```\n'
    (fence,) = find_fences(text)
    assert fence.language == "pycon"
    assert fence.executed
    assert fence.body == ">>> 1\n1\n"
    assert fence.line == 3
    assert text[fence.start : fence.end].startswith("```pycon")


def test_indented_fences_are_dedented() -> None:
    text = '??? note\n    ```python exec="on" id="x"\n    print(1)\n    ```\n'
    (fence,) = find_fences(text)
    assert fence.body == "print(1)\n"


def test_a_longer_fence_contains_shorter_ones() -> None:
    text = "````markdown\n```python\nx = 1\n```\n````\n"
    fences = list(find_fences(text))
    assert [f.language for f in fences] == ["markdown"]


def test_a_bare_fence_is_not_executed_and_has_no_reason() -> None:
    (fence,) = find_fences("```python\nx = 1\n```\n")
    assert not fence.executed
    assert fence.not_run_reason is None


def test_a_not_run_marker_gives_its_reason() -> None:
    (fence,) = find_fences('```python title="Not run: it waits for input"\ninput()\n```\n')
    assert fence.not_run_reason == "it waits for input"
