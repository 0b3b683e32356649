"""Document -> document passes, like Pandoc filters.

They resolve glossary terms (a dangling one is an error with file and line),
compose the factsheet's glossary section from the terms it uses, and place the
organisation's details at the start and the end.
"""

from __future__ import annotations

from . import model as m
from .errors import Location, SourceError, line_of
from .glossary import Glossary
from .walk import map_inlines


def resolve_terms(blocks: list[m.Block], glossary: Glossary, shown: str, text: str, first_line: int) -> tuple[list[m.Block], list[str]]:
    used: list[str] = []

    def resolve(node: m.Inline) -> m.Inline:
        if not isinstance(node, m.TermRef):
            return node
        entry = glossary.find(node.term_id)
        if entry is None:
            line = line_of(text, "[[" + node.term_id, first_line)
            raise SourceError(
                Location(shown, line),
                f'"{node.term_id}" is not in the glossary: add a file for it in glossary/, or check the spelling',
            )
        first = entry.id not in used
        if first:
            used.append(entry.id)
        return m.TermRef(entry.id, node.children, first, entry.spoken)

    # The one walk: table cells, quotations and every block type a walk knows are seen into.
    return list(map_inlines(blocks, resolve)), used


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
