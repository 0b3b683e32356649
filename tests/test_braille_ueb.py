"""UEB from liblouis: computer material uncontracted, emphasis shown, all read back."""

from __future__ import annotations

import pytest

from factsheets.engines import liblouis
from factsheets.validators.braille import read_back
from factsheets.writers.braille.ueb import GRADE_1_WORD, computer_spans, translate_piece

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

ADDRESSES = [
    "www.gov.uk/government/publications/send-code-of-practice-0-to-25",
    "www.ipsea.org.uk",
    "livewell.bathnes.gov.uk/special-educational-need-or-disability-send",
    "send_partnershipservice@bathnes.gov.uk",
    "first.last@example.co.uk",
    "annual-review-form.docx",
    "www.contact.org.uk/",
    "b.uk",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_computer_material_is_found_without_the_sentence_around_it(address):
    text = f"See ({address}). Or read {address}, then stop."
    found = [text[start:end] for start, end in computer_spans(text)]
    assert found == [address, address]


def test_ordinary_words_and_times_are_not_computer_material():
    assert computer_spans("10.00am – 3.00pm, e.g. Monday, Section 9.45 and/or the co-ordinator.") == []


@pytest.mark.parametrize("address", ADDRESSES)
def test_computer_material_is_uncontracted_and_reads_back_exactly(address):
    text = f"You can find it at {address} today."
    translation = translate_piece(text)
    start = text.index(address)
    cells = [i for i, source in enumerate(translation.source_of_cell) if start <= source < start + len(address)]
    braille = translation.braille[cells[0]:cells[-1] + 1].removeprefix(GRADE_1_WORD)
    # Uncontracted: the same cells as liblouis's uncontracted (grade 1) UEB table gives.
    grade_1 = liblouis.louis().translateString([liblouis.BRF_DISPLAY, "en-ueb-g1.ctb"], address)
    assert braille == grade_1
    assert read_back([translation.braille]) == text
    # The words around it are still contracted ("today" is TD).
    assert translation.braille.endswith(" TD4")


def test_the_grade_1_indicator_goes_where_the_letters_would_read_as_contractions():
    # Without it, liblouis reads the lone "b" after the slash as the wordsign for "but".
    address = "www.x.y-z.uk/b"
    assert liblouis.back_translate(liblouis.translate(address, [liblouis.NO_CONTRACT] * len(address)).braille) != address
    assert translate_piece(f"at {address} now").braille == "AT ;;WWW4X4Y-Z4UK_/B N["
    assert read_back(["AT ;;WWW4X4Y-Z4UK_/B N["]) == f"at {address} now"
    # Letters that read as letters need none.
    assert GRADE_1_WORD not in translate_piece("at www.ipsea.org.uk now").braille


def test_before_the_fix_contracted_addresses_read_back_wrongly_when_broken():
    """What the issue saw: liblouis's contracted address, broken at a hyphen, reads back wrong."""
    contracted = liblouis.translate("www.gov.uk/government/publications/send-code-of-practice-0-to-25").braille
    assert "GOV]N;T" in contracted and "PUBLICA;NS" in contracted
    assert read_back(["WWW4GOV4UK_/GOV]N;T_/PUBLICA;NS_/S5D-", "CODE-(-PRACTICE-#J-TO-#BE"]) != (
        "www.gov.uk/government/publications/send-code-of-practice-0-to-25")


@pytest.mark.parametrize("kind, indicator", [("bold", "^"), ("italic", ".")])
def test_emphasis_gets_ueb_indicators_and_reads_back(kind, indicator):
    text = "Call us before the closing date and ask for help."
    one_word = translate_piece(text, ((text.index("before"), text.index("before") + 6, kind),)).braille
    assert f"{indicator}1" in one_word  # the word indicator: dots 45 or 46, then dot 2
    passage = (text.index("before"), text.index(" and"), kind)  # three words
    braille = translate_piece(text, (passage,)).braille
    assert f"{indicator}7" in braille and f"{indicator}'" in braille  # passage indicator and terminator
    assert read_back([braille]) == text
    assert read_back([translate_piece(text).braille]) == text and "^" not in translate_piece(text).braille


def test_emphasis_and_an_address_together():
    text = "Write to info@example.org today."
    braille = translate_piece(text, ((text.index("today"), text.index("today") + 5, "bold"),)).braille
    assert "INFO@AEXAMPLE4ORG" in braille and "^1TD" in braille
    assert read_back([braille]) == text


def test_a_colon_in_an_address_is_grade_1_and_reads_back_as_a_colon():
    """liblouis's contracted table reads dots 25 inside a word as "cc", even after a grade 1
    word indicator; its grade 1 table reads our braille as the address exactly, and so does
    read_back, which reads a word after a grade 1 indicator as grade 1 (issue 16)."""
    address = "https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send"
    braille = translate_piece(address).braille
    assert braille.startswith(GRADE_1_WORD + "HTTPS3_/_/LIVEWELL")
    grade_1 = [liblouis.BRF_DISPLAY, "en-ueb-g1.ctb"]
    assert liblouis.louis().backTranslateString(grade_1, braille.removeprefix(GRADE_1_WORD)) == address
    assert read_back([braille]) == address
    assert read_back([translate_piece(f"Go to {address} today.").braille]) == f"Go to {address} today."


# (print, emphasised words): the phrase ends or starts inside a symbols-sequence, against a
# full stop, comma, bracket or quotation mark, where liblouis 3.24 gave a word indicator on
# every word ("we pay now." bold: three word indicators) or a passage plus a word indicator.
PHRASES = [
    ("We pay now.", "We pay now"),
    ("It costs up to £1,200 a year.", "up to £1,200 a year"),
    ("It is (we pay now) today.", "we pay now"),
    ('Say "we pay now" today.', "we pay now"),
    ("You must not wait, ask.", "You must not wait"),
    ("Then do not.", "do not"),
    ("Then stop!", "stop"),
]


@pytest.mark.parametrize("kind, indicator", [("bold", "^"), ("italic", ".")])
@pytest.mark.parametrize("text, phrase", PHRASES)
def test_a_phrase_of_three_words_is_one_passage_and_a_shorter_one_word_indicators(kind, indicator, text, phrase):
    """UEB's section 9: a passage (three or more symbols-sequences) has one passage indicator
    and one terminator and no word indicator; one or two words have a word indicator each."""
    start = text.index(phrase)
    braille = translate_piece(text, ((start, start + len(phrase), kind),)).braille
    words = len(phrase.split())
    word_indicators, passages, terminators = (braille.count(indicator + root) for root in "17'")
    if words >= 3:
        assert (passages, terminators, word_indicators) == (1, 1, 0), braille
    else:
        assert (passages, word_indicators) == (0, words), braille
    assert read_back([braille]) == text
