"""The braille-ready text: plain words from the document model, and its golden file.

To regenerate the golden text (with every other golden file) after a deliberate change, run
    .venv/bin/python tests/golden/regenerate.py
then read the diff (`git diff tests/golden/`) before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEND_SLUG
from factsheets import model as m
from factsheets.project import load_project
from factsheets.validators import FAILURE
from factsheets.validators.braille import check_braille_text
from factsheets.writers.braille import BrailleWriter
from factsheets.writers.braille.text import braille_ready_text, pieces

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

GOLDEN = Path(__file__).parent / "golden" / "small-braille.txt"


def small_document(root: Path) -> m.Document:
    return load_project(root).documents[0]


def test_the_small_factsheet_matches_its_golden_text(small_project, tmp_path):
    output = BrailleWriter().write(small_document(small_project), tmp_path, {"project_root": small_project})
    text = output.files["braille_text"].read_text(encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def send_text(built_project, send_entry) -> str:
    path = built_project / "build" / send_entry["formats"]["braille_text"]
    assert check_braille_text(path) == []
    return path.read_text(encoding="utf-8")


def test_the_send_text_has_no_markup_and_keeps_its_structure(send_text):
    for mark in ("**", "](", "<a ", "<p>", "[[", "> "):
        assert mark not in send_text
    lines = send_text.split("\n")
    # Headings on lines of their own after their marker, a blank line before and after.
    assert lines[0] == "# What if I do not agree with decisions about SEN provision?"
    index = lines.index("## Making a complaint")
    assert lines[index - 1] == "" and lines[index + 1] == ""
    assert "## Glossary" in lines and "### Mediation advice" in lines
    # Only headings carry the marker.
    assert {line.split(" ")[0] for line in lines if line.startswith("#")} == {"#", "##", "###"}
    # Quotations introduced and ended in words; links as words (address).
    assert "Quotation (paragraph 11.6):" in lines
    assert "End of quotation." in lines
    assert "IPSEA at www.ipsea.org.uk" in send_text  # a link whose words are its address
    assert "You can find the Local Offer at https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send." in lines
    # One list, one marker; list lines together.
    index = lines.index("• listen to your concerns")
    assert lines[index + 1] == "• help you sort out the issues"
    # The glossary and the contact details (a list, ruled off as a box), and real typographic characters.
    assert "• Advice line: 01225 394382, 10.00am – 3.00pm Monday to Friday" in lines
    assert "• Email: send_partnershipservice@bathnes.gov.uk" in lines
    assert "“best endeavours”" in send_text


def test_every_paragraph_is_one_line(send_text):
    long_paragraph = next(line for line in send_text.split("\n") if line.startswith("Your local authority must tell you about mediation"))
    assert long_paragraph.endswith("whichever is the later.")


def document_of(*blocks: m.Block) -> m.Document:
    organisation = m.Organisation(
        "Org", "An organisation", "01225 000000", "", None, "a@b.uk", "https://b.uk", None, (), None, "Disclaimer.", "Other formats.", "Series",
    )
    meta = m.Meta("t", "Title", "Summary.", "1", "2024-03", "en-GB", "docs/factsheets/t.md")
    return m.Document(meta, tuple(blocks), organisation)


def test_tables_lists_figures_and_links_in_plain_words():
    def cell(*inlines):
        return tuple(inlines)

    table = m.Table(
        (cell(m.Text("Route")), cell(m.Text("Time limit"))),
        (
            (cell(m.Text("Appeal")), cell(m.Text("two months"))),
            (cell(m.Text("Mediation")), cell(m.Strong((m.Text("30 days"),)))),
        ),
        line=3,
    )
    text = braille_ready_text(pieces(document_of(
        table,
        m.ListBlock(True, (m.ListItem((m.Paragraph((m.Text("first"),)),)),
                           m.ListItem((m.Paragraph((m.Text("second"),)), m.ListBlock(False, (m.ListItem((m.Paragraph((m.Text("inner"),)),)),))))), start=4),
        m.Figure(m.Image("a.png", "A map of the area")),
        m.Figure(m.Image("b.png", "")),
        m.Paragraph((m.Text("See "), m.Link("https://www.ipsea.org.uk/", (m.Emphasis((m.Text("IPSEA"),)),)), m.Text("."))),
    )))
    lines = text.split("\n")
    assert lines[0] == "# Title"
    assert "Route: Appeal; Time limit: two months." in lines
    assert "Route: Mediation; Time limit: 30 days." in lines
    assert ["4. first", "5. second", "  • inner"] == lines[lines.index("4. first"):lines.index("4. first") + 3]
    assert "Picture: A map of the area" in lines
    assert "Picture: An image without a description" in lines
    assert "See IPSEA (www.ipsea.org.uk)." in lines


def test_the_validator_finds_markup_but_the_heading_marker(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("# Title\n\n## A heading\n\nSee [this](http://a.uk).\n", encoding="utf-8")
    findings = check_braille_text(path)
    assert [f.level for f in findings] == [FAILURE] and findings[0].line == 5
    for bad in ("##No space\n", "####### Seven\n", "**bold**\n", "- a list\n"):
        path.write_text("# Title\n\n" + bad, encoding="utf-8")
        assert [f.line for f in check_braille_text(path)] == [3], bad


def test_the_text_is_the_same_every_time(small_project, tmp_path):
    document = small_document(small_project)
    first = BrailleWriter().write(document, tmp_path / "a", {})
    second = BrailleWriter().write(document, tmp_path / "b", {})
    for key in ("braille_text", "brf", "braille_preview"):
        assert first.files[key].read_bytes() == second.files[key].read_bytes()


def test_the_send_factsheet_slug_names_the_files(send_entry):
    assert send_entry["formats"]["braille_text"].endswith(f"{SEND_SLUG}-braille.txt")
    assert send_entry["formats"]["brf"].endswith(f"{SEND_SLUG}.brf")


def test_bold_and_italic_are_kept_as_spans_of_the_plain_words():
    from factsheets.writers.braille.text import styled_text

    text, spans = styled_text((
        m.Text("You "), m.Strong((m.Text("must  ask"),)), m.Text(" within "),
        m.Emphasis((m.Text("two months"),)), m.Text(", "), m.Strong((m.Text("not"),)), m.Text(" later."),
    ))
    assert text == "You must ask within two months, not later."
    assert [(text[start:end], kind) for start, end, kind in spans] == [("must ask", "bold"), ("two months", "italic"), ("not", "bold")]


def test_emphasis_in_the_source_is_emphasis_in_the_brf(tmp_path):
    from factsheets.validators.braille import brf_pages, read_back

    document = document_of(
        m.Heading(2, (m.Text("Time limits"),), "time-limits"),
        m.Paragraph((m.Text("You "), m.Strong((m.Text("must"),)), m.Text(" appeal within "),
                     m.Strong((m.Text("two months of the decision"),)), m.Text("."))),
        m.ListBlock(False, (m.ListItem((m.Paragraph((m.Text("ask "), m.Emphasis((m.Text("first"),)))),)),)),
        m.Quote((m.Paragraph((m.Text("Parents "), m.Strong((m.Text("should"),)), m.Text(" be told."))),), "11.1"),
    )
    output = BrailleWriter().write(document, tmp_path, {})
    lines = [line for page in brf_pages(output.files["brf"]) for line in page]
    brf = "\n".join(lines)
    assert "^1M/" in brf  # bold word indicator (dots 45, 2) before "must" (M/)
    assert "^7TWO" in brf and "^'" in brf  # bold passage indicator and terminator around four words
    assert ".1F/" in brf  # italic word indicator (dots 46, 2) before "first"
    assert "^1%D" in brf  # "should" in the quotation
    back = read_back(lines)
    for sentence in ("You must appeal within two months of the decision.", "ask first", "Parents should be told.", "End of quotation."):
        assert sentence in back
    # The braille-ready text stays plain words: the heading marker is its only mark.
    text = output.files["braille_text"].read_text(encoding="utf-8")
    assert "## Time limits" in text.split("\n") and "^" not in text and "*" not in text


def test_a_table_row_keeps_its_cells_emphasis():
    from factsheets.writers.braille.text import table_row

    text, spans = table_row(["Step", "Time limit"], ((m.Text("Notice"),), (m.Strong((m.Text("two weeks"),)),)))
    assert text == "Step: Notice; Time limit: two weeks."
    assert [text[a:b] for a, b, _ in spans] == ["two weeks"]
    text, spans = table_row([], ((m.Emphasis((m.Text("A"),)),), (m.Text("B"),)))
    assert (text, [text[a:b] for a, b, _ in spans]) == ("A; B.", ["A"])


def test_a_link_to_another_factsheet_gives_its_title_and_web_address(tmp_path):
    from conftest import FIXTURES, copy_project

    root = copy_project(tmp_path / "p", FIXTURES / "small")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "site_url: https://factsheets.example.org/\n")
    folder = root / "docs" / "factsheets"
    (folder / "annual-reviews.md").write_text("---\ntitle: Annual reviews\nsummary: x\nversion: 1\ndate: 2024-01\n---\n\nText.\n")
    short = folder / "short.md"
    short.write_text(short.read_text() + "\nRead [the reviews factsheet](annual-reviews.html) and [Annual reviews](/factsheets/annual-reviews/).\n")
    document = next(d for d in load_project(root).documents if d.meta.slug == "short")
    output = BrailleWriter().write(document, tmp_path / "out", {"project_root": root})
    text = output.files["braille_text"].read_text(encoding="utf-8-sig")
    assert ("Read the reviews factsheet (the factsheet \u201cAnnual reviews\u201d, factsheets.example.org/factsheets/annual-reviews.html) "
            "and Annual reviews (factsheets.example.org/factsheets/annual-reviews.html).") in text


def test_the_text_is_plain_utf8_and_marks_boxes_in_words(small_project, tmp_path):
    """For a transcriber's software: no byte-order mark, no lines of braille cells; a box's start
    says which box (a warning "Important", the rest "Note", as print and audio say it)."""
    document = document_of(
        m.Box("warning", (m.Text("Time limits"),), (m.Paragraph((m.Text("Act within two months."),)),), id="w"),
        m.Box("note", (m.Text("Good to know"),), (m.Paragraph((m.Text("It is free."),)),), id="n"),
    )
    lines = [line for line in braille_ready_text(pieces(document)).split("\n") if line]
    assert ["Box: Important", "### Time limits", "Act within two months.", "End of box"] == lines[lines.index("Box: Important"):lines.index("Box: Important") + 4]
    assert "Box: Note" in lines and lines.count("End of box") == 2
    assert not any(0x2800 <= ord(c) <= 0x28FF for c in "".join(lines))
    output = BrailleWriter().write(small_document(small_project), tmp_path, {"project_root": small_project})
    assert not output.files["braille_text"].read_bytes().startswith(b"\xef\xbb\xbf")


def test_lines_broken_on_purpose_stay_lines_in_braille_kept_together():
    # An address typed with a backslash or two spaces at each line's end: its own lines in
    # print and on the web, so in braille too, not run into one paragraph.
    address = m.Paragraph((m.Text("Bath Central Library"), m.LineBreak(), m.Text("19 The Podium"), m.LineBreak(), m.Text("Bath BA1 1AN")))
    text = braille_ready_text(pieces(document_of(m.Paragraph((m.Text("Visit us at:"),)), address)))
    assert "Visit us at:\n\nBath Central Library\n19 The Podium\nBath BA1 1AN\n" in text
