"""Lists as people type them, made into the lists Python-Markdown reads.

Python-Markdown follows the original Markdown: a list needs a blank line before
it, and a nested item four spaces. People (and GitHub, and most editors) write a
list straight under its sentence, nest items by two spaces, and paste bullets
from Word (•, ◦, ▪ and –). Before the Markdown is parsed, this preprocessor
rewrites only those lines: a blank line goes before a list that follows a line of
text, each nested item is indented four spaces a level, and a pasted bullet
becomes `-`. A Word bullet with no indent takes its level from its symbol (Word
pastes • ◦ ▪ for the first three levels). Code (fenced, or indented outside a
list) is never touched; the indented body of a call-out (`!!! note`), a tab or a
footnote is read as a text of its own. The reader finds a block's line in the text as written,
so the added blank lines move no line numbers in messages.

mkdocs.yml lists it (`factsheets.lists`) so that MkDocs reads the other pages the
same way; the reader adds it for factsheets in any case.
"""

from __future__ import annotations

import re

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .markdown_rules import MAX_NESTING

ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[-*+]|\d{1,9}\.|[•◦▪–])[ \t]+(?P<rest>\S.*)$")
FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")
# Lines whose indented body is a Markdown text of its own: call-outs, collapsible call-outs, tabs,
# footnotes, and a definition (": " under its term).
CONTAINER = re.compile(r"^[ ]*(?:!!!|\?\?\?\+?|===)[ \t]|^[ ]*\[\^[^\]\n]+\]:|^:[ \t]+\S")
WORD_BULLETS = {"•": 0, "–": 0, "◦": 1, "▪": 2}
NEST = 4  # spaces a level, as Python-Markdown reads them


class ListLines:
    """The state of a walk over the lines: open list items, fences, the line before."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int]] = []  # (indent as written, level) of the open items
        self.fence: str | None = None
        self.code = False  # inside an indented code block (outside any list)
        self.before = "blank"  # "blank", "text" or "item"

    def item(self, match: re.Match[str]) -> list[str]:
        indent, marker = len(match.group("indent")), match.group("marker")
        if marker in WORD_BULLETS:
            if indent == 0 and self.items:
                indent = WORD_BULLETS[marker] * NEST
            marker = "-"
        opening = not self.items
        while self.items and self.items[-1][0] > indent:
            self.items.pop()
        if self.items and self.items[-1][0] == indent:
            level = self.items[-1][1]
        else:
            level = self.items[-1][1] + 1 if self.items else 0
            self.items.append((indent, level))
        out = [""] if opening and self.before == "text" else []
        self.before = "item"
        # Deeper than the reader allows is refused there, at its line; nesting it deeper still
        # would only make Python-Markdown slow (thousands of levels take minutes).
        shown_level = min(level, MAX_NESTING + 1)
        return out + [" " * (NEST * shown_level) + f"{marker} {match.group('rest')}"]

    def text(self, line: str) -> str:
        indent = len(line) - len(line.lstrip(" "))
        if self.items and indent > 0:
            # A paragraph of an item: indented one level deeper than the item it belongs to.
            level = max((lvl for written, lvl in self.items if written < indent), default=self.items[0][1])
            line = " " * (NEST * min(level + 1, MAX_NESTING + 1)) + line.lstrip(" ")
        elif self.items and self.before == "blank":
            self.items = []  # text back at the margin after a blank line ends the list
        self.before = "text"
        return line

    def line(self, line: str) -> list[str]:
        fence = FENCE.match(line)
        if self.fence:
            if fence and fence.group(1)[0] == self.fence[0] and len(fence.group(1)) >= len(self.fence):
                self.fence = None
            return [line]
        if fence:
            self.fence = fence.group(1)
            self.before = "text"
            return [line]
        if not line.strip():
            self.before = "blank"
            return [line]
        if self.code or (not self.items and self.before == "blank" and line.startswith(" " * NEST)):
            self.code = line.startswith(" " * NEST)
            if self.code:
                return [line]
        match = ITEM.match(line)
        return self.item(match) if match else [self.text(line)]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def typed_lists(lines: list[str], before: str = "blank") -> list[str]:
    """The lines, with lists as Python-Markdown reads them. The indented body of a call-out
    (`!!! note`, `??? info`), a tab (`=== "Tab"`) or a footnote (`[^1]:`) is a text of its own,
    read the same way and indented back."""
    state = ListLines()
    state.before = before
    out: list[str] = []
    lines = [line.expandtabs(NEST) if line.startswith((" ", "\t")) else line for line in lines]
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        opener = CONTAINER.match(line) if not (state.fence or state.code) else None
        if not opener:
            out.extend(state.line(line))
            continue
        depth = _indent(line) + NEST
        end = index
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= depth):
            end += 1
        while end > index and not lines[end - 1].strip():
            end -= 1  # blank lines after the body belong to what follows
        # A footnote's text starts on its own line, so a list right under it follows text.
        has_text = line.lstrip().startswith((":", "[^")) and line.split(":", 1)[-1].strip()
        body = typed_lists([inner[depth:] for inner in lines[index:end]], "text" if has_text else "blank")
        out.extend([line] + [" " * depth + inner if inner.strip() else inner for inner in body])
        index = end
        state.items, state.before = [], "text"
    return out


class _TypedLists(Preprocessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def run(self, lines: list[str]) -> list[str]:
        return typed_lists(lines)


class TypedListsExtension(Extension):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After Python-Markdown's whitespace normalising (30), before anything reads blocks.
        md.preprocessors.register(_TypedLists(md), "factsheets_typed_lists", 29)


def makeExtension(**kwargs: object) -> TypedListsExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TypedListsExtension(**kwargs)
