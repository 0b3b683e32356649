"""Document -> document passes, like Pandoc filters.

They resolve glossary terms (a dangling one is an error with file and line),
compose the factsheet's glossary section from the terms it uses, and place the
organisation's details at the start and the end.

The contact details are expanded here, once, into ordinary blocks: a Box of
kind "contact" holding paragraphs, lists and links. Every writer then renders
them by its ordinary rules (a link is a link, a list a list), so no format can
leave out what another shows. The boxes keep the ids `contact-start` and
`contact-end`, which links and the EPUB's landmarks point at. The title line
under the title ("SEND Partnership Service factsheet. Version 4, June 2021.")
is likewise one paragraph, `title-line`, the first block of every document.
"""

from __future__ import annotations

import difflib
import re

from dataclasses import replace
from typing import TypeGuard

from . import i18n
from . import model as m
from .errors import ErrorList, Location, SourceError, line_of
from .glossary import Glossary
from .i18n import gettext
from .organisation import display_address
from .walk import map_inlines
from .i18n import display_month

CONTACT_KIND = "contact"
CONTACT_START = "contact-start"
CONTACT_END = "contact-end"
TITLE_LINE = "title-line"
TRANSLATION_NOTICE = "translation-notice"


def resolve_terms(blocks: list[m.Block], glossary: Glossary, shown: str, text: str, first_line: int) -> tuple[list[m.Block], list[str]]:
    """Each [[term]] resolved to its glossary entry; every unknown term is reported, not only the first."""
    used: list[str] = []
    errors = ErrorList()

    def resolve(node: m.Inline) -> m.Inline:
        if not isinstance(node, m.TermRef):
            return node
        entry = glossary.find(node.term_id)
        if entry is None:
            line = line_of(text, "[[" + node.term_id, first_line)
            names = [n for e in glossary.entries.values() for n in (e.term, *e.aliases)]
            close = difflib.get_close_matches(node.term_id, names, n=1, cutoff=0.75)
            hint = f"did you mean [[{close[0]}]]?" if close else "add a file for it in glossary/, or check the spelling"
            errors.add(SourceError(Location(shown, line), f'"{node.term_id}" is not in the glossary: {hint}'))
            return node
        first = entry.id not in used
        if first:
            used.append(entry.id)
        return m.TermRef(entry.id, node.children, first, entry.spoken)

    # The one walk: table cells, quotations, call-outs and every block type a walk knows are seen into.
    resolved = list(map_inlines(blocks, resolve))
    errors.raise_if_any()
    return resolved, used


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


def _dialled(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def fixed_words(language: str, message: str, **values: object) -> tuple[m.Inline, ...]:
    """A fixed word of the tool in the document's language, marked English where its catalogue
    does not translate it yet (so a screen reader and the audio say it as English)."""
    written_in = language if i18n.has_message(language, message) else i18n.ENGLISH
    return in_language((m.Text(gettext(language, message, **values)),), written_in, language)


def naming_words(language: str, message: str, field: str, name: tuple[m.Inline, ...], **values: object) -> tuple[m.Inline, ...]:
    """A fixed sentence of the tool that names the organisation ("{organisation} factsheet."),
    its `field` the name's own inlines, so a name a translation leaves in English is marked
    English inside the translated words (said by the English voice, brailled in UEB)."""
    if not i18n.has_message(language, message):  # English throughout (marked, in a translation)
        return fixed_words(language, message, **{field: m.plain_text(name)}, **values)
    slot = "\x00"  # never in a catalogue's words
    before, _, after = gettext(language, message, **{field: slot}, **values).partition(slot)
    out: list[m.Inline] = []
    for node in (m.Text(before), *name, m.Text(after)):
        if isinstance(node, m.Text) and out and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + node.text)  # a name not marked is one text with the words around it
        elif not isinstance(node, m.Text) or node.text:
            out.append(node)
    return tuple(out)


def _line(language: str, label: str, *value: m.Inline) -> m.ListItem:
    """A contact line: "Email: ..." with its label in bold."""
    return m.ListItem((m.Paragraph((m.Strong((*fixed_words(language, label), m.Text(":"))), m.Text(" "), *value)),))


def org_words(organisation: m.Organisation, field: str, language: str) -> tuple[m.Inline, ...]:
    """One of the organisation's details as inlines, marked English where a translation left it
    in English (organisation.<language>.yml lacks it), so every format says it as English."""
    words = (m.Text(str(getattr(organisation, field))),)
    written_in = i18n.ENGLISH if field in organisation.english else organisation.language
    return in_language(words, written_in, language)


def contact_lines(organisation: m.Organisation, language: str) -> tuple[m.ListItem, ...]:
    """The ways to reach the organisation, each a line with its link."""
    org = organisation
    hours = (m.Text(", "), *org_words(org, "advice_hours", language)) if org.advice_hours else ()
    lines = [_line(language, "Advice line", m.Link(f"tel:{_dialled(org.advice_line)}", (m.Text(org.advice_line),)), *hours)]
    if org.text:
        lines.append(_line(language, "Text", m.Link(f"sms:{_dialled(org.text)}", (m.Text(org.text),))))
    lines.append(_line(language, "Email", m.Link(f"mailto:{org.email}", (m.Text(org.email),))))
    lines.append(_line(language, "Website", m.Link(org.website, (m.Text(display_address(org.website)),))))
    if org.facebook:
        lines.append(_line(language, "Facebook", m.Link(org.facebook, (m.Text(display_address(org.facebook)),))))
    return tuple(lines)


def _numbered(box_id: str, blocks: list[m.Block]) -> tuple[m.Block, ...]:
    """Ids for a box's blocks, unique in the document (an EPUB sentence and an audio timing name them)."""
    out: list[m.Block] = []
    for number, block in enumerate(blocks, 1):
        if isinstance(block, m.ListBlock):
            items = tuple(m.ListItem(tuple(replace(b, id=f"{box_id}-item{number}-{i}") for b in item.blocks))
                          for i, item in enumerate(block.items, 1))
            block = replace(block, items=items)
        out.append(replace(block, id=f"{box_id}-{number}"))
    return tuple(out)


def contact_box(meta: m.Meta, organisation: m.Organisation, placement: str) -> m.Box:
    """The organisation's details as a box: at the start its name, what it does and how to reach
    it; at the end the same, then its partners, the factsheet's version, the disclaimer and the
    offer of other formats."""
    org, language = organisation, meta.language
    lines = m.ListBlock(False, contact_lines(org, language))
    if placement == "start":
        return m.Box(CONTACT_KIND, org_words(org, "name", language),
                     _numbered(CONTACT_START, [m.Paragraph(org_words(org, "description", language)), lines]), id=CONTACT_START)
    blocks: list[m.Block] = [m.Paragraph(org_words(org, "description", language)), lines]
    if org.partners:
        blocks.append(m.Paragraph((m.Text(gettext(language, "In partnership with:")),)))
        blocks.append(m.ListBlock(False, tuple(
            # Names in the English file, never translated: marked English, so every format says them in English.
            m.ListItem((m.Paragraph(in_language((m.Text(p.name + (f" – {p.strapline}" if p.strapline else "")),), i18n.ENGLISH, language)),))
            for p in org.partners)))
    if org.collaboration:
        blocks.append(m.Paragraph(org_words(org, "collaboration", language)))
    version = gettext(language, "Version {version}, {date}", version=meta.version, date=display_month(meta.date, language))
    blocks.append(m.Paragraph((m.Text(version),)))
    blocks.append(m.Paragraph(org_words(org, "disclaimer", language)))
    blocks.append(m.Paragraph((m.Strong(org_words(org, "alternative_formats", language)),)))
    title = naming_words(language, "Contact the {name}", "name", org_words(org, "name", language))
    return m.Box(CONTACT_KIND, title, _numbered(CONTACT_END, blocks), id=CONTACT_END)


def is_contact(block: m.Block, placement: str | None = None) -> TypeGuard[m.Box]:
    """A contact box (at the start or end, or either when placement is None)."""
    if not isinstance(block, m.Box) or block.kind != CONTACT_KIND:
        return False
    return placement is None or block.id == f"contact-{placement}"


def title_line(meta: m.Meta, organisation: m.Organisation) -> m.Paragraph:
    """Who publishes the factsheet, its version and date: the bold line under its title."""
    words = naming_words(meta.language, "{organisation} factsheet. Version {version}, {date}.", "organisation",
                         org_words(organisation, "name", meta.language), version=meta.version, date=display_month(meta.date, meta.language))
    return m.Paragraph((m.Strong(tuple(_one_full_stop(w) for w in words)),), TITLE_LINE)


def _one_full_stop(node: m.Inline) -> m.Inline:
    """A date CLDR ends with an abbreviation's full stop ("березень 2024 р.") takes the sentence's too."""
    if isinstance(node, m.Text):
        return m.Text(re.sub(r"(?<!\.)\.\.(?!\.)", ".", node.text))
    return replace(node, children=tuple(_one_full_stop(c) for c in node.children)) if isinstance(node, m.Span) else node


def is_title_line(block: m.Block) -> bool:
    return isinstance(block, m.Paragraph) and block.id == TITLE_LINE


def stale_notice(meta: m.Meta, source_version: str) -> m.Paragraph:
    """On a translation whose English has moved on: which version it translates and that the
    English has changed, in its language, as the first thing after the title line. A block of
    the document, so the large print, braille, audio and ebook all say it with no code of
    their own (the website shows its own, linked notice instead: `is_translation_notice`)."""
    link = gettext(meta.language, "the current English version")
    return m.Paragraph((m.Strong((
        *fixed_words(meta.language, "This is a translation of version {version} of the English factsheet.", version=meta.source_version),
        m.Text(" "),
        *fixed_words(meta.language, "The English has changed since (it is now version {version}): read {link} for the latest information.",
                     version=source_version, link=link),
    )),), TRANSLATION_NOTICE)


def is_translation_notice(block: m.Block) -> bool:
    return isinstance(block, m.Paragraph) and block.id == TRANSLATION_NOTICE


def with_stale_notice(document: m.Document, source_version: str) -> m.Document:
    """The document with its out-of-date notice after its title line (once, however often asked)."""
    blocks = [b for b in document.blocks if not is_translation_notice(b)]
    at = next((i + 1 for i, b in enumerate(blocks) if is_title_line(b)), 0)
    blocks.insert(at, stale_notice(document.meta, source_version))
    return replace(document, blocks=tuple(blocks))


def compose(blocks: list[m.Block], glossary: Glossary, used: list[str], meta: m.Meta, organisation: m.Organisation) -> tuple[m.Block, ...]:
    opening: list[m.Block] = [title_line(meta, organisation), contact_box(meta, organisation, "start")]
    return tuple(opening + blocks + glossary_section(glossary, used, meta.language) + [contact_box(meta, organisation, "end")])
