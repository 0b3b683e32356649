"""Document -> document passes, like Pandoc filters.

They resolve glossary terms (a dangling one is an error with file and line),
compose the factsheet's glossary section from the terms it uses, and place the
organisation's details at the start and the end.
"""

from __future__ import annotations

from dataclasses import replace

from . import model as m
from .errors import ErrorList, Location, SourceError, line_of
from .glossary import Glossary


def resolve_terms(blocks: list[m.Block], glossary: Glossary, shown: str, text: str, first_line: int) -> tuple[list[m.Block], list[str]]:
    """Each [[term]] resolved to its glossary entry; every unknown term is reported, not only the first."""
    used: list[str] = []
    errors = ErrorList()

    def inline(node: m.Inline) -> m.Inline:
        if isinstance(node, m.TermRef):
            entry = glossary.find(node.term_id)
            if entry is None:
                line = line_of(text, "[[" + node.term_id, first_line)
                errors.add(SourceError(
                    Location(shown, line),
                    f'"{node.term_id}" is not in the glossary: add a file for it in glossary/, or check the spelling',
                ))
                return node
            first = entry.id not in used
            if first:
                used.append(entry.id)
            return m.TermRef(entry.id, node.children, first, entry.spoken)
        if isinstance(node, (m.Strong, m.Emphasis, m.Link)):
            return replace(node, children=tuple(inline(c) for c in node.children))
        return node

    def block(node: m.Block) -> m.Block:
        if isinstance(node, (m.Heading, m.Paragraph)):
            return replace(node, children=tuple(inline(c) for c in node.children))
        if isinstance(node, m.ListBlock):
            return replace(node, items=tuple(m.ListItem(tuple(block(b) for b in item.blocks)) for item in node.items))
        if isinstance(node, m.Quote):
            return replace(node, blocks=tuple(block(b) for b in node.blocks))
        if isinstance(node, m.Table):
            return replace(
                node,
                header=tuple(tuple(inline(c) for c in cell) for cell in node.header),
                rows=tuple(tuple(tuple(inline(c) for c in cell) for cell in row) for row in node.rows),
            )
        return node

    resolved = [block(b) for b in blocks]
    errors.raise_if_any()
    return resolved, used


def glossary_section(glossary: Glossary, used: list[str]) -> list[m.Block]:
    """The factsheet's glossary: a heading, then each term it uses, in alphabetical order."""
    if not used:
        return []
    out: list[m.Block] = [m.Heading(2, (m.Text("Glossary"),), "glossary")]
    for entry in glossary.sorted():
        if entry.id in used:
            out.append(m.Heading(3, (m.Text(entry.term),), f"glossary-{entry.id}"))
            out.append(m.GlossaryEntry(entry.id, entry.term, entry.spoken, entry.blocks, f"definition-{entry.id}"))
    return out


def compose(blocks: list[m.Block], glossary: Glossary, used: list[str]) -> tuple[m.Block, ...]:
    return tuple(
        [m.ContactDetails("start", "contact-start")]
        + blocks
        + glossary_section(glossary, used)
        + [m.ContactDetails("end", "contact-end")]
    )
