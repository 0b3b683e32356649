"""The large-print PDF's page changes, shown in the BRF as print page indicators.

A braille reader in a meeting with print readers is told "turn to page 4": the
braille shows where each page of the large-print PDF (the default print size)
begins. The PDF writer records, for each of its pages, the words each block that
starts on the page begins with (its manifest details' `page_starts`, keys made by
writers/common.py's text_key, read from WeasyPrint's layout of the very PDF it
wrote); the EPUB's page list is made from the same record. The braille writer
`needs` the PDF for it: the build makes the PDF first, then the braille, and a
braille job's cache key takes in the PDF's files. Built without the PDF (a
factsheet's braille tested alone), the braille has no print page indicators.

A page is matched to the first braille piece (paragraph, heading, list item, box
title, picture, table row) whose words start as the page's first new block starts,
taking pieces in order, a few dozen on at most; so a page that starts in the middle of a paragraph is
shown before the next piece that starts on it, as the EPUB's page list does.

The indicator is a line of its own, as braille transcribers show a print page
change (BANA's Braille Formats, 2016, "print page change indicator"): a row of
dots 36 (⠤, '-' in BRF) from cell 1, unspaced from the print page number (number
sign and digits) at the right margin: "--------…#D" for page 4. Page 1 is the
start of the factsheet and is not marked.
"""

from __future__ import annotations

from collections.abc import Callable

from ...engines.liblouis import Translation

from ..common import text_key
from .text import BOX_TOP, Piece

PAGE_LINE_CELL = "-"  # dots 36
# Pieces looked through for a page's block: a large-print page holds far fewer, and a block whose
# words come back later ("SEND Partnership Service factsheet" under the title and in the closing
# paragraph) must not carry the search past every page between.
LOOK_AHEAD = 30


def print_page_starts(items: list[Piece], page_starts: list[list[str]]) -> dict[int, int]:
    """Index of a piece in `items` -> the print page that starts at it (2 and on)."""
    keys = [text_key(_words(piece)) for piece in items]
    marks: dict[int, int] = {}
    cursor = 0
    for number, starts in enumerate(page_starts, start=1):
        for start in starts:
            found = next((i for i in range(cursor, min(cursor + LOOK_AHEAD, len(keys))) if keys[i] and start and (keys[i].startswith(start) or start.startswith(keys[i]))), None)
            if found is None:
                continue  # a block the braille words differently (the title block, a contact line)
            cursor = found + 1
            # A page that starts with a box's title starts with its box: the line goes before the box line.
            at = found - 1 if found and items[found - 1].kind == "boxline" and items[found - 1].text == BOX_TOP else found
            if number > 1 and number not in marks.values() and at not in marks:
                marks[at] = number
    return marks


def _words(piece: Piece) -> str:
    return piece.text if piece.kind != "boxline" else ""


def page_line(number: int, translate: Callable[[str], Translation], cells: int) -> str:
    """The print page change line for page `number`, `cells` wide."""
    digits = translate(str(number)).braille
    return PAGE_LINE_CELL * (cells - len(digits)) + digits


def is_page_line(line: str) -> bool:
    """Whether a BRF line is a print page change line (for the validators: not the text's words)."""
    stripped = line.rstrip()
    return stripped.startswith(PAGE_LINE_CELL * 4) and stripped.lstrip(PAGE_LINE_CELL).startswith("#")
