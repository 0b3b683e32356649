"""What a Markdown page's tree may hold, beyond what the model can express.

Python-Markdown's tree can carry attributes (set with `{...}` by attr_list) and
any depth of nesting. MkDocs renders the pages that are not factsheets from that
same Markdown, so an attribute such as `onclick` would reach the site: only
harmless attributes pass. Nesting is bounded, so no writer meets a depth no real
factsheet has.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Protocol

from .errors import Location, SourceError

# What Markdown itself sets, and what {...} may add: nothing that runs a program or fetches a file.
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "start", "align", "term", "open", "field"}
# How the tables extension aligns a column.
TABLE_ALIGN = re.compile(r"style=text-align: (left|right|center);?")
# Deeper than any real factsheet nests lists and quotations; deeper nesting slows every writer.
MAX_NESTING = 10
# Raw HTML is refused anyway; these say why it would be dangerous on the website.
SCRIPT_LIKE = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event attribute (on…=)"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: link"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.I), "an embedded frame or object"),
]


class Locating(Protocol):
    """What finds a piece of a factsheet's text in its file (reader.py's walk)."""

    shown: str  # the file's name, as staff are shown it

    def locate(self, words: str) -> int | None: ...
    def line_of_url(self, written: str, url: str) -> int | None: ...


def refuse_attributes(root: etree.Element, walk: Locating) -> None:
    """Attributes set with {...} (attr_list) reach the website's HTML: only harmless ones may be set."""
    for element in root.iter():
        for name in element.keys():
            if name.lower() not in ALLOWED_ATTRIBUTES and not TABLE_ALIGN.fullmatch(f"{name}={element.get(name)}"):
                line = walk.locate("".join(element.itertext())) or walk.line_of_url(name, name)
                raise SourceError(Location(walk.shown, line), f"the attribute '{name}' is not allowed (it could run a program or fetch a file from another website): remove the {{...}} that sets it")


def nesting_depth(element: etree.Element) -> tuple[int, etree.Element | None]:
    """How deeply lists, quotations and boxes (call-outs) nest under element, and the innermost one."""
    best, deepest = 0, None
    stack = [(element, 0)]
    while stack:  # not recursive: the tree may be deeper than Python's stack
        node, depth = stack.pop()
        nests = node.tag in ("ul", "ol", "blockquote", "details") or (node.tag == "div" and "admonition" in (node.get("class") or ""))
        here = depth + 1 if nests else depth
        if here > best:
            best, deepest = here, node
        stack.extend((child, here) for child in node)
    return best, deepest


def raw_html_message(raw: str) -> str:
    """What is wrong with HTML written into a factsheet, in staff's words."""
    shown = " ".join(raw.split())[:40]
    comment = re.fullmatch(r"\s*<!--(.*?)-->\s*", raw, re.S)
    if comment and not any(pattern.search(comment.group(1)) for pattern, _ in SCRIPT_LIKE):
        # A note to a colleague, as Word users leave them: said whole, with where notes can go.
        words = " ".join(comment.group(1).split())
        words = words if len(words) <= 200 else words[:200] + "…"
        return (f"the note \"{words}\" (an HTML comment) would be published with the factsheet: notes to colleagues "
                "cannot stay in its text. Move it to the front matter as 'note: ...' (never published), or delete it")
    dangers = [what for pattern, what in SCRIPT_LIKE if pattern.search(raw)]
    if dangers:
        return f"raw HTML ({shown}) is not allowed here: {dangers[0]} could run a program in a visitor's browser, so it is not allowed"
    return f"raw HTML ({shown}) is not allowed here: it cannot be made into braille or audio: write it in Markdown"
