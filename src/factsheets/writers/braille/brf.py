"""BRF layout: translated pieces laid out in lines of 40 cells and pages of 25 lines.

Line breaking is in wrap.py; this module places the lines. Headings follow
BANA's Braille Formats (2016), section 4: centred headings for the main
divisions, cell-5 and cell-7 headings below them, a heading kept with at least
two lines of the text after it. UK layout asks the same of main headings
(centred, set off by a blank line) and lets lower ones sit at the margin or
indented, as these are:
- page-number line first on every page: the braille page number at its right
  (UK convention; these factsheets have no print pages for its left), no text;
- title page: title, organisation, version and date, centred;
- main headings (levels 1 and 2) centred, at least three blank cells each side,
  with a blank line before and after;
- level 3 headings in cell 5 (runover lines also in cell 5), level 4 and below
  in cell 7, each with a blank line before and none after;
- a heading is never left at the foot of a page: it moves to the next page
  unless at least two lines of what follows it fit beneath it; so is a short
  paragraph, list item or address line that ends with a colon ("Facebook:",
  "You can:"), which leads in to what follows it;
- paragraphs in cell 3, running over to cell 1;
- list items and address lines in cell 3 (nested: 5, 7...), running over two
  cells further in, with a blank line before and after the list; nesting deeper
  than a line can show stops indenting further, so a line keeps at least
  MIN_TEXT_CELLS cells for its words;
- quotations one step further in, with a blank line before and after, ending
  with "End of quotation." as the braille-ready text does;
- a box between a top and a bottom box line (text.py says which), a blank line
  before the top line and after the bottom one and none inside them; the top
  line is kept on a page with the heading under it and two lines of its text, and the
  bottom line never starts a page alone (fold_back_box_ends): a last page holding only
  "End of box" is folded back onto the page before.
  Each box line carries the braille-ready text's words for it ("Box: Important",
  "End of box"), so that a warning reads differently from a note;
- where a page of the large-print PDF begins, a print page change line: a row of
  dots 36 and the print page number at the right margin (print_pages.py);
- a picture's description is a transcriber's note (UEB's transcriber's note
  indicators around it), labelled "Picture:" as print labels it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...engines import liblouis
from ...engines.liblouis import Translation
from ...engines.liblouis import from_unicode
from .print_pages import page_line
from .text import BOX_TOP, BOX_BOTTOM, Piece
from .ueb import translate_piece
from .wrap import wrap

CELLS = 40
LINES = 25
TEXT_LINES = LINES - 1  # the first line of each page carries the page number
CENTRED_MARGIN = 3  # blank cells kept each side of a centred line
MIN_TEXT_CELLS = 20  # the narrowest a nested list item's lines may get
LINES_AFTER_HEADING = 2  # lines of what follows that a heading keeps with it
BOX_LEAD = 3  # cells of a box line before its words
TN_OPEN, TN_CLOSE = "@.<", "@.>"  # dots 4, 46, 126 and dots 4, 46, 345: transcriber's note indicators
PAGE_BREAK = "\f"
LINE_END = "\r\n"

Translate = Callable[..., Translation]


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
        if piece.level <= 2:
            return Style(0, 0, centred=True)
        return Style(4, 4) if piece.level == 3 else Style(6, 6)
    deepest = CELLS - MIN_TEXT_CELLS - 2  # the runover is two cells further in
    if piece.kind == "item":
        first = min(2 + 2 * piece.level + quote, deepest)
        return Style(first, first + 2)
    return Style(2 + quote, quote)


def _group(piece: Piece) -> tuple[bool, bool]:
    return (piece.kind == "item", piece.quoted)


def blank_between(previous: Piece | None, piece: Piece) -> bool:
    if previous is None:
        return False
    if piece.kind == "boxline" or previous.kind == "boxline":
        # Blank lines outside a box's lines, never inside them (Braille Formats 7.2).
        return (piece.kind == "boxline" and piece.text == BOX_TOP) or (previous.kind == "boxline" and previous.text == BOX_BOTTOM)
    if piece.kind == "heading":
        return True
    if previous.kind == "heading":
        return previous.level <= 2  # a blank line after a centred heading, none after cell 5 or 7
    return _group(previous) != _group(piece)


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


def box_line(cell: str, words: str) -> str:
    """A box line of `cell` with the box's words in it ("Box: Important", "End of box"), so a
    reader knows a warning from a note and where the box ends; the bare line if they do not fit."""
    inner = f" {words} "
    if len(inner) + 2 * BOX_LEAD > CELLS:
        return cell * CELLS
    return cell * BOX_LEAD + inner + cell * (CELLS - BOX_LEAD - len(inner))


def transcribers_note(translation: Translation) -> Translation:
    """A picture's description between UEB's transcriber's note indicators: words the
    transcriber gives, not the print's own text."""
    sources = translation.source_of_cell
    last = sources[-1] if sources else 0
    return Translation(TN_OPEN + translation.braille + TN_CLOSE, [0] * len(TN_OPEN) + list(sources) + [last] * len(TN_CLOSE),
                       translation.computer)


def introduces(piece: Piece, lines: list[str]) -> bool:
    """A short line that ends with a colon ("Facebook:", "You can:") leads in to what follows
    it, and is kept on a page with it, as a heading is."""
    return piece.kind in ("paragraph", "item") and len(lines) <= LINES_AFTER_HEADING and piece.text.rstrip().endswith(":")


def blocks(items: list[Piece], translate: Translate, print_pages: dict[int, int] | None = None) -> list[Block]:
    """The pieces' braille blocks; `print_pages` (a piece's index -> the print page that starts
    at it, see print_pages.py) puts a print page change line before a piece, with the piece's
    blank line before it, kept on a braille page with what follows."""
    out: list[Block] = []
    previous = None
    for index, piece in enumerate(items):
        if print_pages and index in print_pages:
            out.append(Block([page_line(print_pages[index], translate, CELLS)], blank_between(previous, piece), keep_with_next=True))
            previous = None  # no second blank line after the page line
        if piece.kind == "boxline":
            line = box_line(from_unicode(piece.text), translate(piece.marker).braille)
            out.append(Block([line], blank_between(previous, piece), keep_with_next=piece.text == BOX_TOP))
        else:
            # English words in a factsheet in another language are brailled in English (UEB).
            translation = translate_piece(piece.words(), piece.word_styles(), liblouis.translate if piece.english else translate)
            if piece.kind == "picture":
                translation = transcribers_note(translation)
            lines = lay_out(piece, translation)
            out.append(Block(lines, blank_between(previous, piece), keep_with_next=piece.kind == "heading" or introduces(piece, lines)))
        previous = piece
    return out


# Pages -------------------------------------------------------------------------

def kept_together(body: list[Block], index: int) -> int:
    """Lines that must start on one page from body[index]: a paragraph's first line
    (the rest may flow on); a heading whole, with any headings straight after it,
    the blank lines between, and the first two lines of the text that follows."""
    need, text_lines = 0, 0
    for block in body[index:]:
        if need and block.blank_before:
            need += 1
        if block.keep_with_next:
            need += len(block.lines)
            continue
        taken = min(len(block.lines), LINES_AFTER_HEADING - text_lines)
        need += taken
        text_lines += taken
        if text_lines >= LINES_AFTER_HEADING:
            break
    return min(max(need, 1), TEXT_LINES)


def paginate(body: list[Block]) -> list[list[str]]:
    """Text lines a page, at most TEXT_LINES each. A blank line never starts a page;
    a heading moves to the next page rather than be left at the foot of one."""
    pages: list[list[str]] = [[]]
    for index, block in enumerate(body):
        page = pages[-1]
        # A block's first two lines stay together: an item or a label ("Facebook:") never ends
        # a page with its words on the next.
        need = kept_together(body, index) if block.keep_with_next else min(len(block.lines), LINES_AFTER_HEADING)
        blank = 1 if block.blank_before and page else 0
        if page and len(page) + blank + need > TEXT_LINES:
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
    return fold_back_box_ends([page for page in pages if page])


def _is_box_end(line: str) -> bool:
    return line.startswith(from_unicode(BOX_BOTTOM) * BOX_LEAD)


def fold_back_box_ends(pages: list[list[str]]) -> list[list[str]]:
    """A page never starts with a box's closing line, cut off from the box it closes (and a
    last page never holds only that line): it goes back to the page before, which gives up one of its blank lines (not
    one before a heading, which keeps its blank line); where the page before has none to give,
    the page before's last line comes with the closing line, so it does not stand alone."""
    for index in range(1, len(pages)):
        page, before = pages[index], pages[index - 1]
        if not page or not _is_box_end(page[0]):
            continue
        spare = [i for i, line in enumerate(before) if not line and i + 1 < len(before) and not before[i + 1].startswith("    ")]
        if spare:
            del before[spare[-1]]
            before.append(page.pop(0))
            while page and not page[0]:
                page.pop(0)  # a page never starts with a blank line
        elif len(before) > 1:
            page.insert(0, before.pop())
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


def brf_pages(title: list[list[str]], body: list[Block], translate: Translate) -> list[list[str]]:
    """Every braille page's lines, its page-number line first, no blank lines at its foot."""
    pages = []
    for number, lines in enumerate([title_page(title), *paginate(body)], start=1):
        while lines and not lines[-1]:
            lines = lines[:-1]
        pages.append([number_line(number, translate), *lines])
    return pages


def brf(pages: list[list[str]]) -> str:
    """The BRF file's text: CR LF line ends, a form feed between pages."""
    return PAGE_BREAK.join(LINE_END.join(lines) + LINE_END for lines in pages)
