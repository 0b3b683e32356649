"""What people used to Word type, read as they meant it, with a word of advice.

- A table pasted from Word arrives as lines of cells separated by tabs. Python-Markdown
  would join them into one line of text; they are made into a table, its first line
  the header row, and the build says so with the Markdown to write.
- A call-out whose text is not indented (`!!! warning "Time limits"`, then its text at
  the margin) would be an empty box with its text after it; the paragraph under the
  box is taken into it, and the build says to indent it.
- Lines that belong together (an address, "Phone: ... Text: ...") are joined into one
  paragraph, as Markdown joins every paragraph's lines. A line that ends with a
  backslash (or two spaces) keeps its break in every format; three or more short lines
  without one are warned about, since they look like an address that will be run
  together.

The preprocessors rewrite only those lines; the reader finds a block's line in the text
as written, so the lines added or indented here move no line numbers in messages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from .errors import Location, Warning_

FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")
BOX = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+\w")
# A line that starts a block of its own: no paragraph text for a call-out to take in.
NOT_TEXT = re.compile(r"^(?:#|>|[-*+•◦▪–][ \t]|\d{1,9}[.)][ \t]|\||!!!|\?\?\?|===|```|~~~|--8<--|\[\^|\*\[|:[ \t])")
# A backslash at the end of a line: a line break, as in CommonMark.
BACKSLASH_BREAK = r"\\[ \t]*\n"
ADDRESS_LINE_CHARACTERS = 45  # an address line or "Phone: 0121 555 0123": short, unlike a wrapped sentence
ADDRESS_LINE_WORDS = 7
ADDRESS_LINES = 3  # two short lines may be one sentence broken by an editor; three look like an address


def _outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is Markdown (not in a fenced code block)."""
    out, fence = [], None
    for line in lines:
        found = FENCE.match(line)
        if fence:
            out.append(False)
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                fence = None
        elif found:
            out.append(False)
            fence = found.group(1)
        else:
            out.append(True)
    return out


# Tables pasted from Word -----------------------------------------------------------

def _cells(line: str) -> list[str]:
    cells = [cell.strip() for cell in line.rstrip("\t ").split("\t")]
    return cells


def tab_tables(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of two or more lines of tab-separated cells at the margin."""
    markdown = _outside_fences(lines)
    runs, index = [], 0
    while index < len(lines):
        end = index
        # A bullet or a number and a tab is a list pasted from Word (lists.py), not a row.
        while end < len(lines) and markdown[end] and not lines[end].startswith((" ", "\t")) \
                and not NOT_TEXT.match(lines[end]) and len(_cells(lines[end])) >= 2:
            end += 1
        if end - index >= 2:
            runs.append((index, end))
        index = max(end, index + 1)
    return runs


def table_markdown(rows: list[str]) -> list[str]:
    """The pipe table for some tab-separated lines: the first is the header row."""
    cells = [[cell.replace("|", "\\|") for cell in _cells(row)] for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    return lines[:1] + ["|" + " --- |" * width] + lines[1:]


# Call-outs whose text is not indented ------------------------------------------------

def unindented_boxes(lines: list[str]) -> list[tuple[int, int, int]]:
    """(line of the !!!, first, end) of each call-out with no indented text of its own and a
    paragraph at the margin under it (straight under it, or after one blank line)."""
    markdown = _outside_fences(lines)
    found = []
    for index, line in enumerate(lines):
        if not (markdown[index] and BOX.match(line)):
            continue
        first = index + 1
        if first < len(lines) and not lines[first].strip():
            first += 1
        if first >= len(lines) or not lines[first].strip() or lines[first][0] in " \t" or NOT_TEXT.match(lines[first]) \
                or not markdown[first]:
            continue
        end = first
        while end < len(lines) and lines[end].strip() and not BOX.match(lines[end]):
            end += 1
        found.append((index, first, end))
    return found


# Lines that would be joined ------------------------------------------------------------

def _short(line: str) -> bool:
    words = line.strip()
    return len(words) <= ADDRESS_LINE_CHARACTERS and len(words.split()) <= ADDRESS_LINE_WORDS and not words.endswith((".", "?", "!"))


def _breaks(line: str) -> bool:
    return line.endswith("  ") or line.rstrip(" \t").endswith("\\")


def joined_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of three or more short lines in a paragraph with no line break
    written between them: an address, or contact details, about to be run together."""
    markdown = _outside_fences(lines)
    runs, index = [], 0
    while index < len(lines):
        end = index
        while end < len(lines) and markdown[end] and lines[end].strip() and not NOT_TEXT.match(lines[end].strip()) \
                and not {"\t", "|"} & set(lines[end].strip()) and not BOX.match(lines[end]):
            end += 1
        start = index
        for line in range(index, end + 1):
            # A run ends at a line that is not short, or after one that ends with a break.
            if line == end or not _short(lines[line]) or (line > start and _breaks(lines[line - 1])):
                if line - start >= ADDRESS_LINES:
                    runs.append((start, line))
                start = line + 1 if line < end and not _short(lines[line]) else line
        index = max(end, index + 1)
    return runs


# The preprocessors and the backslash break -----------------------------------------------

class TabTables(Preprocessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    """Runs before Python-Markdown turns tabs into spaces (30), which would hide the cells."""

    def run(self, lines: list[str]) -> list[str]:
        out, done = [], 0
        for first, end in tab_tables(lines):
            out += lines[done:first]
            if out and out[-1].strip():
                out.append("")  # a table is a block of its own
            out += table_markdown(lines[first:end]) + [""]
            done = end
        return out + lines[done:]


class BoxText(Preprocessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    """Runs after the whitespace is normalised (30), before typed lists read call-outs' text (29)."""

    def run(self, lines: list[str]) -> list[str]:
        lines = list(lines)
        for _marker, first, end in unindented_boxes(lines):
            lines[first:end] = ["    " + line for line in lines[first:end]]
        return lines


class BackslashBreak(InlineProcessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def handleMatch(self, match: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        return etree.Element("br"), match.start(0), match.end(0)


def register(md: markdown.Markdown) -> None:
    md.preprocessors.register(TabTables(md), "factsheets_tab_tables", 35)
    md.preprocessors.register(BoxText(md), "factsheets_box_text", 29.5)
    # Before Python-Markdown's backslash escapes (180), which leave a backslash before a newline as typed.
    md.inlinePatterns.register(BackslashBreak(BACKSLASH_BREAK, md), "factsheets_backslash_break", 185)


# Advice ------------------------------------------------------------------------------------

def advice(text: str, shown: str, first_line: int) -> list[tuple[Location, str, str]]:
    """(where, what, fix) for each habit above in a factsheet's body."""
    lines = text.split("\n")
    out = []
    for first, end in tab_tables(lines):
        written = "\n".join(table_markdown(lines[first:end])[:3])
        out.append((Location(shown, first_line + first),
                    f"these {end - first} lines have cells separated by tabs (a table pasted from Word) and were made into a table, "
                    "its first line the header row",
                    f"check it reads right; in Markdown a table is written with | between its cells, for example\n{written}"))
    for marker, _first, _end in unindented_boxes(lines):
        out.append((Location(shown, first_line + marker),
                    f"the call-out '{lines[marker].strip()[:40]}' has no indented text, so the paragraph under it was taken into it",
                    "start each line of a call-out's text with 4 spaces, so that the box ends where you mean it to"))
    for first, end in joined_lines(lines):
        shown_words = ", ".join(line.strip() for line in lines[first:end])
        out.append((Location(shown, first_line + first),
                    f"these {end - first} short lines will be joined into one line in every format (\"{shown_words[:80]}\")",
                    "if each should stay on a line of its own, as in an address, end each line but the last with a backslash (\\)"))
    return sorted(out, key=lambda item: item[0].line or 0)


def warnings(text: str, shown: str, first_line: int) -> list[Warning_]:
    return [Warning_(where, f"{what}: {fix}") for where, what, fix in advice(text, shown, first_line)]
