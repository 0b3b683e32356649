"""Footnotes, abbreviations, definition lists and attr_list ids: Python-Markdown's tree -> model.

The reader (reader.py) hands this module the elements these extensions make:
- footnotes: `<sup id="fnref:1"><a class="footnote-ref">1</a></sup>` where a note is cited,
  and one `<div class="footnote">` at the end holding every note. The notes are moved to
  the end of the section (up to the next level-2 heading) that first cites them, as a
  `Notes` block: print and braille show them there, under "Notes", as transcribers and
  large-print guidance place notes near their text rather than at the end of a document;
- abbr: `<abbr title="...">` around each use of a defined abbreviation;
- def_list: `<dl>` with `<dt>` terms and `<dd>` definitions;
- attr_list: an `id` set with `{#annual-review}` becomes the block's id, which links use.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import replace
from typing import Literal, Protocol

from . import model as m
from .errors import ErrorList, Location, SourceError, line_of
from .walk import iter_block_inlines, map_inlines

# Python-Markdown's footnotes extension marks the space and the back-link arrow with placeholders.
_FOOTNOTE_PLACEHOLDER = re.compile(r"\x02(?:qq|zz)\d+(?:zz|qq)\x03")
_ID = re.compile(r"[A-Za-z][\w.-]*")


class Walk(Protocol):
    """What is used here of reader.py's walk of Python-Markdown's tree (reader.py imports this module)."""

    shown: str
    text: str
    first_line: int
    footnotes: list[m.Note]  # the footnotes division's notes, once it is read
    custom_ids: set[str]  # the ids given with {#id} so far

    def locate(self, words: str) -> int | None: ...
    def next_id(self, kind: str) -> str: ...
    def error(self, needle: str, message: str) -> SourceError: ...
    def inlines(self, element: etree.Element) -> tuple[m.Inline, ...]: ...
    def inlines_of_loose_text(self, li: etree.Element) -> tuple[m.Inline, ...]: ...
    def blocks(self, parent: etree.Element, errors: ErrorList | None = None) -> list[m.Block]: ...
    def block(self, element: etree.Element) -> m.Block | None: ...


def safe_id(raw: str) -> str:
    """'fnref2:1' -> 'fnref2-1': ids without colons, which XHTML (the EPUB) also takes."""
    return re.sub(r"[^\w.-]+", "-", raw).strip("-")


def inline(walk: Walk, element: etree.Element) -> m.Inline | None:
    """The model inline for a footnote citation or an abbreviation; None for anything else."""
    if element.tag == "sup" and element.get("id", "").startswith("fnref"):
        link = element.find("a")
        href = link.get("href", "") if link is not None else ""
        number = int((link.text or "0").strip()) if link is not None and (link.text or "").strip().isdigit() else 0
        return m.FootnoteRef(number, safe_id(href.lstrip("#")), safe_id(element.get("id", "")))
    if element.tag == "abbr":
        return m.Abbreviation("".join(element.itertext()), " ".join(element.get("title", "").split()))
    return None


def block(walk: Walk, element: etree.Element) -> m.Block | Literal[False] | None:
    """The model block for a definition list; False for a footnotes division (kept for later);
    None for anything else."""
    if element.tag == "div" and element.get("class") == "footnote":
        walk.footnotes = _notes(walk, element)
        return False
    if element.tag == "dl":
        return _definition_list(walk, element)
    return None


def _notes(walk: Walk, division: etree.Element) -> list[m.Note]:
    notes: list[m.Note] = []
    for number, item in enumerate(division.iter("li"), 1):
        for back in item.iter("a"):
            if back.get("class") == "footnote-backref":
                back.text = ""
        for node in item.iter():
            node.text = _FOOTNOTE_PLACEHOLDER.sub("", node.text or "")
            node.tail = _FOOTNOTE_PLACEHOLDER.sub("", node.tail or "")
        for parent in item.iter():
            for child in list(parent):
                if child.tag == "a" and child.get("class") == "footnote-backref":
                    parent.remove(child)
        notes.append(m.Note(number, tuple(walk.blocks(item)), safe_id(item.get("id", f"fn-{number}"))))
    return notes


def _definition_list(walk: Walk, element: etree.Element) -> m.DefinitionList:
    line = walk.locate("".join(element.itertext()))
    ident = walk.next_id("definitions")
    items: list[m.DefinitionItem] = []
    for child in element:
        if child.tag == "dt":
            if not items or items[-1].definitions:
                items.append(m.DefinitionItem((), ()))
            items[-1] = replace(items[-1], terms=(*items[-1].terms, walk.inlines(child)))
        elif child.tag == "dd":
            blocks = _definition(walk, child, line)
            if not items:
                items.append(m.DefinitionItem((), ()))
            items[-1] = replace(items[-1], definitions=(*items[-1].definitions, blocks))
    return m.DefinitionList(tuple(items), ident, line)


def _definition(walk: Walk, dd: etree.Element, line: int | None) -> tuple[m.Block, ...]:
    """A <dd>'s blocks: its own words first (a tight definition has no <p>), then its lists."""
    if not any(child.tag in ("p", "ul", "ol", "blockquote", "table", "pre", "dl") for child in dd):
        return (m.Paragraph(walk.inlines(dd), walk.next_id("p"), line),)
    out: list[m.Block] = []
    if (dd.text or "").strip() or (len(dd) and dd[0].tag not in ("p", "ul", "ol", "blockquote", "table", "pre", "dl")):
        out.append(m.Paragraph(walk.inlines_of_loose_text(dd), walk.next_id("p"), line))
    out += [b for b in (walk.block(child) for child in dd) if b]
    return tuple(out)


def with_id(built: m.Block | None, element: etree.Element, walk: Walk) -> m.Block | None:
    """A block with the id its {#id} gave it (attr_list), so that links to #id reach it."""
    wanted = element.get("id")
    if built is None or not wanted or not hasattr(built, "id") or isinstance(built, m.Notes):
        return built
    if not _ID.fullmatch(wanted):
        raise walk.error("{#" + wanted, f"'{wanted}' cannot be an id: start it with a letter, and use only letters, digits and hyphens")
    if wanted in walk.custom_ids:
        raise walk.error("#" + wanted, f"the id '{wanted}' is given twice: each {{#id}} must be different")
    walk.custom_ids.add(wanted)
    return replace(built, id=wanted)


def finish(blocks: list[m.Block], walk: Walk) -> list[m.Block]:
    """Notes placed at the end of the sections that cite them; each abbreviation's first use marked."""
    check_ids(blocks, walk.shown, walk.text, walk.first_line)
    return _mark_first_abbreviations(_place_notes(blocks, walk.footnotes, walk))


def _place_notes(blocks: list[m.Block], notes: list[m.Note], walk: Walk) -> list[m.Block]:
    if not notes:
        return blocks
    by_id = {note.id: note for note in notes}
    sections: list[list[m.Block]] = [[]]
    for built in blocks:
        if isinstance(built, m.Heading) and built.level <= 2 and sections[-1]:
            sections.append([])
        sections[-1].append(built)
    placed: set[str] = set()
    out: list[m.Block] = []
    for number, section in enumerate(sections):
        cited = [node.note_id for _, node in iter_block_inlines(section) if isinstance(node, m.FootnoteRef)]
        here = [by_id[i] for i in dict.fromkeys(cited) if i in by_id and i not in placed]
        if number == len(sections) - 1:  # a note nothing cites still prints, at the end
            here += [n for n in notes if n.id not in placed and n not in here]
        placed |= {n.id for n in here}
        out += section
        if here:
            key = here[0].id.removeprefix("fn-")
            line = line_of(walk.text, f"[^{key}]:", walk.first_line)
            out.append(m.Notes(tuple(here), f"notes-{here[0].number}", line))
    return out


def _mark_first_abbreviations(blocks: list[m.Block]) -> list[m.Block]:
    """The first use outside a heading is expanded: a heading stays short, as the reader sees it
    in a table of contents, and the sentence under it explains."""
    seen: set[str] = set()
    out: list[m.Block] = []
    for built in blocks:
        if isinstance(built, m.Heading):
            out.append(built)
            continue

        def mark(node: m.Inline) -> m.Inline:
            if isinstance(node, m.Abbreviation) and node.text not in seen:
                seen.add(node.text)
                return replace(node, first=True)
            return node

        out.extend(map_inlines([built], mark))
    return out


def check_ids(blocks: list[m.Block], shown: str, text: str, first_line: int) -> None:
    """Two blocks with one id would make a link go to the wrong place."""
    seen: set[str] = set()
    for built in blocks:
        ident = getattr(built, "id", "")
        if ident and ident in seen:
            raise SourceError(Location(shown, line_of(text, "#" + ident, first_line)), f"the id '{ident}' is used twice: give one of them another {{#id}}")
        seen.add(ident)
