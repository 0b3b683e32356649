"""A block or inline type a writer does not know is an error in every writer, never left out.

A new block type (a box, a footnote list) must be taught to each writer; until
it is, the build stops with UnknownNode rather than publishing a format that
silently lacks the block. Unit tests of our own walks: no engine runs.
"""

from dataclasses import dataclass

import pytest

from factsheets import model as m
from factsheets.glossary import Glossary
from factsheets.transforms import resolve_terms
from factsheets.validators.pdf_words import document_words
from factsheets.walk import UnknownNode
from factsheets.writers.audio.lexicon import Lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.script import build_script
from factsheets.writers.braille.text import pieces
from factsheets.writers.epub.pages import leaves
from factsheets.writers.epub.xhtml import XhtmlRenderer
from factsheets.writers.html import HtmlRenderer
from factsheets.writers.print_html import print_document


@dataclass(frozen=True)
class Sidebar:
    """A block type no writer has been taught."""

    text: str
    id: str = "sidebar"
    line: int | None = 4


@dataclass(frozen=True)
class Sparkle:
    """An inline type no writer has been taught."""

    text: str


ORG = m.Organisation("SEND Partnership Service", "Advice", "01225 394382", "", None, "a@b.c", "http://x", None,
                     (), None, "Disclaimer", "Other formats", "Series")


def document(*blocks) -> m.Document:
    meta = m.Meta("s", "Title", "Summary", "1", "2024-01", "en-GB", "docs/factsheets/s.md")
    return m.Document(meta, (m.Heading(2, (m.Text("About"),), "about", 3), *blocks), ORG)


UNKNOWN_BLOCK = document(m.Paragraph((m.Text("Before."),), "p1", 2), Sidebar("new"))
UNKNOWN_INLINE = document(m.Paragraph((m.Text("Before "), Sparkle("new")), "p1", 2))
NESTED_BLOCK = document(m.ListBlock(False, (m.ListItem((m.Paragraph((m.Text("Item"),), "p1"), Sidebar("new"))),), 1, "l1"))

WRITERS = {
    "audio script": lambda d: build_script(d, Normaliser(Lexicon())),
    "braille": pieces,
    "web page": lambda d: HtmlRenderer(d).blocks(d.blocks),
    "EPUB": lambda d: XhtmlRenderer(d, set()).blocks(d.blocks),
    "large print": lambda d: print_document(d),
    "PDF word check": document_words,
}


@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("doc", [UNKNOWN_BLOCK, NESTED_BLOCK, UNKNOWN_INLINE], ids=["block", "nested block", "inline"])
def test_each_writer_refuses_a_node_type_it_does_not_know(write, doc):
    with pytest.raises(UnknownNode, match="Sidebar|Sparkle"):
        write(doc)


def test_the_same_writers_accept_every_known_node():
    known = document(m.Paragraph((m.Strong((m.Text("Bold"),)), m.Text(" words.")), "p1", 2))
    for write in WRITERS.values():
        assert write(known)


def test_the_epub_page_list_and_the_glossary_transform_refuse_one_too():
    with pytest.raises(UnknownNode, match="Sidebar"):
        leaves(UNKNOWN_BLOCK.blocks)
    with pytest.raises(UnknownNode, match="Sidebar"):
        resolve_terms(list(UNKNOWN_BLOCK.blocks), Glossary({}), "s.md", "", 1)
