"""BRF layout: translated pieces broken into lines of 40 cells and pages of 25 lines.

liblouis translates but does not lay out, so line breaking happens here, after
translation (contracted braille is shorter than print). Each piece is
translated whole, and liblouis's map from cells back to print characters says
where a line may break: at a space, never inside a word or a multi-cell sign.
A word longer than a line (a web address) breaks after a slash or before a dot,
as UEB allows. A dash or other lone punctuation mark stays at the end of the
line before, so no line or page starts with one.

Layout, following the usual braille formats:
- page-number line first on every page: the braille page number at its right
  (UK convention; these factsheets have no print pages for its left), no text;
- title page: title, organisation, version and date, centred;
- main headings (levels 1 and 2) centred, lower ones in cell 5, with a blank line
  before and after, and never last on a page;
- paragraphs in cell 3, running over to cell 1;
- list items and address lines in cell 3 (nested: 5, 7...), running over two
  cells further in, with a blank line before and after the list;
- quotations one step further in, with a blank line before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...engines.liblouis import Translation
from .text import Piece

CELLS = 40
LINES = 25
TEXT_LINES = LINES - 1  # the first line of each page carries the page number
CENTRED_MARGIN = 3  # blank cells kept each side of a centred line
PAGE_BREAK = "\f"
LINE_END = "\r\n"
# Print characters after or before which a long word (an address) may break: a
# hyphen stays at the end of a line, so no line starts with one.
BREAK_AFTER = "/-_"
BREAK_BEFORE = ".@?&=#"

Translate = Callable[[str], Translation]


@dataclass
class Block:
    lines: list[str]
    blank_before: bool = False
    keep_with_next: bool = False


@dataclass(frozen=True)
class Style:
    first: int  # cells before the first line
    runover: int  # cells before the lines after it
    centred: bool = False


def style(piece: Piece) -> Style:
    quote = 2 if piece.quoted else 0
    if piece.kind == "heading":
        return Style(0, 0, centred=True) if piece.level <= 2 else Style(4, 4)
    if piece.kind == "item":
        first = 2 + 2 * piece.level + quote
        return Style(first, first + 2)
    return Style(2 + quote, quote)


def _group(piece: Piece) -> tuple:
    return (piece.kind == "item", piece.quoted)


def blank_between(previous: Piece | None, piece: Piece) -> bool:
    if previous is None:
        return False
    if "heading" in (previous.kind, piece.kind):
        return True
    return _group(previous) != _group(piece)


# Line breaking -----------------------------------------------------------------

def _units(translation: Translation, print_text: str) -> list[tuple[int, int]]:
    """The braille as (start, end) cell ranges of words; a word that is only
    punctuation (a dash) joins the word before it, so it never starts a line."""
    braille = translation.braille
    words: list[tuple[int, int]] = []
    start = None
    for index, cell in enumerate(braille + " "):
        if cell == " ":
            if start is not None:
                words.append((start, index))
                start = None
        elif start is None:
            start = index
    units: list[tuple[int, int]] = []
    for start, end in words:
        sources = translation.source_of_cell[start:end]
        source_text = print_text[min(sources):max(sources) + 1] if sources else ""
        if units and source_text and not any(ch.isalnum() for ch in source_text):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
    return units


def _breaks_inside(translation: Translation, print_text: str, start: int, end: int) -> list[int]:
    """Cells inside a word where a line may break: a print boundary after a slash or
    before a dot, and never between the cells of one print character's sign."""
    sources = translation.source_of_cell
    out = []
    for cell in range(start + 1, end):
        here, before = sources[cell], sources[cell - 1]
        if here <= before:
            continue  # inside one sign, or a contraction spanning characters
        if print_text[here - 1] in BREAK_AFTER or print_text[here] in BREAK_BEFORE:
            out.append(cell)
    return out


def wrap(translation: Translation, print_text: str, first_width: int, runover_width: int) -> list[str]:
    """Braille lines no wider than the widths given, words never split but an
    over-long one, which breaks at an address's natural points."""
    braille = translation.braille
    lines: list[str] = []
    current = ""
    width = first_width
    for start, end in _units(translation, print_text):
        word = braille[start:end]
        gap = 1 if current else 0
        if len(current) + gap + len(word) <= width:
            current += " " * gap + word
            continue
        if len(word) <= runover_width:
            if current:
                lines.append(current)
                width = runover_width
            current = word
            continue
        # An over-long word: fill the line, breaking at the last natural point that fits.
        position = start
        while end - position > 0:
            room = width - len(current) - (1 if current else 0)
            if end - position <= room:
                current += (" " if current else "") + braille[position:end]
                break
            points = [p for p in _breaks_inside(translation, print_text, position, end) if p - position <= room]
            if points:
                cut = points[-1]
                current += (" " if current else "") + braille[position:cut]
                position = cut
            elif not current:
                # No natural point within a whole line: cut at the edge, between two signs.
                sources = translation.source_of_cell
                cut = position + room
                while cut - 1 > position and sources[cut] <= sources[cut - 1]:
                    cut -= 1
                current = braille[position:cut]
                position = cut
            lines.append(current)
            current = ""
            width = runover_width
    if current:
        lines.append(current)
    return lines


def centre(line: str) -> str:
    return " " * ((CELLS - len(line)) // 2) + line


def lay_out(piece: Piece, translation: Translation) -> list[str]:
    """A piece's braille lines; translation is of piece.words()."""
    layout = style(piece)
    if layout.centred:
        width = CELLS - 2 * CENTRED_MARGIN
        return [centre(line) for line in wrap(translation, piece.words(), width, width)]
    lines = wrap(translation, piece.words(), CELLS - layout.first, CELLS - layout.runover)
    return [" " * (layout.first if i == 0 else layout.runover) + line for i, line in enumerate(lines)]


def blocks(items: list[Piece], translate: Translate) -> list[Block]:
    out: list[Block] = []
    previous = None
    for piece in items:
        if not piece.braille:
            continue
        lines = lay_out(piece, translate(piece.words()))
        out.append(Block(lines, blank_between(previous, piece), keep_with_next=piece.kind == "heading"))
        previous = piece
    return out


# Pages -------------------------------------------------------------------------

def paginate(body: list[Block]) -> list[list[str]]:
    """Text lines a page, at most TEXT_LINES each. A blank line never starts a page;
    a heading moves to the next page rather than be last on one."""
    pages: list[list[str]] = [[]]
    for index, block in enumerate(body):
        page = pages[-1]
        # What must fit on this page: a paragraph's first line (the rest flows on);
        # a heading whole, with its blank line and the first line of what follows.
        need = 1
        if block.keep_with_next:
            following = body[index + 1] if index + 1 < len(body) else None
            need = len(block.lines) + ((1 + int(following.blank_before)) if following else 0)
        blank = 1 if block.blank_before and page else 0
        if page and len(page) + blank + min(need, TEXT_LINES) > TEXT_LINES:
            pages.append([])
            page = pages[-1]
            blank = 0
        if blank:
            page.append("")
        for line in block.lines:
            if len(page) == TEXT_LINES:
                pages.append([])
                page = pages[-1]
            page.append(line)
    return [page for page in pages if page]


def number_line(page_number: int, translate: Translate) -> str:
    number = translate(str(page_number)).braille
    return " " * (CELLS - len(number)) + number


def title_page(lines: list[list[str]]) -> list[str]:
    """Groups of centred lines, spaced out down the page."""
    page: list[str] = ["", ""]
    for group in lines:
        page.extend(group)
        page.append("")
    return page[:TEXT_LINES]


def brf(title: list[list[str]], body: list[Block], translate: Translate) -> tuple[str, int]:
    """The BRF file's text and its number of braille pages."""
    pages = [title_page(title), *paginate(body)]
    out = []
    for number, lines in enumerate(pages, start=1):
        while lines and not lines[-1]:
            lines = lines[:-1]
        out.append(LINE_END.join([number_line(number, translate), *lines]) + LINE_END)
    return PAGE_BREAK.join(out), len(pages)
