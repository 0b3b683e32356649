"""The document model as braille-ready pieces of plain text, and the braille-ready text file.

A piece is one paragraph, heading or list item in plain words: no Markdown, no
HTML, web addresses written out after a link's words, images replaced by their
alt text. The braille-ready text joins the pieces (one a line, blank lines
between paragraphs) for a transcriber or braille translation software; the
BRF writer lays out the same pieces after liblouis has translated them, so
the two files always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import model as m
from ...organisation import display_address
from ..print_html import NO_ALT_TEXT, printed_address

BULLET = "•"  # UEB has a bullet sign; braille software knows it as a list marker


@dataclass(frozen=True)
class Piece:
    kind: str  # "heading", "paragraph", "item" (a list item or a line of an address block), "note"
    text: str
    level: int = 0  # heading level; list nesting depth for items
    marker: str = ""  # "•", "3." or "" for an item
    quoted: bool = False  # inside a quotation
    line: int | None = None  # the source factsheet's line, for warnings
    braille: bool = True  # False: in the braille-ready text only (the BRF says it by layout)

    def words(self) -> str:
        """The piece's text with its list marker, if any."""
        return f"{self.marker} {self.text}" if self.marker else self.text

    def plain(self) -> str:
        """The piece as a line of the braille-ready text: nested list items indented."""
        return "  " * self.level + self.words() if self.kind == "item" else self.words()


def inline_text(nodes) -> str:
    """Inlines in plain words, with web addresses written out as on paper."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, (m.Text, m.Code)):
            out.append(node.text)
        elif isinstance(node, m.LineBreak):
            out.append(" ")
        elif isinstance(node, m.Image):
            out.append(node.alt.strip() or NO_ALT_TEXT)
        elif isinstance(node, m.Link):
            words = inline_text(node.children)
            shown = printed_address(node)
            out.append(f"{words} ({shown})" if shown else words)
        else:  # Strong, Emphasis, TermRef: their words; emphasis is for the eye
            out.append(inline_text(node.children))
    return re.sub(r"\s+", " ", "".join(out)).strip()


class _Pieces:
    def __init__(self, document: m.Document):
        self.document = document
        self.out: list[Piece] = []

    def add(self, kind: str, text: str, **fields) -> None:
        if text.strip():
            self.out.append(Piece(kind, text.strip(), **fields))

    def blocks(self, blocks, *, quoted: bool = False, depth: int = 0, line: int | None = None, in_glossary: bool = False) -> None:
        for block in blocks:
            self.block(block, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)

    def block(self, block: m.Block, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        # A glossary entry's lines are lines of a glossary file, not of the factsheet.
        own_line = None if in_glossary else (getattr(block, "line", None) or line)
        if isinstance(block, m.Heading):
            self.add("heading", inline_text(block.children), level=block.level, line=own_line)
        elif isinstance(block, m.Paragraph):
            self.add("paragraph", inline_text(block.children), quoted=quoted, line=own_line)
        elif isinstance(block, m.ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else BULLET
                self.item(item, marker, quoted=quoted, depth=depth, line=own_line, in_glossary=in_glossary)
        elif isinstance(block, m.Quote):
            intro = "Quotation" + (f" (paragraph {block.reference})" if block.reference else "") + ":"
            self.add("paragraph", intro, quoted=quoted, line=own_line)
            self.blocks(block.blocks, quoted=True, line=own_line, in_glossary=in_glossary)
            self.add("note", "End of quotation.", quoted=True, line=own_line, braille=False)
        elif isinstance(block, m.Table):
            headers = [inline_text(cell) for cell in block.header]
            for row in block.rows:
                cells = [inline_text(cell) for cell in row]
                said = [f"{h}: {c}" if h else c for h, c in zip(headers + [""] * len(cells), cells)]
                self.add("paragraph", "; ".join(said) + ".", quoted=quoted, line=own_line)
        elif isinstance(block, m.Figure):
            self.add("paragraph", "Image: " + inline_text((block.image,)), quoted=quoted, line=own_line)
        elif isinstance(block, m.GlossaryEntry):
            self.blocks(block.blocks, quoted=quoted, depth=depth, in_glossary=True)
        elif isinstance(block, m.ContactDetails):
            self.contact(block.placement)
        else:
            raise TypeError(block)

    def item(self, item: m.ListItem, marker: str, *, quoted: bool, depth: int, line: int | None, in_glossary: bool) -> None:
        first, *rest = item.blocks or (m.Paragraph(()),)
        if isinstance(first, m.Paragraph):
            self.add("item", inline_text(first.children), level=depth, marker=marker, quoted=quoted, line=line)
        else:
            self.add("item", "", level=depth, marker=marker, quoted=quoted, line=line)
            rest = [first, *rest]
        for block in rest:
            if isinstance(block, m.ListBlock):
                self.blocks((block,), quoted=quoted, depth=depth + 1, line=line, in_glossary=in_glossary)
            else:
                self.block(block, quoted=quoted, depth=depth, line=line, in_glossary=in_glossary)

    def contact_lines(self) -> None:
        org = self.document.organisation
        hours = f", {org.advice_hours}" if org.advice_hours else ""
        self.add("item", f"Advice line: {org.advice_line}{hours}")
        if org.text:
            self.add("item", f"Text: {org.text}")
        self.add("item", f"Email: {org.email}")
        self.add("item", f"Website: {display_address(org.website)}")
        if org.facebook:
            self.add("item", f"Facebook: {display_address(org.facebook)}")

    def contact(self, placement: str) -> None:
        org = self.document.organisation
        if placement == "start":
            self.add("paragraph", org.name)
            self.add("paragraph", org.description)
            self.contact_lines()
            return
        self.add("heading", f"Contact the {org.name}", level=2)
        self.contact_lines()
        if org.partners:
            self.add("paragraph", "In partnership with:")
            for partner in org.partners:
                self.add("item", partner.name + (f" – {partner.strapline}" if partner.strapline else ""), marker=BULLET)
        if org.collaboration:
            self.add("paragraph", org.collaboration)
        meta = self.document.meta
        self.add("paragraph", f"Version {meta.version}, {m.display_month(meta.date)}.")
        self.add("paragraph", org.disclaimer)
        self.add("paragraph", org.alternative_formats)


def pieces(document: m.Document) -> list[Piece]:
    """The whole factsheet in reading order, starting with its title."""
    meta = document.meta
    builder = _Pieces(document)
    builder.add("heading", meta.title, level=1)
    builder.add("paragraph", f"{document.organisation.name} factsheet. Version {meta.version}, {m.display_month(meta.date)}.")
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
