"""The print view: the factsheet as one plain, self-contained HTML page.

It is what the website's "print-friendly page" links to, and the HTML the
large-print PDF is made from: web addresses are written out in full (paper
cannot be clicked) and may break only at sensible points, quotations are
introduced in words rather than by italics, and the stylesheet is our own
(assets/print.css), not the website's theme.

A factsheet in another language gets `<html lang dir>` from its language, and the
stylesheet picks the fonts its script needs (Noto Naskh Arabic, Noto Nastaliq Urdu,
Noto Sans CJK SC, from Debian's fonts-noto-core and fonts-noto-cjk). In a factsheet
not written in Latin letters, each stretch of Latin letters and digits (a phone
number, an email, the organisation's English name) is isolated as left-to-right
(`<span dir="ltr">`): inside a right-to-left paragraph WeasyPrint otherwise lays the
two groups of "01225 394382" out right to left, printing "394382 01225". A stretch
with Latin words is marked `lang="en-GB"`: it is English (untranslated organisation
details) in every such factsheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from .. import __version__
from .. import model as m
from ..i18n import gettext, language, script
from ..transforms import CONTACT_END, CONTACT_KIND
from . import FinishedJob, FinishedPart, Output, OutputKind, Writer
from .bidi import isolate_latin, page_number_css
from .common import NO_ALT_TEXT, printed_address
from .constructs import callout_label
from .html import HtmlRenderer
from ..walk import iter_block_inlines
from .print_sources import LinkedFactsheet, copy_images, dependencies, linked_factsheets

DEFAULT_SIZE_PT = 18
CONTINUED_ID = f"{CONTACT_END}-continued"  # the closing box's second part (writers/pdf_closing_box.py)

# Where a web address may break across lines: only after a slash, an @ or a dot, so that
# a line ends where a reader sees the address go on (issue 26's large-print review: a line
# starting ".example.org.uk" was read as a new word); never at an underscore or other
# punctuation, where the two halves read as two words ("send" / "_partnershipservice@...").
# Before a hyphen only in a long stretch with no other place to break: a line ending in a
# hyphen would read as a word hyphenated by the printer, so the hyphen starts the next line.
_ADDRESS_BREAKS = re.compile(r"(?<=[/@])(?=[^/])|(?<=\.)(?=[^./])")
_LONG_PIECE = 24  # characters: about half a line of 18 pt bold on A4
_SHORT_ADDRESS = 30  # characters: fits on a line of 24 pt bold on A4
_ADDRESS = re.compile(r"^[\w.+-]+@[\w.-]+\.\w+$|^(?:https?://|www\.)\S+$|^\S+\.\S+/\S*$")
# UKAAF: a table of up to about ten rows is read as one piece, so it is kept on one page;
# a longer one may run over pages, with its header row repeated on each.
SHORT_TABLE_ROWS = 10
PICTURE_LABEL = "Picture:"
# A call-out of more words than this (about a third of a page at 18 pt) may run over a page
# rather than move whole and leave a third of a page blank (issue 26's large-print review).
LONG_BOX_WORDS = 90
LONG_CELL_WORD = 24  # characters: longer than a column of a table can hold at 24 pt
WIDE_TABLE_COLUMNS = 5  # more columns than this cannot hold long words whole on A4 in large print


def word_count(blocks: Iterable[m.Block]) -> int:
    return sum(len(node.text.split()) for _, node in iter_block_inlines(blocks) if isinstance(node, m.Text))


def print_css(size_pt: float) -> str:
    css = files("factsheets").joinpath("assets/print.css").read_text(encoding="utf-8")
    return css.replace("--fs-size: 18pt", f"--fs-size: {size_pt:g}pt")


def is_address(word: str) -> bool:
    """A web or email address, as written in running text."""
    return bool(_ADDRESS.match(word.strip("()[],;:!\"'")))


def address_pieces(word: str) -> list[str]:
    """An address cut where a line may break: 'www.abc.uk/b/c' -> ['www.abc.', 'uk/', 'b/', 'c'] (when long)."""
    if len(word) <= _SHORT_ADDRESS:
        return [word]  # it fits on a line: it moves to the next line whole rather than break
    # Not straight after "www" or the scheme: a line ending "www" reads as a word.
    start = len(re.match(r"(?:https?://)?(?:www\.)?", word).group())  # type: ignore[union-attr]  # the pattern matches any string
    cuts = [0, *(match.start() for match in _ADDRESS_BREAKS.finditer(word) if match.start() > start), len(word)]
    pieces = []
    for piece in (word[a:b] for a, b in zip(cuts, cuts[1:]) if b > a):
        if len(piece) > _LONG_PIECE and "-" in piece[1:]:
            pieces.extend(re.split(r"(?<=.)(?=-)", piece))
        else:
            pieces.append(piece)
    return pieces


def breakable(text: str) -> str:
    """Escaped text in which every address may break at its sensible points, and only there.

    A zero-width space marks each point: WeasyPrint breaks at it within one run of
    text, where it does not always break at a <wbr> between runs (measured: 'sen|d').
    """
    out = []
    for token in re.split(r"(\s+)", text):
        if token and not token.isspace() and is_address(token):
            # Text may break after a hyphen by itself (Unicode line breaking); a word joiner
            # (U+2060, invisible) after each hyphen leaves only the breaks chosen above.
            out.append("\u200b".join(escape(piece, quote=False).replace("-", "-\u2060") for piece in address_pieces(token)))
        else:
            out.append(escape(token, quote=False))
    return "".join(out)


class PrintRenderer(HtmlRenderer):
    """The website's renderer with what paper needs instead of what a screen needs.

    `image_src` maps an image's source to where the page finds it; `factsheets` maps a
    link's URL to the factsheet it goes to. A link to another factsheet goes to its
    full web address when there is one, else (on_site) to its page from the print
    page's place on the site, files/<slug>/, else nowhere: a PDF has no site around it.
    """

    def __init__(self, document: m.Document, image_src: dict[str, str] | None = None,
                 factsheets: dict[str, LinkedFactsheet] | None = None, on_site: bool = False):
        super().__init__(document, print_urls=True)
        self.image_src = image_src or {}
        self.factsheets = factsheets or {}
        self.on_site = on_site
        self.seen_section = False  # a level-2 heading came before: notes' headings are level 3

    def inline(self, node: m.Inline) -> str:
        if isinstance(node, m.Text):
            return breakable(node.text)
        if isinstance(node, m.Image):
            alt = node.alt if node.alt.strip() else NO_ALT_TEXT
            return f'<img src="{escape(self.image_src.get(node.src, node.src))}" alt="{escape(alt)}">'
        return super().inline(node)

    def link(self, node: m.Link) -> str:
        other = self.factsheets.get(node.url)
        if other:
            return self.factsheet_link(node, other)
        out = f'<a href="{escape(node.url)}">{self.inlines(node.children)}</a>'
        shown = printed_address(node)
        if shown:
            out += f' <span class="fs-url">({breakable(shown)})</span>'
        return out

    def factsheet_link(self, node: m.Link, other: LinkedFactsheet) -> str:
        """'the short factsheet (the factsheet "A short factsheet", www.example.org/factsheets/short.html)'."""
        words = m.plain_text(node.children).strip()
        said = [] if words.casefold() == other.title.casefold() else [f"the factsheet \u201c{escape(other.title)}\u201d"]
        if other.address:
            said.append(breakable(other.address))
        href = other.url or (f"../../{other.page}" if self.on_site else None)
        words_html = self.inlines(node.children)
        out = f'<a href="{escape(href)}">{words_html}</a>' if href else f"<strong>{words_html}</strong>"
        return out + (f' <span class="fs-url">({", ".join(said)})</span>' if said else "")

    def footnote_ref(self, node: m.FootnoteRef) -> str:
        """'[1]' at the size of the text: a raised small number is hard to see in large print."""
        own = f' id="{escape(node.ref_id)}"' if node.ref_id else ""
        return f'<a class="fs-noteref"{own} href="#{escape(node.note_id)}">[{node.number}]</a>'

    def abbreviation(self, node: m.Abbreviation) -> str:
        """The first use spelt out in brackets, 'SENCO (Special Educational Needs Coordinator)':
        paper has no pointer to show the website's tooltip, and a large-print reader who
        meets the letters again can look back to the first use, in the same words as the
        website's. Later uses are the letters alone, as written."""
        letters = breakable(node.text)
        return f"{letters} ({breakable(node.expansion)})" if node.first and node.expansion else letters

    def notes(self, block: m.Notes) -> str:
        """At the end of the section, under a 'Notes' heading one level below the section's,
        each note after its number as cited, '[2]' (written out: WeasyPrint numbers every
        list from 1, whatever its start)."""
        level = 3 if self.seen_section else 2
        title = escape(gettext(self.document.meta.language, "Notes"))
        items = []
        for note in block.notes:
            number = f'<span class="fs-note-number">[{note.number}]</span> '
            body = self.note_with_lead(note, number)
            items.append(f'<li id="{escape(note.id)}">{body}</li>')
        return (f'<section class="fs-notes" id="{escape(block.id)}"><h{level} class="fs-notes-title">{title}</h{level}>'
                f'<ul class="fs-notes-list">{"".join(items)}</ul></section>')

    def term(self, inlines: tuple[m.Inline, ...]) -> str:
        return f"<strong>{self.inlines(inlines)}</strong>"

    def block(self, block: m.Block) -> str:
        if isinstance(block, m.Heading) and block.level == 2:
            self.seen_section = True
        if isinstance(block, m.Table):
            html = super().block(block)
            if len(block.rows) <= SHORT_TABLE_ROWS:
                html = html.replace('<div class="fs-table">', '<div class="fs-table fs-table-short">', 1)
            cells = [*block.header, *(cell for row in block.rows for cell in row)]
            columns = max([len(block.header), *(len(row) for row in block.rows)])
            if columns > WIDE_TABLE_COLUMNS or any(len(word) > LONG_CELL_WORD for cell in cells for word in m.plain_text(cell).split()):
                # Too wide for its words to fit whole (the PDF writer warns): they may break anywhere.
                html = html.replace('<div class="fs-table', '<div class="fs-table fs-table-long-words', 1)
            return html
        if isinstance(block, m.Figure):
            return self.figure(block)
        return super().block(block)

    def figure(self, block: m.Figure) -> str:
        """An image at the width of the text, and its description printed under it as a caption."""
        caption = ""
        if block.image.alt.strip():
            caption = f'<figcaption><strong>{escape(gettext(self.document.meta.language, PICTURE_LABEL))}</strong> {breakable(block.image.alt.strip())}</figcaption>'
        return f'<figure class="fs-figure">{self.inline(block.image)}{caption}</figure>'

    def box(self, block: m.Box) -> str:
        """A call-out as a ruled box, its title a bold line over its text; a collapsible one is
        printed open (paper cannot be clicked). The contact details keep their own box."""
        if block.kind == CONTACT_KIND and block.id.startswith(CONTINUED_ID):  # the closing box's second part, on a new page
            return super().box(block).replace('class="fs-contact"', 'class="fs-contact fs-continued"', 1)
        if block.kind == CONTACT_KIND:
            return super().box(block)
        label = callout_label(block, self.document.meta.language)
        said = escape(gettext(self.document.meta.language, "{label}:", label=label)) + " " if label else ""
        long = " fs-callout-long" if word_count(block.blocks) > LONG_BOX_WORDS else ""
        return (f'<div class="fs-callout fs-callout-{escape(block.kind)}{long}" id="{escape(block.id)}">'
                f'<p class="fs-callout-title"><strong>{said}{self.inlines(block.title)}</strong></p>{self.blocks(block.blocks)}</div>')

    def quote(self, block: m.Quote) -> str:
        tag = self.document.meta.language
        label = escape(gettext(tag, "Quotation (paragraph {reference}):", reference=block.reference) if block.reference else gettext(tag, "Quotation:"))
        return (
            f'<div class="fs-quote"><p class="fs-quote-label">{label}</p>'
            f"<blockquote>{self.blocks(block.blocks)}</blockquote></div>"
        )


def head_metadata(document: m.Document, date: str | None) -> str:
    """What a PDF takes from <head>: author, subject, keywords, creator and dates."""
    meta = document.meta
    # WeasyPrint splits keywords at commas, so a term's own commas are left out.
    terms = [b.term.replace(",", "") for b in document.blocks if isinstance(b, m.GlossaryEntry)]
    keywords = ", ".join(dict.fromkeys([*terms, "large print", document.organisation.series]))
    out = [
        f'<meta name="author" content="{escape(document.organisation.name)}">',
        f'<meta name="description" content="{escape(meta.summary)}">',
        f'<meta name="keywords" content="{escape(keywords)}">',
        f'<meta name="generator" content="factsheets {escape(__version__)}">',
    ]
    if date:
        out.append(f'<meta name="dcterms.created" content="{escape(date)}">')
        out.append(f'<meta name="dcterms.modified" content="{escape(date)}">')
    return "\n".join(out)


def print_document(document: m.Document, size_pt: float = DEFAULT_SIZE_PT, extra_css: str = "", date: str | None = None,
                   image_src: dict[str, str] | None = None, factsheets: dict[str, LinkedFactsheet] | None = None,
                   on_site: bool = False) -> str:
    meta = document.meta
    renderer = PrintRenderer(document, image_src, factsheets, on_site)
    # The summary under the title, as the website, the braille and the EPUB show it.
    summary = f'<p class="fs-summary">{escape(meta.summary)}</p>' if meta.summary.strip() else ""
    first = f'<header class="fs-title-block"><h1 id="title">{escape(meta.title)}</h1>{summary}</header>'
    body = f"{first}\n{renderer.blocks(document.blocks)}"
    if script(meta.language) != "Latn":
        body = isolate_latin(body)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}" dir="{language(meta.language).direction}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(meta.title)}</title>\n"
        f"{head_metadata(document, date)}\n"
        f"<style>\n{print_css(size_pt)}{page_number_css(meta.language)}{extra_css}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


class PrintHtmlWriter(Writer):
    name = "print"
    version = "3"
    summary = "print-friendly web page"
    aliases = ()
    rank = 10
    outputs = (
        OutputKind("print_html", "Print-friendly page", "web page", "a plain page with every web address written out, to print from your browser", "text/html"),
    )
    options = ()
    weight = 0.1
    preload = ("factsheets.writers.print_html",)

    def dependencies(self, document: m.Document, options: dict[str, Any]) -> str:
        return dependencies(document, options)

    def write(self, document: m.Document, out_dir: Path, options: dict[str, Any], *, parts: dict[str, FinishedPart] | None = None, needed: dict[str, FinishedJob] | None = None) -> Output:
        out_dir.mkdir(parents=True, exist_ok=True)
        root = Path(options.get("project_root") or ".")
        path = out_dir / f"{document.meta.slug}-print.html"
        html = print_document(document, image_src=copy_images(document, root, out_dir),
                              factsheets=linked_factsheets(document, root), on_site=True)
        path.write_text(html, encoding="utf-8")
        return Output(files={"print_html": path})
