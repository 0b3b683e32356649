"""The document model as braille-ready pieces of plain text, and the braille-ready text file.

A piece is one paragraph, heading or list item in plain words: no Markdown, no
HTML, web addresses written out after a link's words, images replaced by their
alt text. A piece remembers which of its words the source made bold or italic
(`styles`), so that the BRF can show them with UEB's emphasis indicators.

The braille-ready text joins the pieces (one a line, blank lines between
paragraphs) for a transcriber or braille translation software; the BRF writer
lays out the same pieces after liblouis has translated them, so the two files
always say the same thing. The only mark in the braille-ready text is the
heading marker: a heading's line starts with one '#' a level and a space
("# Title", "## Section", "### Sub-section"), the Markdown convention that
braille translation software (and pandoc, and any text editor's outline) reads
as heading levels. Nothing else is marked: emphasis is shown in the BRF only.
A box (a call-out, the contact details) is ruled off as braille transcribers do:
a box line, the box's title as a heading, its text, a closing box line. The
lines follow BANA's Braille Formats (2016), section 7 ("Boxed material"): the
top box line is a line of dots 2356 (⠶) and the bottom one a line of dots 1245
(⠛), each the width of the page; no blank line after the top line or before the
bottom one; the top line is kept on a page with the heading and text under it.
UK producers rule off boxes the same way (RNIB Braillists' Manual, UEB edition,
13.6 "Boxed matter", which DBT's "English (UEB) - UK Formatting" template
implements as its BoxBegin and BoxEnd styles). The braille-ready text is for a
transcriber's software, which reads words, not cells: there the two lines are
words ("Box: Important" or "Box: Note" by the call-out's weight, as print and
audio say it, and "End of box"), and the BRF's box lines carry the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ... import model as m
from ...i18n import gettext, marked_language
from ...transforms import CONTACT_KIND, is_title_line
from ...walk import map_inlines, unknown_node
from ..common import NO_ALT_TEXT, printed_address
from ..constructs import abbreviation_words, fitted_article
from ..print_sources import LinkedFactsheet
from .text_constructs import add_construct, broken_lines

BULLET = "•"  # UEB has a bullet sign; braille software knows it as a list marker
HEADING_MARK = "#"  # repeated once a level at the start of a heading's line
BOX_TOP = "\u2836"  # ⠶ dots 2356: the top box line is a row of it
BOX_BOTTOM = "\u281b"  # ⠛ dots 1245: the bottom box line

Span = tuple[int, int, str]  # start and end in a piece's text, and "bold", "italic" or "english"


@dataclass(frozen=True)
class Piece:
    kind: str  # "heading", "paragraph", "item" (a list item or a line of an address block), "note", "boxline", "picture"
    text: str
    level: int = 0  # heading level; list nesting depth for items
    marker: str = ""  # "•", "3." or "" for an item; a box line's words ("Box: Important", "End of box")
    quoted: bool = False  # inside a quotation
    line: int | None = None  # the source factsheet's line, for warnings
    styles: tuple[Span, ...] = ()  # bold or italic stretches of text
    english: bool = False  # English words in a factsheet in another language (untranslated organisation details)

    def words(self) -> str:
        """The piece's text with its list marker, if any."""
        return f"{self.marker} {self.text}" if self.marker and self.kind != "boxline" else self.text

    def word_styles(self) -> tuple[Span, ...]:
        """`styles` as positions in words()."""
        shift = len(self.marker) + 1 if self.marker else 0
        return tuple((start + shift, end + shift, kind) for start, end, kind in self.styles)

    def plain(self) -> str:
        """The piece as a line of the braille-ready text: nested list items indented,
        headings after their marker."""
        if self.kind == "heading":
            return f"{HEADING_MARK * max(1, self.level)} {self.words()}"
        if self.kind == "boxline":
            return self.marker
        return "  " * self.level + self.words() if self.kind == "item" else self.words()


def _styled_characters(nodes: Sequence[m.Inline], style: str, out: list[tuple[str, str]], language: str = "en") -> None:
    """Each character of some inlines with the emphasis it is in ("" for none)."""
    def add(text: str, kind: str = style) -> None:
        out.extend((character, kind) for character in text)

    for node in nodes:
        match node:
            case m.FootnoteRef():
                add(f"[{node.number}]", "")  # its note follows at the end of the section
            case m.Abbreviation():
                before = "".join(character for character, _ in out[-12:])
                said = abbreviation_words(node, before, language)
                fitted = fitted_article(before, said, language)  # "an SEN plan" -> "a special educational needs (SEN) plan"
                if fitted != before:
                    kinds = [kind for _, kind in out[len(out) - len(before):]]
                    out[len(out) - len(before):] = [(c, kinds[min(i, len(kinds) - 1)]) for i, c in enumerate(fitted)]
                add(said)
            case m.Text() | m.Code():
                add(node.text)
            case m.LineBreak():
                add(" ")
            case m.Image():
                add(node.alt.strip() or NO_ALT_TEXT)
            case m.Link():
                _styled_characters(node.children, style, out, language)
                shown = printed_address(node)
                if shown:
                    add(f" ({shown})", "")
            case m.Strong():
                _styled_characters(node.children, "bold", out, language)
            case m.Emphasis():
                # Italic inside bold stays bold: UEB can nest them, but one is enough for a leaflet.
                _styled_characters(node.children, style or "italic", out, language)
            case m.Span():  # English a translation left in English: brailled in UEB (liblouis.ENGLISH)
                english = node.language.startswith("en") and not language.startswith("en")
                _styled_characters(node.children, "english" if english else style, out, language)
            case m.TermRef():
                _styled_characters(node.children, style, out, language)
            case _:
                unknown_node(node, "braille cannot write")


def name_linked_factsheets(document: m.Document, factsheets: dict[str, LinkedFactsheet]) -> m.Document:
    """Each link to another factsheet followed by its title and web address, as on paper:
    a braille reader cannot follow the link, so is told what to look for."""
    language = document.meta.language

    def change(node: m.Inline) -> m.Inline:
        other = factsheets.get(node.url) if isinstance(node, m.Link) else None
        if other is None or not isinstance(node, m.Link):
            return node
        words = m.plain_text(node.children).strip()
        said = [] if words.casefold() == other.title.casefold() else [gettext(language, "the factsheet \u201c{title}\u201d", title=other.title)]
        if other.address:
            said.append(other.address)
        return replace(node, children=(*node.children, m.Text(f" ({', '.join(said)})"))) if said else node

    return replace(document, blocks=map_inlines(document.blocks, change))


def styled_text(nodes: Sequence[m.Inline], language: str = "en") -> tuple[str, tuple[Span, ...]]:
    """Inlines in plain words, with web addresses written out as on paper, and the
    stretches the source made bold or italic."""
    raw: list[tuple[str, str]] = []
    _styled_characters(nodes, "", raw, language)
    kept: list[tuple[str, str]] = []
    for character, kind in raw:  # runs of white space become one space, none at the ends
        if not character.isspace():
            kept.append((character, kind))
        elif kept and kept[-1][0] != " ":
            kept.append((" ", kind))
    while kept and kept[-1][0] == " ":
        kept.pop()
    text = "".join(character for character, _ in kept)
    spans: list[Span] = []
    for index, (character, kind) in enumerate(kept):
        if not kind or character == " ":
            continue  # a space is emphasised only between two emphasised words (below)
        if spans and spans[-1][2] == kind and text[spans[-1][1]:index].strip() == "" and \
                all(k == kind for _, k in kept[spans[-1][1]:index]):
            spans[-1] = (spans[-1][0], index + 1, kind)
        else:
            spans.append((index, index + 1, kind))
    return text, tuple(spans)


def inline_text(nodes: Sequence[m.Inline]) -> str:
    """Inlines in plain words, with web addresses written out as on paper."""
    return styled_text(nodes)[0]


def table_row(headers: list[str], row: Sequence[tuple[m.Inline, ...]]) -> tuple[str, tuple[Span, ...]]:
    """A table's row as a sentence, each cell after its column's header:
    "Step: Decision; Time limit: four weeks.", keeping the cells' emphasis."""
    said: list[str] = []
    styles: list[Span] = []
    position = 0
    for header, cell in zip(headers + [""] * len(row), row):
        words, spans = styled_text(cell)
        if said:
            position += 2  # "; "
        start = position + (len(header) + 2 if header else 0)
        styles += [(a + start, b + start, kind) for a, b, kind in spans]
        said.append(f"{header}: {words}" if header else words)
        position += len(said[-1])
    return "; ".join(said) + ".", tuple(styles)


class _Pieces:
    def __init__(self, document: m.Document):
        self.document = document
        self.out: list[Piece] = []

    def add(self, kind: str, text: str, styles: tuple[Span, ...] = (), **fields: Any) -> None:
        if text.strip():
            shift = len(text) - len(text.lstrip())
            styles = tuple((start - shift, end - shift, style) for start, end, style in styles)
            self.out.append(Piece(kind, text.strip(), styles=styles, **fields))

    def add_styled(self, kind: str, nodes: tuple[m.Inline, ...], **fields: Any) -> None:
        language = self.document.meta.language
        text, styles = styled_text(nodes, language)
        marked = marked_language(nodes)  # a line a translation left in English is brailled in English (UEB)
        if marked is not None and marked.startswith("en") and not language.startswith("en"):
            fields.setdefault("english", True)
        self.add(kind, text, styles=styles, **fields)

    def blocks(self, blocks: Iterable[m.Block], *, quoted: bool = False, depth: int = 0, line: int | None = None, in_glossary: bool = False) -> None:
        for block in blocks:
            self.block(block, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)

    def block(self, block: m.Block, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        # A glossary entry's lines are lines of a glossary file, not of the factsheet.
        own_line = None if in_glossary else (getattr(block, "line", None) or line)
        match block:
            case m.Heading():
                self.add_styled("heading", block.children, level=block.level, line=own_line)
            case m.Paragraph() if len(lines := broken_lines(block.children)) > 1:
                for nodes in lines:  # kept together, one line each, as an address block's lines are
                    self.add_styled("item", nodes, level=depth, quoted=quoted, line=own_line)
            case m.Paragraph():
                self.add_styled("paragraph", block.children, quoted=quoted, line=own_line)
            case m.ListBlock():
                for number, item in enumerate(block.items, start=block.start):
                    marker = f"{number}." if block.ordered else BULLET
                    self.item(item, marker, quoted=quoted, depth=depth, line=own_line, in_glossary=in_glossary)
            case m.Quote():
                tag = self.document.meta.language
                intro = gettext(tag, "Quotation (paragraph {reference}):", reference=block.reference) if block.reference else gettext(tag, "Quotation:")
                self.add("paragraph", intro, quoted=quoted, line=own_line)
                self.blocks(block.blocks, quoted=True, line=own_line, in_glossary=in_glossary)
                self.add("note", gettext(tag, "End of quotation."), quoted=True, line=own_line)
            case m.Table():
                headers = [inline_text(cell) for cell in block.header]
                for row in block.rows:
                    text, styles = table_row(headers, row)
                    self.add("paragraph", text, styles=styles, quoted=quoted, line=own_line)
            case m.Figure():  # a transcriber's note in the BRF, labelled as print labels it
                self.add("picture", gettext(self.document.meta.language, "Picture: {alt}", alt=inline_text((block.image,))), quoted=quoted, line=own_line)
            case m.GlossaryEntry():
                self.blocks(block.blocks, quoted=quoted, depth=depth, in_glossary=True)
            case m.Box():
                self.box(block, quoted=quoted, depth=depth, line=own_line, in_glossary=in_glossary)
            case m.Notes() | m.DefinitionList():
                add_construct(self, block, quoted=quoted, line=own_line, in_glossary=in_glossary)
            case _:
                unknown_node(block, "braille cannot write")

    def box(self, block: m.Box, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        tag = self.document.meta.language
        label = "" if block.kind == CONTACT_KIND else gettext(tag, "Important") if block.kind in m.IMPORTANT_KINDS else gettext(tag, "Note")
        self.add("boxline", BOX_TOP, quoted=quoted, line=line, marker=gettext(tag, "Box: {label}", label=label) if label else gettext(tag, "Box"))
        level = 2 if block.kind == CONTACT_KIND else 3
        self.add_styled("heading", block.title, level=level, line=line)
        self.blocks(block.blocks, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)
        self.add("boxline", BOX_BOTTOM, quoted=quoted, line=line, marker=gettext(tag, "End of box"))

    def item(self, item: m.ListItem, marker: str, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        first, *rest = item.blocks or (m.Paragraph(()),)
        if isinstance(first, m.Paragraph):
            self.add_styled("item", first.children, level=depth, marker=marker, quoted=quoted, line=line)
        else:
            self.add("item", "", level=depth, marker=marker, quoted=quoted, line=line)
            rest = [first, *rest]
        for block in rest:
            if isinstance(block, m.ListBlock):
                self.blocks((block,), quoted=quoted, depth=depth + 1, line=line, in_glossary=in_glossary)
            else:
                self.block(block, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)

    def label(self, message: str, **values: object) -> str:
        return gettext(self.document.meta.language, message, **values)

def pieces(document: m.Document) -> list[Piece]:
    """The whole factsheet in reading order, starting with its title."""
    meta = document.meta
    builder = _Pieces(document)
    builder.add("heading", meta.title, level=1)
    builder.blocks([b for b in document.blocks if is_title_line(b)])  # under the title, before the summary
    builder.add("paragraph", meta.summary)
    builder.blocks([b for b in document.blocks if not is_title_line(b)])
    return builder.out


def braille_ready_text(items: list[Piece]) -> str:
    """One paragraph a line, blank lines between paragraphs and around headings;
    the lines of one list or address block together."""
    lines: list[str] = []
    previous: Piece | None = None
    for piece in items:
        together = previous is not None and previous.kind == piece.kind == "item" and previous.quoted == piece.quoted
        if previous is not None and not together:
            lines.append("")
        lines.append(piece.plain())
        previous = piece
    return "\n".join(lines) + "\n"
