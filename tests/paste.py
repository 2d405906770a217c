"""What a reader gets when they paste a page's blocks into the interactive Python prompt.

A reader follows one session of a page, and on a page with tabs one tab: the
blocks of the session outside any tab, plus those of the tab they chose.
`readers` lists those paths. `pasted` gives the lines a reader sends to the
prompt for a block, either as the copy button gives them or as the page
shows them (typed after each `>>>` and `...`). `CONSOLE` starts a
`code.InteractiveConsole` in the engine's worker (so in the page's scratch
folder, watched as a page's blocks are: `docs_build.core.treeguard`), and
`paste_one` feeds it a block's lines one by one, as a terminal would, and prints
what the prompt printed, as JSON. Hidden lines and figure blocks are left out:
the reader sees neither.
"""

from __future__ import annotations

import code
import re
from dataclasses import dataclass
from types import CodeType

from docs_build.core.block import HIDE
from docs_build.core.fences import Fence
from docs_build.core.output import normalise

_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")


@dataclass(frozen=True)
class Reader:
    """One path through a page: a session, in one tab (or in none)."""

    session: str
    tab: str | None
    fences: list[Fence]


def tab_of(text: str, fence: Fence) -> str | None:
    """The label of the content tab a fence sits in (`=== "NumPy"`), if any."""
    lines = text.splitlines()
    opening = lines[fence.line - 1]
    depth = len(opening) - len(opening.lstrip())
    for line in reversed(lines[: fence.line - 1]):
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent < depth:
            match = re.match(r'===[+!]*\s+"([^"]*)"', line.strip())
            if match:
                return match[1]
            depth = indent
            if depth == 0:
                return None
    return None


def readers(text: str, fences: list[Fence]) -> list[Reader]:
    """Every (session, tab) path through the page's executed, non-figure blocks."""
    runnable = [f for f in fences if f.executed and not f.html]
    sessions: dict[str, list[Fence]] = {}
    for fence in runnable:
        sessions.setdefault(fence.session or f"\0{fence.block_id}", []).append(fence)
    found = []
    for session, members in sessions.items():
        tabs = {fence.block_id: tab_of(text, fence) for fence in members}
        labels = sorted({tab for tab in tabs.values() if tab is not None})
        for label in labels or [None]:  # type: ignore[list-item]
            chosen = [f for f in members if tabs[f.block_id] in (None, label)]
            found.append(Reader(session.lstrip("\0"), label, chosen))
    return found


def pasted(fence: Fence, *, as_copied: bool) -> list[str]:
    """The lines a reader sends to the prompt for one block."""
    if fence.language != "pycon":
        shown = "\n".join(line for line in fence.body.splitlines() if HIDE not in line)
        return shown.strip("\n").splitlines()
    lines: list[str] = []
    previous = ""
    for line in fence.body.splitlines():
        match = _PROMPT.match(line)
        if not match or HIDE in line:
            continue
        code = line[4:]
        # The copy button ends an indented block with an empty line, as the REPL needs.
        if (
            as_copied
            and match[1] == ">>>"
            and previous == "..."
            and lines
            and lines[-1][:1].isspace()
        ):
            lines.append("")
        lines.append(code)
        previous = match[1]
    return lines


#: Starts an interactive console; `_paste(lines)` then feeds it one block's lines, as
#: typed, and returns what the prompt printed.
CONSOLE = """
import code as _code, contextlib as _contextlib, io as _io, json as _json
_console = _code.InteractiveConsole(filename="<stdin>")


def _paste(lines):
    out = _io.StringIO()
    with _contextlib.redirect_stdout(out), _contextlib.redirect_stderr(out):
        more = False
        for line in lines:
            more = _console.push(line)
        if more:  # the reader presses Enter once more to end a block
            _console.push("")
    return out.getvalue()
"""


class _Recorder(code.InteractiveConsole):
    """An interactive console that records the source of each statement it would run
    (or fail to compile), and runs nothing."""

    def __init__(self) -> None:
        super().__init__(filename="<stdin>")
        self.ran: list[str] = []
        self._source = ""

    def runsource(self, source: str, filename: str = "<input>", symbol: str = "single") -> bool:
        self._source = source
        return super().runsource(source, filename, symbol)

    def runcode(self, code: CodeType) -> None:
        if self._source.strip():  # an empty line alone runs nothing and prints nothing
            self.ran.append(self._source)

    def showsyntaxerror(self, filename: str | None = None, **kwargs: object) -> None:
        self.ran.append(f"SyntaxError: {self._source}")


def statements(blocks: list[list[str]]) -> list[list[str]]:
    """What `CONSOLE`'s console would run for each block, without running it: the source
    of each statement it compiles, or `SyntaxError: <source>` for one it cannot.

    The console is Python's own, pushed the same lines as `_paste` pushes; only running
    is left out. Two pastes whose statements are the same run the same code in the same
    order, so they print the same.
    """
    console = _Recorder()
    found = []
    for lines in blocks:
        before = len(console.ran)
        more = False
        for line in lines:
            more = console.push(line)
        if more:
            console.push("")
        found.append(console.ran[before:])
    return found


def paste_one(lines: list[str]) -> str:
    """Code for the session `CONSOLE` started: paste one block's `lines`, print what the
    prompt printed (a JSON string)."""
    return f"print(_json.dumps(_paste({lines!r})))\n"


def driver(blocks: list[list[str]]) -> str:
    """One script: paste every block into one console, print what the prompt printed for
    each (a JSON list)."""
    return f"{CONSOLE}\nprint(_json.dumps([_paste(lines) for lines in {blocks!r}]))\n"


_TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n)*", re.MULTILINE)
#: A warning and the source line Python quotes under it, if any.
_WARNING = re.compile(r"^\S+:\d+: (\w*Warning: .*)\n(?:[ \t]+.*\n)?", re.MULTILINE)


def comparable(output: str) -> str:
    """Output as the page shows it (normalised), with each traceback cut to its header
    and exception line, and each warning to its category and message: frames, file
    names and line numbers differ between a script and the prompt."""
    output = normalise(output)
    output = _TRACEBACK.sub("Traceback (most recent call last):\n", output.rstrip("\n") + "\n")
    return _WARNING.sub(r"\1\n", output)


def shown_output(fence: Fence, shown: str) -> str:
    """What the page shows a block printed: a transcript without its prompt lines."""
    if fence.language != "pycon":
        return shown
    return "".join(f"{line}\n" for line in shown.splitlines() if not _PROMPT.match(line))
