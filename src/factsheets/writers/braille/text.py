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
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import model as m
from ...i18n import gettext
from ...organisation import display_address
from ..print_html import NO_ALT_TEXT, printed_address

BULLET = "•"  # UEB has a bullet sign; braille software knows it as a list marker
HEADING_MARK = "#"  # repeated once a level at the start of a heading's line
END_OF_QUOTATION = "End of quotation."

Span = tuple[int, int, str]  # start and end in a piece's text, and "bold", "italic" or "english"


@dataclass(frozen=True)
class Piece:
    kind: str  # "heading", "paragraph", "item" (a list item or a line of an address block), "note"
    text: str
    level: int = 0  # heading level; list nesting depth for items
    marker: str = ""  # "•", "3." or "" for an item
    quoted: bool = False  # inside a quotation
    line: int | None = None  # the source factsheet's line, for warnings
    styles: tuple[Span, ...] = ()  # bold or italic stretches of text
    english: bool = False  # English words in a factsheet in another language (untranslated organisation details)

    def words(self) -> str:
        """The piece's text with its list marker, if any."""
        return f"{self.marker} {self.text}" if self.marker else self.text

    def word_styles(self) -> tuple[Span, ...]:
        """`styles` as positions in words()."""
        shift = len(self.marker) + 1 if self.marker else 0
        return tuple((start + shift, end + shift, kind) for start, end, kind in self.styles)

    def plain(self) -> str:
        """The piece as a line of the braille-ready text: nested list items indented,
        headings after their marker."""
        if self.kind == "heading":
            return f"{HEADING_MARK * max(1, self.level)} {self.words()}"
        return "  " * self.level + self.words() if self.kind == "item" else self.words()


def _styled_characters(nodes, style: str, out: list[tuple[str, str]]) -> None:
    """Each character of some inlines with the emphasis it is in ("" for none)."""
    def add(text: str, kind: str = style) -> None:
        out.extend((character, kind) for character in text)

    for node in nodes:
        if isinstance(node, (m.Text, m.Code)):
            add(node.text)
        elif isinstance(node, m.LineBreak):
            add(" ")
        elif isinstance(node, m.Image):
            add(node.alt.strip() or NO_ALT_TEXT)
        elif isinstance(node, m.Link):
            _styled_characters(node.children, style, out)
            shown = printed_address(node)
            if shown:
                add(f" ({shown})", "")
        elif isinstance(node, m.Strong):
            _styled_characters(node.children, "bold", out)
        elif isinstance(node, m.Emphasis):
            # Italic inside bold stays bold: UEB can nest them, but one is enough for a leaflet.
            _styled_characters(node.children, style or "italic", out)
        else:  # TermRef: its words
            _styled_characters(node.children, style, out)


def styled_text(nodes) -> tuple[str, tuple[Span, ...]]:
    """Inlines in plain words, with web addresses written out as on paper, and the
    stretches the source made bold or italic."""
    raw: list[tuple[str, str]] = []
    _styled_characters(nodes, "", raw)
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


def inline_text(nodes) -> str:
    """Inlines in plain words, with web addresses written out as on paper."""
    return styled_text(nodes)[0]


def table_row(headers: list[str], row) -> tuple[str, tuple[Span, ...]]:
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

    def add(self, kind: str, text: str, styles: tuple[Span, ...] = (), **fields) -> None:
        if text.strip():
            shift = len(text) - len(text.lstrip())
            styles = tuple((start - shift, end - shift, style) for start, end, style in styles)
            self.out.append(Piece(kind, text.strip(), styles=styles, **fields))

    def add_styled(self, kind: str, nodes, **fields) -> None:
        text, styles = styled_text(nodes)
        self.add(kind, text, styles=styles, **fields)

    def blocks(self, blocks, *, quoted: bool = False, depth: int = 0, line: int | None = None, in_glossary: bool = False) -> None:
        for block in blocks:
            self.block(block, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)

    def block(self, block: m.Block, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        # A glossary entry's lines are lines of a glossary file, not of the factsheet.
        own_line = None if in_glossary else (getattr(block, "line", None) or line)
        if isinstance(block, m.Heading):
            self.add_styled("heading", block.children, level=block.level, line=own_line)
        elif isinstance(block, m.Paragraph):
            self.add_styled("paragraph", block.children, quoted=quoted, line=own_line)
        elif isinstance(block, m.ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else BULLET
                self.item(item, marker, quoted=quoted, depth=depth, line=own_line, in_glossary=in_glossary)
        elif isinstance(block, m.Quote):
            tag = self.document.meta.language
            intro = gettext(tag, "Quotation (paragraph {reference}):", reference=block.reference) if block.reference else gettext(tag, "Quotation:")
            self.add("paragraph", intro, quoted=quoted, line=own_line)
            self.blocks(block.blocks, quoted=True, line=own_line, in_glossary=in_glossary)
            self.add("note", gettext(tag, END_OF_QUOTATION), quoted=True, line=own_line)
        elif isinstance(block, m.Table):
            headers = [inline_text(cell) for cell in block.header]
            for row in block.rows:
                text, styles = table_row(headers, row)
                self.add("paragraph", text, styles=styles, quoted=quoted, line=own_line)
        elif isinstance(block, m.Figure):
            self.add("paragraph", gettext(self.document.meta.language, "Image: {alt}", alt=inline_text((block.image,))), quoted=quoted, line=own_line)
        elif isinstance(block, m.GlossaryEntry):
            self.blocks(block.blocks, quoted=quoted, depth=depth, in_glossary=True)
        elif isinstance(block, m.ContactDetails):
            self.contact(block.placement)
        else:
            raise TypeError(block)

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

    def organisation_text(self, kind: str, text: str, **fields) -> None:
        """Words from organisation.yml: English, unless the organisation's details are translated."""
        english = getattr(self.document.organisation, "language", "en-GB").startswith("en")
        self.add(kind, text, english=english and not self.document.meta.language.startswith("en"), **fields)

    def label(self, message: str, **values: object) -> str:
        return gettext(self.document.meta.language, message, **values)

    def contact_lines(self) -> None:
        org = self.document.organisation
        start = f"{self.label('Advice line')}: {org.advice_line}, "
        if org.advice_hours:  # words from organisation.yml: English in a translation, unless translated
            english = () if self.document.meta.language.startswith("en") else ((len(start), len(start) + len(org.advice_hours), "english"),)
            self.add("item", start + org.advice_hours, styles=english)
        else:
            self.add("item", start.removesuffix(", "))
        if org.text:
            self.add("item", f"{self.label('Text')}: {org.text}")
        self.add("item", f"{self.label('Email')}: {org.email}")
        self.add("item", f"{self.label('Website')}: {display_address(org.website)}")
        if org.facebook:
            self.add("item", f"Facebook: {display_address(org.facebook)}")

    def contact(self, placement: str) -> None:
        org = self.document.organisation
        if placement == "start":
            self.organisation_text("paragraph", org.name)
            self.organisation_text("paragraph", org.description)
            self.contact_lines()
            return
        self.add("heading", self.label("Contact the {name}", name=org.name), level=2)
        self.contact_lines()
        if org.partners:
            self.add("paragraph", self.label("In partnership with:"))
            for partner in org.partners:
                self.organisation_text("item", partner.name + (f" – {partner.strapline}" if partner.strapline else ""), marker=BULLET)
        if org.collaboration:
            self.organisation_text("paragraph", org.collaboration)
        meta = self.document.meta
        self.add("paragraph", self.label("Version {version}, {date}.", version=meta.version, date=m.display_month(meta.date)))
        self.organisation_text("paragraph", org.disclaimer)
        self.organisation_text("paragraph", org.alternative_formats)


def pieces(document: m.Document) -> list[Piece]:
    """The whole factsheet in reading order, starting with its title."""
    meta = document.meta
    builder = _Pieces(document)
    builder.add("heading", meta.title, level=1)
    builder.add("paragraph", gettext(meta.language, "{organisation} factsheet. Version {version}, {date}.", organisation=document.organisation.name,
                                     version=meta.version, date=m.display_month(meta.date)))
    builder.add("paragraph", meta.summary)
    builder.blocks(document.blocks)
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
