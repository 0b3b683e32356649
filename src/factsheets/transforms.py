"""Document -> document passes, like Pandoc filters.

They resolve glossary terms (a dangling one is an error with file and line),
compose the factsheet's glossary section from the terms it uses, and place the
organisation's details at the start and the end.
"""

from __future__ import annotations

from dataclasses import replace

from . import i18n
from . import model as m
from .errors import Location, SourceError, line_of
from .glossary import Glossary


def resolve_terms(blocks: list[m.Block], glossary: Glossary, shown: str, text: str, first_line: int) -> tuple[list[m.Block], list[str]]:
    used: list[str] = []

    def inline(node: m.Inline) -> m.Inline:
        if isinstance(node, m.TermRef):
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
        if isinstance(node, (m.Strong, m.Emphasis, m.Link, m.Span)):
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

    return [block(b) for b in blocks], used


def in_language(inlines: tuple[m.Inline, ...], language: str, document_language: str) -> tuple[m.Inline, ...]:
    """Inlines marked as being in `language` when that is not the document's (an English
    term in a translation), so that every format says them in the right language."""
    if language_base(language) == language_base(document_language):
        return inlines
    return (m.Span(language, i18n.language(language).direction, inlines),)


def language_base(tag: str) -> str:
    return tag.split("-")[0].lower()


def glossary_section(glossary: Glossary, used: list[str], language: str = i18n.ENGLISH) -> list[m.Block]:
    """The factsheet's glossary: a heading, then each term it uses, in alphabetical order.
    In a translation, a term with no translation is its English entry, marked English."""
    if not used:
        return []
    heading_language = language if i18n.has_message(language, "Glossary") else i18n.ENGLISH  # no catalogue yet: English, marked
    out: list[m.Block] = [m.Heading(2, in_language((m.Text(i18n.gettext(language, "Glossary")),), heading_language, language), "glossary")]
    for entry in glossary.sorted():
        if entry.id in used:
            fallback = language_base(entry.language) != language_base(language)
            out.append(m.Heading(3, in_language((m.Text(entry.term),), entry.language, language), f"glossary-{entry.id}"))
            out.append(m.GlossaryEntry(entry.id, entry.term, entry.spoken, entry.blocks, f"definition-{entry.id}",
                                       language=entry.language if fallback else None))
    return out


def compose(blocks: list[m.Block], glossary: Glossary, used: list[str], language: str = i18n.ENGLISH) -> tuple[m.Block, ...]:
    return tuple(
        [m.ContactDetails("start", "contact-start")]
        + blocks
        + glossary_section(glossary, used, language)
        + [m.ContactDetails("end", "contact-end")]
    )
