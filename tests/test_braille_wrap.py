"""Line breaking: words never split, addresses broken only where UEB allows."""

from __future__ import annotations

import pytest

from factsheets.engines import liblouis
from factsheets.validators.braille import read_back
from factsheets.writers.braille.ueb import CONTINUATION, translate_piece
from factsheets.writers.braille.wrap import MIN_WIDTH, wrap

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

LONG_ADDRESSES = [
    "www.gov.uk/government/publications/send-code-of-practice-0-to-25",
    "www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability",
    "www.globalmediation.co.uk/service/special-educational-needs-disability/",
    "https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send",
    "a-very-long-email-address-for-the-service@department.example.gov.uk",
    "special-educational-needs-and-disability-tribunal-appeal-form-2024.pdf",
]


def lines_of(text: str, width: int) -> list[str]:
    return wrap(translate_piece(text), text, width, width)


def test_wrapping_never_splits_words_and_keeps_dashes_at_line_ends():
    text = "The service is free and confidential – and you can choose whether to use it or not, as you wish."
    translation = liblouis.translate(text)
    lines = wrap(translation, text, 20, 20)
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == translation.braille
    assert not any(line.startswith(",-") for line in lines)


@pytest.mark.parametrize("address", LONG_ADDRESSES)
@pytest.mark.parametrize("width", [20, 30, 38])
def test_a_long_address_breaks_only_where_ueb_allows(address, width):
    text = f"See {address} for more."
    lines = lines_of(text, width)
    assert all(len(line) <= width for line in lines)
    broken = [line for line in lines if line.endswith(CONTINUATION)]
    assert broken, lines  # longer than a line, so broken, each break marked
    for line, after in zip(lines, lines[1:]):
        if line.endswith(CONTINUATION):
            # Never beside a hyphen; never a hyphen at a line's end.
            assert not line.removesuffix(CONTINUATION).endswith("-") and not after.startswith("-"), (line, after)
        assert not line.endswith("-")
    joined = read_back(lines)
    if address.startswith("https"):  # see test_braille_ueb: liblouis reads the colon as "cc"
        joined = joined.replace("httpscc//", "https://")
    assert joined == text


def test_breaks_fall_after_a_slash_or_before_a_dot_when_there_is_one():
    text = "www.gov.uk/government/publications/send-code-of-practice-0-to-25"
    lines = lines_of(text, 32)
    assert lines == ["WWW4GOV4UK_/GOVERNMENT_/" + CONTINUATION, "PUBLICATIONS_/" + CONTINUATION, "SEND-CODE-OF-PRACTICE-#J-TO-#BE"]
    # With no slash or dot in reach, between two letters, still with the indicator.
    lines = lines_of("www.example.org.uk/a-very-long-folder-name-with-no-slash-or-dot", 20)
    assert [line[-1] for line in lines[:-1]] == [CONTINUATION] * (len(lines) - 1)
    assert read_back(lines) == "www.example.org.uk/a-very-long-folder-name-with-no-slash-or-dot"


def test_an_address_that_fits_on_a_line_is_never_broken():
    text = "You can find out more about mediation at www.globalmediation.co.uk/service/ today."
    lines = lines_of(text, 38)
    assert any(line.startswith("WWW4GLOBALMEDIATION4CO4UK_/SERVICE_/") for line in lines), lines
    assert not any(line.endswith(CONTINUATION) for line in lines)


def test_an_ordinary_over_long_word_breaks_after_its_hyphen_without_a_continuation_indicator():
    text = "a mother-in-law-to-be-and-father-in-law-to-be arrangement"
    lines = wrap(liblouis.translate(text), text, 20, 20)
    assert all(len(line) <= 20 for line in lines) and not any(line.endswith(CONTINUATION) for line in lines)
    assert all(line.endswith("-") for line in lines[1:-2])


@pytest.mark.parametrize("width", [0, 1, MIN_WIDTH - 1, -5])
def test_a_line_too_narrow_to_advance_is_refused_not_looped_on(width):
    text = "www.gov.uk/government/publications"
    with pytest.raises(ValueError):
        wrap(translate_piece(text), text, width, 40)


TEXT = "Read www.gov.uk/courts-tribunals/first-tier-tribunal and write to send_partnershipservice@bathnes.gov.uk."


@pytest.mark.parametrize("width", range(12, 41))
def test_every_width_lays_out_everything(width):
    lines = lines_of(TEXT, width)
    assert all(0 < len(line) <= width for line in lines)
    assert read_back(lines) == TEXT


@pytest.mark.parametrize("width", range(MIN_WIDTH, 12))
def test_even_the_narrowest_lines_finish_and_fit(width):
    lines = lines_of(TEXT, width)
    assert all(0 < len(line) <= width for line in lines)


def test_a_long_file_name_breaks_between_letters_not_inside_its_number():
    text = "annual-review-parent-views-2024.docx"
    lines = lines_of(text, 28)
    # A lone "s" starting a line would read as "so": the grade 1 indicator goes before it.
    assert lines == ["ANNUAL-REVIEW-PARENT-VIEW" + CONTINUATION, ";;S-#BJBD4;DOCX"]
    assert read_back(lines) == text


def read_alone(lines: list[str]) -> str:
    """Each line read back on its own, as a reader who starts at that line reads it, then
    joined: run on after a continuation indicator, else with a space."""
    said = ""
    for index, line in enumerate(lines):
        joiner = "" if index == 0 or lines[index - 1].endswith(CONTINUATION) else " "
        said += joiner + read_back([line])
    return said


@pytest.mark.parametrize("text, width", [
    ("Email: send_partnershipservice@bathnes.gov.uk", 36),
    ("You can find the Local Offer at https://livewell.bathnes.gov.uk/special-educational-need-or-disability-send.", 40),
    ("www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability", 38),
    ("See www.x.y-z.uk/b/y/k/a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w.gov.uk now.", 14),
    *[(f"See {address} for more.", width) for address in LONG_ADDRESSES for width in (20, 30, 38)],
])
def test_every_line_of_a_broken_address_reads_back_alone_as_its_own_print(text, width):
    """A fragment starting a line is read without the line before it: "4GOV4UK" alone is
    "disgov.uk" and "Y-SEND" is "you-send" unless a grade 1 indicator goes before it."""
    lines = lines_of(text, width)
    assert all(len(line) <= width for line in lines), lines
    assert read_alone(lines).replace("httpscc//", "https://") == text, lines


def test_an_email_breaks_at_its_at_sign_before_a_dot():
    lines = lines_of("send_partnershipservice@bathnes.gov.uk", 36)
    assert lines == ["SEND.-PARTNERSHIPSERVICE" + CONTINUATION, "@ABATHNES4GOV4UK"]
