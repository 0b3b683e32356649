from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.reader import parse_blocks

import pytest

EXTENSIONS = ["tables", "attr_list"]


def parse(text: str):
    return parse_blocks(text, "docs/factsheets/x.md", 10, EXTENSIONS)


def test_quotation_keeps_its_paragraph_reference():
    [quote] = parse("> Decisions should be made jointly.\n>\n> (11.1)\n")
    assert isinstance(quote, m.Quote)
    assert quote.reference == "11.1"
    assert m.plain_text(quote.blocks[0].children) == "Decisions should be made jointly."


def test_quoted_list_is_a_list_inside_the_quote():
    [quote] = parse("> - one\n> - two\n>\n> (11.45)\n")
    assert quote.reference == "11.45"
    [items] = quote.blocks
    assert isinstance(items, m.ListBlock) and len(items.items) == 2


def test_term_reference_with_and_without_shown_words():
    [para] = parse("Ask for an [[EHC needs assessment]] or read the [[EHC plan|plan]].\n")
    refs = [c for c in para.children if isinstance(c, m.TermRef)]
    assert [(r.term_id, m.plain_text(r.children)) for r in refs] == [
        ("EHC needs assessment", "EHC needs assessment"),
        ("EHC plan", "plan"),
    ]


def test_headings_get_ids_and_lines():
    blocks = parse("Intro.\n\n## First steps\n\nText.\n\n### First steps\n")
    heads = [b for b in blocks if isinstance(b, m.Heading)]
    assert [(h.level, h.id, h.line) for h in heads] == [(2, "first-steps", 12), (3, "first-steps-1", 16)]


def test_links_and_entities():
    [para] = parse("Bath &amp; North East Somerset: [IPSEA](http://www.ipsea.org.uk).\n")
    assert m.plain_text(para.children) == "Bath & North East Somerset: IPSEA."
    link = para.children[-2]
    assert isinstance(link, m.Link) and link.url == "http://www.ipsea.org.uk"


def test_image_alone_is_a_figure():
    [figure] = parse("![A map of Bath](map.png)\n")
    assert isinstance(figure, m.Figure) and figure.image.alt == "A map of Bath"


@pytest.mark.parametrize(
    "text, line, what",
    [
        ("Fine.\n\n<script>alert(1)</script>\n", 12, "<script>"),
        ("Fine.\n\n<p onclick=\"x()\">Hi</p>\n", 12, "on…="),
        ("Fine.\n\n[Click](javascript:alert(1))\n", 12, "javascript:"),
    ],
)
def test_html_that_could_run_script_is_refused_with_its_line(text, line, what):
    with pytest.raises(SourceError) as error:
        parse(text)
    assert error.value.location.line == line
    assert what in error.value.message


def test_other_raw_html_is_refused_because_no_writer_could_render_it():
    with pytest.raises(SourceError) as error:
        parse("Fine.\n\n<div>boxed</div>\n")
    assert "raw HTML" in error.value.message
