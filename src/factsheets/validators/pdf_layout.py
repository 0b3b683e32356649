"""The large-print PDF's pages as a reader sees them: no word stranded on a line of its own in
the middle of a sentence, and no page left largely blank before something that moved on.

Read from the glyphs pdfplumber gives (validators/pdf_words.glyphs), never from the HTML:
what WeasyPrint laid out is what is judged. Used by check_pdf() and so by `factsheets check`.

- A lone word: a line of one word, between two lines of the same paragraph (same left edge,
  same size, one line's height apart), when the word would have fitted at the end of the
  line before. A word that did not fit there (a long web address's piece) is where a line
  has to break, and is not a fault; nor is a line in a table's cell, whose column (not the
  page) sets where its lines break (a word too long for it is broken anywhere, and warned of).
- A gap: more than a third of a page's text area blank under its last line, unless the next
  page starts with a heading (larger type), a contact box (kept whole, as staff asked: its
  lines are read together), something that is not text (a picture, which cannot be split),
  or the page is the last.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import model as m
from ..transforms import CONTACT_KIND
from . import FAILURE, Finding, PdfChar
from .pdf_words import FOOTER_TOP_PT, FORMAT, _lines, _normal, logical_order

TOP_MARGIN_PT = 18 * 72 / 25.4  # print.css: @page top margin 18 mm
TEXT_HEIGHT_PT = FOOTER_TOP_PT - TOP_MARGIN_PT
MOST_BLANK = 1 / 3  # of a page's text area (issue 26: "no page more than a third empty")
WORD_GAP_EM = 0.15  # glyphs further apart than this (of the type size) are two words
SPACE_EM = 0.28  # a space in Liberation Sans is 0.278 em
LINE_HEIGHT_EM = 1.4  # print.css: body line-height


def _words(line: list[PdfChar]) -> list[tuple[str, float, float]]:
    """A line's words: (text, x0, x1)."""
    words: list[list[Any]] = []  # [text, x0, x1], the last two moved as a word grows
    for c in line:
        if words and c["x0"] - words[-1][2] <= c["size"] * WORD_GAP_EM:
            words[-1][0] += c["text"]
            words[-1][2] = max(words[-1][2], c["x1"])
        else:
            words.append([c["text"], c["x0"], c["x1"]])
    return [(text, x0, x1) for text, x0, x1 in words]


def _body_lines(page: list[PdfChar]) -> list[list[PdfChar]]:
    return [line for line in _lines([c for c in page if c["top"] < FOOTER_TOP_PT]) if line]


def lone_words(pages: list[list[PdfChar]]) -> list[tuple[int, str, str]]:
    """(page number, the lone word, the line before it) for each word stranded on its own line."""
    found = []
    for number, page in enumerate(pages, start=1):
        lines = _body_lines(page)
        # A column's right edge: the furthest any line that starts where this one does reaches.
        reach: dict[int, float] = {}
        for line in lines:
            key = round(line[0]["x0"])
            reach[key] = max(reach.get(key, 0.0), max(c["x1"] for c in line))
        for before, line, after in zip(lines, lines[1:], lines[2:]):
            words = _words(line)
            if len(words) != 1:
                continue
            size = line[0]["size"]
            if any(abs(other[0]["size"] - size) > 0.1 or abs(other[0]["x0"] - line[0]["x0"]) > 1 for other in (before, after)):
                continue
            step = size * LINE_HEIGHT_EM * 1.1
            if not (0 < line[0]["bottom"] - before[0]["bottom"] < step and 0 < after[0]["bottom"] - line[0]["bottom"] < step):
                continue
            text, x0, x1 = words[0]
            if any(abs(c["bottom"] - line[0]["bottom"]) < 1 and not x0 - 1 <= c["x0"] <= x1 + 1 for c in page):
                continue  # a table's cell, beside others on its row: its width is the column's, not the text's
            room = reach[round(line[0]["x0"])] - max(c["x1"] for c in before)
            if x1 - x0 + size * SPACE_EM < room - 1:
                found.append((number, text, "".join(c["text"] for c in before)))
    return found


def _starts(line: list[PdfChar], texts: list[str]) -> bool:
    said = re.sub(r"\s+", "", _normal(logical_order(line)))  # a right-to-left line's glyphs are drawn as seen
    return any(text and (said.startswith(text[: len(said)]) and len(said) >= min(len(text), 8)) for text in texts)


def gaps(pages: list[list[PdfChar]], document: m.Document | None = None) -> list[tuple[int, float]]:
    """(page number, blank fraction) for each page more than a third blank before text that
    could have started on it."""
    allowed = []
    if document is not None:
        for block in document.blocks:
            if isinstance(block, m.Box) and block.kind == CONTACT_KIND:
                allowed.append(re.sub(r"\s+", "", _normal(m.plain_text(block.title))))
    body = [_body_lines(page) for page in pages]
    sizes = sorted(c["size"] for page in pages for c in page)
    text_size = sizes[len(sizes) // 2] if sizes else 0
    found = []
    for number, (lines, following) in enumerate(zip(body, body[1:]), start=1):
        if not lines or not following:
            continue
        blank = (FOOTER_TOP_PT - max(c["bottom"] for line in lines for c in line)) / TEXT_HEIGHT_PT
        first = min(following, key=lambda line: line[0]["top"])
        heading = first[0]["size"] > text_size * 1.05
        not_text = first[0]["top"] > TOP_MARGIN_PT + 3 * text_size * LINE_HEIGHT_EM  # a picture heads the page
        if blank > MOST_BLANK and not (heading or not_text or _starts(first, allowed)):
            found.append((number, blank))
    return found


def check_layout(path: Path, pages: list[list[PdfChar]], document: m.Document | None = None) -> list[Finding]:
    findings = []
    for number, word, before in lone_words(pages):
        findings.append(Finding(FAILURE, FORMAT, (
            f"page {number}: the word '{word}' is alone on a line in the middle of a paragraph, though it fits "
            f"on the line before ('…{before[-30:]}')"), "The print view is breaking a line where it need not: see print.css.", str(path)))
    # Which text may start a page (a contact box's title) is the document's: without it, no gap is judged.
    for number, blank in gaps(pages, document) if document is not None else []:
        findings.append(Finding(FAILURE, FORMAT, (
            f"page {number} is {blank:.0%} blank before text that moved to page {number + 1}"),
            "Let long boxes and tables split over pages; keep only headings with what follows them (print.css).", str(path)))
    return findings
