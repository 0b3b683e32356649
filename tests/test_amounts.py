"""Money, days, ratios and abbreviations in running English text (writers/audio/amounts.py)."""

import pytest

from conftest import LEAFLET
from factsheets.writers.audio.lexicon import load_lexicon
from factsheets.writers.audio.normalise import Normaliser

NORMALISER = Normaliser(load_lexicon(LEAFLET / "glossary" / "lexicon.yml"))


def said(text: str) -> str:
    return NORMALISER.speak(text).text


@pytest.mark.parametrize("written, spoken", [
    ("You pay £24.04 each week.", "You pay twenty-four pounds and four pence each week."),  # not heard as £24.40
    ("From £120.01 a week", "From one hundred and twenty pounds and one penny a week"),
    ("It costs €2.05.", "It costs two euros and five cents."),
    ("You pay £3.60.", "You pay three pounds sixty."),  # ten pence or more: as before
])
def test_an_amount_with_a_few_pence_says_pence(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Open Mon–Fri and on Sat.", "Open Monday to Friday and on Saturday."),
    ("You can visit us Tue/Thu 10am-2pm.", "You can visit us Tuesday and Thursday 10 a.m. to 2 p.m."),
    ("Open Mon/Wed/Fri.", "Open Monday, Wednesday and Friday."),
    ("Open Mon. to Fri.", "Open Monday to Friday."),
    ("Closed on Wed", "Closed on Wednesday"),
    ("The Sun says so.", "The Sun says so."),  # not a day
    ("Sat down.", "Sat down."),
])
def test_short_day_names_are_said_in_full(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("The student ratio is 3:1.", "The student ratio is 3 to 1."),
    ("a 30:1 ratio", "a 30 to 1 ratio"),
    ("split 50:50", "split 50 to 50"),
    ("The meeting starts at 10:30.", "The meeting starts at 10 30."),  # a time
])
def test_a_ratio_is_said_to(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Our office is at Nos. 1-3 Guildhall.", "Our office is at numbers 1 to 3 Guildhall."),
    ("nos. 4 and 5", "numbers 4 and 5"),
    ("Bring ID, e.g. a passport.", "Bring ID, for example a passport."),
    ("Some, e.g., a bill", "Some, for example a bill"),
    ("E.g. this", "for example this"),
])
def test_leaflet_abbreviations_are_said_in_words(written, spoken):
    assert said(written) == spoken
