"""The Python-Markdown that reads a factsheet: the extensions mkdocs.yml lists (those that
change the text), the call-outs and typed lists every factsheet has, and our own [[term]]
and {{ field }} patterns. The tree it builds is kept for reader.py to walk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from . import reader_boxes, word_habits
from .placeholders import FIELD_PATTERN, FieldProcessor

if TYPE_CHECKING:
    from .literal_syntax import MarkdownExtensions

TERM_TAG = "factsheets-term"
# [[term]] or [[term|words shown]]: a use of a glossary term.
TERM_PATTERN = r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]"
TYPED_LISTS = "factsheets.lists"



class _TermProcessor(InlineProcessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def handleMatch(self, match: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        element = etree.Element(TERM_TAG)
        element.set("term", match.group(1).strip())
        element.text = (match.group(2) or match.group(1)).strip()
        return element, match.start(0), match.end(0)


class _Capture(Treeprocessor):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    """Keeps the finished tree: runs after Python-Markdown's own unescaping."""

    def run(self, root: etree.Element) -> None:
        self.md.factsheets_root = root
        return None


class FactsheetsMarkdown(Extension):  # type: ignore[misc]  # Python-Markdown has no type information: its base classes are Any
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_TermProcessor(TERM_PATTERN, md), "factsheets_term", 175)
        md.inlinePatterns.register(FieldProcessor(FIELD_PATTERN, md), "factsheets_field", 174)
        md.treeprocessors.register(_Capture(md), "factsheets_capture", -100)
        word_habits.register(md)


def unicode_slug(text: str) -> str:
    """A heading's id: its letters, digits and marks in lower case, joined by hyphens, in any
    script (an Arabic or Chinese heading keeps its words, so ids are neither empty nor alike)."""
    import unicodedata

    kept = ["-" if unicodedata.category(ch)[0] not in "LNM" else ch for ch in unicodedata.normalize("NFC", text.casefold())]
    return re.sub(r"-+", "-", "".join(kept)).strip("-")


def markdown_for(extensions: MarkdownExtensions) -> markdown.Markdown:
    names: list[str] = []
    configs: dict[str, object] = {}
    for entry in extensions:
        if isinstance(entry, Mapping):
            for name, config in entry.items():
                names.append(name)
                configs[name] = config or {}
        else:
            names.append(entry)
    # Site-only extensions that change nothing in the text are left to MkDocs; those that make
    # blocks the reader understands (call-outs) are read here too.
    names = [n for n in names if (n in reader_boxes.EXTENSIONS or not n.startswith("pymdownx."))
             and n not in ("toc", "markdown.extensions.toc")]
    # Call-outs are part of every factsheet's Markdown, listed in mkdocs.yml or not.
    names += [n for n in reader_boxes.DEFAULT_EXTENSIONS if n not in names and f"markdown.extensions.{n}" not in names]
    # A table pasted from Word is made into one (word_habits.py), listed in mkdocs.yml or not.
    names += [] if {"tables", "markdown.extensions.tables"} & set(names) else ["tables"]
    # MkDocs always reads ``` and ~~~ as code (fenced_code is one of its built-ins): so does the
    # reader, or a fence it read as text would hide from it what the site shows as HTML.
    names += [] if {"fenced_code", "markdown.extensions.fenced_code"} & set(names) else ["fenced_code"]
    # Lists as people type them (lists.py), whether or not mkdocs.yml names the extension.
    names = [n for n in names if n != TYPED_LISTS] + [TYPED_LISTS]
    return markdown.Markdown(extensions=names + [FactsheetsMarkdown()], extension_configs=configs)
