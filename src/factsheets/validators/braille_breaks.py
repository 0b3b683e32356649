"""The BRF's line breaks as a braille reader meets them: no break may change a word.

A reader reads a braille line by itself: a display shows one line at a time, and a
reader on paper who moves to the next line reads it from its start, with no print
beside it. So a line must read alone as it reads in its place. In UEB a word,
address or email that runs on to the next line ends its first line with the line
continuation indicator (dot 5, '"' in BRF), and the reader joins the two halves
unspaced; the half that starts the next line is read as that line's start. A grade
1 indicator (dots 56, 56) that the word had at its start does not carry over: a
line-start fragment such as "Y-SEND" is read as "you-send" (y alone is the wordsign
for "you") and "4GOV4UK" as "disgov.uk" (dots 256 at a word's start is "dis")
unless that line carries its own grade 1 indicator.

The check, for each pair of lines that follow each other (page-number lines left out,
since a page's text runs on across them): the two lines read back alone, joined as
the reader joins them, give the same words as the two read back together; and a
word that runs on (a line ends with the continuation indicator, or with a hyphen, which
the reader keeps or, for a divided word, drops), joined from the lines read alone, is a
word of the braille-ready text exactly (a web address or email to the letter). A line that
does not end in the continuation indicator ends with a whole word, and the next starts
with one: each, read alone, is a word of the braille-ready text (or, where liblouis
reads a correct sign back wrongly, as it reads the "enough" wordsign as "en", the
braille that a word of that text translates to). Box lines and the title page, whose
words are the writer's own, are not compared. Contracted UEB only: another
language's table reads dot 5 in its own way.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import FAILURE, REPORT_IT, Finding
from ..writers.braille import is_page_line
from .brf_reading import CONTINUATION, brf_pages, joined_cells, read_back

_EDGE_PUNCTUATION = "()[]{}\"'“”‘’.,;:!?"
_BOX_LINE = re.compile(r"^(777|GGG) ")  # a row of dots 2356 or dots 1245 and the box's words


def text_lines(brf_path: Path) -> list[tuple[int, int, str]]:
    """(braille page, line on the page, cells) of every line a reader reads: not the
    page-number line each page starts with, nor a print page change line, nor blank lines."""
    return [(page_number, line_number, line)
            for page_number, page in enumerate(brf_pages(brf_path), start=1)
            for line_number, line in enumerate(page, start=1)
            if line_number > 1 and line.strip() and not is_page_line(line)]


def read_alone(line: str) -> str:
    """One BRF line back to print as a reader meets it alone, without its continuation mark."""
    return read_back([line.strip().removesuffix(CONTINUATION)])


def _words(text: str) -> list[str]:
    return text.casefold().split()


def joins(line: str) -> bool:
    """Whether a line's last word runs on to the next line: it ends with the continuation
    indicator (an address), or with a hyphen (dots 36) after a letter or digit (a hyphenated or
    divided word); not with a dash (dots 6, 36 or 46, 36) or a hyphen standing alone."""
    last = line.split()[-1] if line.split() else ""
    return last.endswith(CONTINUATION) or (last.endswith("-") and len(last) > 1 and last[-2] not in ",.-_")


def _stripped(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION).casefold()


class _Source:
    """The braille-ready text: its words as a reader meets them (between spaces, without
    the punctuation around them), and lazily the braille of each."""

    def __init__(self, text: str):
        self.text = text.casefold()
        self._tokens = text.split()
        self.words = {_stripped(token) for token in self._tokens}
        self._braille: set[str] | None = None

    def has_word(self, cells: str) -> bool:
        """Whether a braille word, read alone, is a word of the text."""
        if all(_stripped(token) in self.words for token in read_alone(cells).split()):
            return True
        if self._braille is None:
            from ..engines.liblouis import translate

            self._braille = {translate(token).braille for token in set(self._tokens)}
        return joined_cells([cells]) in self._braille  # emphasis indicators aside


def _finding(page: int, number: int, what: str, path: Path) -> Finding:
    return Finding(
        FAILURE, "brf", f"braille page {page}, line {number}: the line break changes what a reader reads: {what}",
        f"The braille breaks a word or address where UEB does not allow it. {REPORT_IT}", str(path))


def _joined_words(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, list[str]]]:
    """Each word that runs on across lines, as the reader joins the lines read alone: where it
    starts, and its readings (as printed; without the hyphen that divided it, if it ends one)."""
    out: list[tuple[int, int, list[str]]] = []
    carry: tuple[int, int, list[str]] | None = None
    for page, number, line in lines:
        tokens = read_alone(line).split()
        if carry and tokens:
            first = tokens.pop(0)
            readings = [head + first for head in carry[2]]
            readings += [head[:-1] + first for head in carry[2] if head.endswith("-")]
            carry = (carry[0], carry[1], readings)
            if not joins(line) or not tokens:
                if joins(line) and not tokens:
                    continue  # a whole line inside one long address: it runs on again
                out.append(carry)
                carry = None
        if joins(line) and tokens:
            carry = (page, number, [tokens[-1]])
    return out


def _edge_words(first: str, second: str, before: str) -> tuple[str, str]:
    """The braille word a line ends with and the one the next starts with, as a reader
    meets them; "" for one that is part of a word joined across lines (checked joined)."""
    last = first.split()[-1] if first.split() else ""
    start = second.split()[0] if second.split() else ""
    if joins(before) and len(first.split()) == 1:
        last = ""
    if joins(first) or (joins(second) and len(second.split()) == 1):
        start = ""
    if joins(first):
        last = ""
    return last, start


def check_line_breaks(brf_path: Path, text_path: Path) -> list[Finding]:
    """Every line break read as the reader meets it (see the module's docstring)."""
    source = _Source(text_path.read_text(encoding="utf-8"))
    findings: list[Finding] = []
    lines = text_lines(brf_path)
    before = ""
    for (page, number, first), (_, _, second) in zip(lines, lines[1:]):
        continued = first.rstrip().endswith(CONTINUATION)
        together = _words(read_back([first, second]))
        alone = _words(read_alone(first) + ("" if continued else " ") + read_alone(second))
        edges = [] if page == 1 or _BOX_LINE.match(first.strip()) or _BOX_LINE.match(second.strip()) \
            else [word for word in _edge_words(first, second, before) if word]
        before = first
        if together != alone:
            findings.append(_finding(page, number, f"\u201c{' '.join(alone[-4:])}\u201d line by line, "
                                     f"\u201c{' '.join(together[-4:])}\u201d read on", brf_path))
        elif not all(source.has_word(word) for word in edges):
            split = " / ".join(f"\u201c{read_alone(word)}\u201d" for word in edges)
            findings.append(_finding(page, number, f"{split}, not words of the factsheet", brf_path))
    for page, number, readings in _joined_words(lines):
        if not any(_stripped(reading) in source.words for reading in readings):
            findings.append(_finding(page, number, f"\u201c{readings[0]}\u201d, not a word or address of the factsheet", brf_path))
    return sorted(findings, key=lambda finding: finding.message)


def broken_words(brf_path: Path) -> list[str]:
    """The words and addresses the BRF runs on from one line to the next, as the reader joins
    them, for a reader (or a test) to see."""
    return [readings[0].strip(_EDGE_PUNCTUATION) for _, _, readings in _joined_words(text_lines(brf_path))]
