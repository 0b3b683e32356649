"""Call-outs in Markdown -> Box blocks.

Two extensions that Material for MkDocs users expect write call-outs:
`admonition` (`!!! warning "Time limits"`, indented text under it) and
`pymdownx.details` (`??? note "More"` starts closed on the web, `???+` open).
Python-Markdown turns them into `<div class="admonition warning">` with a
`<p class="admonition-title">`, and `<details class="warning">` with a
`<summary>`; this module turns those elements into one model block, `Box`,
that every writer renders as a box of its own kind.

A box always has a title in words: with none written, the kind's own name
("Warning"), as Material shows it. A kind Material does not style becomes a
note, its word kept as the title (`!!! reminder` is a note titled "Reminder").
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from . import model as m

# The admonition types Material for MkDocs styles (its aliases included).
MATERIAL_KINDS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
})
DEFAULT_KIND = "note"
DEFAULT_EXTENSIONS = ("admonition", "pymdownx.details")
EXTENSIONS = (*DEFAULT_EXTENSIONS, "markdown.extensions.admonition")


def is_box(element: etree.Element) -> bool:
    classes = (element.get("class") or "").split()
    return (element.tag == "div" and "admonition" in classes) or element.tag == "details"


def _kind_word(element: etree.Element) -> str:
    """The type written after !!! or ???: the first class other than "admonition"."""
    classes = [c for c in (element.get("class") or "").split() if c != "admonition"]
    return classes[0].lower() if classes else DEFAULT_KIND


def _title_element(element: etree.Element) -> etree.Element | None:
    first = element[0] if len(element) else None
    if first is None:
        return None
    if element.tag == "details" and first.tag == "summary":
        return first
    if first.tag == "p" and "admonition-title" in (first.get("class") or "").split():
        return first
    return None


def box(element: etree.Element, inlines: Callable[[etree.Element], tuple[m.Inline, ...]],
        blocks: Callable[[etree.Element], list[m.Block]], ident: str, line: int | None) -> m.Box:
    """The Box of an admonition or details element; inlines() and blocks() are the reader's own."""
    word = _kind_word(element)
    kind = word if word in MATERIAL_KINDS else DEFAULT_KIND
    title_element = _title_element(element)
    title: tuple[m.Inline, ...] = ()
    if title_element is not None:
        title = inlines(title_element)
        element.remove(title_element)
    if not m.plain_text(title).strip():
        title = (m.Text(word.replace("-", " ").replace("_", " ").capitalize()),)
    collapsible = element.tag == "details"
    expanded = not collapsible or element.get("open") is not None
    return m.Box(kind, title, tuple(blocks(element)), collapsible, expanded, ident, line)


def marker_line(text: str, first_line: int, found: int | None) -> int | None:
    """The line of a box's `!!!` or `???`: the nearest such line at or above where its words were found."""
    if found is None:
        return None
    lines = text.split("\n")
    for index in range(min(found - first_line, len(lines) - 1), -1, -1):
        if lines[index].lstrip().startswith(("!!!", "???")):
            return first_line + index
    return found


def body_words(element: etree.Element) -> str:
    """The words of a box without its title: the title may be a default not in the source ("Note")."""
    title = _title_element(element)
    return " ".join("".join(child.itertext()) for child in element if child is not title)
