"""The one walk of the model: every node type is seen into, and an unknown one is loud."""

from dataclasses import dataclass

import pytest

from factsheets import model as m
from factsheets.walk import UnknownNode, iter_block_inlines, iter_blocks, map_inlines


def term(name: str) -> m.TermRef:
    return m.TermRef(name, (m.Text(name),))


DOCUMENT = (
    m.Heading(2, (m.Text("About "), term("heading")), "about"),
    m.Paragraph((m.Strong((term("bold"),)),), "p1"),
    m.ListBlock(False, (m.ListItem((m.Paragraph((term("item"),), "p2"),
                                    m.ListBlock(False, (m.ListItem((m.Paragraph((term("nested"),), "p3"),)),), 1, "l2"))),), 1, "l1"),
    m.Quote((m.Paragraph((m.Link("https://example.org", (term("quoted"),)),), "p4"),), "11.1", "q1"),
    m.Table(((term("header"),),), (((term("cell"),),),), "t1"),
    m.Figure(m.Image("a.png", "a picture"), "f1"),
    m.GlossaryEntry("x", "X", None, (m.Paragraph((term("definition"),), "p5"),), "g1"),
    m.Box("warning", (term("box title"),), (m.Paragraph((term("boxed"),), "p6"),), id="c1"),
)


def test_every_inline_is_found_table_cells_and_definitions_included():
    found = [node.term_id for _, node in iter_block_inlines(DOCUMENT) if isinstance(node, m.TermRef)]
    assert found == ["heading", "bold", "item", "nested", "quoted", "header", "cell", "definition", "box title", "boxed"]


def test_every_block_is_found_depth_first():
    ids = [getattr(b, "id", "") for b in iter_blocks(DOCUMENT)]
    assert ids == ["about", "p1", "l1", "p2", "l2", "p3", "q1", "p4", "t1", "f1", "g1", "p5", "c1", "p6"]


def test_map_inlines_rewrites_everywhere_and_keeps_the_shape():
    upper = map_inlines(DOCUMENT, lambda n: m.Text(n.text.upper()) if isinstance(n, m.Text) else n)
    words = [n.text for _, n in iter_block_inlines(upper) if isinstance(n, m.Text)]
    assert words == ["ABOUT ", "HEADING", "BOLD", "ITEM", "NESTED", "QUOTED", "HEADER", "CELL", "DEFINITION", "BOX TITLE", "BOXED"]
    assert [type(b) for b in upper] == [type(b) for b in DOCUMENT]
    assert upper[3].reference == "11.1"


@dataclass(frozen=True)
class Sidebar:
    text: str


def test_an_unknown_block_is_an_error_not_skipped():
    with pytest.raises(UnknownNode, match="Sidebar"):
        list(iter_blocks([Sidebar("new")]))
    with pytest.raises(UnknownNode):
        map_inlines([Sidebar("new")], lambda n: n)
    with pytest.raises(UnknownNode):
        list(iter_block_inlines([m.Paragraph((Sidebar("x"),))]))
