"""The document model every writer renders.

Small, immutable, plain Python. Writers never see Markdown or HTML: they walk
these blocks and inlines. Every block carries a stable id so that an audio
chapter, a braille page and a web anchor can point back at the same block, and
the source line it came from so that a writer's warning can name it.

`Inline` and `Block` are closed unions: each renderer and check that must handle every node
matches on them to the end (`walk.unknown_node`), so a node type added here is a mypy error in
each until it is taught there ("Adding a block type", developer guide).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union, assert_never


# Inlines ---------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class LineBreak: ...


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class TermRef:
    """A use of a glossary term. `first` marks the first use in the body, which links."""

    term_id: str
    children: tuple["Inline", ...]
    first: bool = False
    spoken: str | None = None


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int | None = None
    title: str | None = None  # Markdown's ![alt](src "title"); the print view reads a print-note from it


# Footnotes, abbreviations and definition lists (Python-Markdown's footnotes, abbr, def_list).

@dataclass(frozen=True)
class FootnoteRef:
    """Where the text cites a note: `number` as the reader sees it, `note_id` the Note's id."""

    number: int
    note_id: str
    ref_id: str = ""  # the citation's own id, which the note links back to


@dataclass(frozen=True)
class Abbreviation:
    """A use of an abbreviation defined with `*[SENCO]: Special ...`. `first` marks the first
    use in the running text (not in a heading), where print, braille and audio expand it."""

    text: str
    expansion: str
    first: bool = False


@dataclass(frozen=True)
class Span:
    """Words in a language other than the document's: English that a translation falls back
    to (an untranslated glossary term), say. Writers mark it (`lang`/`dir` on the web, `/Lang`
    in the PDF, the language's voice and braille table)."""

    language: str  # BCP 47, e.g. "en-GB"
    direction: str  # "ltr" or "rtl"
    children: tuple["Inline", ...]


Inline = Union[Text, Strong, Emphasis, Code, LineBreak, Link, TermRef, Image, FootnoteRef, Abbreviation, Span]


# Blocks ----------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    level: int
    children: tuple[Inline, ...]
    id: str
    line: int | None = None


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class ListItem:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation. `reference` is the paragraph it quotes, e.g. "11.1"."""

    blocks: tuple["Block", ...]
    reference: str | None = None
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Figure:
    image: Image
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Box:
    """A call-out: an admonition (`!!! warning "Time limits"`), a collapsible one (`??? note`),
    or the organisation's contact details. `kind` is the admonition's type (note, warning,
    tip, danger...) or "contact"; every box has a title in words, so no format shows only an icon.
    `collapsible` boxes start closed on the web unless `expanded`; every other format shows them whole."""

    kind: str
    title: tuple[Inline, ...]
    blocks: tuple["Block", ...]
    collapsible: bool = False
    expanded: bool = True
    id: str = ""
    line: int | None = None


# Call-outs every format announces as "Important"; every other kind is a "Note".
IMPORTANT_KINDS = frozenset({"warning", "danger", "important", "caution", "attention", "error", "failure", "fail", "missing", "bug"})


@dataclass(frozen=True)
class GlossaryEntry:
    term_id: str
    term: str
    spoken: str | None
    blocks: tuple["Block", ...]
    id: str = ""
    line: int | None = None
    language: str | None = None  # set when the definition is not in the document's language (English fallback)


@dataclass(frozen=True)
class Note:
    """One footnote's text; its id is what a FootnoteRef's note_id names."""

    number: int
    blocks: tuple["Block", ...]
    id: str


@dataclass(frozen=True)
class Notes:
    """The notes cited in a section, at the section's end (before its next level-2 heading)."""

    notes: tuple[Note, ...]
    id: str = ""
    line: int | None = None


@dataclass(frozen=True)
class DefinitionItem:
    """One or more terms and their definitions (each definition is blocks)."""

    terms: tuple[tuple[Inline, ...], ...]
    definitions: tuple[tuple["Block", ...], ...]


@dataclass(frozen=True)
class DefinitionList:
    items: tuple[DefinitionItem, ...]
    id: str = ""
    line: int | None = None


Block = Union[Heading, Paragraph, ListBlock, Quote, Table, Figure, Box, GlossaryEntry, Notes, DefinitionList]


# Document --------------------------------------------------------------------

@dataclass(frozen=True)
class Partner:
    name: str
    strapline: str | None = None


@dataclass(frozen=True)
class Organisation:
    name: str
    description: str
    advice_line: str
    advice_hours: str
    text: str | None
    email: str
    website: str
    facebook: str | None
    partners: tuple[Partner, ...]
    collaboration: str | None
    disclaimer: str
    alternative_formats: str
    series: str
    language: str = "en-GB"  # the language its words are in (organisation.<lang>.yml, else English)
    english: tuple[str, ...] = ()  # fields a translation left in English: writers mark them English


@dataclass(frozen=True)
class Meta:
    slug: str
    title: str
    summary: str
    version: str
    date: str  # YYYY-MM, as the leaflet gives it
    language: str
    source: str  # path relative to the project
    review_due: str | None = None
    translation_of: str | None = None  # the source factsheet's slug, for a translation
    source_version: str | None = None  # the source's version this translation translates
    sample: bool = False  # a sample translation, not for publication until a translator checks it
    options: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...]
    organisation: Organisation
    terms_used: tuple[str, ...] = ()


def plain_text(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """The words of some inlines, without any formatting."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Text() | Code() | Abbreviation():
                out.append(node.text)
            case LineBreak():
                out.append(" ")
            case Image():
                out.append(node.alt)
            case FootnoteRef():
                continue  # a note's number is not one of the sentence's words
            case Strong() | Emphasis() | Link() | TermRef() | Span():
                out.append(plain_text(node.children))
            case _:
                assert_never(node)  # not walk.unknown_node: walk imports this module
    return "".join(out)


def headings(document: Document) -> list[Heading]:
    return [b for b in document.blocks if isinstance(b, Heading)]

