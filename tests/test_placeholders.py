"""`{{ advice_line }}`: the organisation's details written once, filled in by the reader."""

import json
import zipfile
from dataclasses import replace

import pytest

from conftest import FIXTURES, copy_project, factsheets
from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.organisation import TRANSLATABLE
from factsheets.placeholders import organisation_fields
from factsheets.project import load_project
from factsheets.reader import parse_blocks

ORGANISATION = m.Organisation(
    name="SEND Partnership Service", description="Advice.", advice_line="01225 394382", advice_hours="10am to 3pm",
    text=None, email="send@example.org.uk", website="https://www.example.org.uk/", facebook=None, partners=(),
    collaboration=None, disclaimer="D.", alternative_formats="A.", series="SEND factsheets",
)
FIELDS = organisation_fields(ORGANISATION)


def parse(text: str, fields=FIELDS):
    return parse_blocks(text, "docs/factsheets/x.md", 10, ["tables", "attr_list"], fields)


def test_placeholders_become_ordinary_text_and_links():
    [paragraph] = parse("Call {{ advice_line }} ({{advice_line.hours}}), email {{ email }} or see {{ website }}, from {{ name }}.")
    assert paragraph.children == (
        m.Text("Call "), m.Link("tel:01225394382", (m.Text("01225 394382"),)), m.Text(" (10am to 3pm), email "),
        m.Link("mailto:send@example.org.uk", (m.Text("send@example.org.uk"),)), m.Text(" or see "),
        m.Link("https://www.example.org.uk/", (m.Text("www.example.org.uk"),)), m.Text(", from SEND Partnership Service."),
    )
    assert paragraph.line == 10


WELSH = replace(ORGANISATION, description="Cyngor.", language="cy", english=("name", "advice_hours", "series"))


def test_in_a_translation_a_detail_left_in_english_is_marked_english():
    """The Welsh file gives the description, not the name or the hours: those are the English
    file's words, so they are an en-GB Span; the phone number is no language's."""
    [paragraph] = parse("{{ name }}: {{ description }} {{ advice_line }}, {{ advice_line.hours }}.", organisation_fields(WELSH, "cy"))
    assert paragraph.children == (
        m.Span("en-GB", "ltr", (m.Text("SEND Partnership Service"),)), m.Text(": Cyngor. "),
        m.Link("tel:01225394382", (m.Text("01225 394382"),)), m.Text(", "),
        m.Span("en-GB", "ltr", (m.Text("10am to 3pm"),)), m.Text("."),
    )


def test_with_no_translated_details_every_word_detail_is_english_and_an_english_factsheet_marks_none():
    untranslated = replace(ORGANISATION, english=TRANSLATABLE)  # no organisation.pl.yml: its language stays en-GB
    polish = organisation_fields(untranslated, "pl")
    assert polish["disclaimer"] == m.Span("en-GB", "ltr", (m.Text("D."),))
    assert polish["email"] == FIELDS["email"]
    assert organisation_fields(ORGANISATION, "en-GB")["disclaimer"] == m.Text("D.")
    # A Welsh site whose factsheet is in Welsh with no translation file read: the English file's words.
    assert organisation_fields(ORGANISATION, "cy")["name"] == m.Span("en-GB", "ltr", (m.Text("SEND Partnership Service"),))


def test_a_placeholder_in_code_is_left_as_written():
    blocks = parse("Write `{{ advice_line }}` for the number.\n\n    {{ email }}\n")
    assert blocks[0].children[1] == m.Code("{{ advice_line }}")
    assert blocks[1].children == (m.Code("{{ email }}\n"),)


@pytest.mark.parametrize("text, message", [
    ("Text.\n\nCall {{ advise_line }} today.", "docs/factsheets/x.md:12: {{ advise_line }} is not one of the organisation's details "
                                               "in organisation.yml: did you mean 'advice_line'?"),
    ("Find us on {{ facebook }}.", "docs/factsheets/x.md:10: {{ facebook }} is empty: organisation.yml does not give 'facebook', "
                                   "so add it there or remove this"),
    ("{{ colour }}", "docs/factsheets/x.md:10: {{ colour }} is not one of the organisation's details in organisation.yml: the details "
                     "you can use are: " + ", ".join(sorted(FIELDS))),
])
def test_a_placeholder_that_cannot_be_filled_in_is_an_error_at_its_line(text, message):
    with pytest.raises(SourceError) as error:
        parse(text)
    assert str(error.value) == message


def test_outside_a_factsheet_a_placeholder_is_refused_rather_than_shown_as_braces():
    with pytest.raises(SourceError) as error:
        parse_blocks("Call {{ advice_line }}.", "docs/index.md", 3, [])
    assert str(error.value) == ("docs/index.md:3: {{ advice_line }} can be used only in a factsheet's text: "
                                "write the words out here, or put it in `code` to show it as it is")


def small_with_placeholder(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    short = root / "docs" / "factsheets" / "short.md"
    short.write_text(short.read_text() + "\nRing the advice line on {{ advice_line }}.\n")
    return root


def test_a_changed_number_in_organisation_yml_changes_the_factsheet(tmp_path):
    root = small_with_placeholder(tmp_path)
    organisation = root / "organisation.yml"
    organisation.write_text(organisation.read_text().replace("01225 394382", "01225 111222"))
    document = load_project(root).documents[0]
    last = [b for b in document.blocks if isinstance(b, m.Paragraph)][-1]
    assert last.children[1] == m.Link("tel:01225111222", (m.Text("01225 111222"),))


@pytest.mark.engines
def test_the_value_is_in_every_format(tmp_path):
    root = small_with_placeholder(tmp_path)
    result = factsheets(root, "build")
    assert result.returncode == 0, result.stderr
    files = root / "build" / "site" / "files" / "short"
    page = (root / "build" / "site" / "factsheets" / "short.html").read_text(encoding="utf-8")
    assert 'Ring the advice line on <a href="tel:01225394382">01225 394382</a>.' in page
    assert "Ring the advice line on 01225 394382." in (files / "short-braille.txt").read_text(encoding="utf-8-sig")
    # The audio says a phone number digit by digit, in its groups, a nought "oh" (UK English).
    assert "Ring the advice line on oh 1 2 2 5, 3 9 4 3 8 2." in (files / "short-audio-script.txt").read_text(encoding="utf-8-sig")
    import pdfplumber

    with pdfplumber.open(files / "short-large-print.pdf") as pdf:
        assert "Ring the advice line on 01225 394382." in " ".join((p.extract_text() or "") for p in pdf.pages).replace("\n", " ")
    with zipfile.ZipFile(next(files.glob("*.epub"))) as epub:
        xhtml = " ".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    assert "01225 394382" in xhtml and "{{" not in xhtml
    manifest = json.loads((root / "build" / "manifest.json").read_text())
    assert manifest["factsheets"][0]["slug"] == "short"
