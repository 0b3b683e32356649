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
        ("Fine.\n\n<p onclick=\"x()\">Hi</p>\n", 12, "run a program"),
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


@pytest.mark.parametrize("text", [
    "Type `<script>alert(1)</script>` to see the problem.\n",
    "An example:\n\n    <script>alert(1)</script>\n",
    "```\n<img src=x onerror=alert(1)>\n```\n",
])
def test_script_in_code_is_text_not_refused(text):
    blocks = parse(text)
    codes = [c for b in blocks for c in getattr(b, "children", ()) if isinstance(c, m.Code)]
    assert codes and ("<script>" in codes[0].text or "<img" in codes[0].text)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
    "jav&#x09;ascript:alert(1)", "javascript\\:alert(1)", "%6Aavascript:alert(1)", "data:text/html,x",
    "vbscript:msgbox(1)", "file:///etc/passwd", "<java\nscript:alert(1)>",
])
def test_forbidden_link_addresses_are_refused_with_their_line(url):
    with pytest.raises(SourceError) as error:
        parse(f"Fine.\n\n[Click]({url})\n")
    assert error.value.location.line == 12


@pytest.mark.parametrize("url", ["https://www.ipsea.org.uk", "HTTP://example.org", "mailto:a@b.org", "tel:01225394382", "sms:07530263401", "other-page.md#part"])
def test_allowed_link_addresses_pass(url):
    [para] = parse(f"[Here]({url})\n")
    assert para.children[0].url == url


def test_a_picture_from_another_host_is_refused():
    with pytest.raises(SourceError) as error:
        parse("Text.\n\n![A map](https://example.org/map.png)\n")
    assert error.value.location.line == 12 and "another website" in error.value.message


def test_nesting_deeper_than_the_limit_is_refused_quickly():
    deep = "\n".join("    " * i + "- item" for i in range(200))
    with pytest.raises(SourceError) as error:
        parse(deep)
    assert "nested" in error.value.message
    ten = "\n".join("  " * i + "- item" for i in range(10))
    assert parse(ten)


def list_items(block: m.ListBlock) -> list:
    """A list as nested Python lists of its items' first words."""
    out: list = []
    for item in block.items:
        for inner in item.blocks:
            if isinstance(inner, m.Paragraph):
                out.append(m.plain_text(inner.children))
            elif isinstance(inner, m.ListBlock):
                out.append(list_items(inner))
    return out


@pytest.mark.parametrize("text", [
    "You can:\n- ask for help\n- read it\n  - again\n    - and again\n- call us\n",
    "You can:\n\n- ask for help\n- read it\n    - again\n        - and again\n- call us\n",
    "You can:\n•\task for help\n•\tread it\n◦\tagain\n▪\tand again\n•\tcall us\n",
    "You can:\n\n• ask for help\n• read it\n  ◦ again\n    ▪ and again\n• call us\n",
], ids=["straight-under-text-2-spaces", "markdown-4-spaces", "word-bullets", "word-bullets-indented"])
def test_lists_as_people_type_them_are_real_lists(text):
    blocks = parse("Intro.\n\n" + text + "\nAfter.\n")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "ListBlock", "Paragraph"]
    assert list_items(blocks[2]) == ["ask for help", "read it", ["again", ["and again"]], "call us"]


def test_a_list_straight_under_text_keeps_its_line():
    blocks = parse_blocks("Intro.\n\nYou can:\n- ask\n- call\n", "a.md", 10, [])
    assert [(type(b).__name__, b.line) for b in blocks] == [("Paragraph", 10), ("Paragraph", 12), ("ListBlock", 13)]


def test_lists_in_code_are_left_as_written():
    blocks = parse("Type:\n\n    - not a list\n      - at all\n\nDone.\n")
    assert blocks[1] == m.Paragraph((m.Code("- not a list\n  - at all\n"),), blocks[1].id, blocks[1].line)
def test_heading_ids_keep_the_words_of_any_script():
    from factsheets.reader import parse_blocks

    blocks = parse_blocks("## الخطوات الأولى\n\nنص.\n\n## ماذا بعد؟\n\nنص.\n\n## 第一步\n\n文.\n\n## First steps\n\nText.\n", "x.md", 1, [])
    ids = [b.id for b in blocks if hasattr(b, "level")]
    assert ids == ["الخطوات-الأولى", "ماذا-بعد", "第一步", "first-steps"]
