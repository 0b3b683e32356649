"""The closing contact box over two pages: split between its own parts, the second titled "continued".

The stylesheet keeps the closing box on one page when it fits (print.css). When it does not
(the leaflet's is taller than a page of 18 pt), WeasyPrint breaks it between two of its
paragraphs or list items, and a box broken by layout is drawn to the foot of its first page,
with blank lines inside it, and its second part has no title: a reader cannot tell that the
box goes on, or what it is. So after a first layout the writer looks at where the box's parts
begin (WeasyPrint's page starts), and when one begins on a later page than the box's title, it
makes the box two boxes in the document (the second titled "<title> (continued)", starting
a new page) and lays the factsheet out again; a second part still taller than a page (giant
print) is split the same way. A list cut in the middle is cut into two lists.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from .. import model as m
from ..transforms import CONTACT_END, CONTACT_KIND, naming_words
from .print_html import CONTINUED_ID

COMPARED = 24  # characters of a part's text, spaces left out, to know it among the page starts
MOST_CLOSING_PARTS = 3  # layouts after the first: a closing box over four pages of 72 pt is not split further


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)[:COMPARED].casefold()


def closing_box(document: m.Document) -> tuple[int, m.Box] | None:
    """The closing box, or its last "continued" part when it has been split already."""
    found = None
    for index, block in enumerate(document.blocks):
        if isinstance(block, m.Box) and block.kind == CONTACT_KIND and (block.id == CONTACT_END or block.id.startswith(CONTINUED_ID)):
            found = index, block
    return found


def _parts(box: m.Box) -> list[tuple[int, int | None, str]]:
    """(block index, list item index or None, text) for each part a page may begin with."""
    parts: list[tuple[int, int | None, str]] = []
    for index, block in enumerate(box.blocks):
        if isinstance(block, m.ListBlock):
            for item_index, item in enumerate(block.items):
                words = " ".join(m.plain_text(b.children) for b in item.blocks if isinstance(b, m.Paragraph))
                parts.append((index, item_index, words))
        elif isinstance(block, m.Paragraph):
            parts.append((index, None, m.plain_text(block.children)))
    return parts


def first_moved_part(box: m.Box, page_starts: list[list[str]]) -> tuple[int, int | None] | None:
    """The part of the closing box that begins on a later page than its title, or None when the
    box is on one page. The box is the factsheet's last block: its title's last start is its own."""
    title = _key(m.plain_text(box.title))
    starts = [(page, _key(text)) for page, texts in enumerate(page_starts) for text in texts]
    at = [i for i, (_, key) in enumerate(starts) if key and title.startswith(key[: len(title)]) and key.startswith(title[: len(key)])]
    if not at:
        return None
    title_page = starts[at[-1]][0]
    moved = [key for page, key in starts[at[-1] + 1:] if page > title_page]
    if not moved:
        return None
    for block_index, item_index, text in _parts(box):
        key = _key(text)
        if key and (key.startswith(moved[0]) or moved[0].startswith(key)):
            return block_index, item_index
    return None


def split_closing_box(document: m.Document, page_starts: list[list[str]]) -> m.Document | None:
    """The document with its closing box cut where layout broke it, or None when it was not broken."""
    found = closing_box(document)
    if found is None:
        return None
    index, box = found
    cut = first_moved_part(box, page_starts)
    if cut is None or cut == (0, None) or cut == (0, 0):
        return None  # the whole box moved: nothing of it is left behind to continue
    block_index, item_index = cut
    if not item_index and block_index > 1 and m.plain_text(getattr(box.blocks[block_index - 1], "children", ())).rstrip().endswith(":"):
        block_index -= 1  # "In partnership with:" goes on with the list it introduces
    first, rest = list(box.blocks[:block_index]), list(box.blocks[block_index:])
    if item_index:  # a list cut between its items: its first items stay, the rest go on
        listed = box.blocks[block_index]
        assert isinstance(listed, m.ListBlock)
        first.append(replace(listed, items=listed.items[:item_index]))
        rest[0] = replace(listed, items=listed.items[item_index:])
    title = box.title
    if box.id == CONTACT_END:
        title = naming_words(document.meta.language, "{title} (continued)", "title", box.title)  # the name, marked English, kept
    parts = sum(1 for b in document.blocks if isinstance(b, m.Box) and b.id.startswith(CONTINUED_ID))
    continued = replace(box, title=title, blocks=tuple(rest), id=CONTINUED_ID + (f"-{parts + 1}" if parts else ""))
    blocks = (*document.blocks[:index], replace(box, blocks=tuple(first)), continued, *document.blocks[index + 1:])
    return replace(document, blocks=blocks)


def with_closing_box_parts(document: m.Document, render: Callable[[m.Document], Any]) -> Any:
    """`render(document)` (the engine's Rendered, with its page_starts), repeated with the
    closing box split while it breaks over a page."""
    rendered = render(document)
    for _ in range(MOST_CLOSING_PARTS):
        split = split_closing_box(document, rendered.page_starts)
        if split is None:
            break
        document = split
        rendered = render(document)
    return rendered
