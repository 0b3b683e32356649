"""The factsheet as one XHTML content document, with every timed sentence in a span.

It reuses the website's HTML renderer (the same glossary links, quotations and
contact details, call-outs as <aside> notes) and changes only what XHTML needs: empty elements closed
(`<br/>`, `<img/>`), ids on the blocks a media overlay points at, and each
sentence of those blocks in a `<span id="...">`, so that a reading system can
highlight it as it is spoken. The result is parsed as XML before it is used:
it is well-formed or the writer stops.
"""

from __future__ import annotations

from html import escape

from ... import model as m
from ...i18n import gettext, language, script
from ...transforms import CONTACT_END, CONTACT_KIND
from ..bidi import isolate_latin
from ..sentences import sentence_spans
from ..sentence_inlines import split_inlines
from ..html import HtmlRenderer
from ..constructs import callout_label
from ..print_html import PICTURE_LABEL
from ..print_sources import LinkedFactsheet
from ..sentences import END_ID, SUMMARY_ID
from .pages import mark_lines

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"


def language_direction(tag: str) -> str:
    """Writing direction of a language, from Babel (CLDR): right to left for Arabic, Urdu ..."""
    return language(tag).direction


class XhtmlRenderer(HtmlRenderer):
    """HtmlRenderer's markup, made XHTML, with sentence spans where the audio has timings.

    `timed` is the set of block ids the audio says; `sentences` collects, for each of them,
    the ids of the sentence spans written (an empty list: the block is one span, its own id)."""

    def __init__(self, document: m.Document, timed: set[str], page_marks: dict[int, int] | None = None, unmarked_pages: dict[int, list[str]] | None = None,
                 images: dict[str, str] | None = None, factsheets: dict[str, LinkedFactsheet] | None = None) -> None:
        super().__init__(document, link_href=lambda url: (images or {}).get(url, url))
        self.factsheets = factsheets or {}  # a link's URL -> the other factsheet it names (print_sources.LinkedFactsheet)
        self.timed = timed
        self.page_marks = page_marks or {}  # Python id of a block -> the print page that starts with it
        self.unmarked_pages = unmarked_pages or {}  # pages that start inside the closing contact details
        self.sentences: dict[str, list[str]] = {}
        self.scope = ""  # a glossary definition's blocks are numbered within it: its id makes theirs unique

    def inline(self, node: m.Inline) -> str:
        if isinstance(node, m.LineBreak):
            return "<br/>"
        if isinstance(node, m.Image):
            return f'<img src="{escape(self.link_href(node.src))}" alt="{escape(node.alt)}"/>'
        return super().inline(node)

    def footnote_ref(self, node: m.FootnoteRef) -> str:
        """EPUB 3's note reference: a reading system may show the note in a pop-up."""
        own = f' id="{escape(node.ref_id)}"' if node.ref_id else ""
        return f'<sup><a epub:type="noteref" role="doc-noteref"{own} href="#{escape(node.note_id)}">{node.number}</a></sup>'

    def notes(self, block: m.Notes) -> str:
        """Each note an EPUB footnote (an aside), at the end of its section as in print, its
        number a link back to where it is cited."""
        asides = []
        for note in block.notes:
            back = f'<a role="doc-backlink" href="#fnref-{escape(note.id.removeprefix("fn-"))}">{note.number}.</a> '
            self.target(note.id)  # read after the paragraph that cites it
            body = self.note_with_lead(note, back)
            asides.append(f'<aside epub:type="footnote" role="doc-footnote" id="{escape(note.id)}">{body}</aside>')
        return f'<div class="fs-notes" id="{escape(block.id)}">{"".join(asides)}</div>'

    def link(self, node: m.Link) -> str:
        """A link to another factsheet goes to its page on the web, or is words alone without
        site_url: the other factsheet is not in this book."""
        # A text number without its sms: link: EPUBCheck warns of a URI scheme it does not know (HTM-025).
        if node.url.startswith("sms:"):
            return self.inlines(node.children)
        other = self.factsheets.get(node.url)
        if other is None:
            return super().link(node)
        words = self.inlines(node.children)
        return f'<a href="{escape(other.url)}">{words}</a>' if other.url else words

    def sentence_spans(self, block_id: str, nodes: tuple[m.Inline, ...]) -> str:
        """Inlines of a timed block, each sentence in a span of its own."""
        groups = split_inlines(nodes, sentence_spans(m.plain_text(nodes), self.document.meta.language))
        ids = [f"{block_id}-s{n}" for n in range(1, len(groups) + 1)]
        self.sentences[block_id] = ids
        return " ".join(f'<span id="{i}">{self.inlines(g).strip()}</span>' for i, g in zip(ids, groups, strict=True))

    def page_mark(self, block: m.Block) -> str:
        number = self.page_marks.get(id(block))
        return page_break(number) if number else ""

    def block(self, block: m.Block) -> str:
        return self.page_mark(block) + self.unmarked_block(block)

    def unmarked_block(self, block: m.Block) -> str:
        if isinstance(block, m.GlossaryEntry):
            self.scope = f"{block.id}-"
            try:
                return super().block(block)
            finally:
                self.scope = ""
        if isinstance(block, m.Paragraph) and block.id:
            block_id = self.scope + block.id
            words = self.sentence_spans(block_id, block.children) if block_id in self.timed else self.inlines(block.children)
            return f'<p id="{escape(block_id)}">{words}</p>'
        if isinstance(block, m.Heading) and block.id in self.timed:
            self.sentences[block.id] = []
        if isinstance(block, m.Figure):
            # The description shown as print shows it, under the picture, and highlighted as it is said.
            self.target(block.id)
            caption = f'<figcaption><strong>{escape(self.t(PICTURE_LABEL))}</strong> {escape(block.image.alt.strip())}</figcaption>'
            return f'<figure id="{escape(block.id)}">{self.inline(block.image)}{caption if block.image.alt.strip() else ""}</figure>'
        if isinstance(block, m.Table) and block.id:
            return self.table(block)
        return super().block(block)

    def target(self, ident: str) -> None:
        """An element the audio says as a whole (a title, a table row, a cue): one overlay item."""
        if ident in self.timed:
            self.sentences[ident] = []

    def table(self, block: m.Table) -> str:
        """The website's table, each row with an id: the audio says a row as a sentence."""
        head = "".join(f'<th scope="col">{self.inlines(c)}</th>' for c in block.header)
        rows = []
        for number, row in enumerate(block.rows, 1):
            ident = f"{block.id}-row{number}"
            self.target(ident)
            rows.append(f'<tr id="{escape(ident)}">' + "".join(f"<td>{self.inlines(c)}</td>" for c in row) + "</tr>")
        thead = f"<thead><tr>{head}</tr></thead>" if head else ""
        return f'<div class="fs-table"><table>{thead}<tbody>{"".join(rows)}</tbody></table></div>'

    def definition_list(self, block: m.DefinitionList) -> str:
        self.target(block.id)  # said an item at a time, highlighted whole
        return super().definition_list(block)

    def quote(self, block: m.Quote) -> str:
        """The website's quotation, with ids where the audio's cues are heard: "Quotation from
        paragraph 11.1:" on the quotation, "End of quotation." on its reference (or its end)."""
        if not block.id:
            return super().quote(block)
        ident, end = escape(block.id), escape(f"{block.id}-end")
        self.target(block.id)
        html = super().quote(block).replace('<figure class="fs-quote"', f'<figure class="fs-quote" id="{ident}"', 1)
        self.target(f"{block.id}-end")
        if block.reference:
            return html.replace('<p class="fs-reference">', f'<p class="fs-reference" id="{end}">', 1)
        return html.replace("<blockquote>", f'<blockquote id="{end}">', 1)

    def item(self, item: m.ListItem) -> str:
        if len(item.blocks) == 1 and isinstance(item.blocks[0], m.Paragraph):
            paragraph = item.blocks[0]
            block_id = self.scope + paragraph.id
            if paragraph.id and block_id in self.timed:
                return self.page_mark(paragraph) + f'<span id="{escape(block_id)}">{self.sentence_spans(block_id, paragraph.children)}</span>'
            return self.page_mark(paragraph) + super().item(item)
        return super().item(item)


    def span(self, node: m.Span) -> str:
        # XHTML: xml:lang beside lang, which reading systems and EPUBCheck's accessibility rules read.
        return super().span(node).replace("<span lang=", f'<span xml:lang="{escape(node.language)}" lang=', 1)

    def box(self, block: m.Box) -> str:
        """A call-out as an <aside> that is a note, its title a heading-like first line; the
        contact details as their section (the landmarks point at contact-end). Collapsible
        ones are open: reading systems need not run scripts or support <details>."""
        self.target(f"{block.id}-title")
        if block.kind == CONTACT_KIND:
            html = super().box(block)
            if block.id == CONTACT_END and self.unmarked_pages:
                html, self.unmarked_pages = mark_lines(html, self.unmarked_pages, page_break)
            return html
        self.target(block.id)  # the audio's "End of important information." highlights the whole box
        ident = escape(block.id)
        # Its weight in words ("Important: Time limits"), as print and audio say it: a box with a
        # heavier rule alone looks like a note to many readers, and is not seen by a screen reader.
        label = callout_label(block, self.document.meta.language)
        said = escape(self.t("{label}:", label=label)) + " " if label else ""
        return (f'<aside class="admonition {escape(block.kind)}" id="{ident}" role="note" aria-labelledby="{ident}-title">'
                f'<p class="admonition-title" id="{ident}-title"><strong>{said}{self.inlines(block.title)}</strong></p>'
                f"{self.blocks(block.blocks)}</aside>")


def page_break(number: int) -> str:
    """A print page's start: named for screen readers (Ace requires the label), shown by reading systems' page lists."""
    return f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{number}" aria-label="Page {number}"></span>'


def content_document(document: m.Document, body: str, stylesheet: str, first_page: bool = False) -> str:
    """A complete XHTML document: language and direction on the root, the title first."""
    meta = document.meta
    language = escape(meta.language)
    direction = language_direction(meta.language)
    if script(meta.language) != "Latn":  # phone numbers and English names kept left to right
        body = isolate_latin(body, xml=True)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="{language}" xml:lang="{language}" dir="{direction}">\n'
        f'<head><meta charset="utf-8"/><title>{escape(meta.title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="{stylesheet}"/></head>\n'
        f'<body><main epub:type="bodymatter" id="top">\n{page_break(1) if first_page else ""}<h1 id="title">{escape(meta.title)}</h1>\n'
        f'<p class="fs-summary" id="{SUMMARY_ID}">{escape(meta.summary)}</p>\n{body}\n'
        f'<p class="fs-end" id="{END_ID}">{escape(gettext(meta.language, "End of factsheet."))}</p>\n</main></body>\n</html>\n'
    )
