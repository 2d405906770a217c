"""A fence's language and attributes: one grammar and one meaning, for every reader.

pymdownx.superfences reads the line that opens a fence before any code of ours
does, and a line it cannot take is no fence to it: the block is then published
as Markdown paragraphs, where a printed `<script>` is live HTML. So there is
one definition here, which every reader uses:

- the grammar (`split_info`, `parse_attributes`) is the part of superfences'
  grammar that it and we read the same way: a language, then `key="value"` (or
  `key='value'`) pairs separated by spaces, each key once; the fence lexer
  (`docs_build.core.fences`) parses every fence with it and reports anything
  else;
- the vocabulary (`EXECUTED_ATTRIBUTES`, `SHOWN_ATTRIBUTES`, `attribute_problems`)
  says which attributes a fence may carry and which values each takes; the
  rules (`docs_build.core.rules`) check every fence with it;
- `executes` decides which fences run, for the lexer and for the build's
  superfences validator alike, and `markdown_exec_options` turns a fence's
  attributes into the options of markdown-exec's `base_format` for the build's
  formatter (`docs_build.site.formatters`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from docs_build.core.settings import bad_memory, bad_timeout

#: The language after the fence: what superfences takes as one (`.python` is `python`).
_INFO = re.compile(r"[ \t]*(?:\.?(?P<language>[\w#.+-]+)(?=[ \t]|$))?(?P<rest>.*)$")
#: One attribute: a key superfences accepts, a quoted value, then a space or the end.
_ATTRIBUTE = re.compile(r"""[ \t]*([A-Za-z][A-Za-z0-9_]*)=(?:"([^"]*)"|'([^']*)')(?=[ \t]|$)""")

#: The values of a yes-or-no attribute (`exec`, `html`), in any case.
YES = ("on", "yes", "true", "1")
NO = ("off", "no", "false", "0")

#: Where markdown-exec may show a script's source (`source="..."`).
SOURCES = ("above", "below", "block", "tabbed-left", "tabbed-right", "console")
#: The one value of `notebook=`: leave the block out of the page's notebook.
NOTEBOOK_SKIP = "skip"

#: Attributes markdown-exec reads as its own options.
MARKDOWN_EXEC_ATTRIBUTES = frozenset({"exec", "id", "session", "source", "result", "html", "tabs"})
#: Attributes markdown-exec writes back onto the source block it shows (Highlight's).
SOURCE_BLOCK_ATTRIBUTES = frozenset({"title"})
#: The site's own: the engine and the notebooks read them; markdown-exec never sees them.
SITE_ATTRIBUTES = frozenset({"timeout", "memory", "notebook"})
#: Everything an executed fence may carry.
EXECUTED_ATTRIBUTES = MARKDOWN_EXEC_ATTRIBUTES | SOURCE_BLOCK_ATTRIBUTES | SITE_ATTRIBUTES
#: What an executed fence must carry.
REQUIRED_ATTRIBUTES = frozenset({"exec", "id"})
OPTIONAL_ATTRIBUTES = EXECUTED_ATTRIBUTES - REQUIRED_ATTRIBUTES
#: Everything a fence that does not run may carry: superfences hands such a fence to
#: Highlight, and drops it (its text becomes Markdown) at any attribute Highlight does
#: not read. Highlight also reads hl_lines= and linenums=; the site does not use them.
SHOWN_ATTRIBUTES = frozenset({"title"})


def split_info(info: str) -> tuple[str, str]:
    """The text after an opening fence -> (language, the attributes' text)."""
    found = _INFO.match(info)
    assert found is not None  # the pattern matches any text
    return found["language"] or "", found["rest"]


def parse_attributes(text: str) -> dict[str, str] | None:
    """`exec="on" session='x'` -> {"exec": "on", "session": "x"}; None if it does not parse.

    Every attribute is `key="value"` or `key='value'`, a space between two; a key
    is a letter, then letters, digits or `_`; no key repeats. superfences reads
    such a line as we do; it reads anything else differently, or not as a fence.
    """
    attributes: dict[str, str] = {}
    position = 0
    while (found := _ATTRIBUTE.match(text, position)) is not None and found.end() > position:
        if found[1] in attributes:
            return None
        attributes[found[1]] = found[2] if found[2] is not None else found[3]
        position = found.end()
    return attributes if text[position:].strip() == "" else None


def is_yes(value: str) -> bool:
    """A yes-or-no attribute that says yes: on, yes, true or 1, in any case."""
    return value.lower() in YES


def executes(attributes: Mapping[str, str]) -> bool:
    """Does the fence run at build time (`exec="on"`)? The lexer and the build ask here."""
    return is_yes(attributes.get("exec", ""))


def outputs_html(attributes: Mapping[str, str]) -> bool:
    """Is the block's output HTML (`html="true"`: a figure block)?"""
    return is_yes(attributes.get("html", ""))


def _switch_problem(key: str, value: str) -> str | None:
    if value.lower() in YES + NO:
        return None
    return f'{key}="{value}" is neither yes ({", ".join(YES)}) nor no ({", ".join(NO)})'


def attribute_problems(attributes: Mapping[str, str]) -> list[str]:
    """What is wrong with the attributes of a fence, by this vocabulary; empty if nothing.

    (Which kinds may run, and which blocks may output HTML, are the rules' to say:
    `docs_build.core.rules`.)
    """
    if "exec" in attributes and (problem := _switch_problem("exec", attributes["exec"])):
        return [problem]
    if not executes(attributes):
        unknown = sorted(attributes.keys() - SHOWN_ATTRIBUTES)
        if not unknown:
            return []
        listed = ", ".join(f"{key}=" for key in unknown)
        return [
            f"a fence that does not run may carry only title=, not {listed} (the Markdown "
            "parser would not take it as a fence and would publish its text as Markdown)"
        ]
    problems = []
    unknown = sorted(attributes.keys() - EXECUTED_ATTRIBUTES)
    if unknown:
        known = ", ".join(sorted(EXECUTED_ATTRIBUTES))
        problems.append(f"unknown attribute(s) {', '.join(unknown)}; known: {known}")
    if "html" in attributes and (problem := _switch_problem("html", attributes["html"])):
        problems.append(problem)
    source = attributes.get("source")
    if source is not None and source not in SOURCES:
        problems.append(f'source="{source}" is not one of {", ".join(SOURCES)}')
    tabs = attributes.get("tabs")
    if tabs is not None and len(_tab_titles(tabs)) != 2:
        problems.append(f'tabs="{tabs}" must be two titles, source|result')
    if "timeout" in attributes and (problem := bad_timeout(attributes["timeout"])):
        problems.append(problem)
    if "memory" in attributes and (problem := bad_memory(attributes["memory"])):
        problems.append(problem)
    notebook = attributes.get("notebook")
    if notebook is not None and notebook != NOTEBOOK_SKIP:
        problems.append(f'notebook="{notebook}": the only value is "{NOTEBOOK_SKIP}"')
    for key in sorted(SOURCE_BLOCK_ATTRIBUTES & attributes.keys()):
        if '"' in attributes[key]:
            problems.append(
                f"{key}= may not hold a double quote: markdown-exec writes it back "
                "between double quotes on the source block (write “ ” or ')"
            )
    return problems


def _tab_titles(tabs: str) -> list[str]:
    """`Code|Output` -> the two tab titles (a `\\|` is a bar inside a title)."""
    return re.split(r"(?<!\\)\|", tabs, maxsplit=1)


def markdown_exec_options(attributes: Mapping[str, str]) -> dict[str, object]:
    """The options markdown-exec's `base_format` takes for a fence with these attributes.

    The site's own attributes (`SITE_ATTRIBUTES`) stay out of them: markdown-exec
    would write them back onto the source block it shows, where Highlight does not
    know them and superfences would publish the block as Markdown.
    """
    options: dict[str, object] = {
        "id": attributes.get("id", ""),
        "session": attributes.get("session", ""),
        "html": outputs_html(attributes),
        "source": attributes.get("source", ""),
        "result": attributes.get("result", ""),
        "extra": {k: v for k, v in attributes.items() if k in SOURCE_BLOCK_ATTRIBUTES},
    }
    if "tabs" in attributes:
        options["tabs"] = tuple(_tab_titles(attributes["tabs"]))
    return options
