"""Markdown syntax that no extension turned into anything, and so would be printed, brailled
and read aloud as it was typed ("left bracket, caret, 1").

The check runs on the model, after the reader: whatever is still plain text there is
exactly what every format would show. Text in `code` is never checked, so syntax shown
as an example (between backticks) is fine. Each case names its extension: when the
extension is off, the fix is to turn it on in mkdocs.yml; when it is on, the syntax was
written so that the extension could not read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import model as m
from .errors import ErrorList, Location, SourceError, Warning_, line_of
from .walk import iter_block_inlines


@dataclass(frozen=True)
class Case:
    pattern: re.Pattern[str]
    extension: str  # the Markdown extension that reads this syntax ("" for none)
    when_off: str  # what is wrong when the extension is off
    when_on: str  # ... and when it is on
    warning: bool = False  # the text could be meant as it is written


CASES = (
    Case(re.compile(r"\[\^[^\]\[\s]+\]"), "footnotes",
         "footnotes ('{found}') are not turned on: add 'footnotes' under markdown_extensions in mkdocs.yml",
         "the footnote '{found}' has no text: add a line '{found}: the note' below the paragraph"),
    Case(re.compile(r"(?:^|\n)\*\[[^\]\n]+\]:"), "abbr",
         "abbreviations ('{found}') are not turned on: add 'abbr' under markdown_extensions in mkdocs.yml",
         "the abbreviation '{found}' was not read: put it on a line of its own, with a blank line before it"),
    Case(re.compile(r"(?:^|\n)!!![ \t]*\w+"), "admonition",
         "call-outs ('{found}') are not turned on: add 'admonition' under markdown_extensions in mkdocs.yml",
         "the call-out '{found}' was not read: start it on a line of its own, with a blank line before it"),
    Case(re.compile(r"(?:^|\n)\?\?\?\+?[ \t]*\w+"), "pymdownx.details",
         "folding call-outs ('{found}') are not turned on: add 'pymdownx.details' under markdown_extensions in mkdocs.yml",
         "the folding call-out '{found}' was not read: start it on a line of its own, with a blank line before it"),
    Case(re.compile(r"(?:^|\n)===\+?[ \t]+[\"'][^\"'\n]*[\"']?"), "",
         "content tabs ('{found}') cannot be shown on paper, in braille or in the audio: make each tab a section with a ### heading",
         ""),
    Case(re.compile(r"-{1,2}8<-{1,2}"), "pymdownx.snippets",
         "shared text ('{found}') is not turned on: add 'pymdownx.snippets' under markdown_extensions in mkdocs.yml",
         "the shared text '{found}' was not read: put it on a line of its own, with the file name in quotes"),
    Case(re.compile(r"\{:?[ \t]*[#.][\w-][^{}\n]*\}|\{:[^{}\n]*\}"), "attr_list",
         "settings in braces ('{found}') are not turned on: add 'attr_list' under markdown_extensions in mkdocs.yml, or remove them",
         "the setting '{found}' was not applied and would be printed: put it at the end of a heading, or on the line after a paragraph"),
    Case(re.compile(r"\n:[ \t]+\w"), "def_list",
         "this looks like a definition list, which is not turned on: add 'def_list' under markdown_extensions in mkdocs.yml",
         "this looks like a definition (': ...') that was not read: leave a blank line before the term", warning=True),
)


# mkdocs.yml's markdown_extensions: a name, or a name with its settings ({'toc': {...}}).
MarkdownExtensions = Sequence[str | Mapping[str, object]]


def extension_names(extensions: MarkdownExtensions) -> set[str]:
    """'markdown.extensions.footnotes' and {'footnotes': {...}} both -> 'footnotes'."""
    names: set[str] = set()
    for entry in extensions:
        for name in (entry if isinstance(entry, dict) else [entry]):
            names.add(str(name).removeprefix("markdown.extensions."))
    return names


def _texts(blocks: Iterable[m.Block]) -> list[tuple[m.Block, str]]:
    """The plain text of each run of Text inlines, per block (code left out)."""
    out: list[tuple[m.Block, str]] = []
    for block, node in iter_block_inlines(blocks):
        if isinstance(node, m.Text):
            out.append((block, node.text))
    return out


def problems(blocks: Iterable[m.Block], extensions: MarkdownExtensions) -> list[tuple[Case, str, str, m.Block]]:
    """(case, message, what was found, block) for each piece of syntax left as text."""
    # Call-outs are read in every factsheet, listed in mkdocs.yml or not (reader_boxes).
    from .reader_boxes import DEFAULT_EXTENSIONS

    enabled = extension_names(extensions) | set(DEFAULT_EXTENSIONS)
    found: list[tuple[Case, str, str, m.Block]] = []
    for block, text in _texts(blocks):
        for case in CASES:
            match = case.pattern.search(text)
            if match:
                written = match.group().strip()
                on = case.extension and case.extension in enabled
                message = (case.when_on if on and case.when_on else case.when_off).format(found=written)
                found.append((case, message, written, block))
    return found


def _location(shown: str, text: str, written: str, block: m.Block, first_line: int) -> Location:
    return Location(shown, line_of(text, written, first_line) or getattr(block, "line", None))


def refuse_literal_syntax(blocks: Sequence[m.Block], shown: str, text: str, first_line: int, extensions: MarkdownExtensions) -> None:
    """Syntax that would be shown as typed stops the build: every piece of it, each at its line."""
    errors = ErrorList()
    for case, message, written, block in problems(blocks, extensions):
        if not case.warning:
            errors.add(SourceError(_location(shown, text, written, block, first_line), message))
    errors.raise_if_any()


def literal_warnings(blocks: Sequence[m.Block], shown: str, text: str, first_line: int, extensions: MarkdownExtensions) -> list[Warning_]:
    """Syntax that could be meant as written: a warning each, with its line; and settings in
    braces the formats cannot honour (a class: only ids are used, for links)."""
    return [Warning_(where, f"{what}: {fix}") for where, what, fix in advice(blocks, shown, text, first_line, extensions)]


def advice(blocks: Sequence[m.Block], shown: str, text: str, first_line: int, extensions: MarkdownExtensions) -> list[tuple[Location, str, str]]:
    out: list[tuple[Location, str, str]] = []
    for case, message, written, block in problems(blocks, extensions):
        if case.warning:
            what, _, fix = message.partition(": ")
            out.append((_location(shown, text, written, block, first_line), what, fix))
    for braces in _SETTINGS.finditer(_without_code(text)):
        match = _CLASS.search(braces.group())
        if not match:
            continue
        line = first_line + text.count("\n", 0, braces.start())
        out.append((Location(shown, line), f"the class '{match.group(1)}' in '{braces.group()}' is ignored",
                    "the factsheets' formats have no styles to choose from; remove it"))
    return out


# A class set with attr_list: {.name} or {: .name #id}. Braces first, then a class in them:
# one pattern for both tried every dot of "{.a.a.a…" against the rest of the line (quadratic).
_SETTINGS = re.compile(r"\{:?[^{}\n]*\}")
_CLASS = re.compile(r"(?<![\w-])\.([A-Za-z][\w-]*)")


def _without_code(text: str) -> str:
    """The text with code (fenced and `inline`) blanked out, keeping every line where it is."""
    blank = lambda match: re.sub(r"[^\n]", " ", match.group())  # noqa: E731
    text = re.sub(r"(?ms)^(```|~~~).*?^\1", blank, text)
    return re.sub(r"`[^`\n]*`", blank, text)
