"""Times of day (writers/audio/clock.py): a range without a.m. or p.m. as a UK reader says it."""

import pytest

from conftest import LEAFLET
from factsheets.writers.audio.lexicon import load_lexicon
from factsheets.writers.audio.normalise import Normaliser

NORMALISER = Normaliser(load_lexicon(LEAFLET / "glossary" / "lexicon.yml"))


@pytest.mark.parametrize("written, spoken", [
    ("Our hours are 9:00-17:00 daily.", "Our hours are 9 a.m. to 5 p.m. daily."),  # the 24-hour clock: a.m. and p.m.
    ("open from 9:00-17:00", "open from 9 a.m. to 5 p.m."),
    ("Lunch 12:00-13:00.", "Lunch 12 noon to 1 p.m."),
    ("Clinic 13:30–14:00", "Clinic 1 30 p.m. to 2 p.m."),
    ("and 9.30–12.30 on Saturday", "and 9 30 to 12 30 on Saturday"),  # either half of the day: as written
    ("Open 9:00 to 12:00", "Open 9 to 12"),
    # paragraph numbers, not times
    ("You can read sections 9.45 – 9.52 of the Code.", "You can read sections 9.45 to 9.52 of the Code."),
    ("See paras 6.15–6.45.", "See paragraphs 6.15 to 6.45."),
    ("See paragraphs 11.21-11.25.", "See paragraphs 11.21 to 11.25."),
])
def test_a_range_of_times_without_am_or_pm(written, spoken):
    assert NORMALISER.speak(written).text == spoken
