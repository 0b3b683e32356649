"""Invisible characters: overrides never, isolates and marks only on a line of right-to-left text."""

from __future__ import annotations

import pytest

from factsheets.errors import SourceError
from factsheets.invisible import invisible_problem, refuse_invisible
from factsheets.sources import refuse_long_numbers


@pytest.mark.parametrize("text", [
    "Annual reviews",
    "می\u200cخواهم",  # Persian: the zero-width non-joiner is part of the spelling
    "क्\u200dष",  # Devanagari: a zero-width joiner
    "Child\u00adren",  # a soft hyphen
    "اتصل بنا على \u20660800 123 456\u2069 اليوم",  # an isolated number in Arabic text
    "שלום \u200fעולם",  # a right-to-left mark in Hebrew text
])
def test_text_as_it_is_written_is_allowed(text):
    assert invisible_problem(text) is None


@pytest.mark.parametrize("text, name", [
    ("report\u202efdp.exe", "right-to-left override"),
    ("اتصل \u202eبنا", "right-to-left override"),  # an override is refused even in Arabic text
    ("A \u2067title\u2069", "right-to-left isolate"),
    ("A\u200ftitle", "right-to-left mark"),
    ("Annual\u200breviews", "zero width space"),
    ("Annual\u2060reviews", "word joiner"),
])
def test_invisible_characters_that_change_what_is_shown_are_refused(text, name):
    found = invisible_problem(text)
    assert found is not None and name in found[1], found


def test_a_mark_is_allowed_only_on_the_line_with_right_to_left_letters():
    with pytest.raises(SourceError) as raised:
        refuse_invisible("شكرا\nThanks \u200f\n", "docs/x.md", 5)
    assert str(raised.value.location) == "docs/x.md:6"


def test_a_number_longer_than_any_real_one_is_refused_at_its_line():
    refuse_long_numbers("Call 0800 123 456 or pay £1,000,000.\n" + "1" * 100 + "\n", "docs/x.md")
    with pytest.raises(SourceError) as raised:
        refuse_long_numbers("Text.\n\nPay £" + "9" * 5000 + ".\n", "docs/x.md")
    assert str(raised.value.location) == "docs/x.md:3" and "5,000 digits long" in raised.value.message
    with pytest.raises(SourceError):
        refuse_long_numbers("£" + "1,000" * 40, "docs/x.md")
