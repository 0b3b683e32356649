"""Footnotes, definition lists and lines broken on purpose as braille-ready pieces (see text.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import model as m
from ...i18n import gettext

if TYPE_CHECKING:
    from .text import _Pieces


def add_construct(builder: "_Pieces", block: m.Notes | m.DefinitionList, *, quoted: bool, line: int | None, in_glossary: bool) -> None:
    """Notes under a "Notes" heading, each after its number; a definition list's terms each on
    a line, the definitions under them two cells further in, as a transcriber lays out a glossary."""
    if isinstance(block, m.Notes):
        builder.add("heading", gettext(builder.document.meta.language, "Notes"), level=3, line=line)
        for note in block.notes:
            first, *rest = note.blocks or (m.Paragraph(()),)
            children = first.children if isinstance(first, m.Paragraph) else ()
            builder.add_styled("item", children, marker=f"[{note.number}]", quoted=quoted, line=line)
            builder.blocks(rest, quoted=quoted, depth=1, line=line, in_glossary=in_glossary)
        return
    for item in block.items:
        for term in item.terms:
            builder.add_styled("item", term, level=0, quoted=quoted, line=line)
        for definition in item.definitions:
            for inner in definition:
                if isinstance(inner, m.Paragraph):
                    builder.add_styled("item", inner.children, level=1, quoted=quoted, line=line)
                else:
                    builder.block(inner, quoted=quoted, depth=1, line=line, in_glossary=in_glossary)


def broken_lines(children: tuple[m.Inline, ...]) -> list[tuple[m.Inline, ...]]:
    """A paragraph's lines where its writer broke them (two spaces or a backslash at a line's
    end: an address, "Phone: ... / Email: ..."): each its own braille line, as in print."""
    lines: list[list[m.Inline]] = [[]]
    for node in children:
        if isinstance(node, m.LineBreak):
            lines.append([])
        else:
            lines[-1].append(node)
    return [tuple(line) for line in lines if line]
