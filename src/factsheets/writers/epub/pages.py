"""The large-print PDF's page breaks, for the EPUB's page list (`pageBreakSource`).

The PDF writer records, for the default print size, which blocks each page
starts with (the page_starts of its manifest details: the key of each
paragraph, list item, heading, figure or table that begins on the page, read
from WeasyPrint's layout of the very PDF it wrote). The EPUB marks page N just
before the first block of the model that starts on page N. Where a page starts
in the middle of a paragraph, its marker is at the next block that starts on it
(a block-level page list: a reader who goes to page 5 lands where the first new
paragraph of page 5 begins). Page 1 is the start of the factsheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ... import model as m
from ...walk import unknown_node
from ..common import text_key

key = text_key  # the same key the PDF writer gives each block that starts a page


def leaves(blocks: Iterable[m.Block]) -> list[tuple[m.Block, str]]:
    """Every block the page list can mark, in reading order, with its words' key."""
    out: list[tuple[m.Block, str]] = []
    for block in blocks:
        match block:
            case m.Paragraph() | m.Heading():
                out.append((block, key(m.plain_text(block.children))))
            case m.ListBlock():
                for item in block.items:
                    out += leaves(item.blocks)
            case m.Quote() | m.GlossaryEntry():
                out += leaves(block.blocks)
            case m.Box():  # its title line first, then its blocks
                out.append((block, key(m.plain_text(block.title))))
                out += leaves(block.blocks)
            case m.Figure():
                out.append((block, key(block.image.alt)))
            case m.Table():
                out.append((block, key(" ".join(m.plain_text(c) for c in block.header))))
            case m.Notes():
                for note in block.notes:
                    out += leaves(note.blocks)
            case m.DefinitionList():
                for definition_item in block.items:
                    out += [(block, key(m.plain_text(term))) for term in definition_item.terms[:1]]
                    for definition in definition_item.definitions:
                        out += leaves(definition)
            case _:
                unknown_node(block, "the EPUB page list cannot place")
    return out


def match(pages: list[list[str]], blocks: list[tuple[m.Block, str]]) -> tuple[dict[int, int], dict[int, list[str]]]:
    """Python id of a block -> the page number marked before it. Blocks are matched in order
    (the same words can start two paragraphs: the next one after the last match is taken).
    Also the pages that no block starts (the contact details at the end are not blocks of the
    model): page number -> the keys of what starts on it, for the contact details to mark."""
    marks: dict[int, int] = {}
    unmarked: dict[int, list[str]] = {}
    cursor = 0
    for number, starts in enumerate(pages, 1):
        for text in starts:
            if not text:
                continue  # a picture or a rule: no words to find it by (an empty key is found in every block)
            found = next((i for i in range(cursor, len(blocks)) if blocks[i][1] and (blocks[i][1].startswith(text) or text.startswith(blocks[i][1]))), None)
            if found is None:
                continue  # the title block, a contact line: not a block the EPUB marks
            cursor = found + 1
            if number > 1 and number not in marks.values():
                marks[id(blocks[found][0])] = number
        if number > 1 and number not in marks.values():
            unmarked[number] = starts
    return marks, unmarked


def mark_lines(html: str, unmarked: dict[int, list[str]], page_break: Callable[[int], str]) -> tuple[str, dict[int, list[str]]]:
    """Page marks inside rendered lines (<p>, <li>) that are not blocks of the model: a page
    starting there is marked at the start of the line. Returns the HTML and the pages still unmarked."""
    pending = dict(unmarked)

    def mark(found: re.Match[str]) -> str:
        text = key(re.sub(r"<[^>]+>", "", found.group(3)))
        for number, starts in list(pending.items()):
            if text and any(text.startswith(s) or s.startswith(text) for s in starts[:1]):
                del pending[number]
                return f"{found.group(1)}{page_break(number)}{found.group(3)}</{found.group(2)}>"
        return found.group(0)

    return re.sub(r"(<(li|p)\b[^>]*>)(.*?)</\2>", mark, html), pending


def print_page_marks(document: m.Document, page_starts: list[list[str]]) -> tuple[tuple[dict[int, int], dict[int, list[str]]], int]:
    """The page marks of the default large-print PDF (see `match`), and its number of pages,
    from the page starts the PDF writer recorded."""
    return match(page_starts, leaves(document.blocks)), len(page_starts)
