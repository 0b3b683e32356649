"""Footnotes, abbreviations, definition lists and {#id}s read into the model (reader_notes.py)."""

from __future__ import annotations

import pytest

from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.reader import parse_blocks
from factsheets.walk import iter_block_inlines

ON = ["tables", "attr_list", "footnotes", "abbr", "def_list"]


def read(body: str) -> list[m.Block]:
    return parse_blocks(body, "docs/factsheets/x.md", 8, ON)


def inlines(blocks, kind):
    return [node for _, node in iter_block_inlines(blocks) if isinstance(node, kind)]


def test_a_footnote_is_cited_in_its_paragraph_and_its_note_ends_the_section():
    blocks = read("Intro.[^a]\n\n## One\n\nFirst.[^b] Again.[^a]\n\n## Two\n\nLast.\n\n[^a]: Note A.\n[^b]: Note *B*.\n")
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "Notes", "Heading", "Paragraph", "Notes", "Heading", "Paragraph"]
    first, second = blocks[1], blocks[4]
    assert [(n.number, n.id, m.plain_text(n.blocks[0].children)) for n in first.notes] == [(1, "fn-a", "Note A.")]
    assert [(n.number, m.plain_text(n.blocks[0].children)) for n in second.notes] == [(2, "Note B.")]
    assert first.line == 8 + 10  # the line of "[^a]:"
    refs = inlines(blocks, m.FootnoteRef)
    assert [(r.number, r.note_id, r.ref_id) for r in refs] == [(1, "fn-a", "fnref-a"), (2, "fn-b", "fnref-b"), (1, "fn-a", "fnref2-a")]
    # The number is not one of the sentence's words.
    assert m.plain_text(blocks[3].children) == "First. Again."


def test_an_abbreviation_is_expanded_at_its_first_use_outside_a_heading():
    blocks = read("## The SENCO\n\nAsk the SENCO. The SENCO helps.\n\n*[SENCO]: Special Educational Needs Coordinator\n")
    found = inlines(blocks, m.Abbreviation)
    assert [(a.text, a.expansion, a.first) for a in found] == [
        ("SENCO", "Special Educational Needs Coordinator", False),  # in the heading
        ("SENCO", "Special Educational Needs Coordinator", True),
        ("SENCO", "Special Educational Needs Coordinator", False),
    ]


def test_a_definition_list_keeps_its_terms_and_definitions():
    blocks = read("Advice\n: What each person thinks.\n: And why.\n\nOutcomes\n\n:   What your child should achieve.\n\n    By when.\n")
    (dl,) = blocks
    assert isinstance(dl, m.DefinitionList) and dl.line == 8
    assert [[m.plain_text(t) for t in item.terms] for item in dl.items] == [["Advice"], ["Outcomes"]]
    assert [[[m.plain_text(b.children) for b in d] for d in item.definitions] for item in dl.items] == [
        [["What each person thinks."], ["And why."]], [["What your child should achieve.", "By when."]]]


def test_an_id_in_braces_becomes_the_blocks_id_for_links():
    blocks = read("## Before the meeting {#before}\n\nText.\n{: #intro-text }\n\nSee [above](#before).\n")
    assert blocks[0].id == "before" and blocks[1].id == "intro-text"


def test_the_same_id_twice_is_an_error_with_its_line():
    with pytest.raises(SourceError) as error:
        read("## One {#same}\n\n## Two {#same}\n")
    assert str(error.value).startswith("docs/factsheets/x.md:") and "'same'" in error.value.message


def test_the_model_walk_sees_into_notes_and_definitions():
    blocks = read("Text.[^1]\n\nTerm\n: Meaning **bold**.\n\n[^1]: A [link](https://example.org).\n")
    assert any(isinstance(n, m.Link) for n in inlines(blocks, m.Link))
    assert [m.plain_text(s.children) for s in inlines(blocks, m.Strong)] == ["bold"]


def test_a_definition_with_a_list_keeps_its_words_and_its_list():
    (dl,) = read("Term\n: Meaning with a list:\n\n    - one\n    - two\n")
    (definition,) = dl.items[0].definitions
    assert [type(b).__name__ for b in definition] == ["Paragraph", "ListBlock"]
    assert m.plain_text(definition[0].children) == "Meaning with a list:"


def test_an_id_that_is_already_a_headings_is_an_error():
    with pytest.raises(SourceError) as error:
        read("## Next steps\n\nText.\n\n## Later {#next-steps}\n")
    assert str(error.value) == "docs/factsheets/x.md:12: the id 'next-steps' is used twice: give one of them another {#id}"
