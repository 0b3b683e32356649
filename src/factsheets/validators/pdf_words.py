"""The large-print PDF's words: every word of the factsheet is printed, in reading order.

pdfplumber reads every glyph on every page; the words come from the document
model. Used by validators/pdf.py's check_pdf(), by the tests and by `factsheets check`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .. import model as m
from ..walk import iter_inlines, map_inlines, unknown_node
from . import FAILURE, WARNING, Finding, PdfChar

FORMAT = "large_print_pdf"
A4_HEIGHT_PT = 841.89
FOOTER_TOP_PT = A4_HEIGHT_PT - 28 * 72 / 25.4  # print.css: @page bottom margin 28 mm
MISSING_LISTED = 20  # missing words reported one by one; any more are listed together in one finding


def _finding(path: Path, message: str, fix: str) -> Finding:
    return Finding(FAILURE, FORMAT, message, fix, str(path))


def glyphs(path: Path) -> list[list[PdfChar]]:
    """Every printed character on every page: text, fontname, size, x0, x1, top, bottom. Parsed once
    a process for all its checks (pdfminer's parse was most of a factsheet's check, read three times),
    kept by path, size and time; the lists are shared: read them, never change them."""
    stat = Path(path).stat()
    return _read_glyphs(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _read_glyphs(path: str, size: int, modified_ns: int) -> list[list[PdfChar]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [[c for c in page.chars if c["text"].strip()] for page in pdf.pages]


def _normal(text: str) -> str:
    """Text as compared: NFKC, no invisible breaks, straight quotes, and the digits of every
    script as 0-9 (Arabic-Indic "٢٠٢٤" in the PDF is the "2024" of the text, and the other way)."""
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "").replace("\u2060", "").replace("\u00ad", "")
    text = re.sub(r"\d", lambda digit: str(unicodedata.digit(digit.group(), digit.group())), text)
    return re.sub(r"[\u2018\u2019]", "'", re.sub(r"[\u201c\u201d]", '"', text))


def actual_text(path: Path) -> str:
    """The text the PDF's ActualText spans say their glyphs stand for, in drawing order, without
    spaces: the words of the lines whose glyphs cannot give them back (engines/weasyprint_text.py)."""
    return "".join(actual_text_pages(path))


def actual_text_pages(path: Path) -> list[str]:
    """actual_text, a page at a time."""
    import pikepdf

    def spans(page: pikepdf.Page) -> str:
        marks = [i.operands for i in pikepdf.parse_content_stream(page) if str(i.operator) == "BDC" and len(i.operands) == 2]
        return "".join(str(o[1].ActualText) for o in marks if isinstance(o[1], pikepdf.Dictionary) and "/ActualText" in o[1])

    with pikepdf.open(path) as pdf:
        return [re.sub(r"\s+", "", _normal(spans(page))) for page in pdf.pages]


def page_texts(path: Path, pages: list[list[PdfChar]] | None = None) -> list[str]:
    """Each page's text as a reader gets it (pdf_text, a page at a time: a right-to-left line
    turned round), then the words its ActualText gives for the lines whose glyphs cannot
    (Nastaliq, Indic scripts)."""
    pages = pages if pages is not None else glyphs(path)
    return [pdf_text(path, [page]) + actual for page, actual in zip(pages, actual_text_pages(path), strict=True)]


def _bare(word: str) -> str:
    """A word without the punctuation around it: 'IPSEA.' and '(11.1)' are found as 'IPSEA' and '11.1'.

    The print view may print something between a word and its punctuation (the web
    address after a link's words, before the full stop), so a word is looked for
    without it.
    """
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def printed_text(inlines: Iterable[m.Inline]) -> str:
    """plain_text as the print view prints it: an abbreviation's first use with its expansion."""
    def spelt_out(node: m.Inline) -> m.Inline:
        if isinstance(node, m.Abbreviation) and node.first and node.expansion:
            return m.Text(f"{node.text} ({node.expansion})")
        return node

    (paragraph,) = map_inlines([m.Paragraph(tuple(inlines))], spelt_out)
    return m.plain_text(paragraph.children)  # type: ignore[union-attr]  # a paragraph stays a paragraph


def document_words(document: m.Document, captions: bool = True) -> list[str]:
    """The words of the factsheet in reading order, from the document model.

    An image's description is printed only as its caption: without captions
    (captions=False) it is in the PDF only as alt text, which is not printed words.
    """
    words: list[str] = []

    def text(run: tuple[m.Inline, ...]) -> str:
        list(iter_inlines(run))  # an inline type the walk does not know is an error, not words left out
        return printed_text(run)

    def walk(blocks: Iterable[m.Block]) -> None:
        for block in blocks:
            match block:
                case m.Heading() | m.Paragraph():
                    words.extend(text(block.children).split())
                case m.Notes():
                    for note in block.notes:
                        walk(note.blocks)
                case m.DefinitionList():
                    for definition_item in block.items:
                        words.extend(w for term in definition_item.terms for w in m.plain_text(term).split())
                        for definition in definition_item.definitions:
                            walk(definition)
                case m.ListBlock():
                    for item in block.items:
                        walk(item.blocks)
                case m.Quote() | m.GlossaryEntry():
                    walk(block.blocks)
                case m.Table():
                    for row in ([block.header] if block.header else []) + list(block.rows):
                        for cell in row:
                            words.extend(text(cell).split())
                case m.Figure():
                    words.extend(block.image.alt.split() if captions else ())
                case m.Box():  # a call-out or the contact details: its title, then its text
                    words.extend(text(block.title).split())
                    walk(block.blocks)
                case _:
                    unknown_node(block, "the PDF word check cannot read")

    words.extend(document.meta.title.split())
    words.extend(document.meta.summary.split())  # printed under the title, as on the web
    walk(document.blocks)
    return [bare for bare in (_bare(_normal(w)) for w in words) if bare]


def prints_captions(path: Path) -> bool:
    """Whether the PDF prints captions (tagged /Caption), and so an image's description as words."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            return any(isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Caption" for o in pdf.objects)
    except (pikepdf.PdfError, OSError, ValueError):
        return False


def pdf_text(path: Path, pages: list[list[PdfChar]] | None = None) -> str:
    """The PDF's text in the order it is drawn, without spaces or line ends.

    WeasyPrint draws text in the order of the document, which is the order of its
    tags, so this is what a screen reader reads; it is also how a squeezed table
    reads cell by cell, where text read off the page geometrically would run
    across the cells of a row line by line.
    """
    pages = pages if pages is not None else glyphs(path)
    # The running footer ("Page N of M", in the bottom margin) is not the factsheet's
    # text; left in, it would split a word that runs over a page.
    body = [c for page in pages for c in page if c["top"] < FOOTER_TOP_PT]
    return re.sub(r"\s+", "", _normal("".join(logical_order(line) for line in _lines(body))))


def _lines(chars: list[PdfChar]) -> list[list[PdfChar]]:
    """Characters in drawing order, cut where a new line starts (the baseline moves)."""
    lines: list[list[PdfChar]] = []
    bottom = None
    for c in chars:
        if bottom is None or abs(c["bottom"] - bottom) > c["size"] * 0.6:
            lines.append([])
        bottom = c["bottom"]
        lines[-1].append(c)
    return lines


_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]*[A-Za-z0-9\u00c0-\u024f])?")


def logical_order(line: list[PdfChar]) -> str:
    """A line's text in reading order. WeasyPrint draws a line's pieces (one an inline box:
    the text, an isolated phone number, the text after it) in reading order, but each
    piece's glyphs from left to right, as they are seen. So a right-to-left piece is read
    backwards, with each left-to-right stretch in it (digits, an English name) forwards again.
    A piece ends where the next letter is drawn to the left of the one before (a vowel
    mark sits over its letter, so it is not counted)."""
    pieces: list[list[PdfChar]] = []
    last_x = None
    for c in line:
        mark = unicodedata.category(c["text"][:1] or " ").startswith("M")
        if not pieces or (not mark and last_x is not None and c["x0"] < last_x - 0.5):
            pieces.append([])
        pieces[-1].append(c)
        last_x = last_x if mark else c["x0"]
    out = []
    for piece in pieces:
        text = "".join(c["text"] for c in piece)
        out.append(_LTR_RUN.sub(lambda match: match.group()[::-1], text[::-1]) if _RTL.search(text) else text)
    return "".join(out)


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def uses_nastaliq(pages: list[list[PdfChar]]) -> bool:
    return any("Nastaliq" in c["fontname"] for page in pages for c in page)


def check_words(path: Path, document: m.Document, pages: list[list[PdfChar]] | None = None) -> list[Finding]:
    """Every word of the factsheet is in the PDF, in the same order.

    Spaces are left out on both sides, because a web address broken over two lines
    comes back as two words; each word must then be found after the one before it.
    Every missing word is reported (the first MISSING_LISTED one by one, the rest in
    one finding), and the search goes on after each.
    """
    try:
        text = pdf_text(path, pages)
    except Exception as error:
        return [_finding(path, f"the PDF's text cannot be read: {error}", "Build it again with `factsheets build`.")]
    fix = "Build the PDF again; if it persists, the print view is losing text."
    words = document_words(document, captions=prints_captions(path))
    findings: list[Finding] = []
    spoken_for = actual_text(path)
    if spoken_for:
        # Lines in an Indic script or in Nastaliq carry their words as ActualText: those words are
        # read from it, in order, as a screen reader and pdftotext read them; the rest from the glyphs.
        from ..engines.weasyprint_text import needs_actual_text

        # A word half in each ("Service-এর": the English name isolated, its Bengali ending not) is
        # looked for in both, each part where it is drawn.
        shaped: list[str] = []
        others: list[str] = []
        for word in words:
            for part in re.split(r"([\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u0900-\u0dff]+)", word):
                if part.strip("-"):
                    (shaped if needs_actual_text(part, document.meta.language) else others).append(part.strip("-"))
        words = others
        findings += _in_order(shaped, spoken_for, document, fix, "in the PDF's text layer (ActualText)")
        if uses_nastaliq(pages if pages is not None else glyphs(path)):
            # A number in an Urdu line is drawn among Nastaliq shapes that rise and fall across the
            # line's height, so the text layer can mix two lines' glyphs: it is looked for, not in order.
            numbers = [w for w in words if _NUMBER.fullmatch(w)]  # 2024, and a time: 3:00, 10.30
            findings += [_finding(path, f"the number '{n}' is not in the PDF", fix) for n in dict.fromkeys(numbers) if n not in text]
            words = [w for w in words if not _NUMBER.fullmatch(w)]
    elif uses_nastaliq(pages if pages is not None else glyphs(path)):
        # Nastaliq draws several letters with one shape (the dots are glyphs of their own), and
        # WeasyPrint's text layer can map a shape to one letter only: its Urdu words cannot be
        # read back. Its other words still are; the page itself has to be looked at.
        unread = [w for w in words if _RTL.search(w)]
        # A number in an Urdu line is drawn among Nastaliq shapes that rise and fall across the
        # line's height, so the text layer can mix two lines' glyphs: it is looked for, not in order.
        numbers = [w for w in words if w.isdigit()]
        words = [w for w in words if not _RTL.search(w) and not w.isdigit()]
        findings.append(Finding(WARNING, FORMAT, f"{len(unread)} words in Nastaliq were not compared: the PDF's text layer cannot give "
                                "them back letter for letter (copying them from the PDF gives wrong letters)",
                                "Look at the PDF's pages; for a text to copy or read aloud use the website or the EPUB.", document.meta.source))
        findings += [_finding(path, f"the number '{n}' is not in the PDF", "Build the PDF again; if it persists, the print view is losing text.")
                     for n in dict.fromkeys(numbers) if n not in text]
    return findings + _in_order(words, text, document, fix, "in the PDF", already=len(findings))


def _in_order(words: list[str], text: str, document: m.Document, fix: str, where_read: str, already: int = 0) -> list[Finding]:
    """Each word found in `text` after the one before it; every missing one reported."""
    findings: list[Finding] = []
    rest: list[str] = []
    position = 0
    for index, word in enumerate(words):
        found = text.find(_normal(word), position)
        if found >= 0:
            position = found + len(_normal(word))
            continue
        if already + len(findings) >= MISSING_LISTED:
            rest.append(word)
            continue
        before = " ".join(words[max(0, index - 6):index])
        where = "anywhere" if _normal(word) not in text else "in reading order"
        findings.append(Finding(FAILURE, FORMAT, f"the word '{word}' (after '{before}') is not {where_read} {where}", fix, document.meta.source))
    if rest:
        findings.append(Finding(FAILURE, FORMAT, f"{len(rest)} more words are not {where_read} (in reading order): {' '.join(rest)}",
                                fix, document.meta.source))
    return findings


