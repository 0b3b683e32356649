"""Line breaking: translated braille broken into lines no wider than given.

liblouis translates but does not lay out, so line breaking happens here, after
translation (contracted braille is shorter than print). Each piece is
translated whole, and liblouis's map from cells back to print characters says
where a line may break: at a space, never inside a word or a multi-cell sign.
A dash or other lone punctuation mark stays at the end of the line before, so
no line or page starts with one.

Computer material (a web address, email or file name, see ueb.py) is never
broken at a hyphen: a hyphen at a line's end would read as part of the address
or as a word division. One that fits on a line goes whole to the next line;
one longer than a line breaks after a slash or before an @ (or, failing
those, before a dot or ? # & =), and each broken line ends with UEB's line
continuation indicator (dot 5), which tells the reader the address goes on,
unspaced, on the next line. A reader may start at any line, so each line of an
address must read alone as its own print: a fragment that would read as
contracted braille ("4GOV4UK" is "disgov.uk", a lone "Y" is "you") starts with
the grade 1 word indicator, as the whole address does when it needs one. Any other
word longer than a line (rare) breaks after a hyphen or, failing that, at the
line's end with a hyphen added, as word division in UEB is shown.

Every loop here advances: each line taken holds at least one cell of the text,
because a line is never narrower than MIN_WIDTH cells (wrap refuses narrower).
"""

from __future__ import annotations

import re

from ...engines import liblouis
from ...engines.liblouis import Translation
from .ueb import CONTINUATION, GRADE_1_WORD

MIN_WIDTH = 4
BREAK_AFTER = "/"
BREAK_BEFORE = ".@?&=#"
_EMPHASIS = re.compile(r"[\^.][127']")  # liblouis writes these but cannot read them back
WORD_BREAK_AFTER = "-"


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


def _is_computer(translation: Translation, start: int, end: int) -> bool:
    sources = translation.source_of_cell[start:end]
    return any(a <= source < b for source in sources for a, b in translation.computer)


def _breaks_inside(translation: Translation, print_text: str, start: int, end: int, computer: bool) -> list[int]:
    """Cells inside a word where a line may break, never between the cells of one
    print character's sign: for computer material after a slash or before a dot,
    for a word after a hyphen."""
    sources = translation.source_of_cell
    out = []
    for cell in range(start + 1, end):
        here, before = sources[cell], sources[cell - 1]
        if here <= before:
            continue  # inside one sign, or a contraction spanning characters
        if computer and (print_text[here - 1] in BREAK_AFTER or print_text[here] in BREAK_BEFORE):
            out.append(cell)
        elif not computer and print_text[here - 1] in WORD_BREAK_AFTER:
            out.append(cell)
    return out


def _edge(translation: Translation, print_text: str, position: int, room: int) -> int:
    """The last cell boundary within `room` cells that is between two signs, best
    between two letters, else anywhere but beside a hyphen (nor inside a number);
    at least one cell on, so the caller always advances."""
    sources = translation.source_of_cell

    def between_signs(cut: int) -> bool:
        return sources[cut] > sources[cut - 1]

    def between_letters(cut: int) -> bool:
        return print_text[sources[cut - 1]].isalpha() and print_text[sources[cut]].isalpha()

    def not_beside_a_hyphen(cut: int) -> bool:
        before, here = print_text[sources[cut - 1]], print_text[sources[cut]]
        return "-" not in (before, here) and not (before.isdigit() and here.isdigit())

    cuts = range(position + room, position, -1)
    for wanted in (between_letters, not_beside_a_hyphen):
        for cut in cuts:
            if between_signs(cut) and wanted(cut):
                return cut
    return position + room  # one unbroken sign longer than a line: cut it rather than stop


def _reads_alone(braille: str, print_text: str) -> bool:
    cells = _EMPHASIS.sub("", braille)
    return cells.startswith(GRADE_1_WORD) or liblouis.back_translate(cells).casefold() == print_text.casefold()


def _print_of(translation: Translation, print_text: str, start: int, end: int) -> str:
    sources = translation.source_of_cell[start:end]
    return print_text[min(sources):max(sources) + 1] if sources else ""


def _cut(translation: Translation, print_text: str, points: list[int], position: int, room: int) -> int:
    """Where the line ends: after a slash or before an @ (an address's own divisions) if
    the line stays half full, else at the last place UEB allows, else between letters."""
    fitting = [p for p in points if position < p <= position + room]
    sources = translation.source_of_cell
    strong = [p for p in fitting if (p - position) * 2 >= room
              and (print_text[sources[p] - 1] == "/" or print_text[sources[p]] == "@")]
    if strong:
        return strong[-1]
    return fitting[-1] if fitting else _edge(translation, print_text, position, room)


def _split_long(translation: Translation, print_text: str, start: int, end: int, width: int) -> list[str]:
    """An over-long word as lines of at most `width` cells, each but the last
    ending in the continuation indicator (computer material) or a hyphen (a word)."""
    braille = translation.braille
    computer = _is_computer(translation, start, end)
    mark = CONTINUATION if computer else "-"
    points = _breaks_inside(translation, print_text, start, end, computer)
    lines: list[str] = []
    position = start
    while position < end:
        for indicator in ("", GRADE_1_WORD) if computer else ("",):
            room = width - len(indicator)
            cut = end if end - position <= room else _cut(translation, print_text, points, position, room - 1)  # a cell for the mark
            text = braille[position:cut]
            if _reads_alone(text, _print_of(translation, print_text, position, cut)):
                indicator = ""
                break
        text = indicator + text
        if cut == end:
            lines.append(text)
            break
        # A word broken after its own hyphen needs no second one.
        lines.append(text if not computer and text.endswith("-") else text + mark)
        position = cut
    return lines


def wrap(translation: Translation, print_text: str, first_width: int, runover_width: int) -> list[str]:
    """Braille lines no wider than the widths given, words never split but an
    over-long one, which breaks where UEB allows (see the module's docstring)."""
    if min(first_width, runover_width) < MIN_WIDTH:
        raise ValueError(f"a braille line of {min(first_width, runover_width)} cells is too narrow to lay out")
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
        if current:
            lines.append(current)
            current = ""
            width = runover_width
        if len(word) <= width:
            current = word
            continue
        pieces = _split_long(translation, print_text, start, end, width)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        width = runover_width
    if current:
        lines.append(current)
    return lines
