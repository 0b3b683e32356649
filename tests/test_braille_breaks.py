"""The BRF's line breaks read as a braille reader meets them (validators/braille_breaks.py):
a break that changes a word fails, and the leaflet's and the corpus's BRFs pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheets.validators.braille_breaks import broken_words, check_line_breaks

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

ADDRESS = "livewell.bathnes.gov.uk/special-educational-need-or-disability-send"
TEXT = f"# Help\n\nSee {ADDRESS}.\n\nEmail send@bathnes.gov.uk or ask for enough progress.\n"


def brf(tmp_path: Path, *lines: str) -> Path:
    """A BRF of one page of text after the title page: its lines as given."""
    pages = [["#A".rjust(40), "  ,HELP"], ["#B".rjust(40), *lines]]
    path = tmp_path / "x.brf"
    path.write_bytes(("\f".join("\r\n".join(page) + "\r\n" for page in pages)).encode("ascii"))
    (tmp_path / "x-braille.txt").write_text(TEXT, encoding="utf-8")
    return path


def findings(path: Path) -> list[str]:
    return [finding.message for finding in check_line_breaks(path, path.with_name("x-braille.txt"))]


# What issue 26 found: a line-start fragment read as a wordsign or contraction.
@pytest.mark.parametrize("lines", [
    ("  ,SEE ;;LIVEWELL4BATHNES4GOV4UK_/SPECIAL\"", "-EDUCATIONAL-NEED-OR-DISABILIT\"", "Y-SEND4"),  # "you-send"
    ("  ,SEE ;;LIVEWELL4BATHNES\"", "4GOV4UK_/SPECIAL-EDUCATIONAL-NEED-OR-\"", "DISABILITY-SEND4"),  # "disgov.uk"
    ("  ,EMAIL SEND@ABATHNES4GOV4U\"", "K OR ASK = 5 PROGRESS4"),  # a lone k: "knowledge"
    ("  ,SEE LIVEWELL4BATHNES4GOV4UK_/SPECIAL", "-EDUCATIONAL-NEED-OR-DISABILITY-SEND4"),  # no continuation: two words
    ("  ,EMAIL SEND@ABATHNES4GOV4UK OR ASK = 5 PRO", "GRESS4"),  # a word split with no mark at all
])
def test_a_line_break_that_changes_a_word_fails(tmp_path, lines):
    assert findings(brf(tmp_path, *lines))


def test_breaks_where_each_line_reads_alone_as_its_print_pass(tmp_path):
    """The same address broken after a slash and at a hyphen, and the "enough" wordsign at a
    line's end, which liblouis reads back as "en": its braille is the braille of "enough"."""
    path = brf(tmp_path, "  ,SEE ;;LIVEWELL4BATHNES4GOV4UK_/\"", "SPECIAL-EDUCATIONAL-NEED-OR-\"",
               "DISABILITY-SEND4", "  ,EMAIL SEND@ABATHNES4GOV4UK OR ASK = 5", "PROGRESS4")
    assert findings(path) == []
    assert broken_words(path) == [ADDRESS]  # over three lines, joined as the reader joins them


def test_the_message_says_where_and_what_the_reader_reads(tmp_path):
    path = brf(tmp_path, "  ,SEE ;;LIVEWELL4BATHNES\"", "4GOV4UK_/SPECIAL-EDUCATIONAL-NEED-OR-\"", "DISABILITY-SEND4")
    message = findings(path)[0]
    assert message.startswith("braille page 2, line 2: ") and "disgov" in message


@pytest.mark.parametrize("fixture", ["built_project", "built_corpus"], ids=["leaflet", "corpus"])
def test_every_line_break_of_the_leaflet_and_the_corpus_reads_as_its_print(request, fixture):
    """The projects built once with every format (conftest.py), as `factsheets check` meets them."""
    root = request.getfixturevalue(fixture)
    built = sorted((root / "build/site/files").glob("*/*.brf"))
    assert len(built) == len(list((root / "docs/factsheets").glob("*.md")))
    for path in built:
        assert check_line_breaks(path, path.with_name(f"{path.stem}-braille.txt")) == [], path.name
    if fixture == "built_project":  # the leaflet's long addresses are broken, and read whole
        assert "https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send" in broken_words(built[0])


def test_factsheets_check_reads_the_line_breaks(tmp_path):
    """check_braille is what `factsheets check` runs on each factsheet's braille files."""
    from factsheets.validators.braille import check_braille

    path = brf(tmp_path, "  ,SEE ;;LIVEWELL4BATHNES\"", "4GOV4UK_/SPECIAL-EDUCATIONAL-NEED-OR-\"", "DISABILITY-SEND4")
    assert any("line break" in finding.message for finding in check_braille(path, path.with_name("x-braille.txt")))
    assert not any("line break" in finding.message for finding in check_braille(path, path.with_name("x-braille.txt"), "cy"))
