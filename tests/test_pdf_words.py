"""The PDF's words check judges fairly: no false failures, every missing word reported."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES
from factsheets import model as m
from factsheets.engines import weasyprint as engine
from factsheets.project import load_project
from factsheets.validators.pdf_words import MISSING_LISTED, check_words, document_words, prints_captions
from factsheets.writers.print_html import print_document

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

MAP = "A map of the county with the six family centres marked"


@pytest.fixture(scope="module")
def base() -> m.Document:
    return load_project(FIXTURES / "small").documents[0]


def with_blocks(base: m.Document, *blocks) -> m.Document:
    return m.Document(base.meta, tuple(blocks), base.organisation)


def render(folder, html: str, name: str):
    shutil.copy(FIXTURES / "pdf-photo.png", folder / "map.png")
    path = folder / f"{name}.pdf"
    engine.render_pdf(html, path, base_url=folder.as_uri() + "/", identifier=b"0" * 32)
    return path


def test_an_image_description_is_required_as_words_only_when_a_caption_prints_it(tmp_path, base):
    document = with_blocks(base, m.Paragraph((m.Text("Where to find us."),)), m.Figure(m.Image("map.png", MAP, 3)))
    html = print_document(document)
    captioned = render(tmp_path, html, "captioned")
    assert prints_captions(captioned) and check_words(captioned, document) == []
    # The same PDF without captions: the description is alt text only, not printed words.
    uncaptioned = render(tmp_path, re.sub(r"<figcaption>.*?</figcaption>", "", html), "uncaptioned")
    assert not prints_captions(uncaptioned) and check_words(uncaptioned, document) == []
    # A caption that lost the description's words fails, word by word.
    wrong = render(tmp_path, html.replace("six family centres", "family hubs"), "wrong")
    assert [f.message.split("'")[1] for f in check_words(wrong, document)] == ["six", "centres"]


def test_a_word_between_a_link_and_a_full_stop_is_found(tmp_path, base):
    link = m.Link("http://www.ipsea.org.uk", (m.Text("IPSEA"),))
    document = with_blocks(base, m.Paragraph((m.Text("Ask "), link, m.Text(". They can help (see 11.1).")),))
    assert "IPSEA" in document_words(document) and "11.1" in document_words(document)
    path = render(tmp_path, print_document(document), "link")
    assert check_words(path, document) == []


def test_every_missing_word_is_reported_however_many(tmp_path, base):
    printed = with_blocks(base, m.Paragraph((m.Text("This is printed."),)))
    path = render(tmp_path, print_document(printed), "few")
    missing = [f"Zyzzyva{i}" for i in range(MISSING_LISTED + 7)]
    asked = with_blocks(base, m.Paragraph((m.Text("This " + " ".join(missing) + " is printed."),)))
    findings = check_words(path, asked)
    assert len(findings) == MISSING_LISTED + 1
    assert [f.message.split("'")[1] for f in findings[:MISSING_LISTED]] == missing[:MISSING_LISTED]
    assert findings[-1].message.startswith("7 more words are not in the PDF")
    assert findings[-1].message.endswith(" ".join(missing[MISSING_LISTED:]))


def test_digits_of_every_script_are_compared_as_0_to_9():
    from factsheets.validators.pdf_words import _normal

    # An Urdu or Arabic PDF may print "۲۰۲۴" or "٢٠٢٤" for the text's 2024: the same number.
    assert _normal("٢٠٢٤") == _normal("۲۰۲۴") == _normal("২০২৪") == "2024"
